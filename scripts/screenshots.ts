/**
 * Takes the README's screenshots through the browser host: `npx tsx scripts/screenshots.ts`.
 * Writes docs/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
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
  await context.close();
} finally {
  await browser.close();
  await host.stop();
}
console.log(`Screenshots written to ${outDir}`);
