// The entry file's wiring, start to quit, with `electron` and the host services mocked.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, ipcChannel } from '../../../../core/api/contract';
import { APP_START_URL } from '../../../../electron/main/app-origin';
import {
  app,
  BrowserWindowMock,
  CancellableEvent,
  dialog,
  DownloadItemMock,
  ipcMain,
  MenuMock,
  protocol,
  session,
  shell,
} from '../../../mocks/electron';
import type { HostServicesOptions } from '../../../../node/services/host-services';

const services = vi.hoisted(() => {
  const flush = vi.fn(async () => undefined);
  const close = vi.fn(async () => undefined);
  const getAppInfo = vi.fn(async () => ({ ok: 'from the service' }));
  const createHostServices = vi.fn(async (options: { dataDir: string }) => ({
    dataDir: options.dataDir,
    flush,
    close,
    handlers: {
      getAppInfo,
      listReports: vi.fn(),
      openReport: vi.fn(),
      getSettings: vi.fn(async () => ({ language: 'zh-CN', theme: 'system' })),
      updateSettings: vi.fn(async ({ patch }: { patch: object }) => ({
        language: 'zh-CN',
        theme: 'system',
        ...patch,
      })),
    },
  }));
  return { flush, close, getAppInfo, createHostServices };
});
vi.mock('../../../../node/services/host-services', () => ({
  createHostServices: services.createHostServices,
}));

const projectRoot = path.resolve(import.meta.dirname, '../../../..');
let userData: string;

beforeAll(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'main-user-data-'));
  app.setPath('userData', userData);
  await import('../../../../electron/main/main');
});

afterAll(async () => {
  await rm(userData, { recursive: true, force: true });
});

function theWindow(): BrowserWindowMock {
  const win = BrowserWindowMock.instances[0];
  if (win === undefined) throw new Error('no window was created');
  return win;
}

describe('main, before the app is ready', () => {
  it('takes the single-instance lock, turns on the sandbox and registers app:', () => {
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(protocol.privilegedSchemes.map((s) => s.scheme)).toEqual(['app']);
  });

  it('guards every web contents, and creates nothing yet', () => {
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(BrowserWindowMock.instances).toHaveLength(0);
  });
});

