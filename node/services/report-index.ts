/**
 * A report's search index as the library keeps it: the report parsed as the reader parses it
 * (so a hit's paragraph id is the one the reader shows), indexed with paragraphs stored as
 * ranges of its text, and the title and sections kept beside it to cite hits. Pure work on the
 * text: it runs in the host's process or on its worker thread (index-in-worker.ts).
 */
import { ViewerError } from '../../core/api/errors';
import { loadReportDocument } from '../../core/report/load-report-document';
import { parseReport } from '../../core/report/parse-report';
import type { ReportSource } from '../../core/report/report-source';
import { createDocumentExactIndex } from '../../core/search';
import type { LibrarySearchSection } from '../../core/search/library-search-contract';
import type { BuiltIndex } from './search-index-cache';

/** What is kept beside a report's index: enough to cite a hit without parsing the report. */
export interface ReportSearchInfo {
  title: string | null;
  sections: LibrarySearchSection[];
}

/** Parses a report's text and indexes it; paragraphs are stored as ranges of the text. */
export function buildReportIndex(source: ReportSource | string): BuiltIndex<ReportSearchInfo> {
  const doc = typeof source === 'string' ? parseReport(source) : loadReportDocument(source);
  const text = typeof source === 'string' ? source : source.text;
  const index = createDocumentExactIndex(doc, text);
  const sections = doc.flatSections.map((s) => ({
    id: s.id,
    numberPath: s.numberPath,
    title: s.title,
  }));
  return { index, extra: { title: doc.title, sections } };
}

/** What the user reads about a report that cannot be searched. */
export const NOT_SEARCHABLE = {
  message: '这份报告无法搜索。',
  messageEn: 'This report could not be searched.',
} as const;

/** A report whose index could not be built or read, in the user's words. */
export function notSearchableError(detail: string): ViewerError {
  return new ViewerError('internal', NOT_SEARCHABLE.message, NOT_SEARCHABLE.messageEn, detail);
}
