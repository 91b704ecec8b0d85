/**
 * Every key figure of a report, in document order. Works paragraph by paragraph on the text as
 * published, so offsets point straight into `paragraph.text`; `figuresInText` is the same for
 * any other run of text (a table cell, once the model has tables).
 */
import type { Paragraph, ReportDocument, Section } from '../report/report-model';
import type { Figure } from './figure-model';
import { readSubjects } from './figure-subject';
import { scanQuantities } from './scan-quantities';

/** Where a run of text sits in the report, for the figures found in it. */
export interface FigureContext {
  paragraphId: string;
  sectionId: string | null;
  sectionPath: string;
  sectionTitle: string;
}

/** Characters of context on each side of a figure in its snippet. */
const SNIPPET_REACH = 30;
const SENTENCE_ENDERS = '。！？!?；;';
const isSentenceEnd = (char: string | undefined): boolean =>
  char !== undefined && char !== '' && SENTENCE_ENDERS.includes(char);

function snippetAround(
  text: string,
  start: number,
  end: number,
): { snippet: string; offset: number } {
  let from = Math.max(0, start - SNIPPET_REACH);
  for (let i = start - 1; i >= from; i--) {
    if (isSentenceEnd(text[i])) {
      from = i + 1;
      break;
    }
  }
  let to = Math.min(text.length, end + SNIPPET_REACH);
  for (let i = end; i < to; i++) {
    if (isSentenceEnd(text[i])) {
      to = i + 1;
      break;
    }
  }
  const lead = from > 0 && !isSentenceEnd(text[from - 1]) ? '…' : '';
  const trail = to < text.length && !isSentenceEnd(text[to - 1]) ? '…' : '';
  return {
    snippet: lead + text.slice(from, to).trim() + trail,
    offset: lead.length + start - from,
  };
}

/**
 * The figures in one run of text. `from` skips a prefix that holds no figures (a heading's
 * number marker); offsets are into `text`.
 */
export function figuresInText(text: string, context: FigureContext, from = 0): Figure[] {
  const quantities = scanQuantities(text, from);
  const subjects = readSubjects(text, quantities);
  return quantities.map((quantity, i) => {
    const reading = subjects[i]!;
    const { snippet, offset } = snippetAround(text, quantity.start, quantity.end);
    return {
      id: `${context.paragraphId}@${quantity.start}`,
      ...context,
      start: quantity.start,
      end: quantity.end,
      raw: text.slice(quantity.start, quantity.end),
      subject: reading.subject,
      kind: reading.kind,
      changeWord: reading.changeWord,
      direction: reading.direction,
      value: quantity.value,
      valueHigh: quantity.valueHigh,
      approximation: quantity.approximation,
      unit: quantity.unit,
      snippet,
      snippetOffset: offset,
    };
  });
}

/** The context of a paragraph: its section's path and title. */
export function paragraphContext(
  paragraph: Paragraph,
  sectionsById: ReadonlyMap<string, Section>,
): FigureContext {
  const section = paragraph.sectionId ? sectionsById.get(paragraph.sectionId) : undefined;
  return {
    paragraphId: paragraph.id,
    sectionId: paragraph.sectionId,
    sectionPath: section?.numberPath ?? '',
    sectionTitle: section?.title ?? '',
  };
}

/** Where figures may start in a paragraph: after a heading's number marker. */
export function figureScanStart(
  paragraph: Paragraph,
  sectionsById: ReadonlyMap<string, Section>,
): number {
  if (paragraph.kind !== 'heading' || !paragraph.sectionId) return 0;
  return sectionsById.get(paragraph.sectionId)?.marker.length ?? 0;
}

export function sectionsById(doc: ReportDocument): Map<string, Section> {
  return new Map(doc.flatSections.map((section) => [section.id, section]));
}

/** The figures of one paragraph. */
export function paragraphFigures(
  paragraph: Paragraph,
  sections: ReadonlyMap<string, Section>,
): Figure[] {
  return figuresInText(
    paragraph.text,
    paragraphContext(paragraph, sections),
    figureScanStart(paragraph, sections),
  );
}

export interface ExtractOptions {
  /** Called as paragraphs are read (done of total), e.g. to post progress from a worker. */
  onProgress?: (done: number, total: number) => void;
}

/** Paragraphs between two progress reports. */
const PROGRESS_EVERY = 500;

/** Every figure of the report, in document order. */
export function extractFigures(doc: ReportDocument, options: ExtractOptions = {}): Figure[] {
  const sections = sectionsById(doc);
  const total = doc.paragraphs.length;
  const figures = doc.paragraphs.flatMap((paragraph, done) => {
    if (options.onProgress && done % PROGRESS_EVERY === 0) options.onProgress(done, total);
    return paragraphFigures(paragraph, sections);
  });
  options.onProgress?.(total, total);
  return figures;
}
