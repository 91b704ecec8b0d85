/**
 * PDF export, for both hosts. The service checks the request, files a print job under a random
 * id, has the host's Chromium print the print page for that job (`renderPdf`: Electron's
 * printToPDF in a hidden window, or playwright-core in the browser host), and delivers the
 * bytes: written atomically to the path the user chose (Electron), or kept for one download
 * (browser host). A failure at any step leaves the chosen path as it was.
 */
import path from 'node:path';
import { ViewerError, isApiError } from '../../core/api/errors';
import type { Annotation } from '../../core/annotations/annotation-model';
import type {
  ExportPdfResult,
  PaperSize,
  PrintJob,
  PrintRequest,
} from '../../core/print/print-options';
import { printedDocument, type OpenedText } from '../../core/print/print-documents';
import {
  compareFileName,
  printFileName,
  resolvePrintSelection,
} from '../../core/print/print-selection';
import { printErrors } from '../../core/print/print-errors';
import { errnoOf, errorMessage, type DataFs } from './data-fs';
import { writeFileVerified } from './safe-write';
import { createTokenStore } from './token-store';

export interface RenderPdfOptions {
  paper: PaperSize;
}

/** Prints the page at `printUrl` to PDF once it reports ready; rejects with a ViewerError. */
export type RenderPdf = (printUrl: string, options: RenderPdfOptions) => Promise<Buffer>;

/** The host's part of printing. Electron passes all of it; the browser host only the first two. */
export interface PrintHost {
  renderPdf: RenderPdf;
  /** The print page's address for a job (app://… in Electron, http://127.0.0.1… in the host). */
  printPageUrl(jobId: string): string;
  /** Electron: the native save dialog; null when cancelled. Absent: offer a download. */
  chooseSavePath?(defaultFileName: string): Promise<string | null>;
  /** Electron: the print page to a system printer through the system print dialog. */
  printPages?(printUrl: string): Promise<{ printed: boolean }>;
  /** Electron: shell.showItemInFolder. */
  showInFolder?(file: string): void;
}

export interface PdfExportOptions {
  /** The report's text, and its imported source when the library keeps one. */
  openReport(reportId: string): Promise<OpenedText>;
  /** The report's stored annotations, used when a request does not bring its own. */
  loadAnnotations?(reportId: string): Promise<Annotation[]>;
  host: PrintHost | undefined;
  /** How long a job or a finished download waits to be fetched. */
  ttlMs?: number;
  /** Replaces the file system the PDF is written with; for tests that make the disk fail. */
  fs?: DataFs;
}

type FiledJob = { job: Omit<PrintJob, 'jobId'>; fileName: string };

/** Only the text and source of what the library opened go into a job (not its id or title). */
function openedText({ text, source }: OpenedText): OpenedText {
  return source ? { text, source } : { text };
}

export interface PdfDownload {
  fileName: string;
  bytes: Buffer;
}

export interface PdfExport {
  exportPdf(request: PrintRequest): Promise<ExportPdfResult>;
  printPages(request: PrintRequest): Promise<{ printed: boolean }>;
  getPrintJob(jobId: string): PrintJob;
  showInFolder(file: string): void;
  /** The browser host's one-time download: the PDF, then never again. */
  takeDownload(id: string): PdfDownload | undefined;
}

/** The browser host serves downloads at `download/<id>`, relative to the page. */
export const DOWNLOAD_PATH = 'download/';

