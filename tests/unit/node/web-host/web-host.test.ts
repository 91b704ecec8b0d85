import http from 'node:http';
import net from 'node:net';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_REQUEST_BYTES, type ReportListing } from '../../../../core/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../../../core/content-security-policy';
import { DEFAULT_SETTINGS, type Settings } from '../../../../core/settings';
import { createHostServices } from '../../../../node/services/host-services';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../../../node/web-host/web-host';
import { rawRequest, type RawReply } from './raw-http';

const reportsDir = fileURLToPath(new URL('../../../../resources/reports', import.meta.url));
const REAL_NAME = 'jiangning-2023-rule-of-law-government-report.txt';
const TOKEN = 'test-token';
const INDEX_HTML = '<!doctype html><html><head><title>阅读器</title></head><body></body></html>';
const APP_JS = 'console.log("app");';
const SECRET = 'SECRET-NEXT-TO-THE-RENDERER';

let root: string;
let dataDir: string;
let host: WebHost;
let server: http.Server;

beforeAll(async () => {
  // <root>/secret.txt sits next to the served folder: what a traversal would reach.
  root = await mkdtemp(path.join(tmpdir(), 'web-host-'));
  dataDir = path.join(root, 'data');
  const rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), APP_JS);
  await writeFile(path.join(root, 'secret.txt'), SECRET);

  const services = await createHostServices({
    reportsDir,
    dataDir,
    host: 'web',
    appName: 'test',
    appVersion: '0.0.0',
  });
  // Watch the server being created, to ask it which address it listens on.
  const createServer = vi.spyOn(http, 'createServer');
  try {
    host = await startWebHost({ services, rendererDir, port: 0, token: TOKEN });
    server = createServer.mock.results[0]?.value as http.Server;
  } finally {
    createServer.mockRestore();
  }
});

afterAll(async () => {
  await host?.close();
  await rm(root, { recursive: true, force: true });
});

type Reply = RawReply;

interface RequestOptions {
  method?: string;
  /** The Host header; null sends none. Default: this server's 127.0.0.1:PORT. */
  host?: string | null;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

function request(urlPath: string, options: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string | number> = { ...options.headers };
  const hostHeader = options.host === undefined ? `127.0.0.1:${host.port}` : options.host;
  if (hostHeader !== null) headers.Host = hostHeader;
  if (options.body !== undefined) headers['Content-Length'] = Buffer.byteLength(options.body);
  return rawRequest(host.port, {
    method: options.method ?? 'GET',
    path: urlPath,
    headers,
    ...(options.body === undefined ? {} : { body: options.body }),
  });
}

interface ApiOptions {
  token?: string | null;
  origin?: string;
  contentType?: string | null;
  host?: string | null;
  /** Sent as is instead of JSON.stringify(payload). */
  rawBody?: string | Buffer;
}

function api(channel: string, payload: unknown = {}, options: ApiOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? TOKEN : options.token;
  if (token !== null) headers[TOKEN_HEADER] = token;
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  if (contentType !== null) headers['Content-Type'] = contentType;
  if (options.origin !== undefined) headers.Origin = options.origin;
  return request(`/api/${channel}`, {
    method: 'POST',
    host: options.host,
    headers,
    body: options.rawBody ?? JSON.stringify(payload),
  });
}

function json(reply: Reply): { ok: boolean; value?: unknown; error?: { code: string } } {
  expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
  return JSON.parse(reply.body) as { ok: boolean; value?: unknown; error?: { code: string } };
}

/** Every file under the data folder with its content, to prove a request changed nothing. */
async function snapshotDataDir(): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else snapshot[path.relative(dataDir, full)] = await readFile(full, 'base64');
    }
  }
  await walk(dataDir);
  return snapshot;
}

async function getSettings(): Promise<Settings> {
  const body = json(await api('getSettings'));
  expect(body.ok).toBe(true);
  return body.value as Settings;
}

