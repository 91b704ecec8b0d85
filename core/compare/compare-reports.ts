/**
 * Compares two editions of a report: sections first (align-sections), then the paragraphs of
 * each pair of sections (align-paragraphs), then the characters of each edited paragraph
 * (char-diff), then the figures in what changed (compare-figures). Work is proportional to the
 * documents' size plus the size of what changed, so a 5 MB report compares in well under a
 * second when little changed.
 */
import { paragraphFigures, sectionsById } from '../figures/extract-figures';
import type { Figure } from '../figures/figure-model';
import type { Paragraph, ReportDocument, Section } from '../report/report-model';
import { normalizeForSearch } from '../search/normalize-for-search';
import { alignParagraphs } from './align-paragraphs';
import { alignSections } from './align-sections';
import { diffText, type Hunk } from './char-diff';
import { matchFigureChanges, type EditedPair } from './compare-figures';
import type {
  Change,
  ChangeKind,
  Comparison,
  FigureChange,
  ParagraphRow,
  SectionAlignment,
} from './comparison-model';

/** Sections between two progress reports. */
const PROGRESS_EVERY = 50;
/** Characters of context kept on each side of a change (views take the same on the old side). */
export const CHANGE_CONTEXT = 20;
const CONTEXT = CHANGE_CONTEXT;

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'text-changed',
  'paragraph-added',
  'paragraph-removed',
  'section-added',
  'section-removed',
  'section-renamed',
  'section-moved',
  'section-renumbered',
];

interface Where {
  oldSection: Section | null;
  newSection: Section | null;
}

/** Builds rows and changes in reading order. */
class ComparisonBuilder {
  readonly rows: ParagraphRow[] = [];
  readonly changes: Change[] = [];
  readonly figureChanges: FigureChange[] = [];
  private readonly rowOfNew = new Map<string, ParagraphRow>();
  private readonly rowOfOld = new Map<string, ParagraphRow>();
  private readonly oldSections: Map<string, Section>;
  private readonly newSections: Map<string, Section>;

  constructor(oldDoc: ReportDocument, newDoc: ReportDocument) {
    this.oldSections = sectionsById(oldDoc);
    this.newSections = sectionsById(newDoc);
  }

  newSection(id: string): Section | undefined {
    return this.newSections.get(id);
  }

  addRow(old: Paragraph | null, next: Paragraph | null): void {
    const row: ParagraphRow = {
      oldParagraphId: old?.id ?? null,
      newParagraphId: next?.id ?? null,
      changeIndexes: [],
    };
    this.rows.push(row);
    if (old) this.rowOfOld.set(old.id, row);
    if (next) this.rowOfNew.set(next.id, row);
  }

  addChange(
    kind: ChangeKind,
    where: Where,
    olds: readonly Paragraph[],
    news: readonly Paragraph[],
    hunk: Hunk | null,
  ): Change {
    const section = where.newSection ?? where.oldSection;
    const first = news[0] ?? olds[0];
    const onNew = news.length > 0;
    const at = hunk ? (onNew ? hunk.newStart : hunk.oldStart) : 0;
    const end = hunk ? (onNew ? hunk.newEnd : hunk.oldEnd) : (first?.text.length ?? 0);
    const change: Change = {
      index: this.changes.length,
      kind,
      sectionPath: section?.numberPath ?? '',
      sectionTitle: section?.title ?? '',
      oldSectionId: where.oldSection?.id ?? null,
      newSectionId: where.newSection?.id ?? null,
      oldParagraphIds: olds.map((p) => p.id),
      newParagraphIds: news.map((p) => p.id),
      oldText: hunk
        ? olds[0]!.text.slice(hunk.oldStart, hunk.oldEnd)
        : olds.map((p) => p.text).join('\n'),
      newText: hunk
        ? news[0]!.text.slice(hunk.newStart, hunk.newEnd)
        : news.map((p) => p.text).join('\n'),
      oldTexts: hunk ? [] : olds.map((p) => p.text),
      newTexts: hunk ? [] : news.map((p) => p.text),
      oldRange: hunk ? { start: hunk.oldStart, end: hunk.oldEnd } : null,
      newRange: hunk ? { start: hunk.newStart, end: hunk.newEnd } : null,
      before: hunk && first ? first.text.slice(Math.max(0, at - CONTEXT), at) : '',
      after: hunk && first ? first.text.slice(end, end + CONTEXT) : '',
      cosmetic: false,
      figureChanges: [],
    };
    change.cosmetic = hunk !== null && sameButForWidth(change.oldText, change.newText);
    this.changes.push(change);
    for (const p of olds) this.rowOfOld.get(p.id)?.changeIndexes.push(change.index);
    for (const p of news) {
      const row = this.rowOfNew.get(p.id);
      if (row && !row.changeIndexes.includes(change.index)) row.changeIndexes.push(change.index);
    }
    return change;
  }

