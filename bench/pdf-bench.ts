/**
 * PDF export benchmark: time and size of the PDF for one section and for the whole report, in
 * each layout, through the browser host's real path (print page + Chromium printToPDF). The
 * first export includes starting Chromium; the others are the median of warm runs.
 * Prints a Markdown table; asserts nothing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printableIds } from '../core/print/print-selection';
import type { PrintOptions, PrintRequest } from '../core/print/print-options';
import { parseReport } from '../core/report/parse-report';
import { startBrowserHost } from '../node/web-host/browser-host';
import { markdownTable } from './markdown-table';
import { median } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORT_ID = 'jiangning-2023-rule-of-law-government-report.txt';
const WARM_RUNS = 5;

export async function runPdfBench(): Promise<void> {
  const rendererDir = path.join(root, 'dist/renderer');
  if (!existsSync(path.join(rendererDir, 'print.html'))) {
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  const reportsDir = path.join(root, 'resources/reports');
  const doc = parseReport(readFileSync(path.join(reportsDir, REPORT_ID), 'utf8'));
  const options = (layout: PrintOptions['layout']): PrintOptions => ({
    layout,
    paper: 'A4',
    metadata: false,
    annotations: 'none',
  });
  const cases: [string, PrintRequest][] = [
    ['one section (一、(三)4.), 公文格式', req(['s1-3-4'], options('gongwen'))],
    ['one section (一、(三)4.), 阅读版', req(['s1-3-4'], options('reading'))],
    ['whole report, 公文格式', req(printableIds(doc), options('gongwen'))],
    ['whole report, 阅读版', req(printableIds(doc), options('reading'))],
  ];
  // Before and now in one run: a print page loaded for every export (as before), and the
  // page kept open between exports and handed each job.
  const fresh = await measure(reportsDir, rendererDir, cases, false);
  const kept = await measure(reportsDir, rendererDir, cases, true);
  const rows = cases.map(([name], i) => [
    name,
    String(kept[i]!.pages),
    `${(kept[i]!.bytes / 1024).toFixed(0)} KiB`,
    `${fresh[i]!.warmMs.toFixed(0)} ms`,
    `**${kept[i]!.warmMs.toFixed(0)} ms**`,
    fresh[i]!.cold,
    kept[i]!.cold,
  ]);
  console.log('\n## PDF export (browser host, Chromium printToPDF)\n');
  console.log(
    markdownTable(
      [
        'PDF',
        'pages',
        'size',
        `median of ${WARM_RUNS} warm, page loaded each time (before)`,
        `median of ${WARM_RUNS} warm, page kept (now)`,
        'first export (before)',
        'first export (now)',
      ],
      rows,
    ),
  );
}

interface Measured {
  pages: number;
  bytes: number;
  warmMs: number;
  cold: string;
}

async function measure(
  reportsDir: string,
  rendererDir: string,
  cases: [string, PrintRequest][],
  keepPrintPage: boolean,
): Promise<Measured[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pdf-bench-'));
  const host = await startBrowserHost({
    reportsDir,
    dataDir,
    appName: 'bench',
    appVersion: '0',
    rendererDir,
    port: 0,
    keepPrintPage,
  });
  try {
    const measured: Measured[] = [];
    let first = true;
    for (const [, request] of cases) {
      const times: number[] = [];
      let bytes: Buffer = Buffer.alloc(0);
      let cold = '—';
      for (let run = 0; run <= WARM_RUNS; run++) {
        const started = performance.now();
        bytes = await host.exportPdfBytes(request);
        const ms = performance.now() - started;
        if (run === 0 && first) cold = `${ms.toFixed(0)} ms (incl. Chromium start)`;
        else times.push(ms);
      }
      first = false;
      measured.push({ pages: pageCount(bytes), bytes: bytes.length, warmMs: median(times), cold });
    }
    return measured;
  } finally {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function req(sectionIds: string[], options: PrintOptions): PrintRequest {
  return { reportId: REPORT_ID, sectionIds, options };
}

/** Page objects in the PDF (Chromium writes each as "/Type /Page"). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}
