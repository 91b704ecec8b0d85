/**
 * A 5 MB report (generated from this project's own sentences) in the browser host: it opens
 * with only the blocks near the screen drawn, the current section follows scrolling, a search
 * finds every occurrence (as many as a plain scan), jumping to the last section works, and a
 * highlight made far down is painted again after a reload.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bruteForceSearch, documentSearchUnits } from '../../core/search';
import { parseReport } from '../../core/report/parse-report';
import { generateLargeReport } from '../fixtures/generated/large-report';
import {
  callHostApi,
  chromiumPath,
  launchBrowser,
  selectInParagraph,
  startHost,
  type RunningHost,
} from './harness';
import { describeFindings, isSerious, scan } from './axe-scan';

describe.skipIf(!chromiumPath())('a 5 MB report (E2E in Chromium)', () => {
  let browser: Browser;
  let page: Page;
  let host: RunningHost;
  const { text, partTitles } = generateLargeReport(5 * 1024 * 1024);
  const doc = parseReport(text);

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'viewer-large-'));
    writeFileSync(path.join(dir, 'large.txt'), text);
    host = await startHost({ reportsDir: dir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(host.url);
    await page.getByRole('main', { name: doc.title! }).waitFor({ timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  test('draws only what is near the screen', async () => {
    const drawn = await page.locator('main [data-pid]').count();
    expect(doc.paragraphs.length).toBeGreaterThan(10_000);
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(doc.paragraphs.length / 20);
  });

  test('the current section follows scrolling, and the last section is one click away', async () => {
    await page.locator('main').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await expect
      .poll(() => page.locator('.tree-row.current').first().innerText())
      .not.toContain('第一部分');
    const last = partTitles.at(-1)!;
    const lastSection = doc.sections.at(-1)!;
    expect(lastSection.title).toBe(last.replace(/^第.+部分\u3000/, ''));
    // The contents has thousands of rows and draws those near the screen: scroll it up from
    // the end, as a user would, until the last part's row is there.
    const tree = page.getByRole('tree', { name: '目录' });
    const row = tree.getByRole('treeitem', { name: new RegExp(lastSection.title) }).first();
    await page.locator('.contents-pane').evaluate(async (pane, sectionId) => {
      for (let top = pane.scrollHeight; top >= 0; top -= pane.clientHeight / 2) {
        pane.scrollTop = top;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        if (pane.querySelector(`[role="treeitem"][data-section-id="${sectionId}"]`)) return;
      }
    }, lastSection.id);
    await row.locator('.tree-row').first().click();
    const heading = page.locator(`main [data-section-id="${lastSection.id}"]`);
    await heading.waitFor();
    await expect.poll(() => heading.isVisible()).toBe(true);
  });

  test('a search finds as many occurrences as a plain scan, and steps to a far one', async () => {
    const query = '调研报告';
    const expected = bruteForceSearch(documentSearchUnits(doc), query).length;
    expect(expected).toBeGreaterThan(100);
    await page.getByRole('searchbox', { name: '搜索全文' }).fill(query);
    const results = page.getByRole('region', { name: '搜索结果' });
    await expect
      .poll(() => results.locator('.search-total').innerText())
      .toContain(`共找到 ${expected} 处`);
    // Shift+F3 from nothing chosen goes to the last hit, far below what was drawn.
    await page.getByRole('searchbox', { name: '搜索全文' }).press('Shift+F3');
    await expect
      .poll(() =>
        page.evaluate(() => {
          const h = CSS.highlights.get('search-current');
          return h ? ([...h] as Range[]).map((r) => r.toString()).join('') : '';
        }),
      )
      .toBe(query);
  });

  test('a highlight made near the end is saved and painted again after a reload, where reading was', async () => {
    // To the end of the report (heights are estimated until drawn: scroll until it is there).
    const drawParagraph = (id: string) =>
      expect
        .poll(() =>
          page.locator('main').evaluate((el, pid) => {
            el.scrollTop = el.scrollHeight;
            const p = document.querySelector(`[data-pid="${pid}"]`);
            p?.scrollIntoView({ block: 'center' });
            return p !== null;
          }, id),
        )
        .toBe(true);
    const paragraph = doc.paragraphs.findLast((p) => p.sectionId !== null && p.text.length > 40)!;
    expect(paragraph.start).toBeGreaterThan(text.length * 0.9);
    await drawParagraph(paragraph.id);
    await selectInParagraph(page, paragraph.id, 10, 30);
    await page
      .getByRole('toolbar', { name: '选中文字' })
      .getByRole('button', { name: '绿色高亮' })
      .click();
    const quote = paragraph.text.slice(10, 30);
    const saved = async () =>
      (await callHostApi(host, 'listAnnotations', { reportId: 'large.txt' })).annotations;
    await expect
      .poll(async () => (await saved()).map((a) => a.target.quote.exact))
      .toEqual([quote]);

    // Where the reader was is saved (the paragraph at the top of the pane, near the end).
    const indexOf = new Map(doc.paragraphs.map((p, i) => [p.id, i]));
    await expect
      .poll(async () => {
        const saved = (await callHostApi(host, 'getSettings', {})).positions['large.txt'];
        return saved ? indexOf.get(saved.paragraphId)! : -1;
      })
      .toBeGreaterThan(doc.paragraphs.length * 0.9);

    await page.reload();
    await page.getByRole('main', { name: doc.title! }).waitFor({ timeout: 60_000 });
    // The reading position comes back by itself, far below the blocks drawn at first.
    await expect
      .poll(() =>
        page.evaluate((pid) => {
          const el = document.querySelector(`[data-pid="${pid}"]`);
          if (!el) return false;
          const pane = document.querySelector('main')!.getBoundingClientRect();
          const box = el.getBoundingClientRect();
          return box.bottom > pane.top && box.top < pane.bottom;
        }, paragraph.id),
      )
      .toBe(true);
    await drawParagraph(paragraph.id);
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...(CSS.highlights.get('anno-green') ?? [])]
            .map((r) => (r as Range).toString())
            .join(''),
        ),
      )
      .toBe(quote);
    // And it is listed in the 批注 panel and counted in the contents.
    expect((await saved()).length).toBe(1);
  });

  test('the contents tree draws only the rows near the screen, and the keyboard reaches every row', async () => {
    const tree = page.getByRole('tree', { name: '目录' });
    const rows = tree.getByRole('treeitem');
    expect(doc.flatSections.length).toBeGreaterThan(1000);
    expect(await rows.count()).toBeLessThan(200);
    // The flat form of the tree pattern: each row says its level and place among its siblings.
    const first = rows.first();
    expect(await first.getAttribute('aria-level')).not.toBeNull();
    expect(await first.getAttribute('aria-posinset')).not.toBeNull();
    expect(await first.getAttribute('aria-setsize')).not.toBeNull();
    await tree.locator('[tabindex="0"]').focus();
    await page.keyboard.press('End');
    const lastRow = doc.flatSections.at(-1)!;
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-section-id')))
      .toBe(lastRow.id);
    await page.keyboard.press('Home');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-section-id')))
      .toBe(doc.sections[0]!.id);
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-section-id')))
      .toBe(doc.flatSections[1]!.id);
  });

  test('axe finds nothing serious: the drawn blocks, the windowed contents, a long result list', async () => {
    const reading = await scan(page, '5 MB report');
    await page.getByRole('searchbox', { name: '搜索全文' }).fill('制度');
    await page
      .getByRole('region', { name: '搜索结果' })
      .locator('.search-result')
      .first()
      .waitFor();
    const searching = await scan(page, '5 MB report, searching');
    const serious = [...reading.violations, ...searching.violations].filter(isSerious);
    expect(serious, describeFindings(serious)).toEqual([]);
  });

  test('a larger or smaller text size keeps the paragraph being read at the top', async () => {
    const topParagraph = () =>
      page.evaluate(() => {
        const pane = document.querySelector('main')!;
        const top = pane.getBoundingClientRect().top;
        const el = [...pane.querySelectorAll<HTMLElement>('[data-pid]')].find(
          (p) => p.getBoundingClientRect().bottom > top + 1,
        );
        return el?.dataset.pid ?? null;
      });
    await page.locator('main').evaluate((el) => (el.scrollTop = el.scrollHeight * 0.6));
    // Wait until what is drawn there has settled (measured blocks, fonts).
    let before = '';
    await expect
      .poll(async () => {
        const now = (await topParagraph()) ?? '';
        const same = now === before;
        before = now;
        return same && now !== '';
      })
      .toBe(true);
    await page.locator('main').focus();
    for (const key of ['Control+=', 'Control+=', 'Control+-', 'Control+0']) {
      await page.keyboard.press(key);
      await expect.poll(topParagraph).toBe(before);
    }
  });
});
