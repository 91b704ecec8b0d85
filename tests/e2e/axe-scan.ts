/**
 * axe-core run in the page (through the DevTools protocol, which the page's CSP does not govern),
 * trimmed to what a report needs; shared by the accessibility suite and the large-report E2E.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Axe from 'axe-core';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** One violation of one rule on one screen, trimmed to what a report needs. */
export interface Finding {
  screen: string;
  rule: string;
  impact: ImpactValue | undefined;
  help: string;
  nodes: {
    target: string;
    summary: string;
    /** For a tree item: the visible text of its own row (not of its sub-items). */
    rowText?: string;
  }[];
}

/** Every rule axe ships except the experimental ones; WCAG 2.x A/AA and best practices. */
const AXE_OPTIONS: RunOptions = {
  resultTypes: ['violations', 'incomplete'],
  runOnly: {
    type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  },
};

declare global {
  interface Window {
    axe?: typeof Axe;
  }
}

/** Runs axe on the whole page as it is now; returns its violations and what it could not decide. */
export async function scan(
  page: Page,
  screen: string,
): Promise<{ violations: Finding[]; review: Finding[] }> {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const results = await page.evaluate(async (options) => {
    const r: AxeResults = await window.axe!.run(document, options);
    const trim = (list: AxeResults['violations']) =>
      list.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => {
          const target = n.target.join(' ');
          const el = document.querySelector(target);
          let rowText: string | undefined;
          if (el?.getAttribute('role') === 'treeitem') {
            const row = el.cloneNode(true) as Element;
            row.querySelectorAll('[role="group"], [aria-hidden="true"]').forEach((e) => e.remove());
            rowText = row.textContent ?? '';
          }
          return {
            target,
            summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
            ...(rowText === undefined ? {} : { rowText }),
          };
        }),
      }));
    return { violations: trim(r.violations), review: trim(r.incomplete) };
  }, AXE_OPTIONS);
  return {
    violations: results.violations.map((v) => ({ screen, ...v })),
    review: results.review.map((v) => ({ screen, ...v })),
  };
}

export const isSerious = (f: Finding) => f.impact === 'serious' || f.impact === 'critical';

export function describeFindings(findings: Finding[]): string {
  return findings
    .map(
      (f) =>
        `${f.impact} ${f.rule} (${f.help}) on ${f.screen}:\n` +
        f.nodes.map((n) => `    ${n.target}: ${n.summary}`).join('\n'),
    )
    .join('\n');
}
