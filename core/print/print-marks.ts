/**
 * Turns anchored annotations into what the print page draws: highlighted stretches of each
 * printed paragraph, note markers numbered in reading order, the endnotes of each section, and
 * the annotations that could not be placed (listed at the end, never silently dropped).
 */
import type { AnchorResult } from '../annotations/anchor';
import type { Annotation, HighlightColor } from '../annotations/annotation-model';
import { documentText } from '../annotations/document-text';
import type { ReportDocument } from '../report/report-model';
import { PREAMBLE_ID, type PrintAnnotationMode } from './print-options';

/** A highlighted stretch of one paragraph's text, [start, end) in its published text. */
export interface PrintMark {
  annotationId: string;
  color: HighlightColor;
  start: number;
  end: number;
  /** Set on the last printed stretch of an annotation that has a note, when notes are printed. */
  noteNumber?: number;
}

export interface PrintNote {
  number: number;
  annotation: Annotation;
}

export interface PrintMarks {
  byParagraph: ReadonlyMap<string, PrintMark[]>;
  /** Endnotes by the id of the printed section (or PREAMBLE_ID) whose text they end in. */
  notesBySection: ReadonlyMap<string, PrintNote[]>;
  /** Highlights on the printed sections that could not be placed in this edition. */
  orphans: Annotation[];
}

const EMPTY: PrintMarks = { byParagraph: new Map(), notesBySection: new Map(), orphans: [] };

export function printMarks(
  doc: ReportDocument,
  anchored: readonly AnchorResult[],
  printedIds: readonly string[],
  mode: PrintAnnotationMode,
): PrintMarks {
  if (mode === 'none') return EMPTY;
  const printed = new Set(printedIds);
  const text = documentText(doc);
  const ownerOf = (paragraphIndex: number): string | null => {
    const paragraph = text.paragraphs[paragraphIndex];
    if (!paragraph || paragraph.kind === 'title') return null;
    const owner = paragraph.sectionId ?? PREAMBLE_ID;
    return printed.has(owner) ? owner : null;
  };

  const byParagraph = new Map<string, PrintMark[]>();
  const endings: { at: number; owner: string; mark: PrintMark; annotation: Annotation }[] = [];
  const orphans: Annotation[] = [];

  for (const result of anchored) {
    const { annotation } = result;
    if (annotation.kind !== 'highlight') continue;
    if (result.status === 'orphan') {
      const home = annotation.target.sectionId ?? PREAMBLE_ID;
      if (printed.has(home)) orphans.push(annotation);
      continue;
    }
    let last: { at: number; owner: string; mark: PrintMark } | null = null;
    for (let i = 0; i < text.paragraphs.length; i++) {
      const paragraph = text.paragraphs[i]!;
      const from = Math.max(result.position.start, text.starts[i]!) - text.starts[i]!;
      const to = Math.min(result.position.end, text.starts[i]! + paragraph.text.length);
      const end = to - text.starts[i]!;
      if (end <= from) continue;
      const owner = ownerOf(i);
      if (owner === null) continue;
      const mark: PrintMark = {
        annotationId: annotation.id,
        color: annotation.color,
        start: from,
        end,
      };
      const list = byParagraph.get(paragraph.id) ?? [];
      list.push(mark);
      byParagraph.set(paragraph.id, list);
      last = { at: text.starts[i]! + end, owner, mark };
    }
    if (last && mode === 'notes' && annotation.note.trim() !== '') {
      endings.push({ ...last, annotation });
    }
  }

  // Numbered in the order a reader meets the markers.
  endings.sort((a, b) => a.at - b.at);
  const notesBySection = new Map<string, PrintNote[]>();
  endings.forEach((ending, index) => {
    ending.mark.noteNumber = index + 1;
    const notes = notesBySection.get(ending.owner) ?? [];
    notes.push({ number: index + 1, annotation: ending.annotation });
    notesBySection.set(ending.owner, notes);
  });
  return { byParagraph, notesBySection, orphans };
}

/** A run of text with the same highlights, and the note markers that follow it. */
export interface TextSegment {
  text: string;
  colors: HighlightColor[];
  notesAfter: number[];
}

/** Cuts `text.slice(from, to)` at every highlight boundary. */
export function textSegments(
  text: string,
  marks: readonly PrintMark[] = [],
  from = 0,
  to = text.length,
): TextSegment[] {
  const cuts = new Set([from, to]);
  for (const mark of marks) {
    if (mark.start > from && mark.start < to) cuts.add(mark.start);
    if (mark.end > from && mark.end < to) cuts.add(mark.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const covering = marks.filter((mark) => mark.start <= a && mark.end >= b);
    const notesAfter = marks
      .filter((mark) => mark.end === b && mark.noteNumber !== undefined)
      .map((mark) => mark.noteNumber!)
      .sort((x, y) => x - y);
    segments.push({ text: text.slice(a, b), colors: covering.map((m) => m.color), notesAfter });
  }
  return segments;
}
