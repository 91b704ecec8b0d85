/**
 * Big reports and many annotations in the reader, measured in Chromium through the browser host
 * (issue 10), side by side in one run: the bundled 17 KB report, a generated 5 MB and 30 MB
 * report (tests/fixtures/generated/large-report.ts, written to a temporary reports folder, never
 * committed) and the bundled report with 2,000 annotations. Each open is a fresh browser context
 * on an idle host; figures are medians of several opens. Prints Markdown tables; asserts nothing.
 *
 *   npx tsx bench/chromium-bench.ts [--runs N] [--skip-30mb] [--no-build]
 *
 * Times are taken in the page (performance.now(), from the start of navigation), checked once a
 * frame, so "on screen" means a frame was produced with it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HIGHLIGHT_COLORS } from '../core/annotations/annotation-model';
import { parseReport } from '../core/report/parse-report';
import { bruteForceSearch, documentSearchUnits } from '../core/search';
import { createAnnotationStore } from '../node/services/annotation-store';
import {
  chromiumPath,
  launchBrowser,
  projectRoot,
  requestsLeavingLoopback,
  startHost,
  type RunningHost,
} from '../tests/e2e/harness';
import { generateLargeReport } from '../tests/fixtures/generated/large-report';
import { makeAnnotations, REPORT_ID } from './annotations-bench';
import { markdownTable } from './markdown-table';
import { median, quantile } from './stats';

const MB = 1024 * 1024;
const VIEWPORT = { width: 1280, height: 860 };
/** A two-character word in both the bundled report and the generated text. */
const QUERY = '制度';
const ANNOTATIONS = 2000;
const SCROLL_STEPS = 200;
const OPEN_TIMEOUT = 240_000;

/** One open of a report: milliseconds from navigation start, and what the page held then. */
interface OpenFigures {
  firstScreen: number;
  /** When the report's text had arrived from the host (the end of the openReport response). */
  received: number;
  /** 2,000-annotation case: until every highlight is painted (null: never, see `ranges`). */
  painted?: number | null;
  ranges?: number;
  /** From the query being typed (after the page went idle) until the first result is shown. */
  query?: number;
  scrollPage?: number[];
  scrollWheel?: number[];
  heapOpen?: number;
  heapScrolled?: number;
  nodes?: number;
}

