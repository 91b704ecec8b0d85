/**
 * The browser host's renderPdf: Chromium's own printToPDF (playwright-core `page.pdf()`) on the
 * same print page Electron prints. The browser is started on the first export and kept for the
 * next; each export gets a fresh context that may reach 127.0.0.1 only.
 */
import type { Browser } from 'playwright-core';
import {
  PRINT_ERROR_ATTRIBUTE,
  PRINT_FAILED,
  PRINT_READY_ATTRIBUTE,
} from '../../core/print/print-options';
import { printErrors } from '../../core/print/print-errors';
import { printPageFailure, type RenderPdf } from '../services/pdf-export';
import { isLoopbackUrl, launchChromium } from './chromium-launch';

/** How long the print page may take to lay out and load its fonts. */
export const PRINT_READY_TIMEOUT_MS = 60_000;

export interface ChromiumPdfRenderer {
  renderPdf: RenderPdf;
  close(): Promise<void>;
}

export function createChromiumPdfRenderer(
  launch: () => Promise<Browser> = launchChromium,
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

  const renderPdf: RenderPdf = async (printUrl, options) => {
    const context = await (await getBrowser()).newContext({ serviceWorkers: 'block' });
    try {
      await context.route('**/*', (route) =>
        isLoopbackUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      await page.goto(printUrl, { waitUntil: 'load' });
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
      return await page.pdf({
        format: options.paper,
        preferCSSPageSize: true,
        printBackground: true,
        outline: true,
        tagged: true,
      });
    } finally {
      await context.close().catch(() => undefined);
    }
  };

  return {
    renderPdf,
    async close() {
      const running = browser;
      browser = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
