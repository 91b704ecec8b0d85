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
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
import { rawRequest, type RawReply } from '../node/web-host/raw-http';

const TOKEN = 'fuzz-token-0123456789';
/** Methods Node's HTTP parser knows (others it refuses itself, before the host sees them). */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'SEARCH'];

let root: string;
let dataDir: string;
let services: HostServices;
let host: WebHost;
const prototypeBefore = prototypeKeys();
const counts = { requests: 0, apiOk: 0, apiRefused: 0, notApi: 0, unparsable: 0, changedData: 0 };
const codes = new Map<string, number>();

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'http-fuzz-'));
  dataDir = path.join(root, 'data');
  const rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>阅读器</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
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
    expect(reading ? [200, 404] : [405], context).toContain(reply.status);
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

describe('browser host over HTTP under fuzzing (real services)', () => {
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