export async function runChromiumBench(
  options: { runs?: number; skip30?: boolean; build?: boolean } = {},
): Promise<void> {
  const runs = options.runs ?? 5;
  console.log('\n## Big reports and 2,000 annotations in Chromium (browser host)\n');
  if (!chromiumPath()) {
    console.log('Skipped: no Chromium (set CHROMIUM_PATH or `apt-get install -y chromium`).');
    return;
  }
  const rendererDir = path.join(projectRoot, 'dist/renderer');
  if (options.build !== false) {
    // Always the renderer of these sources, never a stale dist (a vite build takes seconds), and
    // a production build: under NODE_ENV=test (vitest, e.g. the E2E global setup) vite bundles
    // React's development build, 1.5× the size and far slower.
    const { build } = await import('vite');
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: path.join(projectRoot, 'vite.config.ts'),
        mode: 'production',
        logLevel: 'warn',
      });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  } else if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.log('Skipped: the renderer is not built; run `npm run build` first.');
    return;
  } else {
    console.log(
      '(--no-build: measuring dist/renderer as it is; make sure it is a production build.)',
    );
  }

  // The machine may be shared: say how busy it was, so the figures can be read with that in mind.
  const loadBefore = loadavg()[0]!;
  const temp = mkdtempSync(path.join(tmpdir(), 'chromium-bench-'));
  const hosts: RunningHost[] = [];
  let browser: Browser | null = null;
  try {
    const bundledText = readFileSync(
      path.join(projectRoot, 'resources/reports', REPORT_ID),
      'utf8',
    );
    const bundledDoc = parseReport(bundledText);
    const five = generateLargeReport(5 * MB).text;
    const fiveDir = reportsDir(temp, 'five', 'large-5mb.txt', five);
    const fiveBytes = Buffer.byteLength(five);
    const hitsIn = (text: string) =>
      bruteForceSearch(documentSearchUnits(parseReport(text)), QUERY).length;
    const queryHits = { bundled: hitsIn(bundledText), five: hitsIn(five) };

    const annotated = path.join(temp, 'annotated-data');
    const store = await createAnnotationStore(annotated);
    await store.import(REPORT_ID, makeAnnotations(bundledDoc, ANNOTATIONS));

    browser = await launchBrowser();
    const bundledHost = await startHost({ dataDir: path.join(temp, 'bundled-data') });
    const fiveHost = await startHost({
      reportsDir: fiveDir,
      dataDir: path.join(temp, 'five-data'),
    });
    const annotatedHost = await startHost({ dataDir: annotated });
    hosts.push(bundledHost, fiveHost, annotatedHost);

    // Interleaved, so a busy moment on this shared machine falls on every case alike. One
    // warm-up round (host caches, Chromium's code cache) is not counted.
    const bundled: OpenFigures[] = [];
    const large5: OpenFigures[] = [];
    const withNotes: OpenFigures[] = [];
    for (let round = 0; round <= runs; round++) {
      const b = await measureOpen(browser, bundledHost, { query: true });
      const f = await measureOpen(browser, fiveHost, { query: true });
      const a = await measureOpen(browser, annotatedHost, { annotations: ANNOTATIONS });
      if (round === 0) continue;
      bundled.push(b);
      large5.push(f);
      withNotes.push(a);
      process.stdout.write(`  round ${round}/${runs} done\n`);
    }
    for (const host of hosts.splice(0)) await host.stop();

    const large30: OpenFigures[] = [];
    let thirtyBytes = 0;
    if (!options.skip30) {
      const thirty = generateLargeReport(30 * MB).text;
      thirtyBytes = Buffer.byteLength(thirty);
      const thirtyDir = reportsDir(temp, 'thirty', 'large-30mb.txt', thirty);
      const thirtyHost = await startHost({
        reportsDir: thirtyDir,
        dataDir: path.join(temp, 'thirty-data'),
      });
      hosts.push(thirtyHost);
      for (let round = 0; round <= runs; round++) {
        const t = await measureOpen(browser, thirtyHost, { scroll: true, heap: true });
        if (round > 0) large30.push(t);
        process.stdout.write(`  30 MB open ${round}/${runs}: ${ms(t.firstScreen)}\n`);
      }
    }

    printTables({
      runs,
      bundled,
      large5,
      withNotes,
      large30,
      sizes: { bundled: Buffer.byteLength(bundledText), five: fiveBytes, thirty: thirtyBytes },
      queryHits,
    });
    console.log(
      `\nLoad average (1 min) at the start ${loadBefore.toFixed(1)}, at the end ${loadavg()[0]!.toFixed(1)}, on ${availableParallelism()} cores.`,
    );
    const away = requestsLeavingLoopback();
    if (away.length > 0) {
      console.log(`\nNote: ${away.length} requests left 127.0.0.1 (first: ${away[0]!.url}).`);
    }
  } finally {
    await browser?.close();
    for (const host of hosts) await host.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

/** A reports folder holding just `text` as `file`, so the reader opens it at once. */
function reportsDir(temp: string, name: string, file: string, text: string): string {
  const dir = path.join(temp, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, file), text);
  return dir;
}

async function measureOpen(
  browser: Browser,
  host: RunningHost,
  what: { query?: boolean; annotations?: number; scroll?: boolean; heap?: boolean },
): Promise<OpenFigures> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // tsx (esbuild keepNames) wraps named functions in the code sent to the page in __name(); the
  // page has no such helper, so give it one that does nothing.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  // Room for every resource (the font comes in ~100 subsets), so openReport's timing is kept.
  await context.addInitScript('performance.setResourceTimingBufferSize(10000);');
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    const figures: OpenFigures = {
      firstScreen: await inPage(page, firstScreen, null),
      received: await page.evaluate(
        () =>
          performance
            .getEntriesByType('resource')
            .map((e) => e as PerformanceResourceTiming)
            .filter((e) => e.name.includes('/api/openReport'))
            .at(-1)?.responseEnd ?? NaN,
      ),
    };
    if (what.annotations) {
      try {
        const wanted = { names: HIGHLIGHT_NAMES, count: what.annotations };
        figures.painted = await inPage(page, highlightsPainted, wanted, 60_000);
      } catch {
        figures.painted = null;
      }
      figures.ranges = await page.evaluate(countHighlightRanges, HIGHLIGHT_NAMES);
    }
    if (what.query) figures.query = await typeQuery(page, QUERY);
    if (what.heap) Object.assign(figures, await heap(context, page, 'heapOpen'));
    if (what.scroll) {
      await idle(page);
      figures.scrollPage = await scrollFrames(page, 0, SCROLL_STEPS);
      figures.scrollWheel = await scrollFrames(page, 120, SCROLL_STEPS);
    }
    if (what.heap) Object.assign(figures, await heap(context, page, 'heapScrolled'));
    return figures;
  } finally {
    await context.close();
  }
}

/** Waits, checking once a frame, until `predicate` returns a number (a time), and returns it. */
async function inPage<A>(
  page: Page,
  predicate: (arg: A) => number | false,
  arg: A,
  timeout = OPEN_TIMEOUT,
): Promise<number> {
  // (Plain JSON arguments only; Playwright's Unboxed<A> is then A.)
  const handle = await page.waitForFunction(predicate as (arg: unknown) => number | false, arg, {
    polling: 'raf',
    timeout,
  });
  return (await handle.jsonValue()) as number;
}

