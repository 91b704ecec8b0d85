/**
 * Accessibility of the main screens, in real Chromium against the browser host, checked with
 * axe-core in the light, dark and sepia themes: reading, search with results, the annotations
 * sidebar with an annotation and its editor open (and the selection toolbar), and the print
 * dialog (Ctrl+P). No serious or critical violation may be found; the minor and moderate ones
 * are printed as a table. And from the keyboard: everything Tab reaches has an accessible name
 * (as Chromium computes it for screen readers) and shows a focus outline.
 *
 * axe-core is evaluated in the page through the DevTools protocol (page.evaluate), which the
 * page's CSP (script-src 'self') does not govern; a <script> tag with its source would be
 * refused as an inline script, as it should be.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  callHostApi,
  chromiumPath,
  expectNothingLeftLoopback,
  launchBrowser,
  openViewer,
  requestsSoFar,
  startHost,
  type RunningHost,
  selectInParagraph,
} from './harness';
import { describeFindings, isSerious, scan, type Finding } from './axe-scan';

const REPORT = 'jiangning-2023-rule-of-law-government-report.txt';
const REPORT_TITLE = '南京市江宁区2023年度法治政府建设工作报告';
const THEMES = ['light', 'dark', 'sepia'] as const;
type Theme = (typeof THEMES)[number];

/** What a Tab stop is, as the browser's accessibility tree and the page's styles have it. */
interface TabStop {
  /** Tag, id and classes: enough to find it in the code. */
  element: string;
  role: string;
  name: string;
  /** Whether it (or the part of it that shows focus) draws an outline while focused. */
  outlined: boolean;
  focusVisible: boolean;
}

/**
 * Presses Tab until focus comes back to a control already visited (or leaves the page), and
 * describes every stop. Names come from Chromium's accessibility tree over the DevTools
 * protocol: what a screen reader would announce.
 */
