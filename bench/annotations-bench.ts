/**
 * 2,000 annotations on the report: how long re-anchoring, saving and loading take in Node, and
 * how the reader behaves in Chromium with all of them (opening, scrolling, the sidebar).
 * Prints Markdown tables; asserts nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { anchorAnnotations } from '../core/annotations/anchor';
import { HIGHLIGHT_COLORS, type Annotation } from '../core/annotations/annotation-model';
import { describeRange } from '../core/annotations/describe-selection';
import { documentText } from '../core/annotations/document-text';
import { parseReport } from '../core/report/parse-report';
import type { ReportDocument } from '../core/report/report-model';
import { createAnnotationStore } from '../node/services/annotation-store';
import {
  chromiumPath,
  launchBrowser,
  openViewer,
  projectRoot,
  startHost,
} from '../tests/e2e/harness';
import { markdownTable } from './markdown-table';
import { seededRandom } from './prng';
import { median, quantile, timeMs } from './stats';

export const REPORT_ID = 'jiangning-2023-rule-of-law-government-report.txt';
const COUNT = 2000;

/** `count` random highlights (30% with a note, 20% tagged) on the bundled report; seeded. */
export function makeAnnotations(doc: ReportDocument, count: number): Annotation[] {
  const random = seededRandom(2000);
  const text = documentText(doc).text;
  const now = new Date('2026-01-01T00:00:00Z').getTime();
  return Array.from({ length: count }, (_, i) => {
    const length = 2 + random.int(60);
    const start = random.int(text.length - length);
    const stamp = new Date(now + i * 1000).toISOString();
    return {
      id: `bench-${i}`,
      reportId: REPORT_ID,
      kind: 'highlight',
      color: random.pick(HIGHLIGHT_COLORS),
      note: random.next() < 0.3 ? `批注 ${i}：${text.slice(start, start + 40)}` : '',
      tags: random.next() < 0.2 ? [`标签${random.int(10)}`] : [],
      target: describeRange(doc, start, start + length),
      created: stamp,
      updated: stamp,
    };
  });
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

export async function runAnnotationsBench(): Promise<void> {
  const source = readFileSync(path.join(projectRoot, 'resources/reports', REPORT_ID), 'utf8');
  const doc = parseReport(source);
  const annotations = makeAnnotations(doc, COUNT);

  // Node: anchoring and the store.
  const anchorTimes = Array.from({ length: 7 }, () =>
    timeMs(() => anchorAnnotations(doc, annotations)),
  );
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-annotations-'));
  const store = await createAnnotationStore(dataDir);
  const importMs = await timeAsync(() => store.import(REPORT_ID, annotations));
  const saveTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const edited = { ...annotations[i]!, note: `改 ${i}`, updated: new Date().toISOString() };
    saveTimes.push(await timeAsync(() => store.save(edited)));
  }
  const loadTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    loadTimes.push(
      await timeAsync(async () => {
        const reopened = await createAnnotationStore(dataDir);
        await reopened.list(REPORT_ID);
      }),
    );
  }
  const fileBytes = readFileSync(store.fileFor(REPORT_ID)).length;

  console.log(`\n### Annotations: ${COUNT} on the report (Node)\n`);
  console.log(
    markdownTable(
      ['step', 'median (ms)', 'p95 (ms)'],
      [
        [
          're-anchor all (anchorAnnotations)',
          fmt(median(anchorTimes)),
          fmt(quantile(anchorTimes, 0.95)),
        ],
        ['import all (one atomic write)', fmt(importMs), '—'],
        [
          'save one (rewrite file, fsync, rename, .bak)',
          fmt(median(saveTimes)),
          fmt(quantile(saveTimes, 0.95)),
        ],
        ['open store + list', fmt(median(loadTimes)), fmt(quantile(loadTimes, 0.95))],
      ],
    ),
  );
  console.log(`\nStore file: ${(fileBytes / 1024).toFixed(0)} KB`);

  if (!chromiumPath()) {
    console.log('\n(Chromium not found: the in-browser part of this benchmark is skipped.)');
    rmSync(dataDir, { recursive: true, force: true });
    return;
  }

  // Chromium through the browser host, with the same data dir.
  const host = await startHost({ dataDir });
  const browser = await launchBrowser();
  try {
    const openTimes: number[] = [];
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    for (let i = 0; i < 5; i++) {
      await page.goto('about:blank');
      const started = Date.now();
      await openViewer(page, host.url);
      await page.waitForFunction(
        (n) => {
          let ranges = 0;
          for (const name of ['yellow', 'green', 'blue', 'pink', 'purple']) {
            ranges += CSS.highlights.get(`anno-${name}`)?.size ?? 0;
          }
          return ranges >= n;
        },
        COUNT,
        { polling: 16 },
      );
      openTimes.push(Date.now() - started);
    }
    // Scroll the whole report in steps, one per frame, and record each frame's duration.
    const frames = await page.evaluate(async () => {
      const pane = document.querySelector('main')!;
      pane.scrollTop = 0;
      const durations: number[] = [];
      let last = performance.now();
      while (pane.scrollTop + pane.clientHeight < pane.scrollHeight - 2) {
        pane.scrollTop += 120;
        await new Promise(requestAnimationFrame);
        const now = performance.now();
        durations.push(now - last);
        last = now;
      }
      return durations;
    });
    const sidebarTimes: number[] = [];
    const sidebarFirstTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const toggle = page.getByRole('button', { name: /^批注/ });
      const started = Date.now();
      await toggle.click();
      await page.locator('.annotation-card').first().waitFor();
      sidebarFirstTimes.push(Date.now() - started);
      await page
        .locator('.annotation-card')
        .nth(COUNT - 1)
        .waitFor({ state: 'attached' });
      sidebarTimes.push(Date.now() - started);
      await toggle.click();
      await page.getByRole('complementary', { name: '批注' }).waitFor({ state: 'detached' });
    }
    console.log(`\n### Annotations: ${COUNT} on the report (Chromium, browser host)\n`);
    console.log(
      markdownTable(
        ['step', 'median (ms)', 'p95 (ms)'],
        [
          [
            'open report until all highlights painted',
            fmt(median(openTimes)),
            fmt(quantile(openTimes, 0.95)),
          ],
          ['scroll: frame interval', fmt(median(frames)), fmt(quantile(frames, 0.95))],
          [
            'open sidebar: first cards shown',
            fmt(median(sidebarFirstTimes)),
            fmt(quantile(sidebarFirstTimes, 0.95)),
          ],
          [
            'open sidebar: all cards rendered',
            fmt(median(sidebarTimes)),
            fmt(quantile(sidebarTimes, 0.95)),
          ],
        ],
      ),
    );
    console.log(
      `\nScroll frames measured: ${frames.length}; frames over 50 ms: ${frames.filter((f) => f > 50).length}`,
    );
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
