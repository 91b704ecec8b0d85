import type { IpcMain, WebContents } from 'electron';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHANNELS,
  ipcChannel,
  MAX_IMPORT_FILE_BYTES,
  MAX_REQUEST_BYTES,
  type ApiHandlers,
  type ImportedReportFile,
} from '../../../../core/api/contract';
import type { ApiResult } from '../../../../core/api/errors';
import { DEFAULT_SETTINGS } from '../../../../core/settings';
import { bindApi, serializedSizeExceeds } from '../../../../electron/main/ipc-binding';
import { BrowserWindowMock, IpcMainMock, WebFrameMainMock } from '../../../mocks/electron';
import { captureLog } from '../capture-log';

/** Handlers for channels these tests don't call: any call is a test bug. */
function unusedHandlers(): ApiHandlers {
  return Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      vi.fn(async () => {
        throw new Error(`${channel} is not used in this test`);
      }),
    ]),
  ) as unknown as ApiHandlers;
}

function fakeHandlers() {
  const used = {
    getAppInfo: vi.fn(async () => ({
      name: 'n',
      version: 'v',
      host: 'electron' as const,
      dataDir: '/d',
      notices: [],
      readOnly: false,
      reportFileEndings: ['txt'],
    })),
    listReports: vi.fn(async () => ({ reports: [], initialReportId: null, notices: [] })),
    openReport: vi.fn(async ({ reportId }: { reportId: string }) => ({
      id: reportId,
      title: 'x',
      source: { text: 'x', format: 'txt' as const },
      text: 'x',
    })),
    getSettings: vi.fn(async () => DEFAULT_SETTINGS),
    updateSettings: vi.fn(async () => DEFAULT_SETTINGS),
    importReportFile: vi.fn(async ({ fileName }: { fileName: string }) => ({
      report: { id: fileName } as ImportedReportFile['report'],
      duplicate: false,
      notices: [],
    })),
  } satisfies Partial<ApiHandlers>;
  return { ...unusedHandlers(), ...used };
}

let ipcMain: IpcMainMock;
let handlers: ReturnType<typeof fakeHandlers>;
let appWindow: BrowserWindowMock;
let log: ReturnType<typeof captureLog>;

/** The sender as Electron reports it for a call from the app window's page. */
function fromAppPage() {
  return { sender: appWindow.webContents, senderFrame: appWindow.webContents.mainFrame };
}

function call(
  channel: string,
  sender: { sender: unknown; senderFrame: unknown },
  ...args: unknown[]
) {
  return ipcMain.invoke(channel, sender, ...args) as Promise<ApiResult<unknown>>;
}

function errorCode(result: ApiResult<unknown>): string | null {
  return result.ok ? null : result.error.code;
}

beforeEach(() => {
  ipcMain = new IpcMainMock();
  handlers = fakeHandlers();
  appWindow = new BrowserWindowMock();
  appWindow.webContents.mainFrame.url = 'app://viewer/index.html';
  log = captureLog();
  bindApi(
    ipcMain as unknown as IpcMain,
    handlers,
    () => (appWindow.isDestroyed() ? null : (appWindow.webContents as unknown as WebContents)),
    log,
  );
});

function expectNoHandlerCalled(): void {
  for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
}

describe('bindApi', () => {
  it('binds exactly the channels of the contract', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNELS.map(ipcChannel).sort());
  });

  it('passes a good call from the app page to its handler', async () => {
    const result = await call('viewer:openReport', fromAppPage(), { reportId: 'a.txt' });
    expect(result).toMatchObject({ ok: true, value: { id: 'a.txt', text: 'x' } });
    expect(handlers.openReport).toHaveBeenCalledWith({ reportId: 'a.txt' });
  });

  it('treats a call without a request as an empty request', async () => {
    const result = await call('viewer:getSettings', fromAppPage());
    expect(result.ok).toBe(true);
    expect(handlers.getSettings).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a wrong type', { reportId: 5 }],
    ['a path instead of a file name', { reportId: '../secret.txt' }],
    ['an unknown field', { reportId: 'a.txt', extra: true }],
    ['no request object', 'a.txt'],
  ])('answers bad-request for %s, without calling the handler', async (_what, request) => {
    const result = await call('viewer:openReport', fromAppPage(), request);
    expect(errorCode(result)).toBe('bad-request');
    expectNoHandlerCalled();
  });

  it('answers bad-request when more than one argument is sent', async () => {
    const result = await call('viewer:getSettings', fromAppPage(), {}, { sneaky: true });
    expect(errorCode(result)).toBe('bad-request');
    expectNoHandlerCalled();
  });
});

