/**
 * Fuzzing the browser host over real HTTP: startWebHost on port 0 with the real services
 * (temp data dir, the real reports folder), sent random methods, paths, content types, tokens,
 * origins and bodies (JSON of every shape, deep nesting, huge strings, prototype keys, invalid
 * JSON, random bytes, oversized bodies), and every real channel's valid request with one thing
 * wrong.
 *
 * Every POST to /api/ is answered with an envelope (ok, or a refusal with a code and a message
 * in Chinese and English), with 200 exactly when it is ok. Other methods on /api/ get 405 with
 * `Allow: POST`; other paths are static files (200/404/405). Nothing in the data dir changes
 * except through an API call that succeeded, the prototype stays clean, and good calls still
 * work at the end.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, MAX_REQUEST_BYTES } from '../../../core/api/contract';
import { createHostServices, type HostServices } from '../../../node/services/host-services';
import { DOWNLOAD_PATH } from '../../../node/services/pdf-export';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../../node/web-host/web-host';
import {
  channelName,
  expectEnvelope,
  garbage,
  mutatedRequest,
  prototypeKeys,
  REPORT_ID,
  reportsDir,
  snapshot,
} from './fuzz-inputs';
import { rawExchange, rawRequest, type RawReply } from '../node/web-host/raw-http';

const TOKEN = 'fuzz-token-0123456789';
/** Methods Node's HTTP parser knows (others it refuses itself, before the host sees them). */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'SEARCH'];

let root: string;
let dataDir: string;
let services: HostServices;
let host: WebHost;
const prototypeBefore = prototypeKeys();
/** Outside the served folder (<root>/canary.txt) and next to the data folder (<root>/secret.txt). */
const CANARY = 'CANARY-OUTSIDE-THE-SERVED-ROOT-7f3a';
const SECRET = 'SECRET-NEXT-TO-THE-DATA-DIR-91c2';
const INDEX_HTML = '<!doctype html><title>阅读器</title>';
const APP_JS = 'console.log(1);';
/** Every file the host may serve, by decoded path: anything else is an error status. */
const SERVED = new Map([
  ['/', INDEX_HTML],
  ['/index.html', INDEX_HTML],
  ['/assets/app.js', APP_JS],
]);
const counts = { requests: 0, apiOk: 0, apiRefused: 0, notApi: 0, unparsable: 0, changedData: 0 };
const codes = new Map<string, number>();

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'http-fuzz-'));
  dataDir = path.join(root, 'data');
  const rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), APP_JS);
  await writeFile(path.join(root, 'canary.txt'), CANARY);
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  // Links inside the served folder that lead out of it: to the canary and to the data folder.
  await symlink(path.join(root, 'canary.txt'), path.join(rendererDir, 'assets', 'canary-link.txt'));
  await symlink(root, path.join(rendererDir, 'root-link'));
  services = await createHostServices({
    reportsDir,
    dataDir,
    host: 'web',
    appName: 'fuzz',
    appVersion: '0.0.0',
  });
  host = await startWebHost({ services, rendererDir, port: 0, token: TOKEN });
});

afterAll(async () => {
  console.log(
    `HTTP fuzz: ${JSON.stringify(counts)}, refusals ${JSON.stringify(Object.fromEntries(codes))}`,
  );
  await host?.close();
  await services?.flush();
  if (root) await rm(root, { recursive: true, force: true });
});

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

type Reply = RawReply;

function send({ method, path: urlPath, headers, body }: Sent): Promise<Reply> {
  return rawRequest(host.port, {
    method,
    path: urlPath,
    headers: {
      Host: `127.0.0.1:${host.port}`,
      ...headers,
      ...(body.length > 0 || method === 'POST' ? { 'Content-Length': body.length } : {}),
    },
    body,
  });
}

