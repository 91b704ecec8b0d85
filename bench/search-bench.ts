/**
 * Search benchmark: our index against MiniSearch's default tokenizer, FlexSearch's CJK setups
 * and the brute-force scan, on the bundled report and on a generated library of 100 reports.
 * For queries of 1 to 6 characters sampled from the text (and some absent ones) it measures
 * latency and recall against the brute-force oracle, plus build time, serialised size and heap.
 * Prints Markdown tables; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { parseReport } from '../core/report/parse-report';
import { createBruteForceSearcher, documentSearchUnits, type SearchUnit } from '../core/search';
import { generateLibrary } from './generate-library';
import { settledHeapBytes } from './heap';
import { markdownTable } from './markdown-table';
import { seededRandom } from './prng';
import { sampleQueries, type BenchQuery } from './query-sample';
import { ENGINES, hitKey, type Engine } from './search-engines';
import { median, medianTimeMs, quantile, timeMs } from './stats';

const REPORT = new URL(
  '../resources/reports/jiangning-2023-rule-of-law-government-report.txt',
  import.meta.url,
);
const LIBRARY_SIZE = 100;
const QUERY_LENGTHS = [1, 2, 3, 4, 5, 6] as const;
const QUERIES_PER_LENGTH = 200;
const ABSENT_QUERIES = 50;
/** Each query's latency is the median of this many runs... */
const REPEATS = 5;
/** ...after this many passes over all queries, so each engine is measured with its code optimised. */
const WARM_UP_PASSES = 3;

interface Corpus {
  name: string;
  units: readonly SearchUnit[];
  buildRuns: number;
}

interface Truth {
  units: Set<string>;
  hits: Set<string>;
}

interface EngineReport {
  engine: Engine;
  buildMs: number;
  heapBytes: number;
  serializedBytes: number | null;
  latencies: Map<BenchQuery, number>;
  /** Summed over queries: true units found, units returned, true units. */
  unitsFound: number;
  unitsReturned: number;
  unitsTrue: number;
  /** Summed over queries, for engines that report hits. */
  hitsFound: number | null;
  hitsTrue: number;
  /** Units returned for queries that occur nowhere. */
  absentFalsePositives: number;
}

