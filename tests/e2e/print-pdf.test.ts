/**
 * Printing to PDF through the browser host, checked the way a reader of the PDF would: its text
 * (pdftotext), fonts (pdffonts), page numbers, outline (pdf-lib) and title; and the print
 * dialog as a user works it (Ctrl+P, choose, export, a real download).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiRequest } from '../../core/api/contract';
import { highlightOnQuote } from '../fixtures/annotation-on-quote';
import type { PrintOptions } from '../../core/print/print-options';
import { printableIds } from '../../core/print/print-selection';
import { parseReport } from '../../core/report/parse-report';
import type { Section } from '../../core/report/report-model';
import {
  callHostApi,
  chromiumPath,
  launchBrowser,
  openViewer,
  projectRoot,
  startHost,
  type RunningHost,
} from './harness';
import {
  pdfFonts,
  pdfInfo,
  pdfOutline,
  pdfPageCount,
  pdfText,
  pdfToolsAvailable,
  squeeze,
} from './pdf-inspect';

const REPORT_ID = 'jiangning-2023-rule-of-law-government-report.txt';
const REPORT_TITLE = '南京市江宁区2023年度法治政府建设工作报告';
const source = readFileSync(path.join(projectRoot, 'resources/reports', REPORT_ID), 'utf8');
const doc = parseReport(source);
const section = (id: string): Section => {
  const found = doc.flatSections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};
/** A section's own text, whitespace aside, as it must come out of the PDF. */
const ownText = (id: string) =>
  squeeze(
    section(id)
      .paragraphs.map((p) => p.text)
      .join(''),
  );
const headingText = (id: string) => {
  const heading = section(id).paragraphs[0]!;
  return heading.text.slice(0, heading.headingLength ?? heading.text.length);
};

const GONGWEN: PrintOptions = {
  layout: 'gongwen',
  paper: 'A4',
  metadata: false,
  annotations: 'none',
};
const READING: PrintOptions = {
  layout: 'reading',
  paper: 'A5',
  metadata: true,
  annotations: 'none',
};

// Without poppler-utils the PDFs cannot be read; under CI that fails below instead of skipping.
const canReadPdfs = pdfToolsAvailable() || process.env.CI === 'true';

