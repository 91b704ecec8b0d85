/**
 * The browser host under failure: files it cannot read (permissions, removed at the wrong
 * moment, a read that fails half-way, a directory where a file was asked for) and uploads far
 * over the size limit. Each time the process stays up, the request gets a plain error status,
 * and the next request is served as usual.
 */
import { promises as fsPromises } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { chmod, mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../../../core/api/contract';
import { createHostServices } from '../../../../node/services/host-services';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../../../node/web-host/web-host';
import { rawRequest, type RawReply } from './raw-http';

const reportsDir = fileURLToPath(new URL('../../../../resources/reports', import.meta.url));
const TOKEN = 'failure-token';
const INDEX_HTML = '<!doctype html><title>阅读器</title>';
const APP_JS = 'console.log("app");'.repeat(1000);
const isRoot = process.getuid?.() === 0;

let root: string;
let rendererDir: string;
let host: WebHost;
const logged: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'web-host-failures-'));
  rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets', 'folder.js'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), APP_JS);
  const services = await createHostServices({
    reportsDir,
    dataDir: path.join(root, 'data'),
    host: 'web',
    appName: 'test',
    appVersion: '0.0.0',
  });
  host = await startWebHost({
    services,
    rendererDir,
    port: 0,
    token: TOKEN,
    log: (message) => logged.push(message),
  });
});

