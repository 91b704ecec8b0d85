/**
 * Full-text search as a user does it, in real Chromium against the browser host.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  chromiumPath,
  isLocal,
  launchBrowser,
  openViewer,
  projectRoot,
  recordRequests,
  startHost,
  type RunningHost,
} from './harness';

const source = readFileSync(
  path.join(projectRoot, 'resources/reports/jiangning-2023-rule-of-law-government-report.txt'),
  'utf8',
);
const countIn = (text: string, needle: string) => text.split(needle).length - 1;

describe.skipIf(!chromiumPath())('search (E2E in Chromium)', () => {
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let requests: string[];

  beforeAll(async () => {
    host = await startHost();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    requests = recordRequests(context);
    page = await context.newPage();
    await openViewer(page, host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const box = () => page.getByRole('searchbox', { name: '搜索全文' });
  const results = () => page.getByRole('region', { name: '搜索结果' });
  const highlighted = (name: string) =>
    page.evaluate((n) => {
      const h = CSS.highlights.get(n);
      return h ? [...h].map((r) => r.toString()) : [];
    }, name);
  const pane = () => page.locator('main.reading-pane');

  /** Types a query and waits until the results shown are for it (typing is deferred). */
  async function fillQuery(query: string): Promise<void> {
    await box().fill(query);
    if (query.trim() !== '')
      await expect.poll(() => results().getAttribute('data-query')).toBe(query);
  }

  async function searchFor(query: string): Promise<void> {
    await page.keyboard.press('Control+f');
    await expect.poll(() => box().evaluate((el) => el === document.activeElement)).toBe(true);
    await fillQuery(query);
  }

  test('Ctrl+F, typing: the count, every hit highlighted, ranked results with section numbers', async () => {
    const expected = countIn(source, '行政复议');
    expect(expected).toBeGreaterThan(5);
    await searchFor('行政复议');
    await expect
      .poll(() => results().locator('.search-total').innerText())
      .toMatch(new RegExp(`^共找到 ${expected} 处`));
    await expect.poll(async () => (await highlighted('search-hit')).length).toBe(expected);
    expect(new Set(await highlighted('search-hit'))).toEqual(new Set(['行政复议']));
    // The heading 6.切实提高行政复议应诉水平 has a hit in its heading: ranked first.
    const first = results().getByRole('button').first();
    expect(await first.locator('.search-result-place').innerText()).toMatch(/^一、\(二\) 6\./);
    expect(await first.locator('mark').innerText()).toBe('行政复议');
  });

  test('clicking a result lands on that exact occurrence; Enter and F3 step with 第 i / n 处', async () => {
    const expected = countIn(source, '行政复议');
    const second = results().getByRole('button').nth(1);
    const place = await second.locator('.search-result-place').innerText();
    await second.click();
    const current = await highlighted('search-current');
    expect(current).toEqual(['行政复议']);
    const inView = await page.evaluate(() => {
      const range = [...CSS.highlights.get('search-current')!][0] as Range;
      const rect = range.getBoundingClientRect();
      const main = document.querySelector('main')!.getBoundingClientRect();
      const section = range.startContainer.parentElement!.closest('.report-section');
      return {
        visible: rect.top >= main.top && rect.bottom <= main.bottom,
        heading: section?.querySelector('[data-section-id]')?.textContent ?? '',
      };
    });
    expect(inView.visible).toBe(true);
    expect(place.startsWith('三、(二)')).toBe(true);
    expect(inView.heading).toMatch(/^\(二\)在推进法治政府建设上强化统筹/);

    const status = () => page.locator('.search-position').innerText();
    const before = await status();
    const i = Number(/第 (\d+) \/ (\d+) 处/.exec(before)?.[1]);
    expect(before).toContain(`/ ${expected} 处`);
    await box().press('Enter');
    await expect.poll(status).toBe(`第 ${(i % expected) + 1} / ${expected} 处`);
    await box().press('Shift+Enter');
    await expect.poll(status).toBe(`第 ${i} / ${expected} 处`);
    await page.keyboard.press('F3');
    await expect.poll(status).toBe(`第 ${(i % expected) + 1} / ${expected} 处`);
  });

  test('switching to document order lists results as they appear in the report', async () => {
    await results().getByRole('radio', { name: '按原文顺序' }).check();
    const places = await results().locator('.search-result-place').allInnerTexts();
    expect(places[0]).toMatch(/^一、\(一\) 1\./);
    expect(places.at(-1)).toMatch(/^三、\(二\)/);
    await results().getByRole('radio', { name: '按相关度' }).check();
  });

  test('full-width and half-width forms find the same occurrences', async () => {
    const total = async (q: string) => {
      await box().fill(q);
      await expect
        .poll(() => results().locator('.search-total').innerText())
        .toMatch(/^(共找到|没有找到)/);
      return results().locator('.search-total').innerText();
    };
    const half = await total('(一)');
    expect(await total('（一）')).toBe(half.replace('(一)', '（一）'));
    expect(half).toMatch(/^共找到 \d+ 处/);
    const ascii = await total('2023');
    expect(ascii).toMatch(new RegExp(`^共找到 ${countIn(source, '2023')} 处`));
    expect(await total('２０２３')).toBe(ascii);
    expect(await total('12.5%')).toMatch(/^共找到 1 处/);
    expect(await total('3+1张清单')).toMatch(/^共找到 2 处/);
  });

  test('metadata fields are searchable and a hit there opens the card', async () => {
    await fillQuery('江宁区司法局');
    await expect
      .poll(() => results().locator('.search-result-place').first().innerText())
      .toMatch(/^文件信息/);
    await results().getByRole('button').first().click();
    await expect.poll(() => page.locator('details.metadata-card').getAttribute('open')).toBe('');
    expect(await highlighted('search-current')).toEqual(['江宁区司法局']);
  });

  test('no results says so plainly and suggests shorter terms', async () => {
    await fillQuery('量子计算机');
    await expect
      .poll(() => results().locator('.search-total').innerText())
      .toBe('没有找到“量子计算机”。');
    expect(await results().innerText()).toContain('更短的词');
    await expect.poll(() => highlighted('search-hit')).toEqual([]);
  });

  test('several words must all occur in the same paragraph', async () => {
    const lines = source.split('\n');
    const both = lines.filter((l) => l.includes('行政复议') && l.includes('出庭'));
    const hits = both.reduce((n, l) => n + countIn(l, '行政复议') + countIn(l, '出庭'), 0);
    expect(both.length).toBeGreaterThan(1);
    await fillQuery('行政复议 出庭');
    await expect
      .poll(() => results().locator('.search-total').innerText())
      .toBe(`共找到 ${hits} 处，分布在 ${both.length} 段`);
    await fillQuery('"行政复议 出庭"');
    await expect.poll(() => results().locator('.search-total').innerText()).toMatch(/^没有找到/);
  });

  test('Esc closes the search and returns to where the reader was', async () => {
    await box().fill('');
    await page.keyboard.press('Escape');
    await pane().evaluate((main) => {
      const target = document.getElementById('sec-s2')!;
      main.scrollTop += target.getBoundingClientRect().top - main.getBoundingClientRect().top;
    });
    const readingAt = await pane().evaluate((main) => main.scrollTop);
    await searchFor('枫桥经验');
    await results().getByRole('button').first().click();
    expect(await pane().evaluate((main) => main.scrollTop)).not.toBe(readingAt);
    await box().press('Escape');
    await expect.poll(() => results().count()).toBe(0);
    expect(await pane().evaluate((main) => main.scrollTop)).toBe(readingAt);
    await expect.poll(() => highlighted('search-hit')).toEqual([]);
  });

  test('nothing left 127.0.0.1', () => {
    expect(requests.filter((url) => !isLocal(url))).toEqual([]);
  });
});