describe('the cap on a file to import', () => {
  it('passes a file of exactly the cap (far over the 2 MB of other requests) to the handler', async () => {
    const bytes = new Uint8Array(MAX_IMPORT_FILE_BYTES);
    const result = await call('viewer:importReportFile', fromAppPage(), {
      fileName: '报告.txt',
      bytes,
    });
    expect(result.ok).toBe(true);
    // Compared by identity: a deep comparison (or its diff) of 64 MB would take minutes.
    const passed = handlers.importReportFile.mock.calls[0]?.[0];
    expect(passed?.fileName).toBe('报告.txt');
    expect((passed as { bytes?: unknown } | undefined)?.bytes === bytes).toBe(true);
  });

  it.each([
    ['a Uint8Array', (n: number) => new Uint8Array(n)],
    ['a Buffer', (n: number) => Buffer.alloc(n)],
    ['an ArrayBuffer', (n: number) => new ArrayBuffer(n)],
  ])('refuses %s one byte over the cap as too-large, in plain words', async (_what, make) => {
    const result = await call('viewer:importReportFile', fromAppPage(), {
      fileName: '报告.txt',
      bytes: make(MAX_IMPORT_FILE_BYTES + 1),
    });
    expect(errorCode(result)).toBe('too-large');
    expect(handlers.importReportFile.mock.calls.length).toBe(0);
    if (!result.ok) {
      expect(result.error.message).toBe('文件太大，无法导入：最大 64 MB。');
      expect(result.error.messageEn).toBe('The file is too large to import: at most 64 MB.');
    }
    expectNoHandlerCalled();
  });

  it('checks the sender before the size', async () => {
    const result = await call(
      'viewer:importReportFile',
      { ...fromAppPage(), senderFrame: null },
      { fileName: 'a.txt', bytes: new Uint8Array(MAX_IMPORT_FILE_BYTES + 1) },
    );
    expect(errorCode(result)).toBe('forbidden');
    expectNoHandlerCalled();
  });

  it('refuses bytes that are not binary (an array of numbers) as bad-request', async () => {
    const result = await call('viewer:importReportFile', fromAppPage(), {
      fileName: 'a.txt',
      bytes: [1, 2, 3],
    });
    expect(errorCode(result)).toBe('bad-request');
    expectNoHandlerCalled();
  });
});

