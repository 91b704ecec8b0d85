/**
 * The browser host: the same UI and the same Node services as the desktop app, served over
 * HTTP on 127.0.0.1 only. Safe to leave running: loopback only, the Host header must name this
 * server (no DNS rebinding), and API calls need the per-run secret (a page the user visits
 * cannot read or write their data).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { MAX_IMPORT_FILE_BYTES, MAX_REQUEST_BYTES } from '../../core/api/contract';
import { dispatch } from '../../core/api/dispatch';
import { apiErrors, type ApiError, type ApiResult } from '../../core/api/errors';
import { CONTENT_SECURITY_POLICY } from '../../core/content-security-policy';
import type { HostServices } from '../services/host-services';
import { DOWNLOAD_PATH } from '../services/pdf-export';
import { mimeTypeFor, openStaticFile } from '../services/static-files';

export const TOKEN_HEADER = 'x-viewer-token';
/**
 * Channels whose request carries a file's bytes: too large for the JSON API, so they come as a
 * raw body to `/api-upload/<channel>`, the file's name in FILE_NAME_HEADER (percent-encoded
 * UTF-8, as encodeURIComponent makes it).
 */
export const UPLOAD_PREFIX = '/api-upload/';
export const FILE_NAME_HEADER = 'x-file-name';
const UPLOAD_CHANNELS: ReadonlySet<string> = new Set(['importReportFile']);

export interface WebHostOptions {
  services: HostServices;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks any free port. */
  port: number;
  /** The per-run secret; random when omitted. */
  token?: string;
  log?: (message: string) => void;
}

export interface WebHost {
  port: number;
  token: string;
  /** The address to open, secret included (in the fragment, so it is never sent or logged). */
  url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
} as const;

