/**
 * `importReportFile` on a worker thread, so a 50 MB PDF does not freeze Electron's main process.
 * The same result, progress and ViewerErrors as a direct call; a crashed worker is an error too.
 */
import { Worker } from 'node:worker_threads';
import { ViewerError, type ApiError } from '../../core/api/errors';
import type { ReportSource } from '../../core/report/report-source';
import type { ImportedReport } from './importer';
import type { ImportOptions } from './registry';

/** What the host's worker thread is asked: import one file, or index one report. */
export type WorkerRequest =
  | {
      kind: 'import';
      bytes: Uint8Array;
      fileName: string;
      /** Where pdf.js's data files are (a packaged app ships them outside node_modules). */
      pdfjsAssetRoot?: string;
    }
  /** Index a report and encode the index as its cache file under `key`. */
  | { kind: 'index'; source: ReportSource; key: string };

export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; report: ImportedReport }
  | { type: 'indexed'; file: Uint8Array }
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
export function defaultWorkerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./import-worker-dev.mjs', import.meta.url)
    : new URL('./import-worker-entry.js', import.meta.url);
}

/**
 * Runs one request on a new worker thread and settles with what `onReply` makes of its replies
 * (it returns a value to resolve with, or undefined to keep listening). A reply of type
 * 'error' rejects with the same ViewerError; a worker that fails to start, throws or exits
 * early, or a reply `onReply` throws on, rejects with `failed`. The worker is ended once the call settles.
 */
export function callWorker<T>(
  url: URL,
  request: WorkerRequest,
  transfer: ArrayBuffer[],
  onReply: (reply: WorkerReply) => T | undefined,
  failed: (detail: string) => ViewerError,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      outcome();
    };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'error') {
        const { code, message, messageEn, detail } = reply.error;
        finish(() => reject(new ViewerError(code, message, messageEn, detail)));
        return;
      }
      let value: T | undefined;
      try {
        value = onReply(reply);
      } catch (error) {
        finish(() => reject(failed(`reply: ${String(error)}`)));
        return;
      }
      if (value !== undefined) finish(() => resolve(value));
    });
    worker.on('error', (error) => finish(() => reject(failed(`worker: ${String(error)}`))));
    worker.on('exit', (code) => finish(() => reject(failed(`worker exited (${code})`))));
    worker.postMessage(request, transfer);
  });
}

export function importReportFileInWorker(
  bytes: Uint8Array,
  fileName: string,
  options: WorkerImportOptions = {},
): Promise<ImportedReport> {
  // A copy goes over, so the caller's bytes stay usable (and are not detached).
  const copy = bytes.slice();
  return callWorker(
    options.workerUrl ?? defaultWorkerUrl(),
    {
      kind: 'import',
      bytes: copy,
      fileName,
      ...(options.pdfjsAssetRoot ? { pdfjsAssetRoot: options.pdfjsAssetRoot } : {}),
    },
    [copy.buffer],
    (reply) => {
      if (reply.type === 'progress') options.onProgress?.({ fraction: reply.fraction });
      return reply.type === 'done' ? reply.report : undefined;
    },
    (detail) =>
      new ViewerError(
        'internal',
        '导入时出错了，文件没有导入。',
        'Importing failed; the file was not imported.',
        `import ${detail}`,
      ),
  );
}