describe('the sender check', () => {
  it('refuses a call whose frame is gone', async () => {
    const result = await call('viewer:getSettings', { ...fromAppPage(), senderFrame: null });
    expect(errorCode(result)).toBe('forbidden');
    expectNoHandlerCalled();
  });

  it('refuses a call from a subframe of the app page', async () => {
    const subframe = new WebFrameMainMock('app://viewer/index.html');
    subframe.parent = appWindow.webContents.mainFrame;
    const result = await call('viewer:getSettings', { ...fromAppPage(), senderFrame: subframe });
    expect(errorCode(result)).toBe('forbidden');
    expectNoHandlerCalled();
  });

  it('refuses a call from another web contents, even showing the app page', async () => {
    const other = new BrowserWindowMock();
    other.webContents.mainFrame.url = 'app://viewer/index.html';
    const result = await call(
      'viewer:updateSettings',
      { sender: other.webContents, senderFrame: other.webContents.mainFrame },
      { patch: { fontSize: 20 } },
    );
    expect(errorCode(result)).toBe('forbidden');
    expectNoHandlerCalled();
  });

  it.each([
    'https://example.com/',
    'file:///tmp/index.html',
    'app://other/index.html',
    'about:blank',
  ])('refuses a call from the app window showing %s', async (url) => {
    appWindow.webContents.mainFrame.url = url;
    const result = await call('viewer:updateSettings', fromAppPage(), { patch: { fontSize: 20 } });
    expect(errorCode(result)).toBe('forbidden');
    expectNoHandlerCalled();
  });

  it('refuses calls once the window is closed', async () => {
    const sender = fromAppPage();
    appWindow.close();
    const result = await call('viewer:getSettings', sender);
    expect(errorCode(result)).toBe('forbidden');
    expectNoHandlerCalled();
  });

  it('checks the sender before the arguments, and logs why it refused', async () => {
    const result = await call('viewer:openReport', { ...fromAppPage(), senderFrame: null }, 42, 43);
    expect(errorCode(result)).toBe('forbidden');
    expect(log.lines.join('\n')).toMatch(/refused IPC openReport: .*navigated or been destroyed/);
  });
});

describe('the size cap (MAX_REQUEST_BYTES, as the browser host)', () => {
  /** An openReport request whose JSON text is exactly `bytes` bytes long. */
  function requestOfBytes(bytes: number, unit = 'a'): { reportId: string; pad: string } {
    const empty = JSON.stringify({ reportId: 'a.txt', pad: '' }).length;
    const unitBytes = Buffer.byteLength(JSON.stringify(unit)) - 2;
    const pad = unit.repeat(Math.floor((bytes - empty) / unitBytes));
    const request = {
      reportId: 'a.txt',
      pad: pad + 'a'.repeat(bytes - empty - pad.length * unitBytes),
    };
    expect(Buffer.byteLength(JSON.stringify(request))).toBe(bytes);
    return request;
  }

  it.each([
    ['ASCII', 'a'],
    ['Chinese (3 bytes each in UTF-8)', '法'],
    ['characters JSON escapes', '\n'],
  ])(
    'refuses one byte over the limit with too-large, before validation (%s)',
    async (_what, unit) => {
      const result = await call(
        'viewer:openReport',
        fromAppPage(),
        requestOfBytes(MAX_REQUEST_BYTES + 1, unit),
      );
      expect(errorCode(result)).toBe('too-large');
      expectNoHandlerCalled();
    },
  );

  it('judges a request of exactly the limit on its content', async () => {
    // An unknown field: bad-request from validation, so the size check let it through.
    const result = await call(
      'viewer:openReport',
      fromAppPage(),
      requestOfBytes(MAX_REQUEST_BYTES),
    );
    expect(errorCode(result)).toBe('bad-request');
  });

  it('counts what only structured clone carries, and survives cycles', async () => {
    const cyclic: Record<string, unknown> = { reportId: 'a.txt' };
    cyclic.self = cyclic;
    expect(errorCode(await call('viewer:openReport', fromAppPage(), cyclic))).toBe('bad-request');
    const huge: unknown[] = [
      new Uint8Array(MAX_REQUEST_BYTES + 1),
      new Map([['k', 'x'.repeat(MAX_REQUEST_BYTES)]]),
      new Set(['法'.repeat(MAX_REQUEST_BYTES / 2)]),
      { deep: [[[{ note: 'x'.repeat(MAX_REQUEST_BYTES) }]]] },
    ];
    for (const request of huge) {
      expect(errorCode(await call('viewer:openReport', fromAppPage(), request))).toBe('too-large');
    }
    expectNoHandlerCalled();
  });

  it('measures JSON values exactly as their UTF-8 JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.string({ unit: 'binary' }), (value, text) => {
        for (const candidate of [value, text, { text }]) {
          const bytes = Buffer.byteLength(JSON.stringify(candidate));
          expect(serializedSizeExceeds(candidate, bytes)).toBe(false);
          expect(serializedSizeExceeds(candidate, bytes - 1)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