const STATIC_STATUS = { missing: 404, forbidden: 403, failed: 500 } as const;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? (() => undefined);
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`request failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendError(res, 500, apiErrors.internal());
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // RFC 9112 §3.2: more than one Host is a bad request (Node keeps only the first one).
    if (hostHeaderCount(req.rawHeaders) > 1) {
      return sendError(res, 400, apiErrors.badRequest('more than one Host header'));
    }
    if (!isOwnHost(req.headers.host, port)) {
      return sendError(res, 403, apiErrors.forbidden('foreign Host header'));
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      // A request target no URL parser takes (e.g. "//"): malformed, not a server fault.
      return sendError(res, 400, apiErrors.badRequest('unparsable request target'));
    }
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice(5));
    if (url.pathname.startsWith(UPLOAD_PREFIX)) {
      return handleUpload(req, res, url.pathname.slice(UPLOAD_PREFIX.length));
    }
    if (url.pathname.startsWith(`/${DOWNLOAD_PATH}`)) {
      return handleDownload(req, res, url.pathname.slice(DOWNLOAD_PATH.length + 1));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
      return;
    }
    return serveStatic(req, res, url.pathname);
  }

  /**
   * What the API and the upload route check alike: POST only, no foreign Origin, the run's
   * token. True when the request was refused (`refuse` answers the 403s).
   */
  function refusedCaller(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    refuse: (status: number, error: ApiError) => void,
  ): boolean {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendError(res, 405, apiErrors.badRequest(`${req.method ?? '?'} is not allowed here`));
      return true;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, port)) {
      refuse(403, apiErrors.forbidden('foreign Origin'));
      return true;
    }
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      refuse(403, apiErrors.forbidden('missing or wrong token'));
      return true;
    }
    return false;
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    channel: string,
  ): Promise<void> {
    if (refusedCaller(req, res, (status, error) => sendError(res, status, error))) return;
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendError(res, 415, apiErrors.badRequest('Content-Type must be application/json'));
    }
    // Too large is told first, whatever the channel (the JSON cap applies to every call here).
    const body = await readBody(req, MAX_REQUEST_BYTES);
    if (body === null) return refuseTooLarge(req, res);
    if (UPLOAD_CHANNELS.has(channel)) {
      return sendError(
        res,
        400,
        apiErrors.badRequest(`${channel} takes ${UPLOAD_PREFIX}${channel}`),
      );
    }
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, 400, apiErrors.badRequest('body is not valid JSON'));
    }
    const result = await dispatch(options.services.handlers, channel, payload, {
      error: (message, detail) => log(`${message}: ${String(detail)}`),
    });
    const status = result.ok ? 200 : statusFor(result.error);
    sendJson(res, status, result);
  }

  /**
   * A file for an upload channel, as the raw body: the same Host, Origin and token checks as
   * the API, and its own limit (the largest file an importer takes), refused from the declared
   * Content-Length before a byte of the body is read.
   */
  async function handleUpload(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    channel: string,
  ): Promise<void> {
    // A refused upload's body is not read (refuseUnread).
    if (refusedCaller(req, res, (status, error) => refuseUnread(res, status, error))) return;
    if (!UPLOAD_CHANNELS.has(channel)) {
      return refuseUnread(res, 404, {
        code: 'unknown-channel',
        message: '程序内部出错：未知的请求。',
        messageEn: 'Internal error: unknown request.',
        detail: `no upload channel ${JSON.stringify(channel).slice(0, 100)}`,
      });
    }
    const declared = req.headers['content-length'];
    if (declared === undefined || !/^\d{1,15}$/.test(declared)) {
      return refuseUnread(res, 411, apiErrors.badRequest('an upload needs a Content-Length'));
    }
    if (Number(declared) > MAX_IMPORT_FILE_BYTES) {
      return refuseUnread(res, 413, uploadTooLarge(Number(declared)));
    }
    let fileName: string;
    try {
      fileName = decodeURIComponent(String(req.headers[FILE_NAME_HEADER] ?? ''));
    } catch {
      return refuseUnread(
        res,
        400,
        apiErrors.badRequest(`${FILE_NAME_HEADER} is not percent-encoded UTF-8`),
      );
    }
    const body = await readBody(req, MAX_IMPORT_FILE_BYTES);
    if (body === null) return sendError(res, 413, uploadTooLarge(MAX_IMPORT_FILE_BYTES + 1));
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    const result = await dispatch(
      options.services.handlers,
      channel,
      { fileName, bytes },
      {
        error: (message, detail) => log(`${message}: ${String(detail)}`),
      },
    );
    sendJson(res, result.ok ? 200 : statusFor(result.error), result);
  }

  /**
   * A PDF made by exportPdf, fetched once by the page with the run's secret (then handed to
   * the browser as a blob download): the id alone is not enough, and it works only once.
   */
  function handleDownload(req: http.IncomingMessage, res: http.ServerResponse, id: string): void {
    if (req.method !== 'GET') {
      res.writeHead(405, { Allow: 'GET', ...SECURITY_HEADERS }).end();
      return;
    }
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      return sendError(res, 403, apiErrors.forbidden('download without the token'));
    }
    const download = options.services.pdf.takeDownload(id);
    if (!download) {
      return sendError(res, 404, {
        code: 'not-found',
        message: '这个 PDF 已经下载过或已过期，请重新导出。',
        messageEn: 'This PDF was already downloaded or has expired; please export it again.',
      });
    }
    res.writeHead(200, {
      'Content-Type': 'application/pdf',
      'Content-Length': download.bytes.length,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
      'Cache-Control': 'no-store',
      ...SECURITY_HEADERS,
    });
    res.end(download.bytes);
  }

  async function serveStatic(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathname: string,
  ): Promise<void> {
    // Opened once and streamed from the same handle: a file replaced or removed after the check
    // cannot be swapped in, and a file that cannot be read is an answer, not a crash.
    const opened = await openStaticFile(options.rendererDir, pathname);
    if (!opened.ok) {
      const status = STATIC_STATUS[opened.reason];
      if (opened.reason !== 'missing') log(`cannot serve ${pathname}: ${opened.detail}`);
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end(http.STATUS_CODES[status]);
      return;
    }
    const { file, handle, size } = opened;
    res.writeHead(200, {
      'Content-Type': mimeTypeFor(file),
      'Content-Length': size,
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'no-cache',
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') {
      await handle.close();
      res.end();
      return;
    }
    const stream = handle.createReadStream({ end: Math.max(size - 1, 0), autoClose: true });
    stream.on('error', (err) => {
      // The headers are out: all that is left is to cut the response short (the client sees
      // fewer bytes than Content-Length) and keep serving everyone else.
      log(`reading ${pathname} failed: ${err.message}`);
      res.destroy();
    });
    res.on('close', () => stream.destroy());
    if (size === 0) {
      stream.destroy();
      res.end();
      return;
    }
    stream.pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The Host must name this server exactly: 127.0.0.1 or localhost with our port. Host names
 * compare case-insensitively (RFC 3986 §3.2.2); nothing else is accepted (no other port, no
 * "localhost." or [::1], which a page of ours never uses), so a DNS-rebound name never passes.
 */
function isOwnHost(host: string | undefined, port: number): boolean {
  const name = host?.toLowerCase();
  return name === `127.0.0.1:${port}` || name === `localhost:${port}`;
}

/** rawHeaders alternates names and values. */
function hostHeaderCount(rawHeaders: readonly string[]): number {
  return rawHeaders.filter((name, i) => i % 2 === 0 && name.toLowerCase() === 'host').length;
}

function isOwnOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Reads the body, or null as soon as it is known to exceed `limit` bytes: at once from its
 * Content-Length, or (chunked) when the bytes received pass the limit. Nothing more is read or
 * kept after that.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      chunks.length = 0;
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** What a refused upload may still send, dropped unread, before nothing more is read. */
const LINGER_BYTES = 1024 * 1024;
/** How long the connection of a refused upload stays open, so its client can read the 413. */
const LINGER_MS = 2000;

/**
 * 413 for a body over the limit, sent at once; then the connection is cut, but not at once: a
 * socket closed with unread data is reset, and the reset can wipe the 413 before the client has
 * read it (RFC 9112 §9.6 asks for a "lingering" close). So at most LINGER_BYTES more are dropped
 * unread (never kept), then reading stops (TCP holds the client back), and after LINGER_MS the
 * socket is destroyed.
 */
function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse): void {
  const socket = req.socket;
  let dropped = 0;
  // Listening before the answer also keeps Node from draining the whole body afterwards.
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) req.pause();
  });
  req.resume();
  sendError(res, 413, apiErrors.tooLarge(`body over ${MAX_REQUEST_BYTES} bytes`));
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

function statusFor(error: ApiError): number {
  switch (error.code) {
    case 'bad-request':
      return 400;
    case 'unknown-channel':
    case 'not-found':
      return 404;
    case 'forbidden':
      return 403;
    case 'too-large':
      return 413;
    case 'unsupported-format':
      return 415;
    case 'read-only':
      return 409;
    case 'disk-full':
      return 507;
    case 'unavailable':
      return 501;
    default:
      return 500;
  }
}

function sendJson(res: http.ServerResponse, status: number, body: ApiResult<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, error: ApiError): void {
  sendJson(res, status, { ok: false, error });
}

/** Refuses before reading the body, and closes the connection so the rest is never read. */
function refuseUnread(res: http.ServerResponse, status: number, error: ApiError): void {
  res.setHeader('Connection', 'close');
  sendError(res, status, error);
}

function uploadTooLarge(size: number): ApiError {
  return apiErrors.fileTooLarge(MAX_IMPORT_FILE_BYTES, `upload of ${size} bytes`);
}
