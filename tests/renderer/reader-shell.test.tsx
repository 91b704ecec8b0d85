/** The shell: panels come from the registry; toolbar buttons and commands toggle them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../core/commands';
import { parseReport } from '../../core/report/parse-report';
import { PANELS } from '../../renderer/shell/panel-registry';
import { renderReader } from './render-reader';
import { installTestHost, REPORT_ID, reportsDir, type TestHost } from './host-for-tests';

const text = readFileSync(path.join(reportsDir, REPORT_ID), 'utf8');
const doc = parseReport(text);

let host: TestHost;
beforeEach(async () => {
  host = await installTestHost();
});
afterEach(async () => {
  await host.close();
});

function renderScreen(onAppCommand = vi.fn()) {
  renderReader({ reportId: REPORT_ID, text, doc, onAppCommand });
  return onAppCommand;
}

describe('the panel registry', () => {
  it('has unique ids, and every panel command is in the command table', () => {
    const ids = PANELS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of PANELS) {
      if (panel.command) expect(COMMANDS).toContain(panel.command);
      if (panel.toolbar) expect(panel.command, panel.id).toBeDefined();
    }
  });
});

describe('the reading screen shell', () => {
  it('opens and closes a registered panel from its toolbar button', async () => {
    renderScreen();
    expect(screen.getByRole('main', { name: doc.title! })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: '目录' })).toBeTruthy();
    const button = screen.getByRole('button', { name: /^批注/ });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('complementary', { name: '批注' })).toBeNull();

    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('complementary', { name: '批注' })).toBeTruthy());
    expect(button.getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(button);
    await waitFor(() => expect(screen.queryByRole('complementary', { name: '批注' })).toBeNull());
  });

  it('shows the search results panel while a search has results', async () => {
    renderScreen();
    const box = screen.getByRole('searchbox', { name: '搜索全文' });
    fireEvent.change(box, { target: { value: '行政复议' } });
    await waitFor(() => expect(screen.getByRole('region', { name: '搜索结果' })).toBeTruthy());
    fireEvent.change(box, { target: { value: '' } });
    await waitFor(() => expect(screen.queryByRole('region', { name: '搜索结果' })).toBeNull());
  });

  it('hands the commands that leave the report to the app (Ctrl+O imports)', () => {
    const onAppCommand = renderScreen();
    fireEvent.keyDown(window, { key: 'o', ctrlKey: true });
    expect(onAppCommand).toHaveBeenCalledWith('importReport');
    fireEvent.click(screen.getByRole('button', { name: '报告库' }));
    expect(onAppCommand).toHaveBeenCalledWith('showLibrary');
  });

  it("opens 关键数据 from the toolbar: a table of the report's figures, each a jump", async () => {
    renderScreen();
    fireEvent.click(screen.getByRole('button', { name: /^关键数据/ }));
    const region = await screen.findByRole('region', { name: '关键数据' });
    const table = await waitFor(() => within(region).getByRole('table'));
    const jump = within(table).getByRole('button', { name: '419件' });
    const row = jump.closest('tr')!;
    expect(row.textContent).toContain('行政复议');
    expect(row.textContent).toContain('一、(二) 6.');
    fireEvent.click(jump);
    expect(row.className).toBe('selected');
    // The unit filter keeps only that unit.
    fireEvent.change(within(region).getAllByRole('combobox')[1]!, { target: { value: '%' } });
    expect(within(table).queryByRole('button', { name: '419件' })).toBeNull();
    expect(within(table).getByRole('button', { name: '12.5%' })).toBeTruthy();
  });
});