/** Sends one request, checks the answer against the rules above and the data dir after it. */
async function sendAndCheck(sent: Sent): Promise<Reply> {
  await services.flush();
  const before = await snapshot(dataDir);
  counts.requests++;
  const reply = await send(sent);
  let pathname: string | null = null;
  try {
    pathname = new URL(sent.path, `http://127.0.0.1:${host.port}`).pathname;
  } catch {
    // A target no URL parser takes ('//'): refused below, as an envelope.
  }
  let succeeded = false;
  const context = `${sent.method} ${sent.path.slice(0, 120)} → ${reply.status} ${reply.body.slice(0, 300)}`;
  expect(reply.body, context).not.toContain(CANARY);
  expect(reply.body, context).not.toContain(SECRET);
  if (pathname === null) {
    // A malformed request target: 400 bad-request (with no body to a HEAD).
    counts.unparsable++;
    expect(reply.status, context).toBe(400);
    if (sent.method !== 'HEAD') {
      const result: unknown = JSON.parse(reply.body);
      expectEnvelope(result);
      expect(result.ok, context).toBe(false);
    }
  } else if (pathname.startsWith('/api/') && sent.method === 'POST') {
    expect(reply.headers['content-type'], context).toMatch(/^application\/json/);
    const result: unknown = JSON.parse(reply.body);
    expectEnvelope(result);
    expect(reply.status === 200, context).toBe(result.ok);
    succeeded = result.ok;
    if (result.ok) counts.apiOk++;
    else {
      counts.apiRefused++;
      codes.set(result.error!.code, (codes.get(result.error!.code) ?? 0) + 1);
    }
  } else if (pathname.startsWith('/api/')) {
    expect(reply.status, context).toBe(405);
    expect(reply.headers.allow).toBe('POST');
    if (sent.method !== 'HEAD') expectEnvelope(JSON.parse(reply.body));
  } else if (pathname.startsWith(`/${DOWNLOAD_PATH}`) && sent.method !== 'GET') {
    expect(reply.status, context).toBe(405);
  } else if (pathname.startsWith(`/${DOWNLOAD_PATH}`)) {
    // Nothing was exported: a refusal (no token) or not found, as an envelope.
    expect([403, 404], context).toContain(reply.status);
    const result: unknown = JSON.parse(reply.body);
    expectEnvelope(result);
    expect(result.ok).toBe(false);
  } else {
    counts.notApi++;
    const reading = sent.method === 'GET' || sent.method === 'HEAD';
    const served = SERVED.get(decodedPath(pathname));
    if (!reading) expect(reply.status, context).toBe(405);
    else if (served === undefined) expect(reply.status, context).toBe(404);
    else {
      expect(reply.status, context).toBe(200);
      expect(reply.body, context).toBe(sent.method === 'HEAD' ? '' : served);
    }
  }
  await services.flush();
  const after = await snapshot(dataDir);
  if (!succeeded) {
    expect(Object.fromEntries(after), `refused, yet the data dir changed: ${context}`).toEqual(
      Object.fromEntries(before),
    );
  }
  if (JSON.stringify([...after]) !== JSON.stringify([...before])) counts.changedData++;
  return reply;
}

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

const jsonBody = (value: unknown) => Buffer.from(JSON.stringify(value) ?? '', 'utf8');

/** Bodies: JSON of any shape, a mutated valid request, broken JSON, random bytes. */
const body: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 4, arbitrary: garbage({ nonJson: false }).map(jsonBody) },
  {
    weight: 3,
    arbitrary: mutatedRequest({ nonJson: false }).map(([, request]) => jsonBody(request)),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        '',
        ' ',
        'null',
        '{',
        '{"patch":',
        '[]',
        'NaN',
        'Infinity',
        '-Infinity',
        '1e400',
        '"x"',
        '\ufeff{}',
        '{"reportId": "a"}{"reportId": "b"}',
        '{"__proto__": {"polluted": true}}',
        '{"constructor": {"prototype": {"polluted": true}}}',
        '{"patch": {"fontSize": "20"}}',
        '{"patch": {"fontSize": 1e400}}',
        `{"reportId": "${REPORT_ID}", "reportId": "../x"}`,
      )
      .map((s) => Buffer.from(s, 'utf8')),
  },
);

