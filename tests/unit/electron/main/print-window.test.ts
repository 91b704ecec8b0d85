// The hidden print window: locked down like the reader, waited on, printed; kept loaded for the
// next PDF export (the job handed to its page), destroyed after a failure, for the system
// printer, and on close; and the IPC rule that it may ask for its print job and nothing else.
import type { BrowserWindow, IpcMain, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ipcChannel, type ApiHandlers } from '../../../../core/api/contract';
import type { ApiResult } from '../../../../core/api/errors';
import { ViewerError } from '../../../../core/api/errors';
import { PRINT_NEXT_JOB_FUNCTION } from '../../../../core/print/print-options';
import { bindApi } from '../../../../electron/main/ipc-binding';
import { mainWindowOptions } from '../../../../electron/main/main-window';
import {
  createPrintWindows,
  printPageUrl,
  printToPdfOptions,
  printWindowOptions,
  waitUntilPrintable,
} from '../../../../electron/main/print-window';
import { BrowserWindowMock, IpcMainMock } from '../../../mocks/electron';
import { captureLog } from '../capture-log';

const PDF = Buffer.from('%PDF-1.4 test');

/** The page's ready attribute as the print page would set it, after a few polls. */
class PrintWindowMock extends BrowserWindowMock {
  static pageState: [string | null, string | null] = ['ready', null];
  static printResult: [boolean, string] = [true, ''];
  static pageTakesJobs = true;
  private polls = 0;
  readonly destroy = vi.fn(() => {
    this.destroyed = true;
    this.webContents.destroyed = true;
  });
  constructor(...args: ConstructorParameters<typeof BrowserWindowMock>) {
    super(...args);
    Object.assign(this.webContents, {
      executeJavaScript: vi.fn(async (code: string) => {
        // The next job handed to the loaded page: it clears its ready signal and lays out again.
        if (code.includes(PRINT_NEXT_JOB_FUNCTION)) {
          this.polls = 0;
          return PrintWindowMock.pageTakesJobs;
        }
        return ++this.polls < 3 ? [null, null] : PrintWindowMock.pageState;
      }),
      printToPDF: vi.fn(async () => PDF),
      print: vi.fn((_options: unknown, callback: (ok: boolean, reason: string) => void) =>
        callback(...PrintWindowMock.printResult),
      ),
    });
  }
}

function printWindows(timeoutMs = 2000) {
  PrintWindowMock.instances.length = 0;
  return createPrintWindows(
    PrintWindowMock as unknown as typeof BrowserWindow,
    '/app/preload.cjs',
    captureLog(),
    timeoutMs,
  );
}

