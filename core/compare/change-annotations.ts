/**
 * Each edition's annotations on a comparison. Annotations are anchored on their own edition's
 * document (core/annotations/anchor.ts), which gives document positions; here those positions
 * are cut into spans per paragraph — the unit the comparison speaks in — so a view can paint the
 * highlights inside the text it shows of each side, and tell which annotations a change's old
 * or new text touches (for a marker in the list and a 批注 line in the exports).
 */
import type { AnchorResult } from '../annotations/anchor';
import type { Annotation } from '../annotations/annotation-model';
import { documentText, paragraphIndexAt } from '../annotations/document-text';
import type { ReportDocument } from '../report/report-model';
import { CHANGE_CONTEXT } from './compare-reports';
import type { Change, Comparison } from './comparison-model';

export type Side = 'old' | 'new';

/** The part [start, end) of one paragraph's text that an annotation covers. */
export interface AnnotationSpan {
  start: number;
  end: number;
  annotation: Annotation;
}

/** Spans by paragraph id, each list ordered by start. */
export type ParagraphSpans = ReadonlyMap<string, readonly AnnotationSpan[]>;

/** The spans of every placed highlight (bookmarks and orphans have no text to paint). */
export function annotationSpans(
  doc: ReportDocument,
  anchored: readonly AnchorResult[],
): Map<string, AnnotationSpan[]> {
  const text = documentText(doc);
  const spans = new Map<string, AnnotationSpan[]>();
  for (const result of anchored) {
    if (result.status === 'orphan' || result.annotation.kind !== 'highlight') continue;
    const { start, end } = result.position;
    if (end <= start) continue;
    for (let i = paragraphIndexAt(text, start); i < text.paragraphs.length; i++) {
      const paragraphStart = text.starts[i]!;
      if (paragraphStart >= end) break;
      const paragraph = text.paragraphs[i]!;
      const from = Math.max(start - paragraphStart, 0);
      const to = Math.min(end - paragraphStart, paragraph.text.length);
      if (to <= from) continue;
      const list = spans.get(paragraph.id) ?? [];
      list.push({ start: from, end: to, annotation: result.annotation });
      spans.set(paragraph.id, list);
    }
  }
  for (const list of spans.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return spans;
}

/** A piece of the text a change shows of one side, placed in its paragraph. */
export interface ShownPiece {
  paragraphId: string;
  /** Offset of `text` in the paragraph's text. */
  start: number;
  text: string;
  /** 'changed': the removed (old side) or added (new side) text; else context around it. */
  role: 'before' | 'changed' | 'after';
}

/**
 * What a change shows of one side: for a change inside a paragraph, a little context before,
 * the changed span and a little context after, all from that side's own paragraph (so each
 * side's highlights fall where they belong); for whole paragraphs, each paragraph's shown text.
 * `paragraphText` gives the side's paragraph texts by id; a paragraph it does not know is
 * skipped.
 */
export function shownPieces(
  change: Change,
  side: Side,
  paragraphText: (id: string) => string | undefined,
  context: number = CHANGE_CONTEXT,
): ShownPiece[] {
  const ids = side === 'old' ? change.oldParagraphIds : change.newParagraphIds;
  const range = side === 'old' ? change.oldRange : change.newRange;
  const shown = side === 'old' ? change.oldText : change.newText;
  if (range) {
    const paragraphId = ids[0];
    const text = paragraphId === undefined ? undefined : paragraphText(paragraphId);
    if (paragraphId === undefined || text === undefined) return [];
    const from = Math.max(0, range.start - context);
    return [
      { paragraphId, start: from, text: text.slice(from, range.start), role: 'before' },
      {
        paragraphId,
        start: range.start,
        text: text.slice(range.start, range.end),
        role: 'changed',
      },
      {
        paragraphId,
        start: range.end,
        text: text.slice(range.end, range.end + context),
        role: 'after',
      },
    ];
  }
  // Whole paragraphs joined with '\n' — or, for a heading moved without an edit, its heading
  // part only: a prefix of the paragraph.
  const pieces: ShownPiece[] = [];
  let at = 0;
  for (const paragraphId of ids) {
    const text = paragraphText(paragraphId);
    if (text === undefined) continue;
    const piece = shown.slice(at, at + text.length);
    at += text.length + 1;
    pieces.push({ paragraphId, start: 0, text: piece, role: 'changed' });
  }
  return pieces;
}

/** A run of a shown piece with the annotations covering all of it (outermost first). */
export interface HighlightRun {
  text: string;
  annotations: Annotation[];
}

/** Cuts a shown piece at every highlight boundary inside it. */
export function highlightRuns(piece: ShownPiece, spans: ParagraphSpans): HighlightRun[] {
  const end = piece.start + piece.text.length;
  const inside = (spans.get(piece.paragraphId) ?? []).filter(
    (s) => s.start < end && s.end > piece.start,
  );
  if (inside.length === 0) return piece.text === '' ? [] : [{ text: piece.text, annotations: [] }];
  const cuts = new Set<number>([piece.start, end]);
  for (const span of inside) {
    cuts.add(Math.max(span.start, piece.start));
    cuts.add(Math.min(span.end, end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: HighlightRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (to <= from) continue;
    runs.push({
      text: piece.text.slice(from - piece.start, to - piece.start),
      annotations: inside.filter((s) => s.start <= from && s.end >= to).map((s) => s.annotation),
    });
  }
  return runs;
}

/** A run of text both editions share, with each edition's annotations covering all of it. */
export interface SharedRun {
  text: string;
  old: Annotation[];
  new: Annotation[];
}

/**
 * The runs of a piece of context both editions show with the same text (the unchanged text
 * around a change), cut at every highlight boundary of either side: what the inline view paints
 * so that both reports' highlights show in it, as they do side by side. Null when the two
 * pieces' texts differ (another change nearby), so that no highlight lands on the wrong words.
 */
export function sharedRuns(
  oldPiece: ShownPiece,
  oldSpans: ParagraphSpans,
  newPiece: ShownPiece,
  newSpans: ParagraphSpans,
): SharedRun[] | null {
  if (oldPiece.text !== newPiece.text) return null;
  const oldRuns = highlightRuns(oldPiece, oldSpans);
  const newRuns = highlightRuns(newPiece, newSpans);
  const runs: SharedRun[] = [];
  let o = 0;
  let n = 0;
  // Offsets into the text where the current old and new runs end.
  let oldEnd = oldRuns[0]?.text.length ?? 0;
  let newEnd = newRuns[0]?.text.length ?? 0;
  for (let at = 0; o < oldRuns.length && n < newRuns.length;) {
    const end = Math.min(oldEnd, newEnd);
    runs.push({
      text: newPiece.text.slice(at, end),
      old: oldRuns[o]!.annotations,
      new: newRuns[n]!.annotations,
    });
    at = end;
    if (oldEnd === end) oldEnd += oldRuns[++o]?.text.length ?? 0;
    if (newEnd === end) newEnd += newRuns[++n]?.text.length ?? 0;
  }
  return runs;
}

/**
 * The annotations a change's text touches on one side: those overlapping its removed (old) or
 * added (new) text; where that text is empty (a pure insertion or deletion), those spanning the
 * point where it happened. In the order they start, each once.
 */
export function changeAnnotations(
  change: Change,
  side: Side,
  spans: ParagraphSpans,
  paragraphText: (id: string) => string | undefined,
): Annotation[] {
  const found = new Map<string, Annotation>();
  for (const piece of shownPieces(change, side, paragraphText, 0)) {
    if (piece.role !== 'changed') continue;
    const from = piece.start;
    const to = piece.start + piece.text.length;
    for (const span of spans.get(piece.paragraphId) ?? []) {
      const touches =
        to > from ? span.start < to && span.end > from : span.start < from && span.end > from;
      if (touches && !found.has(span.annotation.id)) found.set(span.annotation.id, span.annotation);
    }
  }
  return [...found.values()];
}

/** One edition as the comparison sees its annotations. */
export interface SideAnnotations {
  doc: ReportDocument;
  anchored: readonly AnchorResult[];
}

/** The annotations each change touches on each side; changes touching none are left out. */
export type ChangeNotes = ReadonlyMap<number, { old: Annotation[]; new: Annotation[] }>;

/** For the exports: every change's annotations on both sides. */
export function comparisonNotes(
  comparison: Comparison,
  old: SideAnnotations,
  next: SideAnnotations,
): ChangeNotes {
  const sides = { old: sideLookup(old), new: sideLookup(next) };
  const notes = new Map<number, { old: Annotation[]; new: Annotation[] }>();
  for (const change of comparison.changes) {
    const touched = {
      old: changeAnnotations(change, 'old', sides.old.spans, sides.old.text),
      new: changeAnnotations(change, 'new', sides.new.spans, sides.new.text),
    };
    if (touched.old.length > 0 || touched.new.length > 0) notes.set(change.index, touched);
  }
  return notes;
}

/** A side's spans and paragraph texts, to look up by paragraph id. */
export function sideLookup(side: SideAnnotations): {
  spans: ParagraphSpans;
  text: (id: string) => string | undefined;
} {
  const texts = new Map(side.doc.paragraphs.map((p) => [p.id, p.text]));
  return { spans: annotationSpans(side.doc, side.anchored), text: (id) => texts.get(id) };
}