const apiPath: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CHANNELS).map((c) => `/api/${c}`) },
  { weight: 3, arbitrary: channelName.map((c) => `/api/${encodeURIComponent(c)}`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '/',
      '/index.html',
      '/assets/app.js',
      '/api',
      '/api/',
      '/api//getSettings',
      '/api/getSettings/',
      '/api/getSettings?x=1',
      '/api/getSettings#x',
      '/API/getSettings',
      '/api/../api/getSettings',
      '/api/%2e%2e/getSettings',
      '/api/__proto__',
      '/api/%5F%5Fproto%5F%5F',
      '/api/constructor',
      '/api/hasOwnProperty',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fsecret.txt',
      '/assets/..%2f..%2fdata%2fsettings.json',
      `/${DOWNLOAD_PATH}`,
      `/${DOWNLOAD_PATH}abc`,
      `/${DOWNLOAD_PATH}..%2f..%2fdata`,
      '//evil.example/api/getSettings',
      '*',
    ),
  },
  { weight: 1, arbitrary: fc.webPath() },
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/jsonx',
  'application/ld+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
  null,
);

const token = fc.constantFrom(TOKEN, TOKEN, TOKEN, null, '', 'wrong', TOKEN.slice(1), `${TOKEN} `);
const origin = fc.constantFrom(
  null,
  null,
  null,
  'http://evil.example',
  'null',
  'http://127.0.0.1:1',
  'http://localhost',
);

function headersOf(
  type: string | null,
  secret: string | null,
  from: string | null,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (type !== null) headers['Content-Type'] = type;
  if (secret !== null) headers[TOKEN_HEADER] = secret;
  if (from !== null) headers.Origin = from;
  return headers;
}

/**
 * Paths that try to leave the served folder for the canary, the secret or the data folder:
 * "..", "/" and "\\" in every spelling (plain, percent-encoded in either case, double-encoded,
 * overlong UTF-8), NUL bytes, absolute paths and links that point out.
 */
function traversalPath(rootDir: string): fc.Arbitrary<string> {
  const dotDot = fc.constantFrom(
    '..',
    '%2e%2e',
    '%2E%2E',
    '.%2e',
    '%2e.',
    '%252e%252e',
    '%c0%ae%c0%ae',
    '...',
  );
  const slash = fc.constantFrom(
    '/',
    '%2f',
    '%2F',
    '\\',
    '%5c',
    '%5C',
    '%252f',
    '%255c',
    '//',
    '/./',
  );
  const target = fc.constantFrom(
    'canary.txt',
    'secret.txt',
    'data/settings.json',
    'data%2fsettings.json',
    'canary.txt%00',
    'canary.txt%00.html',
    'canary.txt%2500',
  );
  const relative = fc
    .tuple(
      fc.constantFrom('/', '/assets/', '/index.html/', '/root-link/../', '/assets/./'),
      fc.array(fc.tuple(dotDot, slash), { minLength: 1, maxLength: 6 }),
      target,
    )
    .map(([start, steps, file]) => start + steps.map(([up, sep]) => up + sep).join('') + file);
  const canaryFile = path.join(rootDir, 'canary.txt');
  const absolute = fc.constantFrom(
    encodeURIComponent(canaryFile).replace(/^%2F/, '/%2F'),
    `/${encodeURIComponent(canaryFile)}`,
    `/${canaryFile.split('/').map(encodeURIComponent).join('%2f')}`,
    `/..${canaryFile}`,
    `/assets/..%2f..%2f..${canaryFile.replace(/\//g, '%2f')}`,
    `/%2e%2e%5c%2e%2e%5c${encodeURIComponent(path.basename(rootDir))}%5ccanary.txt`,
  );
  const throughLinks = fc.constantFrom(
    '/assets/canary-link.txt',
    '/root-link/canary.txt',
    '/root-link/secret.txt',
    '/root-link/data/settings.json',
    '/root-link%2fcanary.txt',
    '/assets/canary-link.txt%00',
  );
  return fc.oneof(relative, absolute, throughLinks);
}

