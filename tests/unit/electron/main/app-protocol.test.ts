import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../core/content-security-policy';
import {
  createAppRequestHandler,
  registerAppScheme,
  serveAppProtocol,
  type AppRequestHandler,
} from '../../../../electron/main/app-protocol';
import { ProtocolMock } from '../../../mocks/electron';
import { captureLog } from '../capture-log';

let root: string;
let handle: AppRequestHandler;
const log = captureLog();

beforeAll(async () => {
  // <root>/secret.txt sits just outside the served folder: what a traversal would reach.
  root = await mkdtemp(path.join(tmpdir(), 'app-protocol-'));
  const renderer = path.join(root, 'renderer');
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(path.join(renderer, 'assets', 'font.woff2'), Buffer.from([1, 2, 3]));
  await writeFile(path.join(root, 'secret.txt'), 'SECRET');
  handle = createAppRequestHandler(renderer, log);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('registerAppScheme', () => {
  it('makes app: a standard, secure scheme that fetch can use', () => {
    const protocol = new ProtocolMock();
    registerAppScheme(protocol as unknown as Protocol);
    expect(protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('serveAppProtocol', () => {
  it('handles the app scheme', () => {
    const protocol = new ProtocolMock();
    serveAppProtocol(protocol as unknown as Protocol, root, log);
    expect([...protocol.handlers.keys()]).toEqual(['app']);
  });
});

describe('the app:// request handler', () => {
  it('serves the page with its MIME type and the CSP header', async () => {
    const response = await handle({ url: 'app://viewer/index.html' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>t</title>');
  });

  it('serves index.html for the root', async () => {
    const response = await handle({ url: 'app://viewer/' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>t</title>');
  });

  it('serves scripts and fonts with their types and no CSP (it only applies to documents)', async () => {
    const script = await handle({ url: 'app://viewer/assets/app.js?v=1' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBeNull();
    expect(await script.text()).toBe('console.log(1);');
    const font = await handle({ url: 'app://viewer/assets/font.woff2' });
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('accepts a real fetch Request, as protocol.handle passes', async () => {
    const response = await handle(new Request('app://viewer/index.html'));
    expect(response.status).toBe(200);
  });

  it('answers HEAD without a body', async () => {
    const response = await handle({ url: 'app://viewer/index.html', method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    'app://viewer/../../etc/passwd',
    'app://viewer/../secret.txt',
    'app://viewer/assets/../../secret.txt',
    'app://viewer/%2e%2e/secret.txt',
    'app://viewer/%2E%2E/%2e%2e/etc/passwd',
    'app://viewer/..%2fsecret.txt',
    'app://viewer/%2e%2e%2fsecret.txt',
    'app://viewer/assets/..%2f..%2fsecret.txt',
    'app://viewer/..%5csecret.txt',
    'app://viewer/%00index.html',
    'app://viewer/%E0%A4%A',
  ])('refuses %s with 404', async (url) => {
    const response = await handle({ url });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('404s unknown files, folders and other hosts', async () => {
    for (const url of [
      'app://viewer/missing.js',
      'app://viewer/assets',
      'app://viewer/index.html/x',
      'app://other/index.html',
    ]) {
      expect((await handle({ url })).status, url).toBe(404);
    }
  });
});
