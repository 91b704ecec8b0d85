/**
 * The one way the PDF-export service and the print page turn what the library opened into a
 * document: the imported source when there is one (tables and bold runs kept, as the reader
 * shows it), else the text, so both sides number sections and paragraphs alike.
 */
import { loadReportDocument } from '../report/load-report-document';
import { parseReport } from '../report/parse-report';
import type { ReportDocument } from '../report/report-model';
import type { ReportSource } from '../report/report-source';

export interface OpenedText {
  text: string;
  source?: ReportSource;
}

export function printedDocument(opened: OpenedText): ReportDocument {
  return opened.source ? loadReportDocument(opened.source) : parseReport(opened.text);
}
