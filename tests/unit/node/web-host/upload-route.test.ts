/**
 * The browser host's upload route (POST /api-upload/importReportFile) over real HTTP: the same
 * Host, Origin and token checks as the JSON API, its own size limit refused from the declared
 * Content-Length, the file name in a percent-encoded header, and the report really imported.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES, type ReportListing } from '../../../../core/api/contract';
import { createHostServices } from '../../../../node/services/host-services';
import {
  FILE_NAME_HEADER,
  startWebHost,
  TOKEN_HEADER,
  type WebHost,
} from '../../../../node/web-host/web-host';
import { rawRequest, type RawReply } from './raw-http';

const TOKEN = 'upload-test-token';
const REPORT = '上传的测试报告\n\n一、情况\n内容。\n';

let root: string;
let dataDir: string;
let host: WebHost;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'upload-route-'));
  dataDir = path.join(root, 'data');
  const reportsDir = path.join(root, 'reports');
  const rendererDir = path.join(root, 'renderer');
  await mkdir(reportsDir);
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>阅读器</title>');
  const services = await createHostServices({
    reportsDir,
    dataDir,
    host: 'web',
    appName: 'test',
    appVersion: '0.0.0',
  });
  host = await startWebHost({ services, rendererDir, port: 0, token: TOKEN });
});

afterAll(async () => {
  await host?.close();
  await rm(root, { recursive: true, force: true });
});

interface Upload {
  method?: string;
  path?: string;
  host?: string;
  headers?: Record<string, string | number>;
  body?: Buffer;
  /** Omit the Content-Length header (the body is then sent chunked). */
  chunked?: boolean;
}

function upload(options: Upload = {}): Promise<RawReply> {
  const body = options.body ?? Buffer.from(REPORT, 'utf8');
  const headers: Record<string, string | number> = {
    Host: options.host ?? `127.0.0.1:${host.port}`,
    'Content-Type': 'application/octet-stream',
    [TOKEN_HEADER]: TOKEN,
    [FILE_NAME_HEADER]: encodeURIComponent('上传的报告.txt'),
    ...(options.chunked ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': body.length }),
    ...options.headers,
  };
  for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
  return rawRequest(host.port, {
    method: options.method ?? 'POST',
    path: options.path ?? '/api-upload/importReportFile',
    headers,
    body,
  });
}

async function libraryFolders(): Promise<string[]> {
  const names = await readdir(path.join(dataDir, 'library')).catch(() => []);
  return names.filter((name) => name.startsWith('lib-') || name.startsWith('.incoming'));
}

async function listing(): Promise<ReportListing> {
  const reply = await rawRequest(host.port, {
    method: 'POST',
    path: '/api/listReports',
    headers: {
      Host: `127.0.0.1:${host.port}`,
      'Content-Type': 'application/json',
      [TOKEN_HEADER]: TOKEN,
    },
    body: '{}',
  });
  return (JSON.parse(reply.body) as { value: ReportListing }).value;
}

const errorOf = (reply: RawReply) =>
  (JSON.parse(reply.body) as { ok: false; error: { code: string; message: string } }).error;

describe('refusals, before anything is imported', () => {
  it.each([
    ['no token', { headers: { [TOKEN_HEADER]: '' } }, 403, 'forbidden'],
    ['a wrong token', { headers: { [TOKEN_HEADER]: 'guess' } }, 403, 'forbidden'],
    ['a foreign Host', { host: 'evil.example:80' }, 403, 'forbidden'],
    ['a foreign Origin', { headers: { Origin: 'http://evil.example' } }, 403, 'forbidden'],
    ['GET', { method: 'GET', body: Buffer.alloc(0) }, 405, 'bad-request'],
    ['an unknown upload channel', { path: '/api-upload/saveAnnotation' }, 404, 'unknown-channel'],
    ['no Content-Length', { chunked: true }, 411, 'bad-request'],
    [
      'a name that is not percent-encoded UTF-8',
      { headers: { [FILE_NAME_HEADER]: '%E4%B8' } },
      400,
      'bad-request',
    ],
    ['no file name', { headers: { [FILE_NAME_HEADER]: '' } }, 400, 'bad-request'],
  ] as const)('%s', async (_what, options: Upload, status, code) => {
    const reply = await upload(options);
    expect(reply.status).toBe(status);
    expect(errorOf(reply).code).toBe(code);
    expect(await libraryFolders()).toEqual([]);
  });

  it('a declared size over the limit, refused from the header before the body is read', async () => {
    // Declares one byte more than the limit but sends only a few: a server that waited for
    // the body would never answer.
    const reply = await upload({
      headers: { 'Content-Length': MAX_IMPORT_FILE_BYTES + 1 },
      body: Buffer.from('abc'),
    });
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    expect(errorOf(reply)).toMatchObject({
      code: 'too-large',
      message: '文件太大，无法导入：最大 64 MB。',
    });
    expect(await libraryFolders()).toEqual([]);
  });

  it('the JSON API does not take a file: it points to the upload route', async () => {
    const reply = await rawRequest(host.port, {
      method: 'POST',
      path: '/api/importReportFile',
      headers: {
        Host: `127.0.0.1:${host.port}`,
        'Content-Type': 'application/json',
        [TOKEN_HEADER]: TOKEN,
      },
      body: JSON.stringify({ fileName: 'a.txt', bytes: 'aGVsbG8=' }),
    });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(errorOf(reply))).toContain('/api-upload/importReportFile');
  });

  it('a file the importer refuses, with its message', async () => {
    const reply = await upload({
      headers: { [FILE_NAME_HEADER]: encodeURIComponent('扫描件.ofd') },
      body: Buffer.from('PK\u0003\u0004'),
    });
    expect(reply.status).toBe(415);
    expect(errorOf(reply).message).toMatch(/OFD 版式文件暂不支持/);
    expect(await libraryFolders()).toEqual([]);
  });
});

describe('an upload that is accepted', () => {
  it('imports the file under its decoded name; the same bytes again are a duplicate', async () => {
    const first = await upload();
    expect(first.status, first.body).toBe(200);
    const value = JSON.parse(first.body).value;
    expect(value).toMatchObject({
      duplicate: false,
      report: { title: '上传的测试报告', sourceFileName: '上传的报告.txt', origin: 'library' },
    });
    expect((await listing()).reports.map((r) => r.id)).toEqual([value.report.id]);

    const second = await upload({ headers: { [FILE_NAME_HEADER]: encodeURIComponent('x.txt') } });
    expect(second.status).toBe(200);
    expect(JSON.parse(second.body).value).toMatchObject({
      duplicate: true,
      report: { id: value.report.id },
    });
    expect(await libraryFolders()).toEqual([value.report.id]);
  });

  it('takes a file far over the JSON API’s 2 MB', async () => {
    const big = Buffer.from(`大文件报告\n\n${'正文内容。'.repeat(250_000)}\n`, 'utf8');
    expect(big.length).toBeGreaterThan(3 * 1024 * 1024);
    const reply = await upload({
      body: big,
      headers: { [FILE_NAME_HEADER]: encodeURIComponent('big.txt') },
    });
    expect(reply.status, reply.body.slice(0, 300)).toBe(200);
    expect(JSON.parse(reply.body).value.report).toMatchObject({
      title: '大文件报告',
      size: big.length,
    });
  });
});
