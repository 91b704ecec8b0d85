/**
 * The importers on a worker thread (node/importers/import-worker.ts) for all but small files:
 * a 50 MB PDF is read without holding up the main process, which answers IPC and draws menus
 * meanwhile. The worker's script is bundled beside main.js as import-worker.js
 * (scripts/build-electron.mjs; inside the asar, which Electron's worker threads read).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { importReportFileInWorker } from '../../node/importers/import-worker';
import { importReportFile, type ReportFileImporter } from '../../node/importers/registry';

export const IMPORT_WORKER_FILE = 'import-worker.js';

/**
 * Files smaller than this are imported in the main process: they take milliseconds, less than
 * starting a worker (which loads a 6 MB bundle), and the bundled report opens at every start.
 */
export const IN_THREAD_BELOW_BYTES = 512 * 1024;

export function workerImporter(options: {
  /** The folder main.js runs from (the worker script is beside it). */
  mainDir: string;
  /** Where pdf.js's data files are in a packaged app (null: the installed package). */
  pdfjsAssetRoot: string | null;
}): ReportFileImporter {
  const workerUrl = pathToFileURL(path.join(options.mainDir, IMPORT_WORKER_FILE));
  return (bytes, fileName) =>
    bytes.byteLength < IN_THREAD_BELOW_BYTES
      ? importReportFile(bytes, fileName)
      : importReportFileInWorker(bytes, fileName, {
          workerUrl,
          ...(options.pdfjsAssetRoot ? { pdfjsAssetRoot: options.pdfjsAssetRoot } : {}),
        });
}