describe.skipIf(!chromiumPath() || !canReadPdfs)('print to PDF (E2E)', () => {
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  const outDir = mkdtempSync(path.join(tmpdir(), 'viewer-pdf-'));
  let fileCount = 0;

  beforeAll(async () => {
    host = await startHost();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    await openViewer(page, host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  /** Exports through the host's API and fetches the one-time download, as the page does. */
  async function exportPdf(request: Omit<ApiRequest<'exportPdf'>, 'reportId'>): Promise<string> {
    const result = await callHostApi(host, 'exportPdf', { reportId: REPORT_ID, ...request });
    if (result.outcome !== 'download') throw new Error(`unexpected ${result.outcome}`);
    const response = await fetch(`${host.origin}/${result.url}`, {
      headers: { 'X-Viewer-Token': host.token },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(outDir, `export-${++fileCount}.pdf`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    return file;
  }

  /** The PDF's text without whitespace and without its page numbers ("— n —"). */
  function bodyText(file: string): string {
    const pages = pdfPageCount(file);
    let text = '';
    for (let n = 1; n <= pages; n++) {
      const page = squeeze(pdfText(file, n));
      const at = page.lastIndexOf(`—${n}—`);
      text += at === -1 ? page : page.slice(0, at) + page.slice(at + `—${n}—`.length);
    }
    return text;
  }

  function expectPageNumbersOnEveryPage(file: string): void {
    const pages = pdfPageCount(file);
    expect(pages).toBeGreaterThan(0);
    for (let n = 1; n <= pages; n++) expect(squeeze(pdfText(file, n))).toContain(`—${n}—`);
  }

  test('(a) one level-3 section: its text and nothing of its neighbours', async () => {
    const file = await exportPdf({ sectionIds: ['s1-3-4'], options: GONGWEN });
    const text = bodyText(file);
    expect(text).toContain(ownText('s1-3-4'));
    expect(text).not.toContain(squeeze(headingText('s1-3-3')));
    expect(text).not.toContain(squeeze(headingText('s1-3-5')));
    expect(text).not.toContain(ownText('s1-3-3').slice(-40));
    expect(text.startsWith(REPORT_TITLE)).toBe(true);
    expectPageNumbersOnEveryPage(file);
    expect(pdfInfo(file).Title).toBe(REPORT_TITLE);
    expect(pdfInfo(file)['Page size']).toMatch(/\(A4\)/);
    const outline = await pdfOutline(file);
    expect(outline.map((item) => item.title)).toEqual([REPORT_TITLE, headingText('s1-3-4')]);
  });

  test('(b) two non-adjacent sections, asked for out of order, print in document order', async () => {
    const file = await exportPdf({ sectionIds: ['s2', 's1-2-3'], options: READING });
    const text = bodyText(file);
    const first = text.indexOf(ownText('s1-2-3'));
    const second = text.indexOf(ownText('s2'));
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(text).not.toContain(squeeze(headingText('s1-2-4')));
    expect(text).toContain('013053208/2024-16073'); // the metadata card was asked for
    expect(pdfInfo(file)['Page size']).toMatch(/\(A5\)/);
    expectPageNumbersOnEveryPage(file);
    const outline = await pdfOutline(file);
    expect(outline.map((item) => item.title)).toEqual([
      REPORT_TITLE,
      headingText('s1-2-3'),
      headingText('s2'),
    ]);
  });

  test('the print page kept between exports prints each job as its own, never the last one', async () => {
    // After (b) (阅读版, A5, with the metadata card) the host's open print page is handed
    // this job: 公文格式 on A4, no card, one other section.
    const file = await exportPdf({ sectionIds: ['s1-3-4'], options: GONGWEN });
    const text = bodyText(file);
    expect(text).toContain(ownText('s1-3-4'));
    expect(text).not.toContain(ownText('s2'));
    expect(text).not.toContain('013053208/2024-16073');
    expect(pdfInfo(file)['Page size']).toMatch(/\(A4\)/);
    expect(pdfInfo(file).Title).toBe(REPORT_TITLE);
    expectPageNumbersOnEveryPage(file);
    // And back: the next one is 阅读版 on A5 again.
    const again = await exportPdf({ sectionIds: ['s2'], options: READING });
    expect(bodyText(again)).toContain(ownText('s2'));
    expect(bodyText(again)).not.toContain(ownText('s1-3-4'));
    expect(pdfInfo(again)['Page size']).toMatch(/\(A5\)/);
  });

  test('(c)-(f) the whole report with annotations, saved through the host, as endnotes', async () => {
    const note = (id: string, quote: string, body: string) =>
      highlightOnQuote(doc, REPORT_ID, id, quote, body);
    const annotations = [
      note('print-e2e-1', '建成207个村(居)公共法律服务室', '核实：村(居)公共法律服务室的数量。'),
      note('print-e2e-2', '区政府行政负责人出庭应诉率达100%', '可用于年度简报的亮点数据。'),
    ];
    for (const annotation of annotations) {
      await callHostApi(host, 'saveAnnotation', { annotation });
    }
    const file = await exportPdf({
      sectionIds: printableIds(doc),
      options: { ...GONGWEN, annotations: 'notes' },
    });
    const pdf = bodyText(file);

    // (c) the notes, numbered in reading order (出庭应诉 comes first in the report).
    expect(pdf).toContain('可用于年度简报的亮点数据。');
    expect(pdf).toContain('核实：村(居)公共法律服务室的数量。');
    expect(pdf).toContain('出庭应诉率达100%[1]');
    expect(pdf).toContain('公共法律服务室[2]');
    expect(pdf.indexOf('可用于年度简报的亮点数据')).toBeLessThan(pdf.indexOf('核实：村(居)'));

    // (d) every font embedded, with a Unicode map; the whole body extracts as published.
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded && f.unicode)).toBe(true);
    // Every paragraph, character for character (note markers aside).
    const unmarked = pdf.replace(/\[\d+\]/g, '');
    for (const p of doc.paragraphs) expect(unmarked, p.id).toContain(squeeze(p.text));

    // (e) "— n —" on every page.
    expect(pdfPageCount(file)).toBeGreaterThan(5);
    expectPageNumbersOnEveryPage(file);

    // (f) the outline lists every heading, in order, nested by level.
    const outline = await pdfOutline(file);
    expect(outline.map((item) => item.title)).toEqual([
      REPORT_TITLE,
      ...doc.flatSections.map((s) => headingText(s.id)),
    ]);
    expect(outline.map((item) => item.depth)).toEqual([0, ...doc.flatSections.map((s) => s.level)]);
  });

  test('a download works once and only with the run secret', async () => {
    const result = await callHostApi(host, 'exportPdf', {
      reportId: REPORT_ID,
      sectionIds: ['s2'],
      options: GONGWEN,
    });
    if (result.outcome !== 'download') throw new Error(result.outcome);
    const url = `${host.origin}/${result.url}`;
    expect((await fetch(url)).status).toBe(403);
    const ok = await fetch(url, { headers: { 'X-Viewer-Token': host.token } });
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
    const again = await fetch(url, { headers: { 'X-Viewer-Token': host.token } });
    expect(again.status).toBe(404);
  });

  test('clear refusals: nothing chosen, unknown sections, no printer in the browser', async () => {
    const refusal = async (channel: 'exportPdf' | 'printPages', sectionIds: string[]) =>
      callHostApi(host, channel, { reportId: REPORT_ID, sectionIds, options: GONGWEN }).then(
        () => 'accepted',
        (err: Error) => err.message,
      );
    expect(await refusal('exportPdf', [])).toContain('没有选择要打印的章节');
    expect(await refusal('exportPdf', ['s9-9'])).toContain('找不到');
    expect(await refusal('printPages', ['s2'])).toContain('浏览器版不能直接连接打印机');
  });

  test('the dialog: Ctrl+P, choose a section, export, and the browser downloads the PDF', async () => {
    await page.getByRole('main', { name: REPORT_TITLE }).click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+p');
    const dialog = page.getByRole('dialog', { name: '打印到 PDF' });
    await dialog.waitFor();
    // The section being read is chosen to start with; 清除 empties the choice.
    expect(await dialog.getByRole('checkbox', { checked: true }).count()).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: '清除' }).click();
    expect(await dialog.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await dialog.getByRole('button', { name: '导出 PDF' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toContain('请至少选择一节');

    // A parent checks its children.
    await dialog.getByRole('checkbox', { name: /^\(三\)聚焦中心服务大局/ }).check();
    expect(await dialog.getByRole('checkbox', { checked: true }).count()).toBe(7);
    await dialog.getByRole('button', { name: '清除' }).click();
    await dialog.getByRole('checkbox', { name: /^4\.优化公共法律服务/ }).check();
    await dialog.getByRole('radio', { name: /^阅读版/ }).check();

    // Focus stays in the dialog however far one tabs.
    for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '导出 PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${REPORT_TITLE} 一(三)4.pdf`);
    const file = path.join(outDir, 'from-dialog.pdf');
    await download.saveAs(file);
    const text = bodyText(file);
    expect(text).toContain(ownText('s1-3-4'));
    expect(text).not.toContain(squeeze(headingText('s1-3-5')));
    await expect.poll(() => dialog.getByRole('status').innerText()).toContain('已下载');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  test('"打印本节" beside a heading opens the dialog with that section chosen', async () => {
    const action = page.getByRole('button', { name: '打印本节：二、', exact: true });
    await action.click();
    const dialog = page.getByRole('dialog', { name: '打印到 PDF' });
    await dialog.waitFor();
    const checked = await dialog
      .getByRole('checkbox', { checked: true })
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-section-id')));
    expect(checked).toEqual(['s2']);
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
