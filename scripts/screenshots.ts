/**
 * Takes the README's screenshots through the browser host: `npx tsx scripts/screenshots.ts`.
 * Writes docs/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, openViewer, projectRoot, startHost } from '../tests/e2e/harness';

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
} finally {
  await browser.close();
  await host.stop();
}
console.log(`Screenshots written to ${outDir}`);
