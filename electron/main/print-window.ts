/**
 * Electron's half of printing: the print page is loaded in a hidden window with the reader's
 * own locked-down webPreferences (and, like every web contents, the offline guard), waited on
 * until it says it is ready, then printed to PDF (printToPDF) or to a system printer (print).
 *
 * For PDF export the window is kept, hidden, for the next export, which hands the loaded page
 * its job (PRINT_NEXT_JOB_FUNCTION) instead of loading the page, its scripts and its fonts
 * again — that load was most of a warm export's time (the browser host does the same). Exports
 * take turns on it; a window that failed is destroyed, and the next export opens a new one;
 * `close()` (when the reader's window closes) destroys it. A window for the system printer is
 * destroyed afterwards, whatever happened.
 */
import { MESSAGES } from '../../core/i18n/messages';
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  PrintToPDFOptions,
  WebContents,
} from 'electron';
import { printErrors } from '../../core/print/print-errors';
import {
  PRINT_ERROR_ATTRIBUTE,
  PRINT_FAILED,
  PRINT_NEXT_JOB_FUNCTION,
  PRINT_READY_ATTRIBUTE,
  type PaperSize,
} from '../../core/print/print-options';
import { printPageFailure, type RenderPdf } from '../../node/services/pdf-export';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { forLog, type MainLog } from './log';
import { lockedDownWebPreferences } from './main-window';

/** How long the print page may take to lay out and load its fonts. */
export const PRINT_READY_TIMEOUT_MS = 60_000;
const POLL_MS = 100;

export function printPageUrl(jobId: string): string {
  return `${APP_SCHEME}://${APP_HOST}/print.html?job=${encodeURIComponent(jobId)}`;
}

export function printWindowOptions(
  preloadPath: string,
  devTools = false,
): BrowserWindowConstructorOptions {
  return {
    show: false,
    // Roughly a page wide, so screen-media layout before printing is not absurd.
    width: 900,
    height: 1200,
    title: MESSAGES['zh-CN'].printWindowTitle,
    webPreferences: lockedDownWebPreferences(preloadPath, devTools),
  };
}

/** Chromium's PDF options: the page's own @page size and margins, outline and tags on. */
export function printToPdfOptions(paper: PaperSize): PrintToPDFOptions {
  return {
    pageSize: paper,
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: false,
    generateDocumentOutline: true,
    generateTaggedPDF: true,
  };
}

export interface PrintWindows {
  renderPdf: RenderPdf;
  printPages(printUrl: string): Promise<{ printed: boolean }>;
  /** The hidden windows' contents now open: the only senders allowed to call getPrintJob. */
  activeContents(): WebContents[];
  /** Destroys the window kept for the next export (the app is closing). */
  close(): void;
}

/** The job id a print page address carries (printPageUrl). */
function jobOf(printUrl: string): string {
  try {
    return new URL(printUrl).searchParams.get('job') ?? '';
  } catch {
    return '';
  }
}

export function createPrintWindows(
  BrowserWindowClass: typeof BrowserWindow,
  preloadPath: string,
  log: MainLog,
  readyTimeoutMs = PRINT_READY_TIMEOUT_MS,
  devTools = false,
): PrintWindows {
  const open = new Set<BrowserWindow>();
  /** The PDF window kept loaded for the next export. */
  let warm: BrowserWindow | null = null;
  /** PDF exports take turns on the one kept window. */
  let turn: Promise<unknown> = Promise.resolve();

  const newWindow = (): BrowserWindow => {
    const win = new BrowserWindowClass(printWindowOptions(preloadPath, devTools));
    open.add(win);
    return win;
  };
  const destroy = (win: BrowserWindow | null): void => {
    if (!win) return;
    open.delete(win);
    if (warm === win) warm = null;
    if (!win.isDestroyed()) win.destroy();
  };

  async function withPrintPage<T>(
    printUrl: string,
    use: (contents: WebContents) => Promise<T>,
  ): Promise<T> {
    const win = newWindow();
    try {
      await win.loadURL(printUrl);
      await waitUntilPrintable(win.webContents, readyTimeoutMs);
      return await use(win.webContents);
    } catch (err) {
      log.error(`printing ${forLog(printUrl)} failed`, err);
      throw err;
    } finally {
      destroy(win);
    }
  }

  /** The kept window with this job handed to its page, or a new window loading it. */
  async function pdfWindow(printUrl: string): Promise<BrowserWindow> {
    const kept = warm;
    if (kept && !kept.isDestroyed()) {
      const call = `(() => {
        const next = window[${JSON.stringify(PRINT_NEXT_JOB_FUNCTION)}];
        if (typeof next !== 'function') return false;
        next(${JSON.stringify(jobOf(printUrl))});
        return true;
      })()`;
      const handed = await kept.webContents.executeJavaScript(call).catch(() => false);
      if (handed === true) return kept;
    }
    destroy(kept);
    const win = newWindow();
    warm = win;
    await win.loadURL(printUrl);
    return win;
  }

  function renderPdf(printUrl: string, options: { paper: PaperSize }): Promise<Buffer> {
    const run = async (): Promise<Buffer> => {
      let win: BrowserWindow | null = null;
      try {
        win = await pdfWindow(printUrl);
        await waitUntilPrintable(win.webContents, readyTimeoutMs);
        return await win.webContents.printToPDF(printToPdfOptions(options.paper));
      } catch (err) {
        log.error(`printing ${forLog(printUrl)} failed`, err);
        // A window in an unknown state is not kept: the next export starts afresh.
        destroy(win ?? warm);
        throw err;
      }
    };
    const result = turn.then(run, run);
    turn = result.catch(() => undefined);
    return result;
  }

  return {
    renderPdf,
    printPages: (printUrl) =>
      withPrintPage(
        printUrl,
        (contents) =>
          new Promise((resolve, reject) => {
            contents.print({ silent: false, printBackground: true }, (success, reason) => {
              if (success) resolve({ printed: true });
              // The user closing the system dialog is not an error.
              else if (/cancel/i.test(reason)) resolve({ printed: false });
              else reject(printErrors.renderFailed(`print: ${reason}`));
            });
          }),
      ),
    activeContents: () => [...open].filter((w) => !w.isDestroyed()).map((w) => w.webContents),
    close: () => destroy(warm),
  };
}

/** Polls the page's ready attribute (set by renderer/print/print-ready.ts). */
export async function waitUntilPrintable(
  contents: Pick<WebContents, 'executeJavaScript'>,
  timeoutMs: number,
): Promise<void> {
  const read = `[document.documentElement.getAttribute(${JSON.stringify(PRINT_READY_ATTRIBUTE)}),
    document.documentElement.getAttribute(${JSON.stringify(PRINT_ERROR_ATTRIBUTE)})]`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [state, error] = (await contents.executeJavaScript(read)) as [
      string | null,
      string | null,
    ];
    if (state === PRINT_FAILED) throw printPageFailure(error);
    if (state !== null) return;
    if (Date.now() > deadline) {
      throw printErrors.renderFailed(`print page not ready after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