  /** A whole section added or removed: one change for its own paragraphs. */
  wholeSection(alignment: SectionAlignment): void {
    const added = alignment.kind === 'added';
    const section = added
      ? this.newSections.get(alignment.new!.id)!
      : this.oldSections.get(alignment.old!.id)!;
    for (const p of section.paragraphs) this.addRow(added ? null : p, added ? p : null);
    this.addChange(
      added ? 'section-added' : 'section-removed',
      { oldSection: added ? null : section, newSection: added ? section : null },
      added ? [] : section.paragraphs,
      added ? section.paragraphs : [],
      null,
    );
  }

  /** Two corresponding blocks of paragraphs (a section pair, or the title and preamble). */
  pairedBlock(
    olds: readonly Paragraph[],
    news: readonly Paragraph[],
    where: Where,
    alignment: SectionAlignment | null,
  ): void {
    const pairs = alignParagraphs(olds, news);
    for (const pair of pairs) this.addRow(pair.old, pair.new);
    const edited: EditedPair[] = [];
    const touchedOld: Paragraph[] = [];
    const touchedNew: Paragraph[] = [];
    const changesOfBlock: Change[] = [];

    pairs.forEach((pair, i) => {
      if (pair.old && pair.new) {
        const isHeading = i === 0 && alignment !== null && pair.old.kind === 'heading';
        const hunks = pair.old.text === pair.new.text ? [] : diffText(pair.old.text, pair.new.text);
        if (isHeading)
          this.heading({ old: pair.old, new: pair.new }, hunks, where, alignment, changesOfBlock);
        else {
          for (const hunk of hunks) {
            changesOfBlock.push(
              this.addChange('text-changed', where, [pair.old], [pair.new], hunk),
            );
          }
        }
        if (hunks.length > 0) {
          edited.push({ oldParagraphId: pair.old.id, newParagraphId: pair.new.id, hunks });
          touchedOld.push(pair.old);
          touchedNew.push(pair.new);
        }
      } else if (pair.new) {
        changesOfBlock.push(this.addChange('paragraph-added', where, [], [pair.new], null));
        touchedNew.push(pair.new);
      } else if (pair.old) {
        changesOfBlock.push(this.addChange('paragraph-removed', where, [pair.old], [], null));
        touchedOld.push(pair.old);
      }
    });
    if (touchedOld.length > 0 && touchedNew.length > 0) {
      this.figures(touchedOld, touchedNew, edited, changesOfBlock);
    }
  }

  /**
   * A section's heading: its edits inside the heading part are one rename, move or renumbering
   * change; edits in a run-in body after it are ordinary text changes.
   */
  private heading(
    pair: { old: Paragraph; new: Paragraph },
    hunks: readonly Hunk[],
    where: Where,
    alignment: SectionAlignment,
    out: Change[],
  ): void {
    const oldHeadingEnd = pair.old.headingLength ?? pair.old.text.length;
    const newHeadingEnd = pair.new.headingLength ?? pair.new.text.length;
    const inHeading = hunks.filter((h) => h.oldStart < oldHeadingEnd || h.newStart < newHeadingEnd);
    const inBody = hunks.filter((h) => !inHeading.includes(h));
    const kind: ChangeKind | null =
      alignment.kind === 'moved'
        ? 'section-moved'
        : alignment.kind === 'renamed'
          ? 'section-renamed'
          : inHeading.length === 0
            ? null
            : alignment.numberChanged
              ? 'section-renumbered'
              : 'text-changed';
    if (kind) {
      const span: Hunk | null =
        inHeading.length === 0
          ? null
          : {
              oldStart: inHeading[0]!.oldStart,
              oldEnd: inHeading.at(-1)!.oldEnd,
              newStart: inHeading[0]!.newStart,
              newEnd: inHeading.at(-1)!.newEnd,
            };
      const change = this.addChange(kind, where, [pair.old], [pair.new], span);
      if (!span) {
        // A move without a textual edit: the whole heading on both sides, no range to apply.
        change.oldText = pair.old.text.slice(0, oldHeadingEnd);
        change.newText = pair.new.text.slice(0, newHeadingEnd);
      }
      out.push(change);
    }
    for (const hunk of inBody)
      out.push(this.addChange('text-changed', where, [pair.old], [pair.new], hunk));
  }

  private figures(
    olds: readonly Paragraph[],
    news: readonly Paragraph[],
    edited: readonly EditedPair[],
    changes: readonly Change[],
  ): void {
    const oldFigures: Figure[] = olds.flatMap((p) => paragraphFigures(p, this.oldSections));
    const newFigures: Figure[] = news.flatMap((p) => paragraphFigures(p, this.newSections));
    for (const found of matchFigureChanges(oldFigures, newFigures, edited)) {
      const holder = changes.find((change) => {
        if (!change.newParagraphIds.includes(found.new.paragraphId)) return false;
        const range = change.newRange;
        return (
          !range ||
          (found.new.start < Math.max(range.end, range.start + 1) && found.new.end > range.start)
        );
      });
      const figureChange: FigureChange = { ...found, changeIndex: holder?.index ?? null };
      holder?.figureChanges.push(figureChange);
      this.figureChanges.push(figureChange);
    }
  }
}

