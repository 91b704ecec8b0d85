// Building a report's search index on the host's worker thread (index-in-worker.ts): the same
// index as in this thread, cached and searched alike, and a worker that cannot run is an error
// in plain words.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ViewerError } from '../../../../core/api/errors';
import type { ReportSource } from '../../../../core/report/report-source';
import { callWorker, defaultWorkerUrl } from '../../../../node/importers/import-worker';
import {
  buildReportIndexInWorker,
  workerIndexBuilder,
} from '../../../../node/services/index-in-worker';
import { createLibrarySearch } from '../../../../node/services/library-search';
import { buildReportIndex } from '../../../../node/services/report-index';
import { createSearchIndexCache, textKey } from '../../../../node/services/search-index-cache';
import { encodeIndexFile } from '../../../../node/services/search-index-file';
import { generateLargeReport } from '../../../fixtures/generated/large-report';
import { textReportSummary } from '../../../fixtures/report-summary';

const source: ReportSource = {
  text: generateLargeReport(200_000).text,
  format: 'txt',
};
const QUERIES = ['执法', '依法行政', '年', '（一）', '不存在的词'];

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'index-worker-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('a report indexed on the worker thread', () => {
  it('is the index built in this thread, encoded as its cache file, checked as it is loaded', async () => {
    const key = textKey(source.text);
    const inWorker = await buildReportIndexInWorker(source, key);
    const here = buildReportIndex(source);
    expect(inWorker.extra).toEqual(here.extra);
    expect(inWorker.index.toData()).toEqual(here.index.toData());
    expect(inWorker.file).toEqual(encodeIndexFile(key, here.extra, here.index.toData()));
    for (const query of QUERIES) {
      expect(inWorker.index.firstHits(query, 50)).toEqual(here.index.firstHits(query, 50));
    }
  }, 60_000);

  it('is cached and searched by the library search as one built here', async () => {
    const summary = textReportSummary('large.txt', source.text.length);
    const library = (buildIndex?: ReturnType<typeof workerIndexBuilder>) =>
      createLibrarySearch({
        listReports: async () => [summary],
        openReport: async (id) => ({ id, title: id, text: source.text, source }),
        listAnnotations: async () => [],
        cache: createSearchIndexCache({ dataDir, build: buildReportIndex }),
        ...(buildIndex ? { buildIndex } : {}),
      });
    const viaWorker = vi.fn(workerIndexBuilder(undefined, 0));
    const built = library(viaWorker);
    expect((await built.indexOf(summary)).status).toBe('built');
    expect(viaWorker).toHaveBeenCalledTimes(1);
    // The next run loads the file the worker's index was written to.
    const loaded = library();
    expect((await loaded.indexOf(summary)).status).toBe('loaded');
    for (const query of QUERIES) {
      expect(await loaded.search({ query })).toEqual(await built.search({ query }));
    }
  }, 60_000);

  it('is built in this thread for a small report (no worker started)', async () => {
    const small: ReportSource = { text: '一、总体情况\n\n依法行政。', format: 'txt' };
    const builder = workerIndexBuilder(new URL('./no-such-worker.js', import.meta.url));
    const built = await builder(small, textKey(small.text));
    expect(built.index.firstHits('依法', 5).total).toBe(1);
  });

  it('rejects, and throws nothing into the process, when a reply cannot be used', async () => {
    const error = await callWorker(
      defaultWorkerUrl(),
      { kind: 'index', source, key: 'k' },
      [],
      () => {
        throw new Error('not what was asked for');
      },
      (detail) => new ViewerError('internal', '这份报告无法搜索。', 'Not searchable.', detail),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ViewerError', detail: expect.stringMatching(/not what/) });
  }, 60_000);

  it('says in plain words when the worker cannot run', async () => {
    const error = await buildReportIndexInWorker(
      source,
      textKey(source.text),
      new URL('./no-such-worker.js', import.meta.url),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'ViewerError',
      code: 'internal',
      message: '这份报告无法搜索。',
    });
  }, 30_000);
});
