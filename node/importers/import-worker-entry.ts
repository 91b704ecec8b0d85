/**
 * The worker-thread side of `importReportFileInWorker`: imports one file and posts progress,
 * then the result or the error as plain data (a ViewerError does not survive structured clone).
 */
import { parentPort } from 'node:worker_threads';
import { ViewerError } from '../../core/api/errors';
import { setPdfjsAssetRoot } from './pdf-importer';
import { importReportFile } from './registry';
import type { WorkerReply, WorkerRequest } from './import-worker';

const port = parentPort;
if (port) {
  port.once('message', async ({ bytes, fileName, pdfjsAssetRoot }: WorkerRequest) => {
    const reply = (message: WorkerReply) => port.postMessage(message);
    if (pdfjsAssetRoot) setPdfjsAssetRoot(pdfjsAssetRoot);
    try {
      const report = await importReportFile(bytes, fileName, {
        onProgress: ({ fraction }) => reply({ type: 'progress', fraction }),
      });
      reply({ type: 'done', report });
    } catch (error) {
      const viewerError =
        error instanceof ViewerError
          ? error
          : new ViewerError('internal', '导入时出错了。', 'Importing failed.', String(error));
      reply({ type: 'error', error: viewerError.toApiError() });
    }
  });
}
