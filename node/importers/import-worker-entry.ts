/**
 * The host's worker thread (import-worker.ts): imports one file and posts progress, then the
 * result; or indexes one report (index-in-worker.ts) and posts the index encoded as its cache
 * file, moved rather than copied. An error goes back as plain data (a ViewerError does not survive structured
 * clone).
 */
import { parentPort } from 'node:worker_threads';
import { ViewerError } from '../../core/api/errors';
import { buildReportIndex, notSearchableError } from '../services/report-index';
import { encodeIndexFile } from '../services/search-index-file';
import { setPdfjsAssetRoot } from './pdf-importer';
import { importReportFile } from './registry';
import type { WorkerReply, WorkerRequest } from './import-worker';

const port = parentPort;
if (port) {
  port.once('message', async (request: WorkerRequest) => {
    const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) =>
      port.postMessage(message, transfer);
    try {
      if (request.kind === 'index') {
        // Encoded here too (a 30 MB report's file is 70 MB of arrays and checksums), so the
        // host only checks what it is handed and writes it; the bytes are moved, not copied.
        const { index, extra } = buildReportIndex(request.source);
        const file = encodeIndexFile(request.key, extra, index.toData());
        reply({ type: 'indexed', file }, [file.buffer as ArrayBuffer]);
        return;
      }
      if (request.pdfjsAssetRoot) setPdfjsAssetRoot(request.pdfjsAssetRoot);
      const report = await importReportFile(request.bytes, request.fileName, {
        onProgress: ({ fraction }) => reply({ type: 'progress', fraction }),
      });
      reply({ type: 'done', report });
    } catch (error) {
      const viewerError =
        error instanceof ViewerError
          ? error
          : request.kind === 'index'
            ? notSearchableError(String(error))
            : new ViewerError('internal', '导入时出错了。', 'Importing failed.', String(error));
      reply({ type: 'error', error: viewerError.toApiError() });
    }
  });
}
