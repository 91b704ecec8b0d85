/**
 * Takes the README's screenshots through the browser host: `npx tsx scripts/screenshots.ts`.
 * Writes docs/screenshots/*.png.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Annotation } from '../core/annotations/annotation-model';
import { describeRange } from '../core/annotations/describe-selection';
import { documentText } from '../core/annotations/document-text';
import { compareReports } from '../core/compare';
import { parseReport } from '../core/report/parse-report';
import { generateLargeReport } from '../tests/fixtures/generated/large-report';
import {
  callHostApi,
  launchBrowser,
  openViewer,
  projectRoot,
  selectInParagraph,
  startHost,
} from '../tests/e2e/harness';

const outDir = path.join(projectRoot, 'docs/screenshots');
mkdirSync(outDir, { recursive: true });
const host = await startHost();
const browser = await launchBrowser();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: scheme,
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await openViewer(page, host.url);
    await page
      .getByRole('treeitem', { name: /持续优化营商环境/ })
      .first()
      .locator('.tree-row')
      .click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(outDir, `reader-${scheme}.png`) });
    await context.close();
  }

  // Search and annotations, light theme.
  const context = await browser.newContext({
    viewport: { width: 1400, height: 860 },
    colorScheme: 'light',
  });
  const page = await context.newPage();
  await openViewer(page, host.url);
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox', { name: '搜索全文' }).fill('行政复议');
  await page.getByRole('region', { name: '搜索结果' }).getByRole('button').first().click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(outDir, 'search.png') });
  await page.getByRole('searchbox', { name: '搜索全文' }).press('Escape');

  const select = (paragraphId: string, start: number, end: number) =>
    selectInParagraph(page, paragraphId, start, end);
  await page
    .locator('[data-pid="s1-2-6-p0"]')
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await select('s1-2-6-p0', 20, 60);
  await page
    .getByRole('toolbar', { name: '选中文字' })
    .getByRole('button', { name: '绿色高亮' })
    .click();
  await select('s1-2-6-p0', 90, 130);
  await page.keyboard.press('n');
  await page
    .getByRole('textbox', { name: '批注内容' })
    .fill('与上年数据对照：419 件受理，377 件办结。');
  const tags = page.getByRole('textbox', { name: '标签' });
  await tags.fill('复议');
  await tags.press('Enter');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByRole('dialog', { name: '编辑批注' }).getByText('已保存').waitFor();
  await page.locator('.annotation-card').last().click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(outDir, 'annotations.png') });

  // 关键数据 on the bundled report, a figure jumped to.
  await page.getByRole('button', { name: /^批注/ }).click();
  await page.getByRole('button', { name: /^关键数据/ }).click();
  const figures = page.getByRole('region', { name: '关键数据' });
  await figures.getByRole('button', { name: '419件' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(outDir, 'figures.png') });
  await context.close();
} finally {
  await browser.close();
  await host.stop();
}

// Imported reports (our own fixtures: Word, PDF, a saved web page) and the library, then a
// comparison of two editions.
const reportsDir = mkdtempSync(path.join(tmpdir(), 'screenshot-reports-'));
const fixtures = path.join(projectRoot, 'tests/fixtures');
copyFileSync(
  path.join(projectRoot, 'resources/reports/jiangning-2023-rule-of-law-government-report.txt'),
  path.join(reportsDir, 'jiangning-2023-rule-of-law-government-report.txt'),
);
copyFileSync(
  path.join(fixtures, 'import/report.docx'),
  path.join(reportsDir, '青山县档案工作报告.docx'),
);
copyFileSync(
  path.join(fixtures, 'import/report.pdf'),
  path.join(reportsDir, '青山县档案工作报告.pdf'),
);
copyFileSync(
  path.join(fixtures, 'import/saved-page-gbk.html'),
  path.join(reportsDir, '青山县档案馆通知.html'),
);
for (const name of ['edition-2023.txt', 'edition-2024.txt']) {
  copyFileSync(path.join(fixtures, 'compare', name), path.join(reportsDir, name));
}
const libraryHost = await startHost({ reportsDir });
const browser2 = await launchBrowser();
try {
  const context = await browser2.newContext({
    viewport: { width: 1400, height: 860 },
    colorScheme: 'light',
  });
  const page = await context.newPage();
  await page.goto(libraryHost.url);
  const library = page.getByRole('main', { name: '报告库' });
  await library.waitFor();
  await page.screenshot({ path: path.join(outDir, 'library.png') });
  let first = true;
  for (const [file, shot] of [
    ['青山县档案工作报告.docx', 'import-docx.png'],
    ['青山县档案工作报告.pdf', 'import-pdf.png'],
    ['青山县档案馆通知.html', 'import-html.png'],
  ] as const) {
    // The start screen is the library; later it opens from the toolbar as a dialog.
    if (!first) await page.getByRole('button', { name: '报告库' }).click();
    const scope = first ? library : page.getByRole('dialog', { name: '报告库' });
    first = false;
    await scope
      .getByRole('row', { name: new RegExp(file) })
      .getByRole('button')
      .first()
      .click();
    await page.getByRole('tree', { name: '目录' }).waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(outDir, shot) });
  }
  // A comparison: the 2024 edition against 2023.
  await page.getByRole('button', { name: '报告库' }).click();
  await page
    .getByRole('dialog', { name: '报告库' })
    .getByRole('row', { name: /edition-2024/ })
    .getByRole('button')
    .first()
    .click();
  // A note on each edition, over the old and the new text of the same edit: both show.
  const editionDoc = (name: string) =>
    parseReport(readFileSync(path.join(fixtures, 'compare', name), 'utf8'));
  const oldDoc = editionDoc('edition-2023.txt');
  const newDoc = editionDoc('edition-2024.txt');
  const edit = compareReports(oldDoc, newDoc).changes.find(
    (c) => c.kind === 'text-changed' && !c.cosmetic && c.oldText !== '' && c.newText !== '',
  );
  if (edit && edit.oldRange && edit.newRange) {
    const now = new Date().toISOString();
    const noteOn = (
      reportId: string,
      doc: typeof oldDoc,
      paragraphId: string,
      range: { start: number; end: number },
      note: string,
      color: Annotation['color'],
    ): Annotation => {
      const text = documentText(doc);
      const start = text.starts[text.indexById.get(paragraphId)!]!;
      return {
        id: `screenshot-${reportId}`,
        reportId,
        kind: 'highlight',
        color,
        note,
        tags: [],
        target: describeRange(doc, start + range.start, start + range.end),
        created: now,
        updated: now,
      };
    };
    for (const annotation of [
      noteOn(
        'edition-2023.txt',
        oldDoc,
        edit.oldParagraphIds[0]!,
        edit.oldRange,
        '去年的口径需核对',
        'pink',
      ),
      noteOn(
        'edition-2024.txt',
        newDoc,
        edit.newParagraphIds[0]!,
        edit.newRange,
        '已与统计局数据核对',
        'green',
      ),
    ]) {
      await callHostApi(libraryHost, 'saveAnnotation', { annotation });
    }
  }
  await page.reload();
  await page.getByRole('tree', { name: '目录' }).waitFor();
  await page.getByRole('button', { name: '对照', exact: true }).click();
  const choose = page.getByRole('dialog', { name: '选择对照的报告' });
  await choose.getByRole('radio', { name: /2023/ }).first().check();
  await choose.getByRole('button', { name: '开始对照' }).click();
  await page.getByRole('region', { name: '对照结果' }).getByRole('listitem').first().waitFor();
  await page.keyboard.press('F7');
  await page.keyboard.press('F7');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(outDir, 'compare.png') });
  await context.close();
} finally {
  await browser2.close();
  await libraryHost.stop();
}
// A 5 MB report (generated from our own sentences): only what is near the screen is drawn,
// the contents tree too; a 2-character search lists thousands of places.
const largeDir = mkdtempSync(path.join(tmpdir(), 'viewer-shots-large-'));
writeFileSync(path.join(largeDir, 'large.txt'), generateLargeReport(5 * 1024 * 1024).text);
const largeHost = await startHost({ reportsDir: largeDir });
const browser3 = await launchBrowser();
try {
  const page = await browser3.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(largeHost.url);
  await page.locator('main.reading-pane').waitFor({ timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.getByRole('searchbox', { name: '搜索全文' }).fill('调研');
  await page.getByRole('region', { name: '搜索结果' }).locator('.search-result').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(outDir, 'large-report.png') });
} finally {
  await browser3.close();
  await largeHost.stop();
}
console.log(`Screenshots written to ${outDir}`);