async function tabThrough(page: Page, cdp: CDPSession, limit = 250): Promise<TabStop[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    (window as unknown as { __tabSeen: WeakSet<Element> }).__tabSeen = new WeakSet();
  });
  const stops: TabStop[] = [];
  // Past the last control focus leaves the page (the body is active); the next Tab starts at
  // the top again. Going round once, from wherever focus was, visits every stop.
  let leftPage = 0;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const seen = (window as unknown as { __tabSeen: WeakSet<Element> }).__tabSeen;
      if (!el || el === document.body) return 'outside' as const;
      if (seen.has(el)) return null;
      seen.add(el);
      const outlined = (e: Element | null) => {
        if (!e) return false;
        const s = getComputedStyle(e);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      };
      // The tree draws the ring on the row inside the item; a visually hidden file input on
      // the label around it.
      const shown =
        outlined(el) ||
        outlined(el.querySelector(':scope > .tree-row')) ||
        (el.classList.contains('visually-hidden') && outlined(el.parentElement));
      const classes = [...el.classList].map((c) => `.${c}`).join('');
      return {
        element: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes}`,
        outlined: shown,
        focusVisible: el.matches(':focus-visible'),
      };
    });
    if (info === 'outside') {
      if (++leftPage > 1) break;
      continue;
    }
    if (!info) break;
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
      objectId: result.objectId!,
      fetchRelatives: false,
    });
    const node = nodes.find((n) => !n.ignored) ?? nodes[0];
    stops.push({
      ...info,
      role: String(node?.role?.value ?? ''),
      name: String(node?.name?.value ?? '').trim(),
    });
  }
  return stops;
}

describe.skipIf(!chromiumPath())('accessibility (E2E in Chromium, axe-core)', () => {
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;
  const findings: Finding[] = [];
  const review: Finding[] = [];
  let scans = 0;

  beforeAll(async () => {
    host = await startHost();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
    await openViewer(page, host.url);
  });

  afterAll(async () => {
    const minor = findings.filter((f) => !isSerious(f));
    if (minor.length > 0) {
      console.log('axe: minor and moderate violations');
      console.table(
        minor.map((f) => ({
          screen: f.screen,
          impact: f.impact,
          rule: f.rule,
          nodes: f.nodes.length,
          first: f.nodes[0]?.target ?? '',
        })),
      );
    } else if (scans > 0) {
      console.log(`axe: ${scans} scans, no minor or moderate violations either`);
    }
    if (review.length > 0) {
      console.log('axe: left for a person to check (incomplete)');
      console.table(review.map((f) => ({ screen: f.screen, rule: f.rule, nodes: f.nodes.length })));
    }
    await browser?.close();
    await host?.stop();
  });

  const sidebar = () => page.getByRole('complementary', { name: '批注' });
  const editor = () => page.getByRole('dialog', { name: '编辑批注' });
  const printDialog = () => page.getByRole('dialog', { name: '打印到 PDF' });
  const searchBox = () => page.getByRole('searchbox', { name: '搜索全文' });
  const results = () => page.getByRole('region', { name: '搜索结果' });
  const annotationsButton = () => page.getByRole('button', { name: /^批注/ });

  /** The accessible name Chromium gives the element (what a screen reader announces). */
  async function chromiumName(selector: string): Promise<string> {
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: `document.querySelector(${JSON.stringify(selector)})`,
    });
    if (!result.objectId) return '';
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
      objectId: result.objectId,
      fetchRelatives: false,
    });
    return String(nodes[0]?.name?.value ?? '');
  }

  /**
   * The one place axe is overruled, narrowly: label-content-name-mismatch takes a tree item's
   * whole subtree as its visible label, nested sub-items included, so every open branch of the
   * contents tree "fails". By the tree pattern an item's label is its own row; that row's text
   * (number, title, annotation count) must be in the name Chromium computes, checked here.
   */
  async function withoutNestedTreeItemText(violations: Finding[]): Promise<Finding[]> {
    const kept: Finding[] = [];
    for (const v of violations) {
      if (v.rule !== 'label-content-name-mismatch') {
        kept.push(v);
        continue;
      }
      const nodes: Finding['nodes'] = [];
      for (const node of v.nodes) {
        const squeeze = (text: string) => text.replace(/\s+/g, '');
        const own = node.rowText === undefined ? null : squeeze(node.rowText);
        if (own === null || own === '' || !squeeze(await chromiumName(node.target)).includes(own))
          nodes.push(node);
      }
      if (nodes.length > 0) kept.push({ ...v, nodes });
    }
    return kept;
  }

  async function check(screen: string): Promise<void> {
    const found = await scan(page, screen);
    scans++;
    const violations = await withoutNestedTreeItemText(found.violations);
    findings.push(...violations);
    review.push(...found.review);
    const serious = violations.filter(isSerious);
    expect(serious, describeFindings(serious)).toEqual([]);
  }

  /** Back to the plain reading screen: no search, no sidebar, no dialog, no selection. */
  async function resetScreen(): Promise<void> {
    if ((await printDialog().count()) > 0) {
      await page.keyboard.press('Escape');
      await expect.poll(() => printDialog().count()).toBe(0);
    }
    if ((await results().count()) > 0) {
      await searchBox().fill('');
      await searchBox().press('Escape');
      await expect.poll(() => results().count()).toBe(0);
    }
    if ((await annotationsButton().getAttribute('aria-pressed')) === 'true') {
      await annotationsButton().click();
      await expect.poll(() => sidebar().count()).toBe(0);
    }
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
  }

  async function useTheme(theme: Theme): Promise<void> {
    await resetScreen();
    await page.getByRole('combobox', { name: '主题' }).selectOption(theme);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
      .toBe(theme);
  }

  async function openSearch(): Promise<void> {
    await page.keyboard.press('Control+f');
    await searchBox().fill('行政复议');
    await expect.poll(() => results().getAttribute('data-query')).toBe('行政复议');
    await expect.poll(() => results().getByRole('button').count()).toBeGreaterThan(3);
  }

  async function openAnnotations(): Promise<void> {
    await annotationsButton().click();
    await sidebar().locator('.annotation-card').first().waitFor();
    await sidebar()
      .getByRole('button', { name: /^绿色.+/ })
      .click();
    await editor().waitFor();
    // An unsaved change, so that 保存 is enabled (and its colours checked).
    await editor().getByRole('textbox', { name: '批注内容' }).fill('待核实');
  }

  async function openPrintDialog(): Promise<void> {
    await page.getByRole('main', { name: REPORT_TITLE }).focus();
    await page.keyboard.press('Control+p');
    await printDialog().waitFor();
  }

  test('a highlight and a bookmark to look at, made as a user makes them', async () => {
    await selectInParagraph(page, 's1-1-1-p0', 30, 52);
    await page
      .getByRole('toolbar', { name: '选中文字' })
      .getByRole('button', { name: '绿色高亮' })
      .click();
    await page.getByRole('button', { name: '添加书签 一、(二) 3.' }).click();
    await expect
      .poll(
        async () =>
          (await callHostApi(host, 'listAnnotations', { reportId: REPORT })).annotations.length,
      )
      .toBe(2);
  });

  for (const theme of THEMES) {
    describe(`${theme} theme`, () => {
      test('reading', async () => {
        await useTheme(theme);
        await check(`${theme}: reading`);
      });

      test('search open, with results', async () => {
        await resetScreen();
        await openSearch();
        await check(`${theme}: search`);
      });

      test('annotations sidebar with the editor open, and the selection toolbar', async () => {
        await resetScreen();
        await openAnnotations();
        await selectInParagraph(page, 's1-1-2-p0', 4, 20);
        await page.getByRole('toolbar', { name: '选中文字' }).waitFor();
        await check(`${theme}: annotations`);
      });

      test('print dialog (Ctrl+P)', async () => {
        await resetScreen();
        await openPrintDialog();
        await check(`${theme}: print dialog`);
      });
    });
  }

  describe('keyboard', () => {
    test('on the reading screen (search, sidebar and editor open) every Tab stop has a name and a visible focus outline', async () => {
      await useTheme('light');
      await openSearch();
      await openAnnotations();
      const stops = await tabThrough(page, cdp);
      // Toolbar, tree, headings' bookmark and print buttons, results, sidebar, editor.
      expect(stops.length).toBeGreaterThan(40);
      for (const role of ['searchbox', 'treeitem', 'combobox', 'button', 'radio', 'textbox']) {
        expect(
          stops.some((s) => s.role === role),
          `no ${role} reached by Tab`,
        ).toBe(true);
      }
      expect(stops.filter((s) => s.name === '')).toEqual([]);
      expect(stops.filter((s) => !s.focusVisible || !s.outlined)).toEqual([]);
    });

    test('in the print dialog, Tab stays inside, and every stop has a name and a focus outline', async () => {
      await resetScreen();
      await openPrintDialog();
      const stops = await tabThrough(page, cdp);
      expect(stops.length).toBeGreaterThan(10);
      const inside = await page.evaluate(() =>
        document.querySelector('dialog[open]')?.contains(document.activeElement),
      );
      expect(inside).toBe(true);
      expect(stops.filter((s) => s.name === '')).toEqual([]);
      expect(stops.filter((s) => !s.focusVisible || !s.outlined)).toEqual([]);
      await page.keyboard.press('Escape');
    });
  });

  test('nothing left 127.0.0.1', () => {
    expect(requestsSoFar().length).toBeGreaterThan(10);
    expectNothingLeftLoopback();
  });
});