const ms = (value: number): string => value.toFixed(3);
const percent = (part: number, whole: number): string =>
  whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`;
const size = (bytes: number | null): string =>
  bytes === null
    ? '—'
    : bytes >= 1 << 20
      ? `${(bytes / (1 << 20)).toFixed(1)} MB`
      : `${(bytes / 1024).toFixed(0)} KB`;

function measure(
  engine: Engine,
  corpus: Corpus,
  queries: readonly BenchQuery[],
  truths: Map<BenchQuery, Truth>,
): EngineReport {
  const buildMs = median(
    Array.from({ length: corpus.buildRuns }, () => {
      settledHeapBytes();
      return timeMs(() => engine.build(corpus.units));
    }),
  );
  const before = settledHeapBytes();
  const built = engine.build(corpus.units);
  const heapBytes = settledHeapBytes() - before;

  for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
    for (const query of queries) built.search(query.text);
  }
  const latencies = new Map(
    queries.map((q) => [q, medianTimeMs(() => built.search(q.text), REPEATS)]),
  );

  const report: EngineReport = {
    engine,
    buildMs,
    heapBytes,
    serializedBytes: built.serializedBytes(),
    latencies,
    unitsFound: 0,
    unitsReturned: 0,
    unitsTrue: 0,
    hitsFound: null,
    hitsTrue: 0,
    absentFalsePositives: 0,
  };
  for (const query of queries) {
    const truth = truths.get(query)!;
    const answer = built.search(query.text);
    const unitIds = new Set(answer.unitIds());
    if (query.length === 0) report.absentFalsePositives += unitIds.size;
    report.unitsReturned += unitIds.size;
    report.unitsTrue += truth.units.size;
    report.unitsFound += [...unitIds].filter((id) => truth.units.has(id)).length;
    report.hitsTrue += truth.hits.size;
    if (answer.hitKeys) {
      report.hitsFound =
        (report.hitsFound ?? 0) + answer.hitKeys().filter((k) => truth.hits.has(k)).length;
    }
  }
  return report;
}

function latencyQuantile(
  report: EngineReport,
  q: number,
  filter: (query: BenchQuery) => boolean,
): number {
  return quantile(
    [...report.latencies].filter(([query]) => filter(query)).map(([, latency]) => latency),
    q,
  );
}

function benchCorpus(corpus: Corpus): void {
  const chars = corpus.units.reduce((sum, u) => sum + u.text.length, 0);
  const bytes = corpus.units.reduce((sum, u) => sum + Buffer.byteLength(u.text, 'utf8'), 0);
  console.log(
    `\n### Search: ${corpus.name} (${corpus.units.length} units, ${chars} characters, ${size(bytes)} UTF-8)\n`,
  );

  const oracle = createBruteForceSearcher(corpus.units);
  const queries = sampleQueries(corpus.units, seededRandom(7), {
    lengths: QUERY_LENGTHS,
    perLength: QUERIES_PER_LENGTH,
    absent: ABSENT_QUERIES,
    oracle,
  });
  const truths = new Map(
    queries.map((q) => {
      const hits = oracle(q.text);
      return [
        q,
        {
          units: new Set(hits.map((h) => h.unitId)),
          hits: new Set(hits.map((h) => hitKey(h.unitId, h.start, h.end))),
        },
      ];
    }),
  );

  const reports = ENGINES.map((engine) => measure(engine, corpus, queries, truths));
  const all = () => true;
  console.log(
    markdownTable(
      [
        'engine',
        'build (ms)',
        'JSON',
        'heap Δ',
        'p50 (ms)',
        'p95 (ms)',
        'unit recall',
        'unit precision',
        'hit recall',
        'absent: false units',
      ],
      reports.map((r) => [
        r.engine.name,
        ms(r.buildMs),
        size(r.serializedBytes),
        size(r.heapBytes),
        ms(latencyQuantile(r, 0.5, all)),
        ms(latencyQuantile(r, 0.95, all)),
        r.engine.complete ? percent(r.unitsFound, r.unitsTrue) : '(limited)',
        percent(r.unitsFound, r.unitsReturned),
        r.hitsFound === null || !r.engine.complete ? '—' : percent(r.hitsFound, r.hitsTrue),
        String(r.absentFalsePositives),
      ]),
    ),
  );

  console.log(
    `\np50 / p95 latency (ms) by query length (${QUERIES_PER_LENGTH} queries each; "absent": ${ABSENT_QUERIES} strings found nowhere):\n`,
  );
  const groups = [
    ...QUERY_LENGTHS.map((n) => [String(n), (q: BenchQuery) => q.length === n] as const),
    ['absent', (q: BenchQuery) => q.length === 0] as const,
  ];
  console.log(
    markdownTable(
      ['engine', ...groups.map(([label]) => label)],
      reports.map((r) => [
        r.engine.name,
        ...groups.map(
          ([, filter]) =>
            `${ms(latencyQuantile(r, 0.5, filter))} / ${ms(latencyQuantile(r, 0.95, filter))}`,
        ),
      ]),
    ),
  );

  const ours = reports[0]!;
  const brute = reports.find((r) => r.engine.name.startsWith('brute'))!;
  const ratio = latencyQuantile(ours, 0.95, all) / latencyQuantile(brute, 0.95, all);
  console.log(
    `\nTarget: 100% recall, p95 ≤ 2× brute force. Measured: hit recall ${percent(ours.hitsFound ?? 0, ours.hitsTrue)}, p95 ${ratio.toFixed(2)}× brute force.`,
  );
}

export function runSearchBench(): void {
  const doc = parseReport(readFileSync(REPORT, 'utf8'));
  const reportUnits = documentSearchUnits(doc);
  const library = generateLibrary(reportUnits, LIBRARY_SIZE, seededRandom(2023));
  benchCorpus({ name: 'bundled report', units: reportUnits, buildRuns: 9 });
  benchCorpus({
    name: `generated library of ${LIBRARY_SIZE} reports`,
    units: library,
    buildRuns: 3,
  });
}
