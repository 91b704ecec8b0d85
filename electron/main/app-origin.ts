/**
 * The app's one origin. The UI is served from app://viewer/ by our own protocol handler; a URL
 * on this origin is the only page the window may show and the only sender trusted over IPC.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'viewer';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Whether `url` is on the app's own origin (app://viewer/…). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // URL.origin is "null" for schemes Node doesn't know as special, so compare the parts.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
