/**
 * Search at scale (issue 10): a generated library of 100 reports (~20 MB) and single reports
 * of 5 MB and 30 MB, all written by generate-reports.ts. For each: parse and index build
 * times, the cache file's size, loading the cached index against building it, and query
 * latency (p50/p95) of the library search / per-report first hits against the brute-force
 * scan, with recall checked hit for hit against that scan. Prints tables; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReportSummary } from '../core/api/contract';
import { parseReport } from '../core/report/parse-report';
import {
  createBruteForceSearcher,
  createExactSearchIndex,
  documentSearchUnits,
  loadExactSearchIndex,
  type SearchUnit,
} from '../core/search';
import { joinUnits } from '../core/search/substring-hits';
import { normalizeForSearch } from '../core/search/normalize-for-search';
import { parseQuery } from '../core/search/query-parser';
import { createLibrarySearch } from '../node/services/library-search';
import { buildReportIndex, type ReportSearchInfo } from '../node/services/report-index';
import { writeFileVerified } from '../node/services/safe-write';
import {
  createSearchIndexCache,
  readIndexCacheFile,
  textKey,
} from '../node/services/search-index-cache';
import { decodeIndexFile, encodeIndexFile } from '../node/services/search-index-file';
import { generateReport, generateReports } from './generate-reports';
import { markdownTable } from './markdown-table';
import { textReportSummary } from '../tests/fixtures/report-summary';
import { seededRandom } from './prng';
import { sampleQueries, type BenchQuery } from './query-sample';
import { median, quantile, timeMs } from './stats';

/** Characters per UTF-8 byte of the generated text is ~1/2.84 (mostly Han). */
const BYTES_PER_CHAR = 2.84;
const MB = 1_000_000;
const LIBRARY_REPORTS = 100;
const LIBRARY_BYTES = 20 * MB;

const fmt = (ms: number): string =>
  ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0);
const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;

interface Report {
  id: string;
  text: string;
}

