/**
 * The text an annotation's `position` counts in: every paragraph's published text, in document
 * order, joined with "\n". It does not depend on the source's line endings, blank lines or
 * metadata header, so re-saving a report with other line breaks moves no annotation.
 *
 * Offsets map both ways between the document text and (paragraph id, offset in the paragraph).
 * The "\n" after a paragraph belongs to that paragraph: its offset maps to (paragraph,
 * text.length), so every document offset maps to exactly one point and back.
 */
import type { Paragraph, ReportDocument } from '../report/report-model';
import type { TextPoint } from './annotation-model';

export interface DocumentText {
  text: string;
  /** The document's paragraphs, in order; `starts[i]` is where paragraphs[i] starts in `text`. */
  paragraphs: readonly Paragraph[];
  starts: readonly number[];
  /** Index in `paragraphs` by paragraph id. */
  indexById: ReadonlyMap<string, number>;
}

// Documents are immutable values, so the text is built once per document however often a
// selection is described or an annotation anchored.
const cache = new WeakMap<ReportDocument, DocumentText>();

export function documentText(doc: ReportDocument): DocumentText {
  let built = cache.get(doc);
  if (!built) {
    const starts: number[] = [];
    const indexById = new Map<string, number>();
    let at = 0;
    doc.paragraphs.forEach((paragraph, index) => {
      starts.push(at);
      indexById.set(paragraph.id, index);
      at += paragraph.text.length + 1;
    });
    const text = doc.paragraphs.map((paragraph) => paragraph.text).join('\n');
    built = { text, paragraphs: doc.paragraphs, starts, indexById };
    cache.set(doc, built);
  }
  return built;
}

/** The document offset of a point, or null when its paragraph is unknown or too short. */
export function toDocumentOffset(text: DocumentText, point: TextPoint): number | null {
  const index = text.indexById.get(point.paragraphId);
  if (index === undefined) return null;
  const paragraph = text.paragraphs[index];
  const start = text.starts[index];
  if (paragraph === undefined || start === undefined || point.offset > paragraph.text.length) {
    return null;
  }
  return start + point.offset;
}

/** Index of the paragraph a document offset falls in (the last one starting at or before it). */
export function paragraphIndexAt(text: DocumentText, offset: number): number {
  let low = 0;
  let high = text.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((text.starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The point of a document offset (clamped to the text); null for a document with no text. */
export function toTextPoint(text: DocumentText, offset: number): TextPoint | null {
  if (text.paragraphs.length === 0) return null;
  const clamped = Math.min(Math.max(offset, 0), text.text.length);
  const index = paragraphIndexAt(text, clamped);
  const paragraph = text.paragraphs[index];
  const start = text.starts[index] ?? 0;
  if (paragraph === undefined) return null;
  return { paragraphId: paragraph.id, offset: clamped - start };
}