describe('the print window', () => {
  it('is hidden and has exactly the reader window’s webPreferences', () => {
    const options = printWindowOptions('/app/preload.cjs');
    expect(options.show).toBe(false);
    const reader = mainWindowOptions({
      preloadPath: '/app/preload.cjs',
      placement: { width: 1000, height: 800, isMaximized: false },
      dark: false,
    });
    expect(options.webPreferences).toEqual(reader.webPreferences);
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    });
    // Developer tools only when asked (main.ts: when the app is not packaged), like the reader.
    expect(printWindowOptions('/app/preload.cjs', true).webPreferences?.devTools).toBe(true);
  });

  it('creates its windows with developer tools as main.ts says', async () => {
    PrintWindowMock.instances.length = 0;
    const windows = createPrintWindows(
      PrintWindowMock as unknown as typeof BrowserWindow,
      '/app/preload.cjs',
      captureLog(),
      50,
      false,
    );
    await windows.renderPdf('app://viewer/print.html?job=x', { paper: 'A4' }).catch(() => null);
    expect(PrintWindowMock.instances[0]?.options.webPreferences?.devTools).toBe(false);
  });

  it('prints to PDF with the page’s own size and margins, an outline and tags', () => {
    expect(printToPdfOptions('A5')).toEqual({
      pageSize: 'A5',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    });
    expect(printPageUrl('abc_DEF-123')).toBe('app://viewer/print.html?job=abc_DEF-123');
  });

  it('loads the page, waits until it is ready, prints, and keeps the window for the next export', async () => {
    PrintWindowMock.pageState = ['ready', null];
    PrintWindowMock.pageTakesJobs = true;
    const windows = printWindows();
    const url = printPageUrl('job1234567890abcdef');
    const pending = windows.renderPdf(url, { paper: 'A4' });
    await vi.waitFor(() => expect(windows.activeContents()).toHaveLength(1));
    expect(await pending).toBe(PDF);
    const win = PrintWindowMock.instances[0] as PrintWindowMock;
    expect(win.loadURL).toHaveBeenCalledWith(url);
    const contents = win.webContents as unknown as WebContents;
    expect(contents.executeJavaScript).toHaveBeenCalledTimes(3);
    expect(contents.printToPDF).toHaveBeenCalledWith(printToPdfOptions('A4'));
    expect(win.destroy).not.toHaveBeenCalled();
    // Still the one print window allowed to ask for its job.
    expect(windows.activeContents()).toEqual([contents]);

    // The next export: no new window, no new load; the page is handed the job and waited on.
    const second = await windows.renderPdf(printPageUrl('nextjob123456789'), { paper: 'A5' });
    expect(second).toBe(PDF);
    expect(PrintWindowMock.instances).toHaveLength(1);
    expect(win.loadURL).toHaveBeenCalledTimes(1);
    const calls = vi.mocked(contents.executeJavaScript).mock.calls.map(([code]) => String(code));
    expect(calls.filter((c) => c.includes(PRINT_NEXT_JOB_FUNCTION))).toEqual([
      expect.stringContaining('"nextjob123456789"'),
    ]);
    expect(contents.printToPDF).toHaveBeenLastCalledWith(printToPdfOptions('A5'));

    // Closing (the reader's window closed): the kept window goes.
    windows.close();
    expect(win.destroy).toHaveBeenCalled();
    expect(windows.activeContents()).toEqual([]);
  });

  it('exports take turns, and a page that cannot take a job is replaced by a fresh window', async () => {
    PrintWindowMock.pageState = ['ready', null];
    PrintWindowMock.pageTakesJobs = true;
    const windows = printWindows();
    const [a, b] = await Promise.all([
      windows.renderPdf(printPageUrl('first1234567890ab'), { paper: 'A4' }),
      windows.renderPdf(printPageUrl('second1234567890a'), { paper: 'A4' }),
    ]);
    expect([a, b]).toEqual([PDF, PDF]);
    expect(PrintWindowMock.instances).toHaveLength(1);
    PrintWindowMock.pageTakesJobs = false;
    await windows.renderPdf(printPageUrl('third1234567890ab'), { paper: 'A4' });
    expect(PrintWindowMock.instances).toHaveLength(2);
    expect((PrintWindowMock.instances[0] as PrintWindowMock).destroy).toHaveBeenCalled();
    expect(windows.activeContents()).toHaveLength(1);
    PrintWindowMock.pageTakesJobs = true;
    windows.close();
  });

  it('passes on the page’s own error and still destroys the window', async () => {
    PrintWindowMock.pageState = [
      'error',
      JSON.stringify({ code: 'internal', message: '字体还没有准备好', messageEn: 'fonts' }),
    ];
    const windows = printWindows();
    const err = await windows.renderPdf(printPageUrl('x'), { paper: 'A4' }).catch((e) => e);
    expect(err).toBeInstanceOf(ViewerError);
    expect((err as ViewerError).message).toBe('字体还没有准备好');
    expect((PrintWindowMock.instances[0] as PrintWindowMock).destroy).toHaveBeenCalled();
    // The next export starts afresh in a new window.
    PrintWindowMock.pageState = ['ready', null];
    expect(await windows.renderPdf(printPageUrl('y'), { paper: 'A4' })).toBe(PDF);
    expect(PrintWindowMock.instances).toHaveLength(2);
    windows.close();
  });

  it('gives up on a page that never gets ready', async () => {
    const contents = { executeJavaScript: vi.fn(async () => [null, null]) };
    const err = await waitUntilPrintable(contents, 150).catch((e) => e);
    expect((err as ViewerError).message).toContain('PDF 没有生成');
  });

  it('sends the pages to a printer; closing the system dialog is not an error', async () => {
    PrintWindowMock.pageState = ['ready', null];
    PrintWindowMock.printResult = [true, ''];
    expect(await printWindows().printPages(printPageUrl('x'))).toEqual({ printed: true });
    PrintWindowMock.printResult = [false, 'Print job canceled'];
    expect(await printWindows().printPages(printPageUrl('x'))).toEqual({ printed: false });
    PrintWindowMock.printResult = [false, 'Invalid deviceName provided'];
    await expect(printWindows().printPages(printPageUrl('x'))).rejects.toThrow('PDF 没有生成');
  });
});

describe('IPC from a print window', () => {
  function bound() {
    const ipcMain = new IpcMainMock();
    const app = new BrowserWindowMock();
    app.webContents.mainFrame.url = 'app://viewer/index.html';
    const printer = new BrowserWindowMock();
    printer.webContents.mainFrame.url = 'app://viewer/print.html?job=x';
    const getPrintJob = vi.fn(async () => ({ jobId: 'x' }));
    const getSettings = vi.fn(async () => ({}));
    const handlers = new Proxy({ getPrintJob, getSettings } as Record<string, unknown>, {
      get: (target, key: string) => target[key] ?? vi.fn(async () => ({})),
    }) as unknown as ApiHandlers;
    bindApi(
      ipcMain as unknown as IpcMain,
      handlers,
      () => app.webContents as unknown as WebContents,
      captureLog(),
      () => [printer.webContents as unknown as WebContents],
    );
    const from = (w: BrowserWindowMock) => ({
      sender: w.webContents,
      senderFrame: w.webContents.mainFrame,
    });
    const call = (channel: string, w: BrowserWindowMock, request: unknown) =>
      ipcMain.invoke(ipcChannel(channel as never), from(w), request) as Promise<ApiResult<unknown>>;
    return { call, app, printer, getPrintJob, getSettings };
  }

  it('may fetch its job, and nothing else', async () => {
    const { call, printer, getPrintJob, getSettings } = bound();
    const job = await call('getPrintJob', printer, { jobId: 'abcdefghijklmnop' });
    expect(job.ok).toBe(true);
    expect(getPrintJob).toHaveBeenCalled();
    const other = await call('getSettings', printer, {});
    expect(other.ok ? null : other.error.code).toBe('forbidden');
    expect(getSettings).not.toHaveBeenCalled();
  });

  it('the reader window keeps every channel', async () => {
    const { call, app } = bound();
    expect((await call('getSettings', app, {})).ok).toBe(true);
    expect((await call('getPrintJob', app, { jobId: 'abcdefghijklmnop' })).ok).toBe(true);
  });
});