describe('the Host header', () => {
  /** A page and an API call (with the token) under the given Host lines; both statuses. */
  async function both(hostLines: string[]): Promise<[number, number]> {
    const page = await rawExchange(host.port, ['GET / HTTP/1.1', ...hostLines]);
    const call = await rawExchange(host.port, [
      'POST /api/getSettings HTTP/1.1',
      ...hostLines,
      `${TOKEN_HEADER}: ${TOKEN}`,
      'Content-Type: application/json',
      'Content-Length: 0',
    ]);
    for (const reply of [page, call]) {
      expect(reply.text).not.toContain(CANARY);
    }
    if (page.status !== 200) expect(page.text).not.toContain(INDEX_HTML);
    if (call.status !== 200) expect(call.text).not.toContain('fontSize');
    return [page.status, call.status];
  }

  it('accepts this server by either of its names, in any letter case', async () => {
    const p = host.port;
    for (const name of [`127.0.0.1:${p}`, `localhost:${p}`, `LOCALHOST:${p}`, `LocalHost:${p}`]) {
      expect(await both([`Host: ${name}`]), name).toEqual([200, 200]);
    }
  });

  it('refuses every other Host with 403', async () => {
    const p = host.port;
    const foreign = [
      'evil.example',
      `evil.example:${p}`,
      `127.0.0.1:${p + 1}`,
      `localhost:${p - 1}`,
      '127.0.0.1',
      'localhost',
      `localhost.:${p}`,
      `127.0.0.1.:${p}`,
      `[::1]:${p}`,
      `[::ffff:127.0.0.1]:${p}`,
      `[0:0:0:0:0:0:0:1]:${p}`,
      `127.1:${p}`,
      `2130706433:${p}`,
      `0x7f.0.0.1:${p}`,
      `127.0.0.2:${p}`,
      `0.0.0.0:${p}`,
      `localhost.evil.example:${p}`,
      `127.0.0.1.nip.io:${p}`,
      `user@127.0.0.1:${p}`,
      `127.0.0.1:0${p}`,
      `127.0.0.1:${p}/`,
      `127.0.0.1:${p}.`,
      '',
    ];
    for (const name of foreign) {
      expect(await both([`Host: ${name}`]), JSON.stringify(name)).toEqual([403, 403]);
    }
  });

  it('answers 400 to no Host and to more than one (RFC 9112 §3.2)', async () => {
    const ours = `Host: 127.0.0.1:${host.port}`;
    expect(await both([]), 'no Host').toEqual([400, 400]);
    for (const lines of [
      [ours, ours],
      [ours, 'Host: evil.example'],
      ['Host: evil.example', ours],
      [ours, `host: localhost:${host.port}`],
    ]) {
      expect(await both(lines), lines.join(' + ')).toEqual([400, 400]);
    }
  });

  it('random Host values: only the names of this server pass', async () => {
    const ours = new Set([`127.0.0.1:${host.port}`, `localhost:${host.port}`]);
    const hostValue = fc.oneof(
      fc
        .constantFrom(...ours)
        .map((name) => [...name].map((c, i) => (i % 2 === 0 ? c.toUpperCase() : c)).join('')),
      fc
        .constantFrom(...ours)
        .chain((name) =>
          fc.nat({ max: name.length }).map((cut) => name.slice(0, cut) + name.slice(cut + 1)),
        ),
      fc.stringMatching(/^[a-zA-Z0-9.:[\]-]{0,30}$/),
    );
    await fc.assert(
      fc.asyncProperty(hostValue, async (value) => {
        const expected = ours.has(value.toLowerCase()) ? 200 : 403;
        expect(await both([`Host: ${value}`]), value).toEqual([expected, expected]);
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});

describe('browser host over HTTP under fuzzing (real services)', () => {
  it('traversal paths never reach a file outside the served folder', async () => {
    await fc.assert(
      fc.asyncProperty(
        traversalPath(root),
        fc.constantFrom('GET', 'HEAD'),
        async (urlPath, method) => {
          const reply = await sendAndCheck({
            method,
            path: urlPath,
            headers: {},
            body: Buffer.alloc(0),
          });
          // An error, not "200 or 404": nothing outside is served, whatever the spelling.
          expect(reply.status, urlPath).toBeGreaterThanOrEqual(400);
          expect(reply.status, urlPath).toBeLessThan(500);
        },
      ),
      { numRuns: 800 },
    );
  }, 60_000);

  it('random methods, paths, content types, tokens, origins and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 3, arbitrary: fc.constant('POST') }, fc.constantFrom(...METHODS)),
        apiPath,
        contentType,
        token,
        origin,
        body,
        async (method, urlPath, type, secret, from, payload) => {
          await sendAndCheck({
            method,
            path: urlPath,
            headers: headersOf(type, secret, from),
            // A body with GET or HEAD is legal but unusual; keep those plain.
            body: method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : payload,
          });
        },
      ),
      { numRuns: 1200 },
    );
  }, 60_000);

  it('every real channel with the right token, and a body with one thing wrong or none right', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutatedRequest({ nonJson: false }).map(([channel, request]) => [
            channel,
            jsonBody(request),
          ]),
          fc.tuple(fc.constantFrom(...CHANNELS), body),
        ),
        async ([channel, payload]) => {
          const reply = await sendAndCheck({
            method: 'POST',
            path: `/api/${channel}`,
            headers: headersOf('application/json', TOKEN, null),
            body: payload as Buffer,
          });
          // Garbage never reaches a handler that then fails in an unplanned way.
          expect(reply.body).not.toContain('"code":"internal"');
        },
      ),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('bodies over the limit are refused as too large, whatever the channel', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS),
        fc.integer({ min: 1, max: 512 * 1024 }),
        async (channel, extra) => {
          const note = 'x'.repeat(MAX_REQUEST_BYTES + extra);
          const reply = await sendAndCheck({
            method: 'POST',
            path: `/api/${channel}`,
            headers: headersOf('application/json', TOKEN, null),
            body: jsonBody({ note }),
          });
          expect(reply.status).toBe(413);
          expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'too-large' } });
        },
      ),
      { numRuns: 6 },
    );
  }, 30_000);

  it('afterwards: the prototype is clean and good calls still work', async () => {
    expect(prototypeKeys()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const call = async (channel: string, request: unknown) => {
      const reply = await send({
        method: 'POST',
        path: `/api/${channel}`,
        headers: headersOf('application/json', TOKEN, null),
        body: jsonBody(request),
      });
      expect(reply.status, reply.body).toBe(200);
      return JSON.parse(reply.body) as { ok: true; value: unknown };
    };
    // Fuzzing may have imported a file (random bytes that happen to be text): others may be listed.
    expect((await call('listReports', {})).value).toMatchObject({
      reports: expect.arrayContaining([expect.objectContaining({ id: REPORT_ID })]),
    });
    expect((await call('openReport', { reportId: REPORT_ID })).value).toMatchObject({
      id: REPORT_ID,
    });
    expect((await call('getSettings', {})).ok).toBe(true);
    const page = await send({ method: 'GET', path: '/', headers: {}, body: Buffer.alloc(0) });
    expect(page.status).toBe(200);
    expect(counts.apiRefused).toBeGreaterThan(counts.apiOk);
  });
});
