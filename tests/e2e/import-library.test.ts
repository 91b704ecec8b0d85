/**
 * The library a user fills, through the browser host as a user meets it: a reports folder of
 * mixed formats (and things that must not be listed), importing with the 导入报告 button and by
 * dropping a file on the window, renaming, removing with the annotations set aside, and plain
 * messages for what cannot be read.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  callHostApi,
  chromiumPath,
  launchBrowser,
  projectRoot,
  startHost,
  type RunningHost,
} from './harness';

const BUNDLED = 'jiangning-2023-rule-of-law-government-report.txt';
const fixtures = path.join(projectRoot, 'tests/fixtures/import');
const TITLE = '青山县2025年度数字档案工作报告';

function reportsFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'viewer-library-'));
  copyFileSync(path.join(projectRoot, 'resources/reports', BUNDLED), path.join(dir, BUNDLED));
  copyFileSync(path.join(fixtures, 'report-gb18030.txt'), path.join(dir, '青山县-GBK.txt'));
  copyFileSync(path.join(fixtures, 'report.docx'), path.join(dir, '青山县.docx'));
  copyFileSync(path.join(fixtures, 'saved-page-gbk.html'), path.join(dir, '青山县网页.html'));
  // Not reports: a program with a .txt name, and a link out of the folder.
  writeFileSync(path.join(dir, 'program.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]));
  symlinkSync('/etc/passwd', path.join(dir, 'passwd.txt'));
  return dir;
}

describe.skipIf(!chromiumPath())('the report library (E2E in Chromium)', () => {
  let browser: Browser;
  let page: Page;
  let host: RunningHost;

  beforeAll(async () => {
    host = await startHost({ reportsDir: reportsFolder() });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const library = () => page.getByRole('main', { name: '报告库' });
  const notices = () => page.locator('.notice').allInnerTexts();

  test('--reports-dir lists every supported file with its title, format and encoding', async () => {
    await library().waitFor();
    const rows = library().getByRole('row');
    const texts = await rows.allInnerTexts();
    // Header + the bundled report + the report as GB18030 text and as Word + a saved web page.
    expect(texts).toHaveLength(5);
    expect(texts.join('\n')).toContain('南京市江宁区2023年度法治政府建设工作报告');
    expect(texts.filter((t) => t.includes(TITLE))).toHaveLength(2);
    // The page's title and 发文字号 come from the page, not from its site chrome.
    expect(texts.join('\n')).toContain('青山县档案馆关于开展2026年档案开放审核工作的通知');
    expect(texts.join('\n')).toContain('青档发〔2026〕1号');
    expect(texts.join('\n')).toMatch(/文本 · GB18030/);
    expect(texts.join('\n')).toContain('Word');
    expect(texts.join('\n')).toContain('网页');
    // The program and the link out of the folder are not offered; the program is named.
    expect(texts.join('\n')).not.toContain('program.txt');
    expect(texts.join('\n')).not.toContain('passwd');
    expect((await notices()).join('\n')).toContain('program.txt');
  });

  test('opens an imported Word report with its title and outline', async () => {
    await library()
      .getByRole('row', { name: /青山县\.docx/ })
      .getByRole('button', { name: new RegExp(`^${TITLE}`) })
      .click();
    const main = page.getByRole('main', { name: TITLE });
    await main.waitFor();
    const tree = page.getByRole('tree', { name: '目录' });
    expect(await tree.getByRole('treeitem').count()).toBeGreaterThan(2);
    expect(await main.getByRole('table').count()).toBeGreaterThanOrEqual(1);
    expect(await page.title()).toBe(TITLE);
  });

  test('imports a PDF with the 导入报告 button and opens it', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入报告' }).click();
    const opened = await chooser;
    // The chooser offers what the host's importers read, as the host says (not a list of our own).
    const { reportFileEndings } = await callHostApi(host, 'getAppInfo', {});
    expect(reportFileEndings).toEqual(
      expect.arrayContaining(['txt', 'docx', 'doc', 'pdf', 'html']),
    );
    expect(await opened.element().getAttribute('accept')).toBe(
      reportFileEndings.map((e) => `.${e}`).join(','),
    );
    await opened.setFiles(path.join(fixtures, 'report.pdf'));
    await expect
      .poll(async () =>
        (await callHostApi(host, 'listReports', {})).reports.some((r) => r.format === 'pdf'),
      )
      .toBe(true);
    const listed = await callHostApi(host, 'listReports', {});
    const pdf = listed.reports.find((r) => r.format === 'pdf');
    // It opens at once: the window is titled by it, and its text is on screen.
    await expect
      .poll(() => page.evaluate(() => document.querySelector('main')?.textContent ?? ''))
      .toContain('现将本县2025年度数字档案工作情况报告如下');
    await expect
      .poll(() => page.locator('.notice').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('略去')]));
    expect(pdf).toMatchObject({ origin: 'library', sourceFileName: 'report.pdf', title: TITLE });
    // The original is kept byte for byte in the library folder.
    const stored = path.join(host.dataDir, 'library', pdf!.id, 'original.pdf');
    expect(readFileSync(stored).equals(readFileSync(path.join(fixtures, 'report.pdf')))).toBe(true);
  });

  test('imports a file dropped on the window', async () => {
    const bytes = readFileSync(path.join(fixtures, 'report.doc')).toString('base64');
    await page.evaluate((data) => {
      const raw = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const file = new File([raw], '青山县旧版.doc', { type: 'application/msword' });
      const transfer = new DataTransfer();
      transfer.items.add(file);
      for (const type of ['dragover', 'drop']) {
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    }, bytes);
    await expect
      .poll(async () =>
        (await callHostApi(host, 'listReports', {})).reports.some(
          (r) => r.sourceFileName === '青山县旧版.doc',
        ),
      )
      .toBe(true);
    await page.getByRole('main', { name: TITLE }).waitFor();
  });

  test('says plainly why a file cannot be imported, and keeps the library as it was', async () => {
    const before = (await callHostApi(host, 'listReports', {})).reports.length;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入报告' }).click();
    await (
      await chooser
    ).setFiles({
      name: '电子证照.ofd',
      mimeType: 'application/octet-stream',
      buffer: readFileSync(path.join(fixtures, 'archive.zip')),
    });
    await expect.poll(async () => (await notices()).join('\n')).toContain('电子证照.ofd');
    const scan = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入报告' }).click();
    await (await scan).setFiles(path.join(fixtures, 'image-only.pdf'));
    await expect.poll(async () => (await notices()).join('\n')).toContain('扫描件');
    expect((await callHostApi(host, 'listReports', {})).reports.length).toBe(before);
  });

  test('搜索全部报告 finds a phrase in every report, imported ones too, and opens one at the hit', async () => {
    await page.getByRole('button', { name: '报告库' }).click();
    const dialog = page.getByRole('dialog', { name: '报告库' });
    const box = dialog.getByRole('searchbox', { name: '搜索全部报告' });
    await box.fill('馆藏纸质档案数字化');
    const results = dialog.getByRole('region', { name: '全部报告的搜索结果' });
    // The GB18030 text, the Word file, the imported PDF and the dropped .doc: one group each.
    await expect.poll(() => results.getByRole('heading').count()).toBe(4);
    expect(await results.innerText()).toMatch(/共找到 \d+ 处，分布在 4 份报告中/);
    await box.fill('行政复议');
    await expect.poll(() => results.getByRole('heading').count()).toBe(1);
    await results.getByRole('listitem').first().getByRole('button').click();
    await page.getByRole('main', { name: '南京市江宁区2023年度法治政府建设工作报告' }).waitFor();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const highlight = CSS.highlights.get('go-to-target');
          return highlight ? ([...highlight] as Range[]).map((r) => r.toString()).join('') : '';
        }),
      )
      .toBe('行政复议');
  });

  test('renames a report, and removes an imported one with its annotations set aside', async () => {
    const listed = await callHostApi(host, 'listReports', {});
    const pdf = listed.reports.find((r) => r.format === 'pdf')!;
    const opened = await callHostApi(host, 'openReport', { reportId: pdf.id });
    const quote = '数字档案';
    const at = opened.source.text.indexOf(quote);
    expect(at).toBeGreaterThan(0);
    // A note on the PDF report, made through the same API the page uses.
    await callHostApi(host, 'saveAnnotation', {
      annotation: {
        id: '3f7c1b9e-0000-4000-8000-000000000001',
        reportId: pdf.id,
        kind: 'highlight',
        color: 'yellow',
        note: '留着这条批注',
        tags: [],
        target: {
          sectionId: null,
          start: { paragraphId: 'title', offset: 0 },
          end: { paragraphId: 'title', offset: 2 },
          position: { start: 0, end: 2 },
          quote: { exact: opened.source.text.slice(0, 2), prefix: '', suffix: '' },
        },
        created: '2026-12-03T00:00:00.000Z',
        updated: '2026-12-03T00:00:00.000Z',
      },
    });

    await page.getByRole('button', { name: '报告库' }).click();
    const dialog = page.getByRole('dialog', { name: '报告库' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: `为《${pdf.title}》（report.pdf）改名` }).click();
    const input = dialog.getByRole('textbox', { name: /新标题/ });
    await input.fill('青山县数字档案报告（PDF 版）');
    await input.press('Enter');
    await dialog.getByRole('button', { name: /^青山县数字档案报告（PDF 版）/ }).waitFor();
    const renamed = (await callHostApi(host, 'listReports', {})).reports.find(
      (r) => r.id === pdf.id,
    );
    expect(renamed).toMatchObject({
      title: '青山县数字档案报告（PDF 版）',
      userTitle: '青山县数字档案报告（PDF 版）',
    });

    // The bundled report cannot be removed: it offers no 移除.
    expect(await dialog.getByRole('button', { name: /从报告库移除《南京市江宁区/ }).count()).toBe(
      0,
    );
    await dialog
      .getByRole('button', { name: '从报告库移除《青山县数字档案报告（PDF 版）》' })
      .click();
    await dialog.getByRole('button', { name: '移除', exact: true }).click();
    await expect
      .poll(async () =>
        (await callHostApi(host, 'listReports', {})).reports.some((r) => r.id === pdf.id),
      )
      .toBe(false);
    // The note was set aside, not deleted, and the user is told where.
    const removedRoot = path.join(host.dataDir, 'removed');
    expect(existsSync(removedRoot)).toBe(true);
    const aside = readdirSync(removedRoot, { recursive: true, encoding: 'utf8' });
    const annotationFile = aside.find((f) => f.endsWith('.json') && f.includes(pdf.id));
    expect(annotationFile).toBeDefined();
    expect(readFileSync(path.join(removedRoot, annotationFile!), 'utf8')).toContain('留着这条批注');
    await expect.poll(async () => (await notices()).join('\n')).toContain(removedRoot);
  });
});
