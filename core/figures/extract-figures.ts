/**
 * Every key figure of a report, in document order. Works paragraph by paragraph on the text as
 * published, so offsets point straight into `paragraph.text`; a table paragraph is read cell by
 * cell (table-figures), its offsets still into the paragraph's text.
 */
import type { Paragraph, ReportDocument, Section } from '../report/report-model';
import type { Figure } from './figure-model';
import { figuresInText, type FigureContext } from './figures-in-text';
import { figuresInTable, type TableCellText } from './table-figures';

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

/**
 * A table paragraph's cells, when the document model has them ('table' paragraphs with `rows`
 * come from the structure parser; a paragraph without them is read as text).
 */
function tableRows(paragraph: Paragraph): readonly (readonly TableCellText[])[] | null {
  const rows = (paragraph as Paragraph & { rows?: TableCellText[][] }).rows;
  return Array.isArray(rows) && rows.length > 0 ? rows : null;
}

/** The figures of one paragraph (or, for a table, of its cells). */
export function paragraphFigures(
  paragraph: Paragraph,
  sections: ReadonlyMap<string, Section>,
): Figure[] {
  const rows = tableRows(paragraph);
  if (rows) return figuresInTable(rows, paragraph.start, paragraphContext(paragraph, sections));
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
