/**
 * Annotations as a user makes them, in real Chromium against the browser host: highlight,
 * note, tag, bookmark, delete + undo; all still there after a restart; export and import.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  callHostApi,
  chromiumPath,
  isLocal,
  launchBrowser,
  openViewer,
  recordRequests,
  startHost,
  type RunningHost,
  selectInParagraph,
} from './harness';

const REPORT = 'jiangning-2023-rule-of-law-government-report.txt';

const paragraphText = (page: Page, id: string) =>
  page.locator(`[data-pid="${id}"]`).evaluate((el) => el.textContent ?? '');

describe.skipIf(!chromiumPath())('annotations (E2E in Chromium)', () => {
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let requests: string[];

  beforeAll(async () => {
    host = await startHost();
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1400, height: 860 },
      acceptDownloads: true,
    });
    requests = recordRequests(context);
    page = await context.newPage();
    await openViewer(page, host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const sidebar = () => page.getByRole('complementary', { name: '批注' });
  const cards = () => sidebar().locator('.annotation-card');
  const stored = async () =>
    (await callHostApi(host, 'listAnnotations', { reportId: REPORT })).annotations;
  const highlighted = (color: string) =>
    page.evaluate(
      (c) => [...(CSS.highlights.get(`anno-${c}`) ?? [])].map((r) => r.toString()).join(''),
      color,
    );

  test('select text → highlight in a colour: saved, painted, counted in the tree', async () => {
    const text = await paragraphText(page, 's1-1-1-p0');
    await selectInParagraph(page, 's1-1-1-p0', 30, 52);
    await page
      .getByRole('toolbar', { name: '选中文字' })
      .getByRole('button', { name: '绿色高亮' })
      .click();
    await expect.poll(async () => (await stored()).length).toBe(1);
    const [saved] = await stored();
    expect(saved!.color).toBe('green');
    expect(saved!.target.quote.exact).toBe(text.slice(30, 52));
    expect(await highlighted('green')).toBe(text.slice(30, 52));
    const treeItem = page.getByRole('treeitem', { name: /^1\.抓好党的二十大精神/ });
    await expect.poll(() => treeItem.locator('.tree-count').first().innerText()).toBe('1');
  });

  test('a selection across two paragraphs, then a note with HTML and tags via the keyboard', async () => {
    await selectInParagraph(page, 's1-1-2-p0', 5, 20);
    // Extend the selection into the next paragraph (s1-2 heading) the way Shift+click would.
    await page.evaluate(() => {
      const next = document.querySelector('[data-pid="s1-2-p0"]')!;
      document.getSelection()!.extend(next.firstChild!, 4);
    });
    await page.keyboard.press('n');
    const note = page.getByRole('textbox', { name: '批注内容' });
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await note.fill('<img src=x onerror=alert(1)> 需要跟进\n第二行');
    const tags = page.getByRole('textbox', { name: '标签' });
    await tags.fill('督查');
    await tags.press('Enter');
    await tags.fill('复议');
    await tags.press('Enter');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect
      .poll(() => page.getByRole('dialog', { name: '编辑批注' }).getByRole('status').innerText())
      .toBe('已保存');
    const saved = (await stored()).find((a) => a.note.includes('需要跟进'))!;
    expect(saved.tags).toEqual(['督查', '复议']);
    expect(saved.target.start.paragraphId).toBe('s1-1-2-p0');
    expect(saved.target.end.paragraphId).toBe('s1-2-p0');
    expect(saved.target.quote.exact).toContain('\n');
    // The note shows as text: no element was created from it.
    expect(await sidebar().locator('img').count()).toBe(0);
    await expect.poll(() => cards().filter({ hasText: '<img src=x' }).count()).toBe(1);
  });

  test('the search finds the note too, and its result opens the annotation', async () => {
    await page
      .getByRole('dialog', { name: '编辑批注' })
      .getByRole('button', { name: '关闭' })
      .click();
    const box = page.getByRole('searchbox', { name: '搜索全文' });
    await box.fill('需要跟进');
    const results = page.getByRole('region', { name: '搜索结果' });
    const result = results.getByRole('button').filter({ hasText: '需要跟进' });
    await expect
      .poll(() => result.locator('.search-result-place').innerText())
      .toBe('我的批注 · 一、(一) 2.');
    await result.click();
    await expect
      .poll(() => page.getByRole('textbox', { name: '批注内容' }).inputValue())
      .toContain('需要跟进');
    await box.press('Escape');
    await expect.poll(() => results.count()).toBe(0);
  });

  test('clicking a highlight opens it; colour change is saved', async () => {
    await page
      .getByRole('dialog', { name: '编辑批注' })
      .getByRole('button', { name: '关闭' })
      .click();
    const box = await page.evaluate(() => {
      const range = [...CSS.highlights.get('anno-green')!][0] as Range;
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 4, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
    const editor = page.getByRole('dialog', { name: '编辑批注' });
    await editor.waitFor();
    await editor.getByRole('radio', { name: '蓝色' }).click();
    await expect
      .poll(async () => (await stored()).filter((a) => a.color === 'blue').length)
      .toBe(1);
  });

  test('bookmark a section: marked on the heading and listed', async () => {
    await page.getByRole('button', { name: '添加书签 一、(二) 3.' }).click();
    await expect
      .poll(async () => (await stored()).filter((a) => a.kind === 'bookmark').length)
      .toBe(1);
    expect(
      await page.getByRole('button', { name: '移除书签 一、(二) 3.' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await expect.poll(() => cards().filter({ hasText: '书签' }).count()).toBe(1);
  });

  test('delete, then undo with the toast and with Ctrl+Z; redo with Ctrl+Shift+Z', async () => {
    await cards().filter({ hasText: '需要跟进' }).click();
    const editor = page.getByRole('dialog', { name: '编辑批注' });
    await editor.getByRole('button', { name: '删除', exact: true }).click();
    await expect.poll(async () => (await stored()).length).toBe(2);
    await page.getByRole('status').getByRole('button', { name: '撤销' }).click();
    await expect.poll(async () => (await stored()).length).toBe(3);
    expect((await stored()).some((a) => a.note.includes('需要跟进'))).toBe(true);

    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await stored()).length).toBe(2);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await stored()).length).toBe(3);
  });

  test('filter the sidebar by colour, tag and text', async () => {
    const colorFilter = sidebar().getByRole('group', { name: '按颜色筛选' });
    await colorFilter.getByRole('button', { name: '蓝色' }).click();
    await expect.poll(() => cards().count()).toBe(1);
    await colorFilter.getByRole('button', { name: '蓝色' }).click();
    await sidebar().getByRole('combobox', { name: '按标签筛选' }).selectOption('督查');
    await expect.poll(() => cards().count()).toBe(1);
    await sidebar().getByRole('combobox', { name: '按标签筛选' }).selectOption('');
    await sidebar().getByRole('searchbox', { name: '筛选批注' }).fill('第二行');
    await expect.poll(() => cards().count()).toBe(1);
    await sidebar().getByRole('searchbox', { name: '筛选批注' }).fill('');
    await expect.poll(() => cards().count()).toBe(3);
  });

  test('everything is still there after restarting the host with the same data dir', async () => {
    const before = await stored();
    await host.stop();
    host = await startHost({ dataDir: host.dataDir });
    await openViewer(page, host.url);
    expect(await stored()).toEqual(before);
    await page.getByRole('button', { name: /^批注/ }).click();
    await expect.poll(() => cards().count()).toBe(3);
    expect(await highlighted('blue')).not.toBe('');
  });

  let jsonExport = '';

  test('export Markdown: grouped by section with citation, quote, note and tags', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      sidebar().getByRole('button', { name: '导出 Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toContain('南京市江宁区2023年度法治政府建设工作报告');
    expect(markdown).toMatch(/一、\(一\) 2\./);
    expect(markdown).toContain('需要跟进');
    expect(markdown).toContain('#督查');
    expect(markdown).toMatch(/^> /m);

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      sidebar().getByRole('button', { name: '导出 JSON' }).click(),
    ]);
    jsonExport = readFileSync((await json.path())!, 'utf8');
    const parsed = JSON.parse(jsonExport) as { type: string; total: number };
    expect(parsed.type).toBe('AnnotationCollection');
    expect(parsed.total).toBe(3);
  });

  test('import the JSON into a fresh data dir: the same annotations on screen', async () => {
    const before = await stored();
    await host.stop();
    host = await startHost({ dataDir: mkdtempSync(path.join(tmpdir(), 'viewer-e2e-import-')) });
    await openViewer(page, host.url);
    expect(await stored()).toEqual([]);
    await page.getByRole('button', { name: /^批注/ }).click();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'viewer-export-')), 'notes.jsonld');
    writeFileSync(file, jsonExport);
    await sidebar().locator('input[type="file"]').setInputFiles(file);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '导入完成' }).innerText())
      .toContain('新增 3 条');
    const after = await stored();
    const key = (a: { id: string }) => a.id;
    expect([...after].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...before].sort((a, b) => key(a).localeCompare(key(b))),
    );
    await expect.poll(() => cards().count()).toBe(3);
    // Importing the same file again adds nothing and says why.
    await sidebar().locator('input[type="file"]').setInputFiles(file);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '导入完成' }).innerText())
      .toContain('跳过 3 条');
  });

  test('nothing left 127.0.0.1', () => {
    expect(requests.filter((url) => !isLocal(url))).toEqual([]);
  });
});
