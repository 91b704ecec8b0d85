/**
 * The reader, as a user uses it, in real Chromium against the real browser host.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Settings } from '../../core/settings';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  callHostApi,
  chromiumPath,
  isLocal,
  launchBrowser,
  openViewer,
  projectRoot,
  recordRequests,
  startHost,
  type RunningHost,
} from './harness';

const REPORT_TITLE = '南京市江宁区2023年度法治政府建设工作报告';
const REPORT_FILE = 'jiangning-2023-rule-of-law-government-report.txt';
const source = readFileSync(path.join(projectRoot, 'resources/reports', REPORT_FILE), 'utf8');

async function hostSettings(host: RunningHost): Promise<Settings> {
  return callHostApi(host, 'getSettings', {});
}

// Skipped only when there is no Chromium outside CI; global-setup fails the run under CI=true.
describe.skipIf(!chromiumPath())('reader (E2E in Chromium)', () => {
  let host: RunningHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requests: string[];

  beforeAll(async () => {
    host = await startHost();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    requests = recordRequests(context);
    page = await context.newPage();
    await openViewer(page, host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const tree = () =>
    page.getByRole('navigation', { name: '目录' }).getByRole('tree', { name: '目录' });
  const reading = () => page.getByRole('main', { name: REPORT_TITLE });
  const currentItem = () => tree().locator('[role="treeitem"][aria-current="location"]');

  test('the window shows the report title and the reading pane is named after it', async () => {
    expect(await page.title()).toBe(REPORT_TITLE);
    await expect.poll(() => reading().count()).toBe(1);
    expect(await reading().getByRole('heading', { level: 1 }).innerText()).toBe(REPORT_TITLE);
  });

  test('the contents tree lists all 25 headings with the right nesting', async () => {
    const items = tree().getByRole('treeitem');
    expect(await items.count()).toBe(25);
    const levels = await items.evaluateAll((els) => els.map((e) => e.getAttribute('aria-level')));
    expect(levels.filter((l) => l === '1')).toHaveLength(3);
    expect(levels.filter((l) => l === '2')).toHaveLength(8);
    expect(levels.filter((l) => l === '3')).toHaveLength(14);
    const groupSizes = async (name: RegExp) =>
      tree()
        .getByRole('treeitem', { name })
        .first()
        .locator(':scope > [role="group"] > [role="treeitem"]')
        .count();
    expect(await groupSizes(/^一、2023年法治政府建设工作情况$/)).toBe(3);
    expect(await groupSizes(/^\(二\)深入推进法治政府建设/)).toBe(6);
    expect(await groupSizes(/^\(三\)聚焦中心服务大局/)).toBe(6);
    expect(await groupSizes(/^三、2024年推进法治政府建设的主要安排$/)).toBe(5);
    expect(await groupSizes(/^二、推进法治政府建设存在的不足$/)).toBe(0);
  });

  test('clicking a heading in the tree scrolls to it, focuses it and marks it current', async () => {
    await tree()
      .getByRole('treeitem', { name: /^4\.优化公共法律服务/ })
      .locator('.tree-row')
      .click();
    const heading = reading().getByRole('heading', { name: /^4\.优化公共法律服务。$/ });
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    const top = await heading.evaluate(
      (el) => el.getBoundingClientRect().top - el.closest('main')!.getBoundingClientRect().top,
    );
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(60);
    await expect.poll(() => currentItem().getAttribute('aria-labelledby')).toBe('toc-label-s1-3-4');
  });

  test('scrolling the text updates the current section', async () => {
    await reading().evaluate((main) => {
      const target = document.getElementById('sec-s2')!;
      main.scrollTop += target.getBoundingClientRect().top - main.getBoundingClientRect().top;
    });
    await expect.poll(() => currentItem().innerText()).toBe('二、推进法治政府建设存在的不足');
    await reading().evaluate((main) => {
      const target = document.getElementById('sec-s1-2-5')!;
      main.scrollTop += target.getBoundingClientRect().top - main.getBoundingClientRect().top + 40;
    });
    await expect.poll(() => currentItem().innerText()).toBe('5.推进严格规范公正文明执法');
  });

  test('previous/next section by button and by Alt+arrow', async () => {
    await tree()
      .getByRole('treeitem', { name: /^1\.推动民主法治高质量发展/ })
      .locator('.tree-row')
      .click();
    await page.getByRole('button', { name: /下一节/ }).click();
    await expect.poll(() => currentItem().innerText()).toBe('2.持续优化营商环境');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => currentItem().innerText()).toBe('3.全面加强知识产权保护');
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => currentItem().innerText()).toBe('1.推动民主法治高质量发展');
  });

  test('the tree works from the keyboard: arrows, Home/End, collapse, Enter', async () => {
    const first = tree().getByRole('treeitem').first();
    await first.focus();
    await page.keyboard.press('Home');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-level')))
      .toBe('1');
    await page.keyboard.press('ArrowLeft'); // collapse 一、
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowDown'); // to 二、
    await page.keyboard.press('End'); // to the last visible item: 三、(五)
    await page.keyboard.press('Enter');
    await expect
      .poll(() => currentItem().innerText())
      .toMatch(/^\(五\)在推进基层治理现代化上破解难题/);
    await first.focus();
    await page.keyboard.press('ArrowRight'); // expand again
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    expect(await tree().getByRole('treeitem').count()).toBe(25);
  });

  test('the whole published body text is on the page, whitespace aside', async () => {
    const bodyStart = source.indexOf(`\n${REPORT_TITLE}\n`);
    expect(bodyStart).toBeGreaterThan(0);
    const expected = source.slice(bodyStart).replace(/\s+/g, '');
    const shown = await reading().evaluate((main) => {
      const article = main.querySelector('article')!.cloneNode(true) as HTMLElement;
      article.querySelector('.metadata-card')?.remove();
      return article.textContent ?? '';
    });
    expect(shown.replace(/\s+/g, '')).toBe(expected);
  });

  test('the metadata card opens and shows the header fields as published', async () => {
    await reading().getByText('文件信息').click();
    const card = reading().locator('details');
    await expect.poll(() => card.getAttribute('open')).toBe('');
    const text = await card.innerText();
    for (const value of [
      '013053208/2024-16073',
      '公安、安全、司法',
      '江宁区司法局',
      '2024-03-05',
      '法治政府',
    ]) {
      expect(text).toContain(value);
    }
  });

  test('font size and theme are remembered across a reload and a restart of the host', async () => {
    const bodySize = () =>
      reading()
        .locator('p.body')
        .first()
        .evaluate((p) => getComputedStyle(p).fontSize);
    expect(await bodySize()).toBe('18px');
    await page.getByRole('button', { name: /放大字号/ }).click();
    await page.keyboard.press('Control+=');
    await expect.poll(bodySize).toBe('22px');
    await page.keyboard.press('Control+-');
    await expect.poll(bodySize).toBe('20px');
    await page.getByRole('combobox', { name: '主题' }).selectOption('sepia');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
      .toBe('sepia');

    // The host has saved them (not just the page showing them).
    await expect.poll(async () => (await hostSettings(host)).fontSize).toBe(20);
    await expect.poll(async () => (await hostSettings(host)).theme).toBe('sepia');
    await page.reload();
    await openViewer(page, page.url());
    await expect.poll(bodySize).toBe('20px');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('sepia');

    // A new host on the same data dir (an app restart) reads the same settings.
    await host.stop();
    host = await startHost({ dataDir: host.dataDir });
    await openViewer(page, host.url);
    await expect.poll(bodySize).toBe('20px');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('sepia');
  });

  test('the reading position is restored when the report is opened again', async () => {
    await reading().evaluate((main) => {
      const target = document.getElementById('sec-s1-3-6')!;
      main.scrollTop += target.getBoundingClientRect().top - main.getBoundingClientRect().top;
    });
    // The position is saved shortly after scrolling stops.
    await expect
      .poll(async () => (await hostSettings(host)).positions[REPORT_FILE]?.paragraphId)
      .toBe('s1-3-6-p0');
    await page.reload();
    await openViewer(page, page.url());
    await expect
      .poll(() =>
        reading().evaluate((main) => {
          const target = document.getElementById('sec-s1-3-6')!;
          return Math.abs(target.getBoundingClientRect().top - main.getBoundingClientRect().top);
        }),
      )
      .toBeLessThan(4);
    await expect.poll(() => currentItem().innerText()).toMatch(/^6\.完善社会矛盾纠纷/);
  });

  test('F1 shows the shortcuts; 关于 names the version, the report source and the font licences', async () => {
    await reading().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('F1');
    const shortcuts = page.getByRole('dialog', { name: '快捷键' });
    await shortcuts.waitFor();
    expect(await shortcuts.innerText()).toContain('Ctrl+F');
    await page.keyboard.press('Escape');
    await shortcuts.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: '关于' }).click();
    const about = page.getByRole('dialog', { name: '关于' });
    await about.waitFor();
    const text = await about.innerText();
    expect(text).toContain('江宁区司法局');
    expect(text).toContain('2024-03-05');
    expect(text).toMatch(/版本 \d+\.\d+\.\d+/);
    expect(text).toContain('SIL Open Font License');
    await about.getByRole('button', { name: '关闭' }).click();
    await about.waitFor({ state: 'detached' });
  });

  test('line spacing, the contents panel and its width are remembered', async () => {
    const lineHeight = () =>
      reading()
        .locator('p.body')
        .first()
        .evaluate(
          (p) =>
            parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize),
        );
    await page.getByRole('combobox', { name: '行距' }).selectOption({ label: '宽松' });
    await expect.poll(async () => Math.round((await lineHeight()) * 10) / 10).toBe(2.2);

    const separator = page.getByRole('separator', { name: '调整目录宽度' });
    const before = Number(await separator.getAttribute('aria-valuenow'));
    await separator.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await hostSettings(host)).contentsWidth).toBe(before + 32);
    const navWidth = () =>
      page
        .getByRole('navigation', { name: '目录' })
        .evaluate((n) => n.getBoundingClientRect().width);
    expect(Math.round(await navWidth())).toBe(before + 32);

    await page.getByRole('button', { name: /目录/ }).first().click();
    await expect.poll(() => page.getByRole('navigation', { name: '目录' }).count()).toBe(0);
    await expect.poll(async () => (await hostSettings(host)).showContents).toBe(false);
    await page.reload();
    await page.getByRole('main').first().waitFor();
    expect(await page.getByRole('navigation', { name: '目录' }).count()).toBe(0);
    await expect.poll(async () => Math.round((await lineHeight()) * 10) / 10).toBe(2.2);
    await page.getByRole('button', { name: /目录/ }).first().click();
    await page.getByRole('tree', { name: '目录' }).waitFor();
    expect(Math.round(await navWidth())).toBe(before + 32);
  });

  test('the interface switches to English without a restart', async () => {
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect.poll(() => page.getByRole('navigation', { name: 'Contents' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /Next/ }).count()).toBe(1);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect.poll(() => page.getByRole('navigation', { name: '目录' }).count()).toBe(1);
  });

  test('not one request left 127.0.0.1', () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((url) => !isLocal(url))).toEqual([]);
  });
});
