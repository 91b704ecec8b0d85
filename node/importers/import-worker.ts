/**
 * `importReportFile` on a worker thread, so a 50 MB PDF does not freeze Electron's main process.
 * The same result, progress and ViewerErrors as a direct call; a crashed worker is an error too.
 */
import { Worker } from 'node:worker_threads';
import { ViewerError, type ApiError } from '../../core/api/errors';
import type { ImportedReport } from './importer';
import type { ImportOptions } from './registry';

export interface WorkerRequest {
  bytes: Uint8Array;
  fileName: string;
  /** Where pdf.js's data files are (a packaged app ships them outside node_modules). */
  pdfjsAssetRoot?: string;
}

export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; report: ImportedReport }
  | { type: 'error'; error: ApiError };

export interface WorkerImportOptions extends ImportOptions {
  /**
   * The worker's script. Defaults to `import-worker-entry` beside this module; a bundler that
   * moves files says where it put it.
   */
  workerUrl?: URL;
  /** Passed on to the worker's pdf importer (see setPdfjsAssetRoot). */
  pdfjsAssetRoot?: string;
}

/**
 * The entry beside this module: compiled, `import-worker-entry.js`; from the TypeScript sources
 * (tsx), a small bootstrap that gives the worker tsx's loader first.
 */
function defaultWorkerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./import-worker-dev.mjs', import.meta.url)
    : new URL('./import-worker-entry.js', import.meta.url);
}

export function importReportFileInWorker(
  bytes: Uint8Array,
  fileName: string,
  options: WorkerImportOptions = {},
): Promise<ImportedReport> {
  const url = options.workerUrl ?? defaultWorkerUrl();
  return new Promise((resolve, reject) => {
    const worker = new Worker(url);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      outcome();
    };
    const failed = (detail: string) =>
      new ViewerError(
        'internal',
        '导入时出错了，文件没有导入。',
        'Importing failed; the file was not imported.',
        detail,
      );
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') options.onProgress?.({ fraction: reply.fraction });
      else if (reply.type === 'done') finish(() => resolve(reply.report));
      else {
        const { code, message, messageEn, detail } = reply.error;
        finish(() => reject(new ViewerError(code, message, messageEn, detail)));
      }
    });
    worker.on('error', (error) => finish(() => reject(failed(`import worker: ${String(error)}`))));
    worker.on('exit', (code) => finish(() => reject(failed(`import worker exited (${code})`))));
    // A copy goes over, so the caller's bytes stay usable (and are not detached).
    const copy = bytes.slice();
    const request: WorkerRequest = {
      bytes: copy,
      fileName,
      ...(options.pdfjsAssetRoot ? { pdfjsAssetRoot: options.pdfjsAssetRoot } : {}),
    };
    worker.postMessage(request, [copy.buffer]);
  });
}
