// @vitest-environment jsdom
/**
 * The start screen when the remembered report cannot be opened: besides 重试 it offers the way
 * back to the report list, and from there another report opens. A failure before the list is
 * known offers 重试 only (there is no list to go back to).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import type { ViewerApi } from '../../../core/api/contract';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { App } from '../../../renderer/App';

const GONE = { code: 'not-found', message: '找不到这份报告。', messageEn: 'Report not found.' };
const REPORTS = [
  { id: 'gone.txt', title: '已删除的报告' },
  { id: 'other.txt', title: '另一份报告' },
];

/** What the fake host fails at; the UI picks its host once, so one fake serves every test. */
const failing = { list: false };

function fakeHost(): ViewerApi {
  const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
  return {
    getAppInfo: () =>
      ok({
        name: 'test',
        version: '0',
        host: 'web' as const,
        dataDir: '/d',
        notices: [],
        readOnly: false,
        reportFileEndings: ['txt'],
      }),
    getSettings: () => ok({ ...DEFAULT_SETTINGS, lastReportId: 'gone.txt' }),
    updateSettings: vi.fn(({ patch }) => ok({ ...DEFAULT_SETTINGS, ...patch })),
    listReports: () =>
      failing.list
        ? Promise.resolve({ ok: false as const, error: GONE })
        : ok({ reports: REPORTS, initialReportId: 'gone.txt', notices: [] }),
    openReport: ({ reportId }: { reportId: string }) =>
      reportId === 'gone.txt'
        ? Promise.resolve({ ok: false as const, error: GONE })
        : ok({
            id: reportId,
            title: '另一份报告',
            text: '另一份报告\n\n一、总体情况\n\n正文。\n',
            source: { text: '另一份报告\n\n一、总体情况\n\n正文。\n', format: 'txt' },
          }),
  } as unknown as ViewerApi;
}

// jsdom has no matchMedia (the theme follows the system's).
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
})) as unknown as typeof window.matchMedia;

// Nor ResizeObserver (the reader watches its pane).
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
} as unknown as typeof ResizeObserver;

window.viewer = fakeHost();

afterEach(() => {
  cleanup();
});

it('offers the report list when the remembered report cannot be opened', async () => {
  failing.list = false;
  render(createElement(App));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('找不到这份报告');
  expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '返回报告列表' }));
  expect(screen.queryByRole('alert')).toBeNull();
  fireEvent.click(await screen.findByRole('button', { name: /^另一份报告/ }));
  expect(await screen.findByRole('main', { name: '另一份报告' })).toBeTruthy();
});

it('offers only 重试 when the report list itself could not be loaded', async () => {
  failing.list = true;
  render(createElement(App));
  await screen.findByRole('alert');
  expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  expect(screen.queryByRole('button', { name: '返回报告列表' })).toBeNull();
});
