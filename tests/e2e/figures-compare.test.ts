/**
 * 关键数据 and 对照 as a user works them in the browser host: the figures of the bundled report
 * (419件 under 一、(二) 6. with its subject), a jump to one, the CSV an official opens in Excel;
 * then two editions compared, stepped through with F7, and exported to PDF, with a note made on
 * the other (old) edition shown on its side of the change it touches and printed under it.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Annotation } from '../../core/annotations/annotation-model';
import { describeRange } from '../../core/annotations/describe-selection';
import { documentText } from '../../core/annotations/document-text';
import { compareReports } from '../../core/compare';
import { parseReport } from '../../core/report/parse-report';
import {
  callHostApi,
  chromiumPath,
  launchBrowser,
  openViewer,
  projectRoot,
  startHost,
  type RunningHost,
} from './harness';
import { pdfText, pdfToolsAvailable, squeeze } from './pdf-inspect';

const fixtures = path.join(projectRoot, 'tests/fixtures/compare');
const OLD = 'edition-2023.txt';
const NEW = 'edition-2024.txt';

describe.skipIf(!chromiumPath())('key figures and comparison (E2E in Chromium)', () => {
  let browser: Browser;
  let page: Page;
  let host: RunningHost | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  test('关键数据: 419件 under 一、(二) 6., a jump that marks it, and a CSV for Excel', async () => {
    host = await startHost();
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    await openViewer(page, host.url);
    await page.getByRole('button', { name: /^关键数据/ }).click();
    const region = page.getByRole('region', { name: '关键数据' });
    const table = region.getByRole('table');
    await table.waitFor();
    const row = table.getByRole('row', { name: /419件/ });
    const text = await row.innerText();
    expect(text).toContain('行政复议');
    expect(text).toContain('一、(二) 6.');

    await row.getByRole('button', { name: '419件' }).click();
    const marked = await page.evaluate(() => {
      const highlight = CSS.highlights.get('go-to-target');
      const range = highlight ? ([...highlight][0] as Range) : null;
      if (!range) return null;
      const rect = range.getBoundingClientRect();
      const main = document.querySelector('main')!.getBoundingClientRect();
      return {
        text: range.toString(),
        visible: rect.top >= main.top && rect.bottom <= main.bottom,
      };
    });
    expect(marked).toEqual({ text: '419件', visible: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      region.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/关键数据\.csv$/);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'figures-')), 'figures.csv');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    // UTF-8 with a BOM, so Excel reads the Chinese correctly.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    const lines = csv.split(/\r\n/);
    expect(lines[0]).toBe('章节,主题,数值,单位,原文');
    expect(lines.some((l) => l.startsWith('一、(二) 6.') && l.includes(',419,件,'))).toBe(true);
    await context.close();
    await host.stop();
    host = null;
  });

  test('对照: two editions, one list item per change, F7 steps and marks, PDF export', async () => {
    const reportsDir = mkdtempSync(path.join(tmpdir(), 'viewer-editions-'));
    for (const name of [OLD, NEW])
      copyFileSync(path.join(fixtures, name), path.join(reportsDir, name));
    host = await startHost({ reportsDir });
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    await page.goto(host.url);
    const newDoc = parseReport(readFileSync(path.join(fixtures, NEW), 'utf8'));
    const oldDoc = parseReport(readFileSync(path.join(fixtures, OLD), 'utf8'));
    await page
      .getByRole('main', { name: '报告库' })
      .getByRole('button', { name: new RegExp(`^${newDoc.title}`) })
      .click();
    await page.getByRole('main', { name: newDoc.title! }).waitFor();

    // A note on the old edition (the report not open), over the removed text of an edit.
    const expected = compareReports(oldDoc, newDoc).changes.filter((c) => !c.cosmetic);
    const noted = expected.findIndex((c) => c.kind === 'text-changed' && c.oldText !== '');
    expect(noted).toBeGreaterThanOrEqual(0);
    const notedChange = expected[noted]!;
    const oldDocText = documentText(oldDoc);
    const paragraphStart =
      oldDocText.starts[oldDocText.indexById.get(notedChange.oldParagraphIds[0]!)!]!;
    const now = new Date().toISOString();
    const note: Annotation = {
      id: 'e2e-old-edition-note',
      reportId: OLD,
      kind: 'highlight',
      color: 'pink',
      note: '去年的口径需核对',
      tags: [],
      target: describeRange(
        oldDoc,
        paragraphStart + notedChange.oldRange!.start,
        paragraphStart + notedChange.oldRange!.end,
      ),
      created: now,
      updated: now,
    };
    await callHostApi(host, 'saveAnnotation', { annotation: note });

    await page.getByRole('button', { name: '对照', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '选择对照的报告' });
    await dialog.getByRole('radio', { name: oldDoc.title! }).check();
    await dialog.getByRole('button', { name: '开始对照' }).click();

    const region = page.getByRole('region', { name: '对照结果' });
    const items = region.getByRole('list').getByRole('listitem');
    await expect.poll(() => items.count()).toBe(expected.length);

    // The old edition's note is visible in 对照结果: on the removed text, and as a line.
    const notedItem = items.nth(noted);
    await expect.poll(() => notedItem.innerText()).toContain(`旧版批注：${note.note}`);
    const mark = notedItem.locator('del mark[title^="旧版批注"]');
    expect(await mark.innerText()).toBe(notedChange.oldText);
    expect(await region.innerText()).toContain('另一份报告的 1 条批注在此只读显示');

    // F7 goes to the first change and marks it in the text, Shift+F7 back.
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('F7');
    await expect.poll(() => items.nth(0).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('F7');
    await expect.poll(() => items.nth(1).getAttribute('aria-current')).toBe('true');
    const second = expected[1]!;
    if (second.kind === 'text-changed' && second.newText) {
      const marked = await page.evaluate(() => {
        const highlight = CSS.highlights.get('go-to-target');
        return highlight ? ([...highlight] as Range[]).map((r) => r.toString()).join('') : null;
      });
      expect(marked).toBe(second.newText);
    }
    await page.keyboard.press('Shift+F7');
    await expect.poll(() => items.nth(0).getAttribute('aria-current')).toBe('true');

    if (pdfToolsAvailable()) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        region.getByRole('button', { name: '导出 PDF' }).click(),
      ]);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'compare-')), 'compare.pdf');
      await download.saveAs(file);
      const text = squeeze(pdfText(file));
      expect(text).toContain(squeeze('对照'));
      expect(text).toContain(squeeze(`旧版批注：${note.note}`));
      for (const change of expected.filter((c) => c.kind === 'text-changed').slice(0, 3)) {
        expect(text).toContain(squeeze(change.newText));
      }
    }
    await context.close();
  });
});
