/**
 * The browser host's renderPdf: Chromium's own printToPDF (playwright-core `page.pdf()`) on the
 * same print page Electron prints. The browser is started on the first export and kept for the
 * next, and so is the print page: a later export hands the open page its job
 * (PRINT_NEXT_JOB_FUNCTION) instead of loading the page, its scripts and its fonts again —
 * that load was most of a warm export's time. The page's context may reach 127.0.0.1 only.
 * Exports take turns on the one page; a page that failed or was closed is dropped, and the
 * next export opens a new one.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  PRINT_ERROR_ATTRIBUTE,
  PRINT_FAILED,
  PRINT_NEXT_JOB_FUNCTION,
  PRINT_READY_ATTRIBUTE,
} from '../../core/print/print-options';
import { printErrors } from '../../core/print/print-errors';
import { printPageFailure, type RenderPdf, type RenderPdfOptions } from '../services/pdf-export';
import { isLoopbackUrl, launchChromium } from './chromium-launch';

/** How long the print page may take to lay out and load its fonts. */
export const PRINT_READY_TIMEOUT_MS = 60_000;

export interface ChromiumPdfRenderer {
  renderPdf: RenderPdf;
  close(): Promise<void>;
}

export interface ChromiumPdfOptions {
  /** False: a new page (and context) for every export, as before pages were kept; for the benchmark. */
  keepPage?: boolean;
}

export function createChromiumPdfRenderer(
  launch: () => Promise<Browser> = launchChromium,
  { keepPage = true }: ChromiumPdfOptions = {},
): ChromiumPdfRenderer {
  let browser: Promise<Browser> | null = null;

  const getBrowser = (): Promise<Browser> => {
    if (!browser) {
      const starting = launch();
      browser = starting;
      starting.then(
        (b) => b.on('disconnected', () => (browser = null)),
        () => (browser = null),
      );
    }
    return browser;
  };

  /** The open print page, and the address it was opened at minus the job. */
  let warm: { context: BrowserContext; page: Page; base: string } | null = null;
  /** Exports take turns: one page prints one job at a time. */
  let turn: Promise<unknown> = Promise.resolve();

  const dropWarm = async (): Promise<void> => {
    const dropped = warm;
    warm = null;
    await dropped?.context.close().catch(() => undefined);
  };

  /** The print page showing the job of `printUrl`: the open one given the job, or a new one. */
  async function pageFor(printUrl: string): Promise<Page> {
    const url = new URL(printUrl);
    const jobId = url.searchParams.get('job') ?? '';
    url.searchParams.delete('job');
    const base = url.href;
    if (warm && warm.base === base && !warm.page.isClosed()) {
      const handed = await warm.page
        .evaluate(
          ([name, id]) => {
            const next = (globalThis as unknown as Record<string, unknown>)[name];
            if (typeof next !== 'function') return false;
            (next as (jobId: string) => void)(id);
            return true;
          },
          [PRINT_NEXT_JOB_FUNCTION, jobId] as const,
        )
        .catch(() => false);
      if (handed) return warm.page;
    }
    await dropWarm();
    const context = await (await getBrowser()).newContext({ serviceWorkers: 'block' });
    try {
      await context.route('**/*', (route) =>
        isLoopbackUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      await page.goto(printUrl, { waitUntil: 'load' });
      warm = { context, page, base };
      return page;
    } catch (err) {
      await context.close().catch(() => undefined);
      throw err;
    }
  }

  async function render(printUrl: string, options: RenderPdfOptions): Promise<Buffer> {
    let printed = false;
    try {
      const page = await pageFor(printUrl);
      try {
        await page.waitForSelector(`html[${PRINT_READY_ATTRIBUTE}]`, {
          state: 'attached',
          timeout: PRINT_READY_TIMEOUT_MS,
        });
      } catch (err) {
        throw printErrors.renderFailed(`print page not ready: ${String(err).slice(0, 300)}`);
      }
      const html = page.locator('html');
      if ((await html.getAttribute(PRINT_READY_ATTRIBUTE)) === PRINT_FAILED) {
        throw printPageFailure(await html.getAttribute(PRINT_ERROR_ATTRIBUTE));
      }
      const pdf = await page.pdf({
        format: options.paper,
        preferCSSPageSize: true,
        printBackground: true,
        outline: true,
        tagged: true,
      });
      printed = true;
      return pdf;
    } finally {
      // A page that failed in any way is not trusted with the next job.
      if (!printed || !keepPage) await dropWarm();
    }
  }

  const renderPdf: RenderPdf = (printUrl, options) => {
    const rendering = turn.then(() => render(printUrl, options));
    turn = rendering.catch(() => undefined);
    return rendering;
  };

  return {
    renderPdf,
    async close() {
      await dropWarm();
      const running = browser;
      browser = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
