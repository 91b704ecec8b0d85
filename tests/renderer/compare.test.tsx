/** 对照: choose the other edition, see one list item per change, step with F7. */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareReports } from '../../core/compare';
import { parseReport } from '../../core/report/parse-report';
import { renderReader } from './render-reader';
import { installTestHost, type TestHost } from './host-for-tests';

const fixtures = path.resolve(process.cwd(), 'tests/fixtures/compare');
const OLD = 'edition-2023.txt';
const NEW = 'edition-2024.txt';
const newText = readFileSync(path.join(fixtures, NEW), 'utf8');
const oldText = readFileSync(path.join(fixtures, OLD), 'utf8');

let host: TestHost;
beforeEach(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'compare-reports-'));
  for (const name of [OLD, NEW]) copyFileSync(path.join(fixtures, name), path.join(dir, name));
  host = await installTestHost({ reportsDir: dir });
});
afterEach(async () => {
  await host.close();
});

describe('the comparison', () => {
  it('lists every change of the two editions, one list item each, and F7 steps through them', async () => {
    const listing = await host.services.handlers.listReports({});
    const doc = parseReport(newText);
    renderReader({ reportId: NEW, text: newText, doc, reports: listing.reports });
    fireEvent.click(screen.getByRole('button', { name: '对照' }));
    const dialog = await screen.findByRole('dialog', { name: '选择对照的报告' });
    const choice = within(dialog).getAllByRole('radio')[0]!;
    expect(choice.closest('label')!.textContent).toContain(
      listing.reports.find((r) => r.id === OLD)!.title,
    );
    fireEvent.click(within(dialog).getByRole('button', { name: '开始对照' }));

    const region = await screen.findByRole('region', { name: '对照结果' });
    const expected = compareReports(parseReport(oldText), doc).changes.filter((c) => !c.cosmetic);
    expect(expected.length).toBeGreaterThan(5);
    const items = await waitFor(() => {
      const found = within(region).getAllByRole('listitem');
      expect(found).toHaveLength(expected.length);
      return found;
    });
    expect(items[0]!.textContent).toContain(expected[0]!.sectionPath);

    fireEvent.keyDown(window, { key: 'F7' });
    await waitFor(() => expect(items[0]!.getAttribute('aria-current')).toBe('true'));
    fireEvent.keyDown(window, { key: 'F7' });
    await waitFor(() => expect(items[1]!.getAttribute('aria-current')).toBe('true'));
    fireEvent.keyDown(window, { key: 'F7', shiftKey: true });
    await waitFor(() => expect(items[0]!.getAttribute('aria-current')).toBe('true'));
  });
});
