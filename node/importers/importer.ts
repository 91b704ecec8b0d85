/**
 * The importer seam: each format registers one Importer; `importReportFile` (registry.ts) picks
 * it by sniffing the bytes and the name. Importers run in Node, off the UI thread.
 */
import type { ReportFormat, ReportSource } from '../../core/report/report-source';

export interface ImportedReport {
  source: ReportSource;
  /** The text encoding that was used (e.g. 'UTF-8', 'GB18030', 'UTF-16LE'); null for binary formats. */
  encoding: string | null;
  /** What the importer left out, in plain words (zh/en), e.g. site navigation, page numbers. */
  dropped: { zh: string; en: string }[];
}

export interface ImportProgress {
  /** 0..1 */
  fraction: number;
}

export interface Importer {
  format: ReportFormat;
  /** File name endings this importer claims, lower case with the dot: ['.docx']. */
  extensions: readonly string[];
  /** The largest file this importer accepts, in bytes (the registry refuses larger ones). */
  maxBytes: number;
  /** True when the bytes look like this format (magic numbers), whatever the name says. */
  sniff(bytes: Uint8Array): boolean;
  /** Never throws past its caller except as a ViewerError with a plain zh/en message. */
  import(
    bytes: Uint8Array,
    fileName: string,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<ImportedReport>;
}
