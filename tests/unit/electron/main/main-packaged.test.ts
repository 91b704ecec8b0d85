// A packaged build: developer tools are off in every window, not only hidden from the menu
// (the keyboard shortcut and openDevTools() would still work otherwise).
import { afterAll, expect, it, vi } from 'vitest';
import type { HostServicesOptions } from '../../../../node/services/host-services';
import { app, BrowserWindowMock, MenuMock } from '../../../mocks/electron';

const createHostServices = vi.hoisted(() =>
  vi.fn(async () => ({
    flush: vi.fn(async () => undefined),
    handlers: {
      getSettings: vi.fn(async () => ({ language: 'zh-CN', theme: 'system' })),
      updateSettings: vi.fn(),
    },
  })),
);
vi.mock('../../../../node/services/host-services', () => ({ createHostServices }));

const resourcesPath = process.resourcesPath;
afterAll(() => {
  Object.assign(process, { resourcesPath });
});

it('turns developer tools off in the reader and the print windows', async () => {
  app.isPackaged = true;
  Object.assign(process, { resourcesPath: '/opt/report-viewer/resources' });
  await import('../../../../electron/main/main');
  app.becomeReady();
  await vi.waitFor(() => expect(BrowserWindowMock.instances).toHaveLength(1));
  expect(BrowserWindowMock.instances[0]?.options.webPreferences?.devTools).toBe(false);

  const options = (createHostServices.mock.calls[0] as unknown as [HostServicesOptions])[0];
  // The print window is created when printing starts (its turn comes at once); how printing
  // ends does not matter.
  void options.print?.renderPdf('app://viewer/print.html?job=x', { paper: 'A4' }).catch(() => null);
  await vi.waitFor(() => expect(BrowserWindowMock.instances).toHaveLength(2));
  expect(BrowserWindowMock.instances[1]?.options.webPreferences?.devTools).toBe(false);

  // And the menu has no item for them.
  expect(MenuMock.applicationMenu).not.toBeNull();
  expect(JSON.stringify(MenuMock.applicationMenu?.template)).not.toContain('toggleDevTools');
});