export function createPdfExport(options: PdfExportOptions): PdfExport {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const jobs = createTokenStore<Omit<PrintJob, 'jobId'>>({ ttlMs });
  const downloads = createTokenStore<PdfDownload>({ ttlMs });
  // Only paths this session wrote may be shown: the page must not probe the file system.
  const written = new Set<string>();

  const host = (): PrintHost => {
    if (options.host) return options.host;
    throw printErrors.unavailable();
  };

  /** Checks the request and files its job; `use` gets the print page's address. */
  async function withJob<T>(
    request: PrintRequest,
    use: (printUrl: string, fileName: string) => Promise<T>,
  ): Promise<T> {
    const printHost = host();
    const { job, fileName } = request.compare
      ? await comparisonJob(request, request.compare.oldReportId)
      : await sectionsJob(request);
    const jobId = jobs.put(job);
    try {
      return await use(printHost.printPageUrl(jobId), fileName);
    } finally {
      jobs.delete(jobId);
    }
  }

  /** The chosen sections of one report, with its annotations if asked for. */
  async function sectionsJob(request: PrintRequest): Promise<FiledJob> {
    if (request.sectionIds.length === 0) throw printErrors.nothingChosen();
    const opened = await options.openReport(request.reportId);
    const doc = printedDocument(opened);
    const selection = resolvePrintSelection(doc, request.sectionIds);
    if (selection.unknown.length > 0) throw printErrors.unknownSections(selection.unknown);
    const wantsAnnotations = request.options.annotations !== 'none';
    const annotations = wantsAnnotations
      ? (request.annotations ?? (await options.loadAnnotations?.(request.reportId)) ?? [])
      : [];
    return {
      job: {
        reportId: request.reportId,
        ...openedText(opened),
        sectionIds: selection.ids,
        options: { ...request.options, figures: request.options.figures ?? false },
        annotations: annotations.filter((a) => a.reportId === request.reportId),
        language: request.language ?? 'zh-CN',
      },
      fileName: printFileName(doc, selection.ids),
    };
  }

  /**
   * The comparison of an old edition with the request's report: both are opened here (a
   * missing one fails before anything is printed), and the page compares them as the reader
   * does. The whole comparison is printed, with each edition's stored annotations under the
   * changes they touch; sections, the annotation option and figures do not apply.
   */
  async function comparisonJob(request: PrintRequest, oldReportId: string): Promise<FiledJob> {
    const opened = await options.openReport(request.reportId);
    const old = await options.openReport(oldReportId);
    const oldText = openedText(old);
    const [newAnnotations, oldAnnotations] = await Promise.all([
      options.loadAnnotations?.(request.reportId) ?? [],
      options.loadAnnotations?.(oldReportId) ?? [],
    ]);
    return {
      job: {
        reportId: request.reportId,
        ...openedText(opened),
        sectionIds: [],
        options: { ...request.options, annotations: 'none', figures: false },
        annotations: newAnnotations.filter((a) => a.reportId === request.reportId),
        language: request.language ?? 'zh-CN',
        compare: {
          oldReportId,
          oldText: oldText.text,
          ...(oldText.source ? { oldSource: oldText.source } : {}),
          oldAnnotations: oldAnnotations.filter((a) => a.reportId === oldReportId),
        },
      },
      fileName: compareFileName(printedDocument(old), printedDocument(opened)),
    };
  }

  async function render(request: PrintRequest, printUrl: string): Promise<Buffer> {
    let bytes: Buffer;
    try {
      bytes = await host().renderPdf(printUrl, { paper: request.options.paper });
    } catch (err) {
      if (err instanceof ViewerError) throw err;
      throw printErrors.renderFailed(errorMessage(err));
    }
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw printErrors.renderFailed('the renderer did not return a PDF');
    }
    return bytes;
  }

  return {
    async exportPdf(request) {
      const printHost = host();
      return withJob(request, async (printUrl, fileName) => {
        if (!printHost.chooseSavePath) {
          const bytes = await render(request, printUrl);
          const id = downloads.put({ fileName, bytes });
          return { outcome: 'download', url: DOWNLOAD_PATH + id, fileName, bytes: bytes.length };
        }
        // Ask first: nothing is rendered for a cancelled dialog.
        const target = await printHost.chooseSavePath(fileName);
        if (target === null) return { outcome: 'cancelled' };
        const bytes = await render(request, printUrl);
        await writePdfAtomically(target, bytes, options.fs);
        written.add(path.resolve(target));
        return {
          outcome: 'saved',
          path: target,
          fileName: path.basename(target),
          bytes: bytes.length,
        };
      });
    },

    async printPages(request) {
      const printHost = host();
      if (!printHost.printPages) throw printErrors.noPrinterHere();
      const print = printHost.printPages.bind(printHost);
      return withJob(request, (printUrl) => print(printUrl));
    },

    getPrintJob(jobId) {
      const job = jobs.get(jobId);
      if (!job) throw printErrors.jobExpired();
      return { jobId, ...job };
    },

    showInFolder(file) {
      const show = options.host?.showInFolder;
      if (!show) throw printErrors.noFileManagerHere();
      if (!written.has(path.resolve(file))) {
        throw printErrors.notWrittenHere(file);
      }
      show(file);
    },

    takeDownload: (id) => downloads.take(id),
  };
}

/**
 * Writes the PDF next to its final path, checks it, and renames it into place (see
 * safe-write.ts: every byte written, fsync, read back and compared, rename), so the path holds
 * either the old file or the whole new one, never part of one; the temp file is removed on
 * failure. A short write on a full disk is a failure here, not a truncated PDF.
 */
export async function writePdfAtomically(file: string, bytes: Buffer, fs?: DataFs): Promise<void> {
  try {
    await writeFileVerified(file, bytes, fs ? { fs } : {});
  } catch (err) {
    throw printErrors.writeFailed(errnoOf(err), `${file}: ${errorMessage(err)}`);
  }
}

/**
 * What a print page that failed left in its data-print-error attribute (an ApiError as JSON,
 * see renderer/print), as the error to report; a generic render failure when unreadable.
 */
export function printPageFailure(raw: string | null | undefined): ViewerError {
  try {
    const parsed: unknown = JSON.parse(raw ?? '');
    if (isApiError(parsed)) {
      return new ViewerError(parsed.code, parsed.message, parsed.messageEn, parsed.detail);
    }
  } catch {
    // Not JSON: fall through to the generic message, with what was there for the log.
  }
  return printErrors.renderFailed(`print page failed: ${String(raw).slice(0, 500)}`);
}
