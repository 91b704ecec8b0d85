/**
 * The app:// protocol: serves the built renderer to the window, so the UI never needs file://
 * or a local HTTP server. The scheme is privileged (standard, secure, fetch) so the page is a
 * normal secure origin; HTML goes out with the app's Content-Security-Policy.
 */
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../core/content-security-policy';
import { isErrno } from '../../node/services/json-file';
import { mimeTypeFor, resolveStaticPath } from '../../node/services/static-files';
import { APP_SCHEME, isAppUrl } from './app-origin';
import { forLog, type MainLog } from './log';

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The part of a fetch Request the handler reads, so tests can pass a plain object. */
export interface AppRequest {
  url: string;
  method?: string;
}

export type AppRequestHandler = (request: AppRequest) => Promise<Response>;

export function serveAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rendererDir: string,
  log: MainLog,
): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir, log));
}

export function createAppRequestHandler(rendererDir: string, log: MainLog): AppRequestHandler {
  return async (request) => {
    // Chromium has already resolved dot segments in a standard scheme's URL; resolveStaticPath
    // still refuses encoded ones ("..%2f", "%5c") that would survive that.
    const file = isAppUrl(request.url)
      ? resolveStaticPath(rendererDir, new URL(request.url).pathname)
      : null;
    if (file === null) {
      log.warn(`app://: refused ${forLog(request.url)}`);
      return notFound();
    }
    let body: Buffer<ArrayBuffer>;
    try {
      body = await readFile(file);
    } catch (err) {
      if (isErrno(err, 'ENOENT') || isErrno(err, 'EISDIR') || isErrno(err, 'ENOTDIR')) {
        return notFound();
      }
      log.error(`app://: cannot read ${file}`, err);
      return new Response('Cannot read file', { status: 500, headers: textHeaders() });
    }
    const contentType = mimeTypeFor(file);
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
    };
    if (contentType.startsWith('text/html')) {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    }
    const withBody = request.method !== 'HEAD';
    return new Response(withBody ? body : null, { status: 200, headers });
  };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: textHeaders() });
}

function textHeaders(): Record<string, string> {
  return { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };
}
