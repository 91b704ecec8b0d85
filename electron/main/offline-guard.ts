/**
 * Keeps the app offline and its window on its own page. The reader needs nothing from the
 * network, so every request that is not to the app itself is cancelled, every permission but
 * the app's own clipboard writes is refused, and no page can open windows, navigate away or
 * embed a <webview>.
 */
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { forLog, type MainLog } from './log';

/** Schemes a request may use: the app itself, inline data, and the devtools' own pages. */
const ALLOWED_REQUEST_SCHEMES = new Set(['app:', 'data:', 'blob:', 'devtools:']);

export function isAllowedRequestUrl(url: string): boolean {
  const colon = url.indexOf(':');
  return colon > 0 && ALLOWED_REQUEST_SCHEMES.has(url.slice(0, colon + 1).toLowerCase());
}

/**
 * "Copy with citation" writes to the clipboard through navigator.clipboard, which Chromium
 * gates on this permission; only the app's own pages get it, and nothing else is ever granted.
 */
const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isGrantedPermission(permission: string, requestingUrl: string): boolean {
  return APP_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

type GuardedSession = Pick<
  Session,
  | 'webRequest'
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setSpellCheckerEnabled'
>;

export function guardSession(session: GuardedSession, log: MainLog): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) log.warn(`blocked ${details.resourceType} request to ${forLog(details.url)}`);
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isGrantedPermission(permission, details.requestingUrl);
    if (!granted) log.warn(`denied permission request: ${permission}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isGrantedPermission(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  // Hunspell dictionaries are downloaded on first use; the reader has no editable text that
  // needs them. Guarded because the method is absent on some platforms' builds.
  if (typeof session.setSpellCheckerEnabled === 'function') session.setSpellCheckerEnabled(false);
}

type GuardedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

export function guardWebContents(contents: GuardedContents, log: MainLog): void {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`denied window.open to ${forLog(url)}`);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => refuseForeignPage(event, 'navigation', log));
  contents.on('will-redirect', (event) => refuseForeignPage(event, 'redirect', log));
  contents.on('will-attach-webview', (event) => {
    log.warn('denied <webview>');
    event.preventDefault();
  });
}

/** Applies guardWebContents to every web contents the app ever creates, the window's included. */
export function guardAllWebContents(app: Pick<App, 'on'>, log: MainLog): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
}

function refuseForeignPage(
  event: { url: string; preventDefault(): void },
  what: string,
  log: MainLog,
): void {
  if (isAppUrl(event.url)) return;
  log.warn(`denied ${what} to ${forLog(event.url)}`);
  event.preventDefault();
}