/** A paragraph of the report with text, inside the reading pane's visible box. */
function firstScreen(): number | false {
  const pane = document.querySelector('main');
  if (!pane) return false;
  const box = pane.getBoundingClientRect();
  let seen = 0;
  for (const el of pane.querySelectorAll('[data-pid]')) {
    const r = el.getBoundingClientRect();
    if (r.height > 0 && r.bottom > box.top && r.top < box.bottom && el.textContent?.trim()) {
      return performance.now();
    }
    if (++seen > 200) break;
  }
  return false;
}

const HIGHLIGHT_NAMES = HIGHLIGHT_COLORS.map((c) => `anno-${c}`);

function countHighlightRanges(names: string[]): number {
  let ranges = 0;
  for (const name of names) ranges += CSS.highlights.get(name)?.size ?? 0;
  return ranges;
}

/** Every annotation has at least one highlight range (an annotation across paragraphs has more). */
function highlightsPainted({ names, count }: { names: string[]; count: number }): number | false {
  let ranges = 0;
  for (const name of names) ranges += CSS.highlights.get(name)?.size ?? 0;
  return ranges >= count && performance.now();
}

/** Waits until the page's main thread has been idle twice (or 10 s passed). */
async function idle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestIdleCallback(() => requestIdleCallback(() => resolve(), { timeout: 10_000 }), {
          timeout: 10_000,
        }),
      ),
  );
}

/**
 * Types `query` into 搜索全文 once the page is idle, as an input method commits a word (one
 * insertText), and returns the milliseconds until a frame is produced with the first result.
 */
async function typeQuery(page: Page, query: string): Promise<number> {
  await idle(page);
  await page.getByRole('searchbox', { name: '搜索全文' }).focus();
  return page.evaluate(async (text) => {
    const started = performance.now();
    document.execCommand('insertText', false, text);
    while (!document.querySelector('.search-results .search-result')) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (performance.now() - started > 120_000) return NaN;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return performance.now() - started;
  }, query);
}

/**
 * Scrolls the reading pane `steps` times from the top, one step a frame (`step` px, or 0 for a
 * viewport height, like Page Down), and returns the intervals between frames.
 */
async function scrollFrames(page: Page, step: number, steps: number): Promise<number[]> {
  return page.evaluate(
    async ({ step, steps }) => {
      const pane = document.querySelector('main')!;
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      pane.scrollTop = 0;
      await frame();
      await frame();
      const intervals: number[] = [];
      let last = await frame();
      for (let i = 0; i < steps; i++) {
        pane.scrollTop += step || pane.clientHeight;
        const now = await frame();
        intervals.push(now - last);
        last = now;
      }
      return intervals;
    },
    { step, steps },
  );
}

/** The renderer's main-thread JS heap after a full collection, and the DOM's node count. */
async function heap(
  context: BrowserContext,
  page: Page,
  key: 'heapOpen' | 'heapScrolled',
): Promise<Partial<OpenFigures>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  await cdp.detach();
  return { [key]: metric('JSHeapUsedSize'), nodes: metric('Nodes') };
}

const ms = (value: number | null | undefined): string =>
  value === null || value === undefined || Number.isNaN(value)
    ? '—'
    : value < 10
      ? `${value.toFixed(1)} ms`
      : `${Math.round(value)} ms`;
const mib = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const med = (list: OpenFigures[], pick: (f: OpenFigures) => number | null | undefined) =>
  median(list.map(pick).filter((v): v is number => typeof v === 'number' && !Number.isNaN(v)));
const spread = (list: OpenFigures[], pick: (f: OpenFigures) => number | null | undefined) => {
  const values = list.map(pick).filter((v): v is number => typeof v === 'number');
  return values.length ? `${ms(Math.min(...values))}–${ms(Math.max(...values))}` : '—';
};

