/**
 * The browser host assembled: the Node services (with PDF export through a Chromium of the
 * host's own) served on 127.0.0.1. Used by `npm run web` (cli.ts), the PDF benchmark and the
 * print screenshots, so all three print exactly as the app does.
 */
import type { HostServices, HostServicesOptions } from '../services/host-services';
import { createHostServices } from '../services/host-services';
import { workerIndexBuilder } from '../services/index-in-worker';
import { DOWNLOAD_PATH } from '../services/pdf-export';
import type { PrintRequest } from '../../core/print/print-options';
import { createChromiumPdfRenderer } from './chromium-pdf';
import { startWebHost, type WebHost } from './web-host';

export interface BrowserHostOptions extends Omit<HostServicesOptions, 'host' | 'print'> {
  rendererDir: string;
  port: number;
  log?: (message: string) => void;
  /** False: print every PDF on a newly loaded print page (the benchmark's "before"). */
  keepPrintPage?: boolean;
}

export interface BrowserHost {
  services: HostServices;
  web: WebHost;
  /** Exports a PDF as the page would, without HTTP: for the benchmark and the screenshots. */
  exportPdfBytes(request: PrintRequest): Promise<Buffer>;
  /** Waits for pending writes, closes the PDF browser and the server. */
  close(): Promise<void>;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { rendererDir, port, log, keepPrintPage, ...serviceOptions } = options;
  const pdfRenderer = createChromiumPdfRenderer(undefined, { keepPage: keepPrintPage ?? true });
  // The print page's address is known once the server listens, before any export is asked for.
  let serving: WebHost | null = null;
  const services = await createHostServices({
    ...serviceOptions,
    host: 'web',
    buildIndex: workerIndexBuilder(),
    print: {
      renderPdf: pdfRenderer.renderPdf,
      printPageUrl: (jobId) =>
        `http://127.0.0.1:${serving?.port}/print.html?job=${jobId}#token=${serving?.token}`,
    },
  });
  const web = await startWebHost({ services, rendererDir, port, ...(log ? { log } : {}) });
  serving = web;
  return {
    services,
    web,
    async exportPdfBytes(request) {
      const result = await services.handlers.exportPdf(request);
      const id = result.outcome === 'download' ? result.url.slice(DOWNLOAD_PATH.length) : '';
      const download = services.pdf.takeDownload(id);
      if (!download) throw new Error(`exportPdf answered ${result.outcome}`);
      return download.bytes;
    },
    async close() {
      // Flushes, then gives up the data-folder lock for the next host on the same folder.
      await services.close();
      await pdfRenderer.close();
      await web.close();
    },
  };
}
