/**
 * Page 1 of the whole report printed in each layout, as PNG for the README:
 * docs/screenshots/print-gongwen.png and print-reading.png. Two highlights with notes show how
 * annotations print. Needs Chromium and poppler-utils (pdftoppm); run `npx tsx` on this file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { highlightOnQuote } from '../tests/fixtures/annotation-on-quote';
import type { PrintLayout } from '../core/print/print-options';
import { printableIds } from '../core/print/print-selection';
import { parseReport } from '../core/report/parse-report';
import { startBrowserHost } from '../node/web-host/browser-host';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORT_ID = 'jiangning-2023-rule-of-law-government-report.txt';
const reportsDir = path.join(root, 'resources/reports');
const outDir = path.join(root, 'docs/screenshots');

const doc = parseReport(readFileSync(path.join(reportsDir, REPORT_ID), 'utf8'));
const highlight = (id: string, quote: string, note: string) =>
  highlightOnQuote(doc, REPORT_ID, id, quote, note);
const annotations = [
  highlight('shot-1', '连续两年入选全国创新百强区前十', '与上年报告对照。'),
  highlight('shot-2', '区委书记为全区政法干警讲授主题教育专题党课', '可作为学习简报素材。'),
];

await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
const work = mkdtempSync(path.join(tmpdir(), 'print-shots-'));
const host = await startBrowserHost({
  reportsDir,
  dataDir: work,
  appName: 'screenshots',
  appVersion: '0',
  rendererDir: path.join(root, 'dist/renderer'),
  port: 0,
});
try {
  for (const layout of ['gongwen', 'reading'] as PrintLayout[]) {
    const pdf = await host.exportPdfBytes({
      reportId: REPORT_ID,
      sectionIds: printableIds(doc),
      options: { layout, paper: 'A4', metadata: layout === 'reading', annotations: 'notes' },
      annotations,
    });
    const pdfFile = path.join(work, `${layout}.pdf`);
    writeFileSync(pdfFile, pdf);
    const prefix = path.join(work, layout);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdfFile,
      prefix,
    ]);
    renameSync(`${prefix}.png`, path.join(outDir, `print-${layout}.png`));
    console.log(`docs/screenshots/print-${layout}.png`);
  }
} finally {
  await host.close();
}