function printTables(r: {
  runs: number;
  bundled: OpenFigures[];
  large5: OpenFigures[];
  withNotes: OpenFigures[];
  large30: OpenFigures[];
  sizes: { bundled: number; five: number; thirty: number };
  queryHits: { bundled: number; five: number };
}): void {
  const open17 = med(r.bundled, (f) => f.firstScreen);
  const open5 = med(r.large5, (f) => f.firstScreen);
  const query17 = med(r.bundled, (f) => f.query);
  const query5 = med(r.large5, (f) => f.query);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(
    `\nMedians of ${r.runs} opens (fresh browser context each, after one uncounted round), ` +
      `viewport ${VIEWPORT.width}×${VIEWPORT.height}.\n`,
  );
  console.log(
    markdownTable(
      ['case', 'median', 'range (min–max) / detail', 'target', 'result'],
      [
        [
          `bundled report (${kb(r.sizes.bundled)}): first screen`,
          ms(open17),
          spread(r.bundled, (f) => f.firstScreen),
          '—',
          '—',
        ],
        receivedRow('bundled report', r.bundled),
        [
          `bundled report: «${QUERY}» typed, first result shown (${r.queryHits.bundled} hits)`,
          ms(query17),
          spread(r.bundled, (f) => f.query),
          '—',
          '—',
        ],
        [
          `${mib(r.sizes.five)} report: first screen`,
          ms(open5),
          spread(r.large5, (f) => f.firstScreen),
          `≤ 3× bundled (${ms(3 * open17)})`,
          `${ratio(open5, open17)} ${open5 <= 3 * open17 ? 'met' : '**not met**'}`,
        ],
        receivedRow(`${mib(r.sizes.five)} report`, r.large5),
        [
          `${mib(r.sizes.five)} report: «${QUERY}» typed, first result shown (${r.queryHits.five.toLocaleString('en')} hits)`,
          ms(query5),
          spread(r.large5, (f) => f.query),
          `≤ bundled open (${ms(open17)})`,
          `${ratio(query5, open17)} ${query5 <= open17 ? 'met' : '**not met**'}`,
        ],
        ...annotationRows(r.withNotes, open17),
        ...thirtyRows(r.large30, r.sizes.thirty),
      ],
    ),
  );
}

/** Of the first screen, how much was the host's: when the openReport answer had arrived. */
function receivedRow(name: string, list: OpenFigures[]): string[] {
  return [
    `${name}: of which, text received from the host (openReport answered)`,
    ms(med(list, (f) => f.received)),
    spread(list, (f) => f.received),
    '—',
    '—',
  ];
}

function annotationRows(list: OpenFigures[], openNone: number): string[][] {
  const painted = med(list, (f) => f.painted);
  const missed = list.filter((f) => f.painted === null);
  const ranges = median(list.map((f) => f.ranges ?? 0));
  return [
    [
      `bundled report + ${ANNOTATIONS.toLocaleString('en')} annotations: first screen`,
      ms(med(list, (f) => f.firstScreen)),
      spread(list, (f) => f.firstScreen),
      '—',
      '—',
    ],
    [
      `bundled report + ${ANNOTATIONS.toLocaleString('en')} annotations: all highlights painted (${ranges} ranges)`,
      missed.length === list.length ? 'never' : ms(painted),
      spread(list, (f) => f.painted),
      `≤ 2× open with none (${ms(2 * openNone)})`,
      missed.length
        ? `**not met**: ${missed.length} of ${list.length} opens never painted them all`
        : `${ratio(painted, openNone)} ${painted <= 2 * openNone ? 'met' : '**not met**'}`,
    ],
  ];
}

function thirtyRows(list: OpenFigures[], bytes: number): string[][] {
  if (list.length === 0) return [];
  const size = mib(bytes);
  const scrollRow = (how: string, frames: number[]): string[] => {
    const p95 = quantile(frames, 0.95);
    const long = frames.filter((f) => f > 50).length;
    return [
      `${size} report: scrolling ${how} a frame (${SCROLL_STEPS} steps × ${list.length}), frame interval p50 / p95`,
      `${ms(median(frames))} / ${ms(p95)}`,
      `max ${ms(Math.max(...frames))}; ${long} of ${frames.length} over 50 ms`,
      'p95 ≤ 20 ms',
      p95 <= 20 ? 'met' : '**not met**',
    ];
  };
  const heapScrolled = med(list, (f) => f.heapScrolled);
  return [
    [
      `${size} report: first screen`,
      ms(med(list, (f) => f.firstScreen)),
      spread(list, (f) => f.firstScreen),
      'opens',
      'opens',
    ],
    receivedRow(`${size} report`, list),
    scrollRow(
      'a viewport',
      list.flatMap((f) => f.scrollPage ?? []),
    ),
    scrollRow(
      '120 px',
      list.flatMap((f) => f.scrollWheel ?? []),
    ),
    [
      `${size} report: renderer JS heap after GC, opened / after scrolling`,
      `${mib(med(list, (f) => f.heapOpen))} / ${mib(heapScrolled)}`,
      `${Math.round(med(list, (f) => f.nodes)).toLocaleString('en')} DOM nodes`,
      '≤ 300 MB',
      heapScrolled <= 300 * MB ? 'met' : '**not met**',
    ],
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'skip-30mb': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
  });
  await runChromiumBench({
    runs: Number(values.runs),
    skip30: values['skip-30mb'],
    build: !values['no-build'],
  });
}