/** Units of several reports, ids prefixed by report, for the brute-force oracle. */
function libraryUnits(reports: readonly Report[]): SearchUnit[] {
  return reports.flatMap((report, r) =>
    documentSearchUnits(parseReport(report.text)).map((u) => ({
      ...u,
      id: `${report.id}/${u.id}`,
      order: r * 10_000_000 + u.order,
    })),
  );
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

interface BuildFigures {
  bytes: number;
  parseMs: number;
  indexMs: number;
  fileBytes: number;
  /** A cached load as the library does it for an imported report: the key from the manifest. */
  loadMs: number;
  /** The same, hashing the text for the key (a bundled report). */
  hashedLoadMs: number;
  /** The whole file read and checked, positions in memory: hash, readFile, decode, load. */
  beforeMs: number;
  /** Where a cached load's time goes. */
  hashMs: number;
  readMs: number;
  checkMs: number;
}

const LOAD_FIGURES = ['beforeMs', 'hashedLoadMs', 'loadMs', 'hashMs', 'readMs', 'checkMs'] as const;
type LoadFigure = (typeof LOAD_FIGURES)[number];
/** Rounds of cached loads; the median round is reported (this machine is shared and noisy). */
const LOAD_ROUNDS = 5;

async function loadedFromCache(loading: Promise<{ status: string; problems: string[] }>) {
  const loaded = await loading;
  if (loaded.status !== 'loaded') throw new Error(`cache not used: ${loaded.problems}`);
}

/** Parse + index each report, write its cache file, then load every cached index. */
async function measureBuildAndCache(reports: readonly Report[]): Promise<BuildFigures> {
  const figures: BuildFigures = {
    bytes: 0,
    parseMs: 0,
    indexMs: 0,
    fileBytes: 0,
    loadMs: 0,
    hashedLoadMs: 0,
    beforeMs: 0,
    hashMs: 0,
    readMs: 0,
    checkMs: 0,
  };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-index-cache-'));
  try {
    const cache = createSearchIndexCache<ReportSearchInfo>({ dataDir, build: buildReportIndex });
    for (const report of reports) {
      figures.bytes += Buffer.byteLength(report.text, 'utf8');
      let doc!: ReturnType<typeof parseReport>;
      figures.parseMs += timeMs(() => (doc = parseReport(report.text)));
      const units = documentSearchUnits(doc);
      const ranges = new Map(doc.paragraphs.map((p) => [`paragraph:${p.id}`, [p.start, p.end]]));
      let index!: ReturnType<typeof createExactSearchIndex>;
      figures.indexMs += timeMs(
        () =>
          (index = createExactSearchIndex(units, {
            source: {
              text: report.text,
              rangeOf: (u) => (ranges.get(u.id) as [number, number] | undefined) ?? null,
            },
          })),
      );
      // The cache file, written as the cache writes it (built once: parsing is timed above).
      const sections = doc.flatSections.map((x) => ({
        id: x.id,
        numberPath: x.numberPath,
        title: x.title,
      }));
      const key = textKey(report.text);
      const file = encodeIndexFile(key, { title: doc.title, sections }, index.toData());
      figures.fileBytes += file.length;
      await mkdir(path.dirname(cache.fileFor(key)), { recursive: true });
      await writeFileVerified(cache.fileFor(key), file);
    }
    // Loading, three ways, interleaved report by report so a busy machine slows each alike:
    // the whole file read and checked (hash the text, readFile, decode with every checksum,
    // positions in memory, load); now, hashing the text (a bundled report); now, with the key
    // the library vouches for (an imported report: its text was just checked against the
    // manifest). Then the steps one by one: hash the text (only without a key), read the file
    // up to its positions with its CRC, check the unit table. Each is
    // summed over the reports; the median of LOAD_ROUNDS rounds is reported.
    const keys = reports.map((r) => textKey(r.text));
    const rounds: Record<LoadFigure, number[]> = {
      beforeMs: [],
      hashedLoadMs: [],
      loadMs: [],
      hashMs: [],
      readMs: [],
      checkMs: [],
    };
    for (let round = 0; round < LOAD_ROUNDS; round++) {
      const sums: Record<LoadFigure, number> = {
        beforeMs: 0,
        hashedLoadMs: 0,
        loadMs: 0,
        hashMs: 0,
        readMs: 0,
        checkMs: 0,
      };
      for (const [r, report] of reports.entries()) {
        const ways: [LoadFigure, () => Promise<unknown>][] = [
          [
            'beforeMs',
            async () => {
              const file = cache.fileFor(textKey(report.text));
              loadExactSearchIndex(decodeIndexFile(await readFile(file)).data, report.text);
            },
          ],
          ['hashedLoadMs', () => loadedFromCache(cache.load(report.text))],
          ['loadMs', () => loadedFromCache(cache.load(report.text, { key: keys[r] }))],
        ];
        // Taken in turn in a rotating order, so the garbage one leaves is collected during
        // each of the others alike.
        for (let w = 0; w < ways.length; w++) {
          const [name, load] = ways[(w + round) % ways.length]!;
          sums[name] += await timeAsync(load);
        }
        let key = '';
        sums.hashMs += timeMs(() => (key = textKey(report.text)));
        let contents!: Awaited<ReturnType<typeof readIndexCacheFile>>;
        sums.readMs += await timeAsync(async () => {
          contents = await readIndexCacheFile(cache.fileFor(key));
        });
        sums.checkMs += timeMs(() => loadExactSearchIndex(contents.data, report.text));
      }
      for (const name of LOAD_FIGURES) rounds[name].push(sums[name]);
    }
    for (const name of LOAD_FIGURES) figures[name] = median(rounds[name]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}

function buildTable(rows: [string, BuildFigures][]): string {
  const ofBuild = (ms: number, f: BuildFigures) =>
    `${((100 * ms) / f.indexMs).toFixed(1)}% / ${((100 * ms) / (f.parseMs + f.indexMs)).toFixed(1)}%`;
  return markdownTable(
    [
      'corpus',
      'UTF-8',
      'parse',
      'index build',
      'index build per 10 MB',
      'cache file',
      'cached load, whole file read',
      'cached load, text hashed',
      'cached load, key from the library',
      'load / build, load / (parse + build): whole file',
      'text hashed',
      'key from the library',
    ],
    rows.map(([name, f]) => [
      name,
      mb(f.bytes),
      `${fmt(f.parseMs)} ms`,
      `${fmt(f.indexMs)} ms`,
      `${fmt((f.indexMs * 10 * MB) / f.bytes)} ms`,
      `${mb(f.fileBytes)} (${(f.fileBytes / f.bytes).toFixed(2)}×)`,
      `${fmt(f.beforeMs)} ms`,
      `${fmt(f.hashedLoadMs)} ms`,
      `${fmt(f.loadMs)} ms`,
      ofBuild(f.beforeMs, f),
      ofBuild(f.hashedLoadMs, f),
      ofBuild(f.loadMs, f),
    ]),
  );
}

interface LatencyRow {
  name: string;
  times: number[];
}

function latencyRows(rows: LatencyRow[], queries: readonly BenchQuery[]): string[][] {
  const lengths = [...new Set(queries.map((q) => q.length))];
  return rows.map(({ name, times }) => [
    name,
    fmt(median(times)),
    fmt(quantile(times, 0.95)),
    ...lengths.map((n) => {
      const of = times.filter((_, i) => queries[i]!.length === n);
      return `${fmt(median(of))} / ${fmt(quantile(of, 0.95))}`;
    }),
  ]);
}

function latencyTable(rows: LatencyRow[], queries: readonly BenchQuery[]): string {
  const lengths = [...new Set(queries.map((q) => q.length))];
  return markdownTable(
    ['search', 'p50 (ms)', 'p95 (ms)', ...lengths.map((n) => (n === 0 ? 'absent' : `${n} chars`))],
    latencyRows(rows, queries),
  );
}

/** Times each query once, after one untimed pass over all of them. */
function timeQueries(queries: readonly BenchQuery[], run: (q: string) => unknown): number[] {
  for (const q of queries) run(q.text);
  return queries.map((q) => timeMs(() => run(q.text)));
}

async function timeQueriesAsync(
  queries: readonly BenchQuery[],
  run: (q: string) => Promise<unknown>,
): Promise<number[]> {
  for (const q of queries) await run(q.text);
  const times: number[] = [];
  for (const q of queries) times.push(await timeAsync(() => run(q.text)));
  return times;
}

/** The simplest tuned scan: indexOf over all units joined into one string. */
function joinedScan(units: readonly SearchUnit[]): (query: string) => number {
  const joined = joinUnits(units.map((u) => normalizeForSearch(u.text).text));
  return (query) => {
    let count = 0;
    for (const term of parseQuery(query).terms) {
      for (
        let at = joined.text.indexOf(term.text);
        at !== -1;
        at = joined.text.indexOf(term.text, at + term.text.length)
      ) {
        count++;
      }
    }
    return count;
  };
}

async function benchLibrary(): Promise<[string, BuildFigures]> {
  const charsPerReport = Math.round(LIBRARY_BYTES / LIBRARY_REPORTS / BYTES_PER_CHAR);
  const texts = generateReports(seededRandom(10), LIBRARY_REPORTS, charsPerReport);
  const reports = texts.map((text, i) => ({
    id: `report-${String(i).padStart(3, '0')}.txt`,
    text,
  }));
  const figures = await measureBuildAndCache(reports);

  const units = libraryUnits(reports);
  const oracle = createBruteForceSearcher(units);
  const queries = sampleQueries(units, seededRandom(11), {
    lengths: [1, 2, 3, 4, 6],
    perLength: 30,
    absent: 20,
    oracle,
  });

  // The service itself, over an in-memory library (no notes): what searchLibrary runs.
  const summaries: ReportSummary[] = reports.map((r) => textReportSummary(r.id, r.text.length));
  const byId = new Map(reports.map((r) => [r.id, r]));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-library-'));
  const serviceOverCache = () =>
    createLibrarySearch({
      listReports: async () => summaries,
      openReport: async (id) => {
        const { text } = byId.get(id)!;
        return { id, title: id, text, source: { text, format: 'txt' } };
      },
      listAnnotations: async () => [],
      cache: createSearchIndexCache({ dataDir, build: buildReportIndex }),
    });
  // The first run builds every index (positions in memory) and writes the cache; the next run
  // (the app started again) loads them from it, positions left on disk and read per query.
  const built = serviceOverCache();
  for (const s of summaries) await built.indexOf(s);
  const service = serviceOverCache();
  for (const s of summaries) {
    const { status } = await service.indexOf(s);
    if (status !== 'loaded') throw new Error(`${s.id}: cache not used (${status})`);
  }

  // Recall: every hit of the oracle, per report, is counted and (with no limit) listed.
  let oracleHits = 0;
  let found = 0;
  for (const q of queries) {
    const expected = oracle(q.text);
    oracleHits += expected.length;
    const keys = new Set(expected.map((h) => `${h.unitId}@${h.start}-${h.end}`));
    const answer = await service.search({ query: q.text, limitPerReport: 1000, maxHits: 1e6 });
    for (const group of answer.groups) {
      const all = (
        await service.indexOf(summaries.find((s) => s.id === group.reportId)!)
      ).index.firstHits(q.text, Infinity);
      if (all.total !== group.hitCount) throw new Error(`count differs for ${q.text}`);
      for (const hit of all.hits)
        if (keys.has(`${group.reportId}/${hit.unit.id}@${hit.start}-${hit.end}`)) found++;
    }
  }

  const serviceTimes = await timeQueriesAsync(queries, (q) =>
    service.search({ query: q, maxHits: 1e6 }),
  );
  const builtTimes = await timeQueriesAsync(queries, (q) =>
    built.search({ query: q, maxHits: 1e6 }),
  );
  const firstPageTimes = await timeQueriesAsync(queries, (q) => service.search({ query: q }));
  const scan = joinedScan(units);
  const scanTimes = timeQueries(queries, scan);
  const oracleTimes = timeQueries(queries, oracle);
  rmSync(dataDir, { recursive: true, force: true });

  const chars = units.reduce((sum, u) => sum + u.text.length, 0);
  console.log(
    `\n### Library search: ${LIBRARY_REPORTS} generated reports, ${mb(figures.bytes)} UTF-8, ${chars.toLocaleString('en')} characters, ${units.length.toLocaleString('en')} units\n`,
  );
  console.log(
    `${queries.length} queries (30 per length, 20 absent), each timed once after a warm-up pass; p50 / p95 per length:\n`,
  );
  console.log(
    latencyTable(
      [
        {
          name: 'searchLibrary, every report (20 hits listed per report, all counted)',
          times: serviceTimes,
        },
        {
          name: 'the same, indexes just built (positions in memory, not read from the cache file)',
          times: builtTimes,
        },
        { name: 'searchLibrary, first page (maxHits 200)', times: firstPageTimes },
        { name: 'tuned scan: indexOf over one joined string (count only)', times: scanTimes },
        { name: 'brute-force scan (every unit, every hit)', times: oracleTimes },
      ],
      queries,
    ),
  );
  const ratio = quantile(serviceTimes, 0.95) / quantile(oracleTimes, 0.95);
  console.log(
    `\nRecall against the brute-force scan: ${found} of ${oracleHits} hits (${((100 * found) / Math.max(oracleHits, 1)).toFixed(1)}%). ` +
      `Target p95 ≤ 1.0× brute force: every report ${ratio.toFixed(2)}×, first page ${(quantile(firstPageTimes, 0.95) / quantile(oracleTimes, 0.95)).toFixed(2)}×.`,
  );
  return [`library, ${LIBRARY_REPORTS} reports`, figures];
}

async function benchSingle(megabytes: number, seed: number): Promise<[string, BuildFigures]> {
  const text = generateReport(seededRandom(seed), 1, Math.round((megabytes * MB) / BYTES_PER_CHAR));
  const figures = await measureBuildAndCache([{ id: 'single.txt', text }]);
  const units = documentSearchUnits(parseReport(text));
  const index = createExactSearchIndex(units);
  const oracle = createBruteForceSearcher(units);
  const queries = sampleQueries(units, seededRandom(seed + 1), {
    lengths: [1, 2, 3, 4, 6],
    perLength: 20,
    absent: 10,
    oracle,
  });
  let oracleHits = 0;
  let found = 0;
  for (const q of queries) {
    const expected = oracle(q.text);
    oracleHits += expected.length;
    const keys = new Set(expected.map((h) => `${h.unitId}@${h.start}-${h.end}`));
    for (const hit of index.firstHits(q.text, Infinity).hits) {
      if (keys.has(`${hit.unit.id}@${hit.start}-${hit.end}`)) found++;
    }
  }
  const firstTimes = timeQueries(queries, (q) => index.firstHits(q, 100));
  const rankedTimes = timeQueries(queries, (q) => index.search(q, { limit: 100 }));
  const oracleTimes = timeQueries(queries, oracle);
  console.log(
    `\n### One report of ${mb(figures.bytes)} (${text.length.toLocaleString('en')} characters, ${units.length.toLocaleString('en')} units)\n`,
  );
  console.log(
    latencyTable(
      [
        { name: 'first 100 hits in document order, all counted (firstHits)', times: firstTimes },
        { name: 'ranked results, best 100 (search, limit 100)', times: rankedTimes },
        { name: 'brute-force scan', times: oracleTimes },
      ],
      queries,
    ),
  );
  const two = (times: number[]) =>
    quantile(
      times.filter((_, i) => queries[i]!.length === 2),
      0.95,
    );
  console.log(
    `\nRecall: ${found} of ${oracleHits} hits. p95 ${(quantile(firstTimes, 0.95) / quantile(oracleTimes, 0.95)).toFixed(2)}× brute force; 2-character queries p95 ${fmt(two(firstTimes))} ms.`,
  );
  return [`one report, ${megabytes} MB`, figures];
}

export async function runSearchScaleBench(): Promise<void> {
  console.log('\n## Search at scale (generated reports; see docs/search-at-scale.md)');
  const rows = [await benchLibrary(), await benchSingle(5, 50), await benchSingle(30, 300)];
  console.log('\n### Index build, cache file and cached load\n');
  console.log(buildTable(rows));
  console.log('\nWhere a cached load goes (summed over the reports):\n');
  console.log(
    markdownTable(
      [
        'corpus',
        'SHA-256 of the text (no key)',
        'read the file up to its positions + CRC-32',
        'check + unit table',
      ],
      rows.map(([name, f]) => [
        name,
        `${fmt(f.hashMs)} ms`,
        `${fmt(f.readMs)} ms`,
        `${fmt(f.checkMs)} ms`,
      ]),
    ),
  );
  console.log(
    `\n"index build" is normalising and sorting (parse not included). "Whole file read": SHA-256 of the text, readFile of the whole file, every checksum and check, positions in memory (what the cache did before the positions were left on disk). "Text hashed": the cache now (hash, the file read up to its positions — synchronously up to 8 MB, else in 4 MB chunks with the CRC-32 of each done while the next is read — then the unit table checked; the positions stay on disk and each query reads the run it needs, block by block with their CRC-32s) — a bundled report. "Key from the library": the same without the hash — an imported report, whose text the library has just checked against its manifest. The three are interleaved report by report, in a rotating order; each figure is the median of ${LOAD_ROUNDS} rounds.`,
  );
}
