/**
 * E2E harness: starts the real browser host (`npm run web`'s CLI) in a child process with its
 * own data dir, and Debian's Chromium through playwright-core. Every request the page makes is
 * recorded so tests can prove that nothing left 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiRequest, ApiResponse, Channel } from '../../core/api/contract';
import type { ApiResult } from '../../core/api/errors';
import type { BrowserContext, Page } from 'playwright-core';
import {
  chromiumPath,
  isLoopbackUrl,
  launchChromium,
} from '../../electron/web-host/chromium-launch';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// One way to find and start Chromium, shared with the browser host's PDF printing.
export { chromiumPath, launchChromium as launchBrowser, isLoopbackUrl as isLocal };

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startHost(
  options: { dataDir?: string; reportsDir?: string } = {},
): Promise<RunningHost> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'viewer-e2e-'));
  const args = [
    path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'),
    path.join(projectRoot, 'electron/web-host/cli.ts'),
    '--port',
    '0',
    '--data-dir',
    dataDir,
    '--no-build',
  ];
  if (options.reportsDir) args.push('--reports-dir', options.reportsDir);
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${stderr}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Report viewer: (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}: ${stderr}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: /token=([^&]+)/.exec(parsed.hash)?.[1] ?? '',
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Every URL any page of the context requested, for the offline check. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Calls the host's API directly, as the page would (with the run's secret). */
export async function callHostApi<C extends Channel>(
  host: RunningHost,
  channel: C,
  request: ApiRequest<C>,
): Promise<ApiResponse<C>> {
  const response = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Viewer-Token': host.token },
    body: JSON.stringify(request),
  });
  const result = (await response.json()) as ApiResult<ApiResponse<C>>;
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Opens the viewer and waits until the report is on screen and the fonts are ready. */
export async function openViewer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('tree', { name: '目录' }).waitFor();
  await page.evaluate(() => document.fonts.ready);
}
