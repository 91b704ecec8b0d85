/**
 * The result of comparing two editions of a report (two years, or a draft and the final):
 * which sections correspond, which paragraphs correspond, and a flat list of changes in reading
 * order that the UI steps through (F7 / Shift+F7) and exports. Plain data, so it can cross a
 * worker or IPC boundary as is.
 */
import type { Figure } from '../figures/figure-model';
import type { TextRange } from '../report/report-source';

/** How a section of one edition corresponds to the other edition. */
export type SectionMatchKind = 'matched' | 'renamed' | 'moved' | 'added' | 'removed';

export interface SectionRef {
  id: string;
  numberPath: string;
  title: string;
  level: number;
}

export interface SectionAlignment {
  kind: SectionMatchKind;
  old: SectionRef | null;
  new: SectionRef | null;
  /** Matched, renamed or moved: the title differs (ignoring width and punctuation). */
  titleChanged: boolean;
  /** Matched, renamed or moved: the numbering path differs (e.g. 3. became 2.). */
  numberChanged: boolean;
}

export type ChangeKind =
  | 'text-changed'
  | 'paragraph-added'
  | 'paragraph-removed'
  | 'section-added'
  | 'section-removed'
  | 'section-renamed'
  | 'section-moved'
  | 'section-renumbered';

/** One figure whose value differs between the editions, matched by subject and unit. */
export interface FigureChange {
  subject: string;
  /** The new figure's unit. */
  unit: string;
  old: Figure;
  new: Figure;
  /** new − old, in the new figure's unit (percentage points when the unit is %). */
  delta: number;
  /** The relative change in percent, or null when the old value is 0. */
  percentChange: number | null;
  /** Index in `Comparison.changes` of the change that holds the new figure, or null. */
  changeIndex: number | null;
}

export interface Change {
  /** Position in `Comparison.changes`. */
  index: number;
  kind: ChangeKind;
  /** Where it is, for a list row: the new section's path and title, else the old one's. */
  sectionPath: string;
  sectionTitle: string;
  oldSectionId: string | null;
  newSectionId: string | null;
  /**
   * The paragraphs on each side. One each for a text change; the removed or added paragraphs
   * of a paragraph or section change; the heading paragraphs of a section rename/move/renumber.
   */
  oldParagraphIds: string[];
  newParagraphIds: string[];
  /**
   * The text on each side: for a text change (and a heading's rename/move/renumber) the replaced
   * span; for added and removed paragraphs their whole text, paragraphs joined with '\n'.
   */
  oldText: string;
  newText: string;
  /**
   * For added and removed paragraphs and sections: each paragraph's whole text, in the order of
   * the ids (a table's text holds line breaks, so `oldText`/`newText` cannot be split back).
   * Empty for a change inside a paragraph.
   */
  oldTexts: string[];
  newTexts: string[];
  /** Span of `oldText` in the first old paragraph's text; null when whole paragraphs changed. */
  oldRange: TextRange | null;
  /** Span of `newText` in the first new paragraph's text; null when whole paragraphs changed. */
  newRange: TextRange | null;
  /** A little text before and after the change (from the new side when there is one). */
  before: string;
  after: string;
  /**
   * True when the two sides differ only in character width or spacing ("," -> "，", "(一)" ->
   * "（一）"): a view may fold these away; they are still changes of the published text.
   */
  cosmetic: boolean;
  /** Figures whose values this change alters. */
  figureChanges: FigureChange[];
}

/** Two corresponding paragraphs, or a paragraph present on one side only, in reading order. */
export interface ParagraphRow {
  oldParagraphId: string | null;
  newParagraphId: string | null;
  /** Indexes in `Comparison.changes` of the changes touching this row. */
  changeIndexes: number[];
}

export interface Comparison {
  oldTitle: string | null;
  newTitle: string | null;
  /** Every section of both editions, in the new edition's order, removed ones where they were. */
  sections: SectionAlignment[];
  /**
   * Every paragraph of both editions in reading order: the new edition's order, with removed
   * paragraphs where they stood. The side-by-side view renders these rows.
   */
  rows: ParagraphRow[];
  changes: Change[];
  figureChanges: FigureChange[];
  /** How many changes of each kind. */
  counts: Record<ChangeKind, number>;
}
