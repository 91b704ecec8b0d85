/**
 * Several reports to choose from, and damaged user data, as a user meets them: the picker, the
 * last report reopened, and a plain message (not a stack trace) when a file was damaged.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  chromiumPath,
  launchBrowser,
  openViewer,
  projectRoot,
  startHost,
  type RunningHost,
} from './harness';

const REPORT = 'jiangning-2023-rule-of-law-government-report.txt';
const SECOND = `示例报告.txt`;

describe.skipIf(!chromiumPath())('several reports and damaged data (E2E in Chromium)', () => {
  let browser: Browser;
  let page: Page;
  let host: RunningHost | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  test('with two reports the user picks one, and next time it opens directly', async () => {
    const reportsDir = mkdtempSync(path.join(tmpdir(), 'viewer-reports-'));
    copyFileSync(
      path.join(projectRoot, 'resources/reports', REPORT),
      path.join(reportsDir, REPORT),
    );
    writeFileSync(
      path.join(reportsDir, SECOND),
      '示例单位2024年度工作报告\n\n一、总体情况\n\n今年完成了各项任务。\n\n二、下一步安排\n\n继续努力。\n',
    );
    host = await startHost({ reportsDir });
    await page.goto(host.url);
    const picker = page.getByRole('main', { name: '报告库' });
    await picker.waitFor();
    const rows = picker.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(3); // the header and two reports
    await picker.getByRole('button', { name: /^示例单位2024年度工作报告/ }).click();
    await page.getByRole('tree', { name: '目录' }).waitFor();
    expect(await page.title()).toBe('示例单位2024年度工作报告');
    expect(await page.getByRole('treeitem').count()).toBe(2);

    await page.reload();
    await page.getByRole('tree', { name: '目录' }).waitFor();
    expect(await page.title()).toBe('示例单位2024年度工作报告');

    // The toolbar's 报告库 button shows the list as a dialog.
    await page.getByRole('button', { name: '报告库' }).click();
    await page
      .getByRole('dialog', { name: '报告库' })
      .getByRole('button', { name: /^南京市江宁区/ })
      .click();
    await expect.poll(() => page.title()).toBe('南京市江宁区2023年度法治政府建设工作报告');
    await page.getByRole('tree', { name: '目录' }).waitFor();
    await host.stop();
    host = null;
  });

  test('a damaged annotations file is kept aside, the backup is used, and the user is told where', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'viewer-data-'));
    // A first run saves two versions of the annotations (so a backup exists) ...
    host = await startHost({ dataDir });
    await openViewer(page, host.url);
    const highlight = async (paragraphId: string) => {
      await page.evaluate((pid) => {
        const el = document.querySelector(`[data-pid="${pid}"]`)!;
        const text = [...el.childNodes].at(-1)!;
        const range = document.createRange();
        range.setStart(text, 2);
        range.setEnd(text, 12);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
      }, paragraphId);
      await page.keyboard.press('h');
    };
    await highlight('s1-1-1-p0');
    await expect.poll(() => page.getByRole('button', { name: /^批注/ }).innerText()).toContain('1');
    await highlight('s1-1-2-p0');
    await expect.poll(() => page.getByRole('button', { name: /^批注/ }).innerText()).toContain('2');
    await host.stop();

    // ... then the file is damaged while the app is closed.
    const folder = path.join(dataDir, 'annotations');
    const file = path.join(
      folder,
      readdirSync(folder).find((f) => f.endsWith('.json'))!,
    );
    writeFileSync(file, '{"version":1, "annotations": [ this is not JSON');
    host = await startHost({ dataDir });
    await openViewer(page, host.url);
    const notice = page.locator('.notice').filter({ hasText: '已损坏' });
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('备份');
    expect(text).not.toMatch(/at \w+ \(|Error:|\.ts:\d+/); // no stack trace
    const movedTo = readdirSync(folder).find((f) => f.includes('.corrupt-'));
    expect(movedTo).toBeDefined();
    expect(text).toContain(movedTo!);
    expect(readFileSync(path.join(folder, movedTo!), 'utf8')).toContain('this is not JSON');
    // The backup (the state before the last save) is what the user now has.
    await expect.poll(() => page.getByRole('button', { name: /^批注/ }).innerText()).toContain('1');
    await host.stop();
    host = null;
  });
});
