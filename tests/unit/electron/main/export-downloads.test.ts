import path from 'node:path';
import type { Session } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  handleExportDownloads,
  isAppBlobUrl,
  saveDialogOptionsFor,
} from '../../../../electron/main/export-downloads';
import { MENU_STRINGS, type MenuStrings } from '../../../../electron/main/menu-strings';
import {
  CancellableEvent,
  DownloadItemMock,
  SessionMock,
  WebContentsMock,
} from '../../../mocks/electron';
import { captureLog } from '../capture-log';

const DOCS = path.join(path.sep, 'home', 'user', 'Documents');
const BLOB = 'blob:app://viewer/0b9d7f3e-1111-2222-3333-444455556666';
const zh = MENU_STRINGS['zh-CN'];

describe('saveDialogOptionsFor', () => {
  it.each([
    ['批注.md', '导出批注', ['md']],
    ['批注.jsonld', '导出批注', ['jsonld', 'json']],
    ['批注.JSON', '导出批注', ['jsonld', 'json']],
    ['报告.pdf', '保存', ['pdf']],
  ])('%s: title %s, filter %j, then all files', (name, title, extensions) => {
    const options = saveDialogOptionsFor(name, DOCS, zh);
    expect(options.title).toBe(title);
    expect(options.defaultPath).toBe(path.join(DOCS, name));
    expect(options.filters).toEqual([
      { name: expect.any(String), extensions },
      { name: '所有文件', extensions: ['*'] },
    ]);
  });

  it('saves an unknown kind plainly, in English when the UI is', () => {
    const options = saveDialogOptionsFor('x.bin', DOCS, MENU_STRINGS.en);
    expect(options.title).toBe('Save');
    expect(options.filters).toEqual([{ name: 'All Files', extensions: ['*'] }]);
  });

  it('keeps the suggested file in Documents', () => {
    expect(saveDialogOptionsFor('../../etc/passwd.md', DOCS, zh).defaultPath).toBe(
      path.join(DOCS, 'passwd.md'),
    );
    expect(saveDialogOptionsFor('', DOCS, zh).defaultPath).toBe(path.join(DOCS, 'download'));
  });
});

describe('isAppBlobUrl', () => {
  it('accepts only blob: URLs of the app origin', () => {
    expect(isAppBlobUrl(BLOB)).toBe(true);
    expect(isAppBlobUrl('blob:https://example.com/uuid')).toBe(false);
    expect(isAppBlobUrl('blob:app://evil/uuid')).toBe(false);
    expect(isAppBlobUrl('app://viewer/index.html')).toBe(false);
    expect(isAppBlobUrl('https://example.com/file.md')).toBe(false);
    expect(isAppBlobUrl('data:text/plain,hi')).toBe(false);
  });
});

describe('handleExportDownloads', () => {
  let session: SessionMock;
  let app: WebContentsMock;
  let strings: MenuStrings;
  let log: ReturnType<typeof captureLog>;

  beforeEach(async () => {
    session = new SessionMock();
    app = new WebContentsMock();
    await app.loadURL('app://viewer/index.html');
    strings = zh;
    log = captureLog();
    handleExportDownloads(
      session as unknown as Session,
      { appContents: () => app, documentsDir: () => DOCS, strings: () => strings },
      log,
    );
  });

  /** Starts a download; returns whether it was cancelled, and the item. */
  function download(url: string, name: string, from: WebContentsMock = app) {
    const item = new DownloadItemMock(url, name);
    const event = new CancellableEvent();
    session.emit('will-download', event, item, from, null);
    return { cancelled: event.defaultPrevented, item };
  }

  it("gives the app's own exports a native save dialog in Documents", () => {
    const { cancelled, item } = download(BLOB, '法治报告-批注.md');
    expect(cancelled).toBe(false);
    expect(item.saveDialogOptions).toMatchObject({
      title: '导出批注',
      defaultPath: path.join(DOCS, '法治报告-批注.md'),
    });
  });

  it('follows the UI language', () => {
    strings = MENU_STRINGS.en;
    expect(download(BLOB, 'notes.jsonld').item.saveDialogOptions?.title).toBe('Export Annotations');
  });

  it('cancels anything that is not a blob of the app page', () => {
    for (const url of [
      'https://example.com/notes.md',
      'blob:https://example.com/uuid',
      'app://viewer/index.html',
      'file:///etc/passwd',
    ]) {
      const { cancelled, item } = download(url, 'x.md');
      expect(cancelled, url).toBe(true);
      expect(item.setSaveDialogOptions).not.toHaveBeenCalled();
    }
    expect(log.lines.filter((l) => l.includes('refused download'))).toHaveLength(4);
  });

  it('cancels downloads from any other web contents, or once the page left the app', async () => {
    expect(download(BLOB, 'x.md', new WebContentsMock()).cancelled).toBe(true);
    await app.loadURL('https://example.com/');
    expect(download(BLOB, 'x.md').cancelled).toBe(true);
  });
});