describe('listening', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(server.address()).toEqual({ address: '127.0.0.1', family: 'IPv4', port: host.port });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${TOKEN}`);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal)
      .map((a) => a?.address ?? '')
      .filter((a) => a !== '' && !a.startsWith('fe80'));
    for (const address of ['::1', ...others]) {
      const connected = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: address, port: host.port });
        socket.setTimeout(2000);
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
        socket.once('timeout', () => {
          socket.destroy();
          resolve(false);
        });
      });
      expect(connected, `reachable on ${address}`).toBe(false);
    }
  });
});

describe('static files', () => {
  it('serves the page at / with the CSP and nosniff headers', async () => {
    const reply = await request('/');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves an asset with its MIME type, also to localhost:PORT', async () => {
    const reply = await request('/assets/app.js', { host: `localhost:${host.port}` });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(APP_JS);
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers HEAD without a body', async () => {
    const reply = await request('/', { method: 'HEAD' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
    expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(INDEX_HTML)));
  });

  it('refuses other methods with 405', async () => {
    const reply = await request('/', { method: 'POST', body: '' });
    expect(reply.status).toBe(405);
  });

  it.each([
    '/missing.js',
    '/assets',
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/index.html%00',
    '/%E5%AD',
  ])('answers 404 for %s and reveals nothing outside', async (urlPath) => {
    const reply = await request(urlPath);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain(SECRET);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('the Host header check', () => {
  const foreignHosts = (port: number): string[] => [
    `evil.example:${port}`,
    'evil.example',
    'localhost.evil.com',
    `localhost.evil.com:${port}`,
    `127.0.0.1.evil.com:${port}`,
    '127.0.0.1',
    'localhost',
    `127.0.0.1:${port + 1}`,
  ];

  it('refuses static files to a foreign Host with 403', async () => {
    for (const foreign of foreignHosts(host.port)) {
      const reply = await request('/', { host: foreign });
      expect(reply.status, foreign).toBe(403);
      expect(reply.body).not.toContain(INDEX_HTML);
    }
  });

  it('refuses the API to a foreign Host with 403, even with the token', async () => {
    for (const foreign of foreignHosts(host.port)) {
      const reply = await api('getSettings', {}, { host: foreign });
      expect(reply.status, foreign).toBe(403);
      expect(json(reply).error?.code).toBe('forbidden');
      expect(reply.body).not.toContain('fontSize');
    }
  });

  it('refuses a request with no Host header at all', async () => {
    // Node's HTTP/1.1 parser answers 400 itself before the handler runs; refused either way.
    const page = await request('/', { host: null });
    expect([400, 403]).toContain(page.status);
    expect(page.body).not.toContain(INDEX_HTML);
    const call = await api('getSettings', {}, { host: null });
    expect([400, 403]).toContain(call.status);
    expect(call.body).not.toContain('fontSize');
  });
});

describe('the API', () => {
  it('answers a good request with 200 and { ok: true, value }', async () => {
    const reply = await api('getSettings');
    expect(reply.status).toBe(200);
    expect(json(reply)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('accepts its own Origin', async () => {
    for (const origin of [`http://127.0.0.1:${host.port}`, `http://localhost:${host.port}`]) {
      const reply = await api('getSettings', {}, { origin });
      expect(reply.status, origin).toBe(200);
    }
  });

  it('serves the real reports', async () => {
    const list = json(await api('listReports'));
    expect(list.ok).toBe(true);
    const listing = list.value as ReportListing;
    expect(listing.reports.map((r) => r.id)).toContain(REAL_NAME);
    expect(listing.initialReportId).toBe(REAL_NAME);

    const opened = await api('openReport', { reportId: REAL_NAME });
    expect(opened.status).toBe(200);
    const text = await readFile(path.join(reportsDir, REAL_NAME), 'utf8');
    expect(json(opened)).toEqual({
      ok: true,
      value: {
        id: REAL_NAME,
        title: '南京市江宁区2023年度法治政府建设工作报告',
        source: { text, format: 'txt', fileName: REAL_NAME },
        text,
      },
    });
  });

  it('saves settings into the data folder', async () => {
    const reply = await api('updateSettings', { patch: { fontSize: 22, theme: 'dark' } });
    expect(reply.status).toBe(200);
    const expected = { ...DEFAULT_SETTINGS, fontSize: 22, theme: 'dark' };
    expect(json(reply)).toEqual({ ok: true, value: expected });
    const onDisk = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8')) as {
      settings: Settings;
    };
    expect(onDisk.settings).toEqual(expected);
  });

  it('refuses requests without the right token, or from a foreign page, and changes nothing', async () => {
    const before = await snapshotDataDir();
    expect(Object.keys(before)).toContain('settings.json');
    const settingsBefore = await getSettings();
    const patch = { patch: { fontSize: 30, theme: 'sepia' } };
    const refused: [string, ApiOptions][] = [
      ['no token', { token: null }],
      ['an empty token', { token: '' }],
      ['a wrong token', { token: 'wrong' }],
      ['a wrong token of the right length', { token: 'test-tokeN' }],
      ['a longer token', { token: `${TOKEN}x` }],
      ['a foreign Origin', { origin: 'http://evil.example' }],
      ['a null Origin', { origin: 'null' }],
      ['a lookalike Origin', { origin: `http://localhost.evil.com:${host.port}` }],
      ['another port as Origin', { origin: `http://127.0.0.1:${host.port + 1}` }],
      ['https as Origin', { origin: `https://127.0.0.1:${host.port}` }],
      ['a foreign Origin with no token', { origin: 'http://evil.example', token: null }],
    ];
    for (const [what, options] of refused) {
      const reply = await api('updateSettings', patch, options);
      expect(reply.status, what).toBe(403);
      expect(json(reply).error?.code, what).toBe('forbidden');
      const read = await api('getSettings', {}, options);
      expect(read.status, what).toBe(403);
      expect(read.body, what).not.toContain('fontSize');
    }
    // The token only counts in its header.
    const inQuery = await request(`/api/updateSettings?token=${TOKEN}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(patch),
    });
    expect(inQuery.status).toBe(403);

    expect(await snapshotDataDir()).toEqual(before);
    expect(await getSettings()).toEqual(settingsBefore);
  });

  it('refuses GET with 405', async () => {
    const reply = await request('/api/getSettings', { headers: { [TOKEN_HEADER]: TOKEN } });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
    const unknown = await request('/api/x', { headers: { [TOKEN_HEADER]: TOKEN } });
    expect(unknown.status).toBe(405);
  });

  it('refuses a body that is not declared JSON with 415', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', null]) {
      const reply = await api('getSettings', {}, { contentType });
      expect(reply.status, String(contentType)).toBe(415);
      expect(json(reply).error?.code).toBe('bad-request');
    }
    const withCharset = await api(
      'getSettings',
      {},
      {
        contentType: 'application/json; charset=utf-8',
      },
    );
    expect(withCharset.status).toBe(200);
  });

  it('refuses malformed JSON with 400 bad-request', async () => {
    for (const rawBody of ['{', '{"patch":', 'not json', "{'a':1}"]) {
      const reply = await api('updateSettings', undefined, { rawBody });
      expect(reply.status, rawBody).toBe(400);
      expect(json(reply).error?.code).toBe('bad-request');
    }
  });

  it('refuses a body over MAX_REQUEST_BYTES with 413, and changes nothing', async () => {
    const before = await snapshotDataDir();
    const prefix = '{"patch":{"theme":"sepia"},"pad":"';
    const suffix = '"}';
    const pad = (n: number): string => 'a'.repeat(n - prefix.length - suffix.length);
    const tooLarge = `${prefix}${pad(MAX_REQUEST_BYTES + 1)}${suffix}`;
    expect(Buffer.byteLength(tooLarge)).toBe(MAX_REQUEST_BYTES + 1);
    const reply = await api('updateSettings', undefined, { rawBody: tooLarge });
    expect(reply.status).toBe(413);
    expect(json(reply).error?.code).toBe('too-large');
    expect(await snapshotDataDir()).toEqual(before);

    // Exactly the limit is read and judged on its content (an unknown field: bad-request).
    const atLimit = `${prefix}${pad(MAX_REQUEST_BYTES)}${suffix}`;
    const limitReply = await api('updateSettings', undefined, { rawBody: atLimit });
    expect(limitReply.status).toBe(400);
    expect(json(limitReply).error?.code).toBe('bad-request');
  });

  it.each(['x', 'deleteEverything', '__proto__', 'constructor', 'toString', '', 'getSettings/x'])(
    'answers 404 unknown-channel for channel %j',
    async (channel) => {
      const reply = await api(channel);
      expect(reply.status).toBe(404);
      expect(json(reply).error?.code).toBe('unknown-channel');
    },
  );

  it('refuses bad arguments with 400 bad-request, and changes nothing', async () => {
    const before = await snapshotDataDir();
    const bad: [string, unknown][] = [
      ['updateSettings', { patch: { fontSize: 999 } }],
      ['updateSettings', { patch: { theme: 'pink' } }],
      ['updateSettings', { patch: { evil: 1 } }],
      ['updateSettings', {}],
      ['updateSettings', []],
      ['updateSettings', 'string'],
      ['openReport', { reportId: '../package.json' }],
      ['openReport', { reportId: 'a/b.txt' }],
      ['openReport', {}],
      ['getSettings', { extra: true }],
    ];
    for (const [channel, payload] of bad) {
      const reply = await api(channel, payload);
      const what = `${channel} ${JSON.stringify(payload)}`;
      expect(reply.status, what).toBe(400);
      expect(json(reply).error?.code, what).toBe('bad-request');
    }
    expect(await snapshotDataDir()).toEqual(before);
  });

  it('answers 404 not-found for a report that does not exist', async () => {
    const reply = await api('openReport', { reportId: 'no-such-report.txt' });
    expect(reply.status).toBe(404);
    expect(json(reply).error?.code).toBe('not-found');
  });

  it('still answers a good request after all of that', async () => {
    const reply = await api('updateSettings', { patch: { language: 'en' } });
    expect(reply.status).toBe(200);
    expect(json(reply)).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, fontSize: 22, theme: 'dark', language: 'en' },
    });
    const page = await request('/');
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
  });
});