afterAll(async () => {
  await host?.close();
  await rm(root, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function get(urlPath: string): Promise<RawReply> {
  return rawRequest(host.port, {
    method: 'GET',
    path: urlPath,
    headers: { Host: `127.0.0.1:${host.port}` },
  });
}

/** The host is still up and serving: a page and an API call both answer normally. */
async function expectStillServing(): Promise<void> {
  const page = await get('/');
  expect(page.status).toBe(200);
  expect(page.body).toBe(INDEX_HTML);
  const asset = await get('/assets/app.js');
  expect(asset.status).toBe(200);
  expect(asset.body).toBe(APP_JS);
  const call = await rawRequest(host.port, {
    method: 'POST',
    path: '/api/getSettings',
    headers: {
      Host: `127.0.0.1:${host.port}`,
      [TOKEN_HEADER]: TOKEN,
      'Content-Type': 'application/json',
      'Content-Length': 2,
    },
    body: '{}',
  });
  expect(call.status).toBe(200);
}

/** Makes fs.promises.open fail (or misbehave) for one file name; the static file server uses it. */
function onOpenOf(
  name: string,
  instead: (real: typeof fsPromises.open, file: string) => Promise<FileHandle>,
): void {
  const real = fsPromises.open.bind(fsPromises);
  vi.spyOn(fsPromises, 'open').mockImplementation(((file: string, ...rest: unknown[]) =>
    path.basename(String(file)) === name
      ? instead(real, String(file))
      : (real as (...args: unknown[]) => Promise<FileHandle>)(
          file,
          ...rest,
        )) as typeof fsPromises.open);
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

describe('a file the host cannot read', () => {
  it.skipIf(isRoot)('answers 403 for a file made unreadable (chmod 000)', async () => {
    const file = path.join(rendererDir, 'assets', 'locked.js');
    await writeFile(file, 'secret');
    await chmod(file, 0o000);
    const reply = await get('/assets/locked.js');
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('secret');
    await expectStillServing();
  });

  it('answers 403 when opening is refused (EACCES, as chmod 000 does for anyone but root)', async () => {
    onOpenOf('app.js', async () => {
      throw errno('EACCES');
    });
    const reply = await get('/assets/app.js');
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('console.log');
    vi.restoreAllMocks();
    await expectStillServing();
  });

  it('answers 500 for another read error (EIO)', async () => {
    onOpenOf('app.js', async () => {
      throw errno('EIO');
    });
    expect((await get('/assets/app.js')).status).toBe(500);
    expect(logged.join('\n')).toContain('EIO');
    vi.restoreAllMocks();
    await expectStillServing();
  });

  it('answers 404 for a file removed between the check and the open', async () => {
    const file = path.join(rendererDir, 'assets', 'going.js');
    await writeFile(file, 'soon gone');
    onOpenOf('going.js', async (real, name) => {
      await unlink(name);
      return real(name, 'r');
    });
    expect((await get('/assets/going.js')).status).toBe(404);
    vi.restoreAllMocks();
    await expectStillServing();
  });

  it('answers 404 for a directory where a file was asked for', async () => {
    expect((await get('/assets/folder.js')).status).toBe(404);
    expect((await get('/assets/')).status).toBe(404);
    await expectStillServing();
  });

  it('cuts the response short when the read fails half-way, and stays up', async () => {
    onOpenOf('app.js', async (real, name) => {
      const handle = await real(name, 'r');
      // A stream that delivers a little and then fails, as a disk error mid-file would.
      handle.createReadStream = (() => {
        let sent = false;
        return new Readable({
          read() {
            if (sent) this.destroy(errno('EIO'));
            else {
              sent = true;
              this.push(Buffer.from('console'));
            }
          },
        });
      }) as unknown as FileHandle['createReadStream'];
      return handle;
    });
    const outcome = await get('/assets/app.js').then(
      (reply) => reply.body,
      (err: unknown) => (err as Error).message,
    );
    expect(outcome).not.toBe(APP_JS);
    vi.restoreAllMocks();
    await expectStillServing();
  });
});

/** Sends headers, then (optionally) body chunks until the server answers; returns what it said. */
async function upload(
  headers: string[],
  body: { chunked: boolean; total: number } | null,
): Promise<{ reply: string; sent: number }> {
  const socket = net.connect({ host: '127.0.0.1', port: host.port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let reply = '';
  let answered = false;
  const done = new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n\r\n')) answered = true;
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
  socket.write(
    [`POST /api/updateSettings HTTP/1.1`, `Host: 127.0.0.1:${host.port}`, ...headers, '', ''].join(
      '\r\n',
    ),
  );
  let sent = 0;
  if (body) {
    const piece = Buffer.alloc(64 * 1024, 'a');
    while (!answered && !socket.destroyed && sent < body.total) {
      const frame = body.chunked
        ? Buffer.concat([
            Buffer.from(`${piece.length.toString(16)}\r\n`),
            piece,
            Buffer.from('\r\n'),
          ])
        : piece;
      const flushed = socket.write(frame);
      sent += piece.length;
      if (!flushed) {
        await new Promise<void>((resolve) => {
          socket.once('drain', resolve);
          socket.once('close', resolve);
          const poll = setInterval(() => {
            if (answered) {
              clearInterval(poll);
              resolve();
            }
          }, 5);
          socket.once('drain', () => clearInterval(poll));
          socket.once('close', () => clearInterval(poll));
        });
      }
    }
  }
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  socket.destroy();
  return { reply, sent };
}

describe('an upload over the size limit', () => {
  const FIFTY_MB = 50 * 1024 * 1024;
  const apiHeaders = [`${TOKEN_HEADER}: ${TOKEN}`, 'Content-Type: application/json'];

  it('is refused from its Content-Length alone, before any of the body is sent', async () => {
    const { reply, sent } = await upload([...apiHeaders, `Content-Length: ${FIFTY_MB}`], null);
    expect(sent).toBe(0);
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toContain('"code":"too-large"');
    await expectStillServing();
  });

  it('is refused, and no more read, once a chunked body passes the limit', async () => {
    const { reply, sent } = await upload([...apiHeaders, 'Transfer-Encoding: chunked'], {
      chunked: true,
      total: FIFTY_MB,
    });
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toContain('"code":"too-large"');
    // Stopped near the limit (plus what socket buffers hold), far from the 50 MB on offer.
    expect(sent).toBeGreaterThan(MAX_REQUEST_BYTES);
    expect(sent).toBeLessThan(FIFTY_MB / 2);
    await expectStillServing();
  });

  it('is refused when the declared length is a lie told with a body that keeps coming', async () => {
    const { reply } = await upload([...apiHeaders, `Content-Length: ${FIFTY_MB}`], {
      chunked: false,
      total: FIFTY_MB,
    });
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    await expectStillServing();
  });
});
