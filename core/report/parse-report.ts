/**
 * Parses a report's plain text (any line endings, optional BOM) into the shared document model:
 * the .txt-shaped convenience over `loadReportDocument`, which every format goes through.
 */
import { loadReportDocument } from './load-report-document';
import type { ReportDocument } from './report-model';

/** Parses a report's plain text; never throws. */
export function parseReport(source: string): ReportDocument {
  return loadReportDocument({ text: source, format: 'txt' });
}
