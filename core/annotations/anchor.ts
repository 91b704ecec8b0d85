/**
 * Places stored annotations in a report, which may be a corrected edition of the one they were
 * made on. As in the Hypothesis client, each annotation is tried, in order: at its stored
 * paragraph points, at its stored document position, by exact search for its quote, and by
 * approximate search. One that cannot be placed is an orphan: kept and reported, never dropped.
 */
import type { ReportDocument } from '../report/report-model';
import type { Annotation, AnnotationTarget, TextPoint } from './annotation-model';
import { documentText, toDocumentOffset, toTextPoint, type DocumentText } from './document-text';
import { matchQuote, searchableText, type SearchableText } from './match-quote';

/**
 * 'exact-position': the text at the stored paragraph points or document position is the quote.
 * 'quote': the quote was found verbatim elsewhere. 'fuzzy': text close to the quote was found.
 * 'orphan': nowhere good enough.
 */
export type AnchorStatus = 'exact-position' | 'quote' | 'fuzzy' | 'orphan';

export interface AnchoredResult {
  annotation: Annotation;
  status: Exclude<AnchorStatus, 'orphan'>;
  start: TextPoint;
  end: TextPoint;
  /** Range in the document text (see document-text.ts). */
  position: { start: number; end: number };
  /**
   * Edit distance between the quote and the text found, both search-normalised: 0 unless
   * fuzzy, and 0 for a fuzzy match that differs only in character width (， for ,).
   */
  errors: number;
}

export interface OrphanResult {
  annotation: Annotation;
  status: 'orphan';
  start?: undefined;
  end?: undefined;
  position?: undefined;
  errors?: undefined;
}

export type AnchorResult = AnchoredResult | OrphanResult;

const searchableCache = new WeakMap<DocumentText, SearchableText>();

function searchable(text: DocumentText): SearchableText {
  let cached = searchableCache.get(text);
  if (!cached) {
    cached = searchableText(text.text);
    searchableCache.set(text, cached);
  }
  return cached;
}

/** The stored range if the text there is still the quote. */
function storedRange(text: DocumentText, target: AnnotationTarget): [number, number] | null {
  const { exact } = target.quote;
  const start = toDocumentOffset(text, target.start);
  const end = toDocumentOffset(text, target.end);
  if (start !== null && end !== null && text.text.slice(start, end) === exact) {
    return [start, end];
  }
  const { position } = target;
  if (text.text.slice(position.start, position.end) === exact) {
    return [position.start, position.end];
  }
  return null;
}

/**
 * Where the quote is expected: its old offset in its old paragraph if that paragraph is still
 * there (ids survive edits elsewhere in the report, document offsets do not), else its old
 * document position.
 */
function expectedStart(text: DocumentText, target: AnnotationTarget): number {
  const index = text.indexById.get(target.start.paragraphId);
  const paragraph = index === undefined ? undefined : text.paragraphs[index];
  const start = index === undefined ? undefined : text.starts[index];
  if (paragraph !== undefined && start !== undefined) {
    return start + Math.min(target.start.offset, paragraph.text.length);
  }
  return Math.min(target.position.start, text.text.length);
}

function anchored(
  text: DocumentText,
  annotation: Annotation,
  status: AnchoredResult['status'],
  [start, end]: readonly [number, number],
  errors: number,
): AnchorResult {
  const startPoint = toTextPoint(text, start);
  const endPoint = toTextPoint(text, end);
  if (!startPoint || !endPoint) return { annotation, status: 'orphan' };
  return { annotation, status, start: startPoint, end: endPoint, position: { start, end }, errors };
}

function anchorOne(text: DocumentText, annotation: Annotation): AnchorResult {
  const { target } = annotation;
  const stored = storedRange(text, target);
  if (stored) return anchored(text, annotation, 'exact-position', stored, 0);

  const match = matchQuote(searchable(text), target.quote.exact, {
    prefix: target.quote.prefix,
    suffix: target.quote.suffix,
    hint: expectedStart(text, target),
  });
  if (!match) return { annotation, status: 'orphan' };
  const status = match.kind === 'exact' ? 'quote' : 'fuzzy';
  return anchored(text, annotation, status, [match.start, match.end], match.errors);
}

/** One result per annotation, in the same order; none is dropped. */
export function anchorAnnotations(
  doc: ReportDocument,
  annotations: readonly Annotation[],
): AnchorResult[] {
  const text = documentText(doc);
  return annotations.map((annotation) => anchorOne(text, annotation));
}
