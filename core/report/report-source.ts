/**
 * What every importer hands to the structure parser, whatever the file's format: the extracted
 * text (the source of truth for display, anchoring and search) plus what the format told us
 * about it. `loadReportDocument(source)` is the only way from here to a ReportDocument.
 */

/** The formats the app can import. Nothing outside the importers names a file extension. */
export type ReportFormat = 'txt' | 'docx' | 'doc' | 'html' | 'pdf';

/** A [start, end) range of `ReportSource.text`. */
export interface TextRange {
  start: number;
  end: number;
}

/** A table of the extracted text: a run of whole lines, one per row, cells separated by '\t'. */
export interface SourceTable extends TextRange {
  /** Rows in order; each row's cells as ranges of `text` (a cell never contains '\t' or '\n'). */
  rows: TextRange[][];
}

/** Label/value pairs the format itself carried (HTML meta tags, .docx core properties). */
export interface SourceField {
  label: string;
  value: string;
}

export interface ReportSource {
  /**
   * The report's text as extracted: one paragraph per line ('\n'), no layout indentation;
   * a table is a run of lines inside one `tables` range. Display and print show this text.
   */
  text: string;
  format: ReportFormat;
  /** Tables, in order, not overlapping. */
  tables?: SourceTable[];
  /** Ranges the source showed in bold (Word run-in headings), in order. */
  bold?: TextRange[];
  /** The title the format declared (HTML ArticleTitle / <title>, .docx dc:title), if any. */
  declaredTitle?: string;
  /** Document information the format declared outside the text (meta tags), if any. */
  declaredFields?: SourceField[];
  /** The file's name as the user had it, for the last-resort title. */
  fileName?: string;
}
