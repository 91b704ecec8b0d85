/**
 * A report's search index built on the host's worker thread (import-worker-entry.ts), so that
 * indexing a report of tens of megabytes (a second or more) does not hold up the process that
 * answers the window. The worker parses, indexes and encodes the index as its cache file; the
 * bytes are moved back, not copied, and loaded here as a cache file is (read up to the
 * positions, every check made), then written by the cache as they are. Small reports are
 * indexed in place: they take less time than starting a worker.
 */
import type { ReportSource } from '../../core/report/report-source';
import { loadExactSearchIndex } from '../../core/search';
import { callWorker, defaultWorkerUrl } from '../importers/import-worker';
import { buildReportIndex, notSearchableError, type ReportSearchInfo } from './report-index';
import type { BuiltIndex } from './search-index-cache';
import { readFromMemory, readIndexFileSync } from './search-index-file';

/**
 * Reports of fewer characters are indexed in place (the reader's compute worker takes over
 * from the same size; a worker thread starts in about a tenth of a second).
 */
export const INDEX_IN_WORKER_FROM_CHARS = 300_000;

export function buildReportIndexInWorker(
  source: ReportSource,
  key: string,
  workerUrl: URL = defaultWorkerUrl(),
): Promise<BuiltIndex<ReportSearchInfo>> {
  return callWorker(
    workerUrl,
    { kind: 'index', source, key },
    [],
    (reply) => {
      if (reply.type !== 'indexed') return undefined;
      const file = Buffer.from(reply.file.buffer, reply.file.byteOffset, reply.file.byteLength);
      const contents = readIndexFileSync(readFromMemory(file), file.length);
      if (contents.key !== key) throw new Error('the worker indexed another text');
      const index = loadExactSearchIndex(contents.data, source.text);
      return { index, extra: contents.extra as ReportSearchInfo, file };
    },
    (detail) => notSearchableError(`index ${detail}`),
  );
}

/** The index builder for the library search: large reports on a worker thread, small in place. */
export function workerIndexBuilder(
  workerUrl?: URL,
  fromChars: number = INDEX_IN_WORKER_FROM_CHARS,
): (
  source: ReportSource,
  key: string,
) => BuiltIndex<ReportSearchInfo> | Promise<BuiltIndex<ReportSearchInfo>> {
  return (source, key) =>
    source.text.length < fromChars
      ? buildReportIndex(source)
      : buildReportIndexInWorker(source, key, workerUrl);
}
