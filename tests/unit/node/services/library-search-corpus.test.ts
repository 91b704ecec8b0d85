// The library search over the genuine corpus (../shared/corpus/formats: Word, PDF and saved web
// pages as they were sent), answered twice: by a first run that builds every index, and by the
// next run, whose indexes come from the disk cache with their positions left in the files and
// read as queries need them. The two must agree hit for hit, and both with a plain scan.
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../../../core/api/contract';
import type { ReportSource } from '../../../../core/report/report-source';
import { createBruteForceSearcher } from '../../../../core/search';
import { importReportFile } from '../../../../node/importers/registry';
import { createLibrarySearch, type LibrarySearch } from '../../../../node/services/library-search';
import { buildReportIndex } from '../../../../node/services/report-index';
import { createSearchIndexCache } from '../../../../node/services/search-index-cache';
import { corpusDir } from '../importers/fixtures';
import { textReportSummary } from '../../../fixtures/report-summary';

const dir = corpusDir();

if (!dir && process.env.CI === 'true') {
  it('has the corpus under CI', () => {
    throw new Error('../shared/corpus/formats is missing; CI must provide it');
  });
}

describe.skipIf(!dir)('library search over the genuine corpus, built and then cached', () => {
  const sources = new Map<string, ReportSource>();
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'corpus-library-'));
    for (const name of fs.readdirSync(dir!).sort()) {
      if (name === 'SOURCES.txt') continue;
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir!, name)));
      // Files the importers refuse (an image-only PDF, an .ofd) are not in a library.
      const imported = await importReportFile(bytes, name).catch(() => null);
      if (imported) sources.set(name, imported.source);
    }
  }, 120_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const summaries = (): ReportSummary[] =>
    [...sources].map(([id, source]) => textReportSummary(id, source.text.length));

  const service = (): LibrarySearch =>
    createLibrarySearch({
      listReports: async () => summaries(),
      openReport: async (id) => {
        const source = sources.get(id)!;
        return { id, title: id, text: source.text, source };
      },
      listAnnotations: async () => [],
      cache: createSearchIndexCache({ dataDir, build: buildReportIndex }),
    });

  /** Queries taken from the documents themselves (1 to 6 characters), and a few typed ones. */
  function queries(): string[] {
    const found = new Set(['政府', '依法', '年', '（一）', '2024', 'ＰＤＦ', '不存在的词语组合']);
    for (const source of sources.values()) {
      const text = source.text.replace(/\s+/g, '');
      for (const length of [1, 2, 3, 6]) {
        for (const at of [0.1, 0.5, 0.9]) {
          const start = Math.floor(text.length * at);
          const query = text.slice(start, start + length);
          if (query.length === length) found.add(query);
        }
      }
    }
    return [...found];
  }

  it('answers every query the same from cached indexes as from built ones, and as a scan', async () => {
    expect(sources.size).toBeGreaterThanOrEqual(10);
    const built = service();
    for (const summary of summaries()) {
      expect((await built.indexOf(summary)).status).toBe('built');
    }
    const cached = service();
    for (const summary of summaries()) {
      const loaded = await cached.indexOf(summary);
      expect(loaded.status).toBe('loaded');
      expect(loaded.problems).toEqual([]);
    }
    const all = { limitPerReport: 100_000, maxHits: 1e9 };
    let hits = 0;
    for (const query of queries()) {
      const fromBuilt = await built.search({ query, ...all });
      const fromCache = await cached.search({ query, ...all });
      expect(fromCache, query).toEqual(fromBuilt);
      expect(fromCache.skipped).toEqual([]);
      // Each report's count is a plain scan's over the same units.
      for (const group of fromCache.groups) {
        const { index } = await cached.indexOf(summaries().find((s) => s.id === group.reportId)!);
        const units = index.toData().units.map((u) => ({
          ...u,
          text: u.text ?? sources.get(group.reportId)!.text.slice(u.source![0], u.source![1]),
        }));
        expect(group.hitCount, `${query} in ${group.reportId}`).toBe(
          createBruteForceSearcher(units)(query).length,
        );
        hits += group.hitCount;
      }
    }
    expect(hits).toBeGreaterThan(1000);
  }, 120_000);
});