/** Equal once width and case are folded and spaces dropped (the search normalisation). */
function sameButForWidth(a: string, b: string): boolean {
  const fold = (text: string): string => normalizeForSearch(text).text.replace(/\s+/gu, '');
  return a !== b && fold(a) === fold(b);
}

/** A run of consecutive paragraphs with the same section (null: title, preamble, 落款…). */
interface Block {
  sectionId: string | null;
  paragraphs: Paragraph[];
}

/**
 * The document cut into blocks in reading order. Reading `doc.paragraphs` (not the section tree)
 * keeps every paragraph, whatever lies outside sections: front matter, title and preamble before
 * the first heading, a closing block after the last one.
 */
function blocksOf(doc: ReportDocument): Block[] {
  const blocks: Block[] = [];
  for (const paragraph of doc.paragraphs) {
    const last = blocks.at(-1);
    if (last && last.sectionId === paragraph.sectionId) last.paragraphs.push(paragraph);
    else blocks.push({ sectionId: paragraph.sectionId, paragraphs: [paragraph] });
  }
  return blocks;
}

export interface CompareOptions {
  /** Called as sections are compared (done of total), e.g. to post progress from a worker. */
  onProgress?: (done: number, total: number) => void;
}

/** Compares two editions; `oldDoc` is the earlier one (or the draft). Never throws. */
export function compareReports(
  oldDoc: ReportDocument,
  newDoc: ReportDocument,
  options: CompareOptions = {},
): Comparison {
  const pairing = alignSections(oldDoc, newDoc);
  const builder = new ComparisonBuilder(oldDoc, newDoc);
  const oldSections = sectionsById(oldDoc);
  const outside = { oldSection: null, newSection: null };

  // Removed sections, keyed by the new section they follow (null: before every section).
  const removedAfter = new Map<string | null, SectionAlignment[]>();
  const byNewId = new Map<string, SectionAlignment>();
  let anchor: string | null = null;
  for (const alignment of pairing.alignments) {
    if (alignment.new) {
      anchor = alignment.new.id;
      byNewId.set(anchor, alignment);
    } else {
      const list = removedAfter.get(anchor) ?? [];
      list.push(alignment);
      removedAfter.set(anchor, list);
    }
  }
  const removedAt = (key: string | null): void => {
    for (const alignment of removedAfter.get(key) ?? []) builder.wholeSection(alignment);
    removedAfter.delete(key);
  };

  // Blocks outside sections pair by their order: the opening with the opening, a closing with a closing.
  const oldOutside = blocksOf(oldDoc).filter((block) => block.sectionId === null);
  let outsideSeen = 0;
  const total = pairing.alignments.length;
  let done = 0;
  for (const block of blocksOf(newDoc)) {
    if (block.sectionId === null) {
      const old = oldOutside[outsideSeen++];
      builder.pairedBlock(old?.paragraphs ?? [], block.paragraphs, outside, null);
      if (outsideSeen === 1) removedAt(null);
      continue;
    }
    removedAt(null);
    if (options.onProgress && done % PROGRESS_EVERY === 0) options.onProgress(done, total);
    done += 1;
    const alignment = byNewId.get(block.sectionId);
    const newSection = builder.newSection(block.sectionId);
    if (!alignment || !newSection) {
      // Not in the section list (an inconsistent model): keep its paragraphs as added ones.
      builder.pairedBlock([], block.paragraphs, outside, null);
    } else if (!alignment.old) {
      builder.wholeSection(alignment);
    } else {
      const oldSection = oldSections.get(alignment.old.id)!;
      builder.pairedBlock(
        oldSection.paragraphs,
        block.paragraphs,
        { oldSection, newSection },
        alignment,
      );
    }
    removedAt(block.sectionId);
  }
  removedAt(null);
  for (const key of [...removedAfter.keys()]) removedAt(key);
  for (const old of oldOutside.slice(outsideSeen)) {
    builder.pairedBlock(old.paragraphs, [], outside, null);
  }
  options.onProgress?.(total, total);

  const counts = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<
    ChangeKind,
    number
  >;
  for (const change of builder.changes) counts[change.kind] += 1;
  return {
    oldTitle: oldDoc.title,
    newTitle: newDoc.title,
    sections: pairing.alignments,
    rows: builder.rows,
    changes: builder.changes,
    figureChanges: builder.figureChanges,
    counts,
  };
}