describe('main, once ready', () => {
  beforeAll(async () => {
    app.becomeReady();
    await vi.waitFor(() => expect(BrowserWindowMock.instances).toHaveLength(1));
  });

  it('guards the session and serves app:', () => {
    expect(session.defaultSession.webRequest.beforeRequestListener).not.toBeNull();
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect([...protocol.handlers.keys()]).toEqual(['app']);
  });

  it('starts the services on the user data folder and the bundled reports', () => {
    expect(services.createHostServices).toHaveBeenCalledWith({
      reportsDir: path.join(projectRoot, 'resources', 'reports'),
      dataDir: userData,
      host: 'electron',
      appName: app.getName(),
      appVersion: app.getVersion(),
      print: expect.objectContaining({ renderPdf: expect.any(Function) }),
      chooseReportFiles: expect.any(Function),
      // The importers, and large reports' indexing, run on a worker thread (import-in-worker.ts,
      // index-in-worker.ts; the built worker is tested in built-main.test.ts).
      importer: expect.any(Function),
      buildIndex: expect.any(Function),
    });
  });

  it('chooses reports to import with the native open dialog: several, filtered by format', async () => {
    const options = services.createHostServices.mock.calls[0]?.[0] as unknown as {
      chooseReportFiles: NonNullable<HostServicesOptions['chooseReportFiles']>;
    };
    app.setPath('documents', '/home/user/Documents');
    dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: ['/home/user/报告一.txt', '/home/user/报告二.txt'],
    });
    expect(await options.chooseReportFiles()).toEqual([
      '/home/user/报告一.txt',
      '/home/user/报告二.txt',
    ]);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      theWindow(),
      expect.objectContaining({
        defaultPath: '/home/user/Documents',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: '报告 / Reports', extensions: expect.arrayContaining(['txt', 'docx', 'pdf']) },
          { name: '所有文件 / All Files', extensions: ['*'] },
        ],
      }),
    );
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await options.chooseReportFiles()).toBeNull();
  });

  it('prints through hidden windows, the native save dialog and the file manager', async () => {
    const options = services.createHostServices.mock.calls[0]?.[0] as unknown as {
      print: HostServicesOptions['print'];
    };
    const print = options.print!;
    expect(print.printPageUrl('job-1234567890abcdef')).toBe(
      'app://viewer/print.html?job=job-1234567890abcdef',
    );
    app.setPath('documents', '/home/user/Documents');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/tmp/x/报告 二' });
    expect(await print.chooseSavePath!('报告 二.pdf')).toBe('/tmp/x/报告 二.pdf');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      theWindow(),
      expect.objectContaining({ defaultPath: path.join('/home/user/Documents', '报告 二.pdf') }),
    );
    print.showInFolder!('/tmp/x/报告 二.pdf');
    expect(shell.showItemInFolder).toHaveBeenCalledWith('/tmp/x/报告 二.pdf');
  });

  it('binds every channel and loads the app page in a window with the built preload', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNELS.map(ipcChannel).sort());
    const win = theWindow();
    expect(win.loadURL).toHaveBeenCalledWith(APP_START_URL);
    expect(path.basename(win.options.webPreferences?.preload ?? '')).toBe('preload.cjs');
    // Not packaged (a development run): developer tools stay available.
    expect(win.options.webPreferences?.devTools).toBe(true);
  });

  it("routes IPC from the window's page to the services", async () => {
    const win = theWindow();
    const result = await ipcMain.invoke(
      'viewer:getAppInfo',
      { sender: win.webContents, senderFrame: win.webContents.mainFrame },
      {},
    );
    expect(result).toEqual({ ok: true, value: { ok: 'from the service' } });
  });

  it('shows the menu in the saved language and rebuilds it when the page changes it', async () => {
    expect(MenuMock.applicationMenu?.template.map((m) => m.label)).toContain('文件(&F)');
    const win = theWindow();
    const sender = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const result = await ipcMain.invoke('viewer:updateSettings', sender, {
      patch: { language: 'en' },
    });
    expect(result).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(MenuMock.applicationMenu?.template.map((m) => m.label)).toContain('&File');
  });

  it('sends menu commands to the window and pops up the context menu on a selection', () => {
    const win = theWindow();
    MenuMock.applicationMenu?.item('Find')?.click?.(null as never, null as never, null as never);
    expect(win.webContents.send).toHaveBeenCalledWith('viewer:command', 'find');
    const before = MenuMock.built.length;
    win.webContents.emit('context-menu', {}, { selectionText: '行政复议', isEditable: false });
    expect(MenuMock.built[before]?.item('Copy with Citation')).toBeDefined();
  });

  it("gives the page's exports a save dialog in Documents", () => {
    const win = theWindow();
    app.setPath('documents', '/home/user/Documents');
    const item = new DownloadItemMock('blob:app://viewer/1234', 'notes.md');
    session.defaultSession.emit('will-download', new CancellableEvent(), item, win.webContents);
    expect(item.saveDialogOptions?.defaultPath).toBe(path.join('/home/user/Documents', 'notes.md'));
  });

  it('brings the window back when the app is started again', () => {
    const win = theWindow();
    win.minimized = true;
    app.emit('second-instance', new CancellableEvent(), [], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('main, quitting', () => {
  it('quits when the window is closed, after saving its state and flushing the services', async () => {
    const win = theWindow();
    win.setBounds({ x: 123, y: 45, width: 1000, height: 700 });
    win.close();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(1);

    const willQuit = new CancellableEvent();
    app.emit('will-quit', willQuit);
    expect(willQuit.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(2));
    // Flushed and the data-folder lock released.
    expect(services.close).toHaveBeenCalled();
    const saved = JSON.parse(await readFile(path.join(userData, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ x: 123, y: 45, width: 1000, height: 700, isMaximized: false });

    const finalQuit = new CancellableEvent();
    app.emit('will-quit', finalQuit);
    expect(finalQuit.defaultPrevented).toBe(false);
  });
});
