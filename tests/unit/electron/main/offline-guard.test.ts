import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  guardAllWebContents,
  guardSession,
  guardWebContents,
  isAllowedRequestUrl,
} from '../../../../electron/main/offline-guard';
import { AppMock, SessionMock, WebContentsMock } from '../../../mocks/electron';
import { captureLog } from '../capture-log';

const BLOCKED = [
  'https://example.com/',
  'http://example.com/font.woff2',
  'http://127.0.0.1:1234/api',
  'http://localhost/',
  'ws://127.0.0.1:9000/socket',
  'wss://example.com/socket',
  'file:///etc/passwd',
  'ftp://example.com/file',
  'chrome-extension://abc/page.html',
  'HTTPS://EXAMPLE.COM/',
  'no-scheme-at-all',
];
const ALLOWED = [
  'app://viewer/index.html',
  'app://viewer/assets/app.js',
  'data:text/plain,hello',
  'blob:app://viewer/0b9d7f3e-1111-2222-3333-444455556666',
  'devtools://devtools/bundled/devtools_app.html',
];

describe('the offline request filter', () => {
  let session: SessionMock;
  let log: ReturnType<typeof captureLog>;

  beforeEach(() => {
    session = new SessionMock();
    log = captureLog();
    guardSession(session as unknown as Session, log);
  });

  it.each(BLOCKED)('cancels %s', async (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
    expect(await session.webRequest.request(url)).toBe(true);
    expect(log.lines.some((line) => line.includes('blocked'))).toBe(true);
  });

  it.each(ALLOWED)('lets %s through', async (url) => {
    expect(isAllowedRequestUrl(url)).toBe(true);
    expect(await session.webRequest.request(url)).toBe(false);
    expect(log.lines).toEqual([]);
  });

  it('denies every permission request and check', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
    ]) {
      let granted: boolean | undefined;
      session.permissionRequestHandler?.(null, permission, (g) => (granted = g), {});
      expect(granted, permission).toBe(false);
      expect(
        session.permissionCheckHandler?.(null, permission, 'app://viewer', {}),
        permission,
      ).toBe(false);
    }
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('lets only the app origin write to the clipboard', () => {
    const request = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      session.permissionRequestHandler?.(null, permission, (g) => (granted = g), {
        requestingUrl,
      });
      return granted;
    };
    const check = (permission: string, origin: string) =>
      session.permissionCheckHandler?.(null, permission, origin, {});
    expect(request('clipboard-sanitized-write', 'app://viewer/index.html')).toBe(true);
    expect(check('clipboard-sanitized-write', 'app://viewer')).toBe(true);
    for (const origin of ['https://example.com', 'app://evil', 'file:///', 'null']) {
      expect(request('clipboard-sanitized-write', `${origin}/x`), origin).toBe(false);
      expect(check('clipboard-sanitized-write', origin), origin).toBe(false);
    }
    // Reading the clipboard is a different permission, and stays denied for the app too.
    expect(request('clipboard-read', 'app://viewer/index.html')).toBe(false);
    expect(check('clipboard-read', 'app://viewer')).toBe(false);
  });

  it('turns the spellchecker off, so no dictionary is downloaded', () => {
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(session.spellCheckerEnabled).toBe(false);
  });
});

describe('the web contents guard', () => {
  let contents: WebContentsMock;

  beforeEach(() => {
    contents = new WebContentsMock();
    guardWebContents(contents as unknown as WebContents, captureLog());
  });

  it('denies window.open, even to the app itself', () => {
    for (const url of ['https://example.com/', 'app://viewer/index.html']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('prevents navigation and redirects away from the app', () => {
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(contents.emitCancellable(event, { url: 'https://example.com/' }), event).toBe(true);
      expect(contents.emitCancellable(event, { url: 'file:///etc/passwd' }), event).toBe(true);
      expect(contents.emitCancellable(event, { url: 'app://evil/index.html' }), event).toBe(true);
    }
  });

  it("allows navigation within the app's own pages", () => {
    expect(contents.emitCancellable('will-navigate', { url: 'app://viewer/index.html' })).toBe(
      false,
    );
    expect(contents.emitCancellable('will-redirect', { url: 'app://viewer/print.html' })).toBe(
      false,
    );
  });

  it('prevents attaching a <webview>', () => {
    expect(contents.emitCancellable('will-attach-webview')).toBe(true);
  });
});

describe('guardAllWebContents', () => {
  it('guards every web contents the app creates', () => {
    const app = new AppMock();
    guardAllWebContents(app as unknown as App, captureLog());
    const contents = new WebContentsMock();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(contents.emitCancellable('will-navigate', { url: 'https://example.com/' })).toBe(true);
  });
});
