/**
 * What the user chooses in the print dialog, and the job the host hands the print page. Shared
 * by the contract (validated on every request), the PDF-export service and the print page.
 */
import { z } from 'zod';
import { annotationSchema, type Annotation } from '../annotations/annotation-model';
import type { ReportSource } from '../report/report-source';
import { LANGUAGES, reportIdSchema, type Language } from '../settings';

/** '公文格式' (GB/T 9704-2012 style) or '阅读版' (compact, for reading on screen). */
export const PRINT_LAYOUTS = ['gongwen', 'reading'] as const;
export type PrintLayout = (typeof PRINT_LAYOUTS)[number];

export const PAPER_SIZES = ['A4', 'A5'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** None; the highlighted passages only; highlights with their notes as numbered endnotes. */
export const PRINT_ANNOTATION_MODES = ['none', 'highlights', 'notes'] as const;
export type PrintAnnotationMode = (typeof PRINT_ANNOTATION_MODES)[number];

/** Stands for the preamble (the paragraphs before the first heading) in a list of section ids. */
export const PREAMBLE_ID = 'preamble';

/** More ids than any report has sections; keeps a request small. */
export const MAX_PRINT_SECTIONS = 2000;

export const printOptionsSchema = z
  .object({
    layout: z.enum(PRINT_LAYOUTS),
    paper: z.enum(PAPER_SIZES),
    metadata: z.boolean(),
    annotations: z.enum(PRINT_ANNOTATION_MODES),
    /**
     * 附关键数据表: a table of the figures in the printed sections after them. Optional, read
     * as false when absent, so requests and saved state from before it stay valid.
     */
    figures: z.boolean().optional(),
  })
  .strict();
export type PrintOptions = z.infer<typeof printOptionsSchema>;

export const DEFAULT_PRINT_OPTIONS: PrintOptions = {
  layout: 'gongwen',
  paper: 'A4',
  metadata: false,
  annotations: 'none',
  figures: false,
};

/** Print the comparison of `oldReportId` (the old edition) with the request's report (the new). */
export const printCompareSchema = z.object({ oldReportId: reportIdSchema }).strict();
export type PrintCompare = z.infer<typeof printCompareSchema>;

/**
 * What to print. An empty `sectionIds` is valid here so that the service can answer with a
 * plain "choose a section" message rather than a generic malformed-request error.
 * `annotations`, when given, replaces the report's stored annotations (what the user sees).
 * `compare`, when given, prints the comparison (对照) of that old edition with `reportId`
 * instead of sections: `sectionIds` and the annotation and figure options are then ignored.
 * `language` is the UI's, for the words the page adds (headings, table headers); default zh-CN.
 */
export const printRequestSchema = z
  .object({
    reportId: reportIdSchema,
    sectionIds: z.array(z.string().min(1).max(200)).max(MAX_PRINT_SECTIONS),
    options: printOptionsSchema,
    annotations: z.array(annotationSchema).max(50_000).optional(),
    compare: printCompareSchema.optional(),
    language: z.enum(LANGUAGES).optional(),
  })
  .strict();
export type PrintRequest = z.infer<typeof printRequestSchema>;

/** What the print page needs to lay out the pages, fetched once by job id. */
export interface PrintJob {
  jobId: string;
  reportId: string;
  /** The report's text as published; the page parses it with the same parser as the reader. */
  text: string;
  /** The imported source, when the library has one: parsed instead of `text` (tables kept). */
  source?: ReportSource;
  /** Chosen sections (and PREAMBLE_ID), in document order, checked against the report. */
  sectionIds: string[];
  options: PrintOptions;
  /** Empty unless the options ask for annotations (or, for a comparison, the new edition's). */
  annotations: Annotation[];
  /** The words the page adds are in this language. */
  language: Language;
  /** Set for a comparison: the old edition, read like the report itself. */
  compare?: PrintJobComparison;
}

export interface PrintJobComparison {
  oldReportId: string;
  /** The old edition's text as published. */
  oldText: string;
  oldSource?: ReportSource;
  /**
   * The old edition's stored annotations, printed under the changes they touch (the new
   * edition's are the job's `annotations`).
   */
  oldAnnotations?: Annotation[];
}

/** Job ids are random, URL-safe and long enough not to be guessed. */
export const printJobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** The attribute the print page sets on <html> once it can be printed (or has failed). */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready';
/** Its values: laid out with fonts loaded, or failed (message in PRINT_ERROR_ATTRIBUTE). */
export const PRINT_READY = 'ready';
export const PRINT_FAILED = 'error';
export const PRINT_ERROR_ATTRIBUTE = 'data-print-error';
/**
 * A function the print page puts on its window: a host that keeps the page open between
 * exports (the browser host) calls it with the next job's id instead of loading the page
 * again, so the fonts stay loaded. The page clears its ready attribute before it returns and
 * sets it again once that job is laid out.
 */
export const PRINT_NEXT_JOB_FUNCTION = 'reportViewerPrintJob';

/**
 * The answer to exportPdf. Electron: 'saved' (written to the path the user chose) or
 * 'cancelled' (the save dialog was closed). Browser host: 'download', a one-time address the
 * page fetches (with the run's secret) and hands to the browser as a blob download.
 */
export type ExportPdfResult =
  | { outcome: 'saved'; path: string; fileName: string; bytes: number }
  | { outcome: 'cancelled' }
  | { outcome: 'download'; url: string; fileName: string; bytes: number };
