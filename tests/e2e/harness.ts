/**
 * E2E harness: starts the real browser host (`npm run web`'s CLI) in a child process with its
 * own data dir, and Debian's Chromium through playwright-core. Every request the page makes is
 * recorded so tests can prove that nothing left 127.0.0.1.
 *
 * The offline check is uniform across the suite: every browser started with launchBrowser()
 * records every request and WebSocket of every page of every context it opens, and, in a test
 * file, a final afterAll (registered when the file imports this module) fails the file if any of
 * them went anywhere but 127.0.0.1. A file can also look mid-way (requestsSoFar,
 * expectNothingLeftLoopback). recordRequests(context) still gives one context's own list.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiRequest, ApiResponse, Channel } from '../../core/api/contract';
import type { ApiResult } from '../../core/api/errors';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, isLoopbackUrl, launchChromium } from '../../node/web-host/chromium-launch';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// One way to find and start Chromium, shared with the browser host's PDF printing.
export { chromiumPath, isLoopbackUrl as isLocal };

/** One request (or WebSocket) a page of a harness browser made, for the offline check. */
export interface RecordedRequest {
  url: string;
  /** What made it: a resource type ('document', 'script', 'fetch', …) or 'websocket'. */
  kind: string;
  /** The page it came from, when there was one (service workers have none). */
  pageUrl: string | null;
}

/** Everything every harness browser of this test file requested, in order. */
const fileRequests: RecordedRequest[] = [];

function watchContext(context: BrowserContext): void {
  context.on('request', (request) => {
    let pageUrl: string | null = null;
    try {
      pageUrl = request.frame().page().url();
    } catch {
      // A service worker's request has no frame.
    }
    fileRequests.push({ url: request.url(), kind: request.resourceType(), pageUrl });
  });
  context.on('page', (page) => {
    page.on('websocket', (socket) =>
      fileRequests.push({ url: socket.url(), kind: 'websocket', pageUrl: page.url() }),
    );
  });
}

/**
 * Starts Chromium (see chromium-launch.ts) and records every request of every context and page
 * it ever opens, from the first one on: the context is watched as it is created, before any
 * page exists.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  browser.on('context', watchContext);
  return browser;
}

/** What the harness browsers of this test file have requested so far. */
export function requestsSoFar(): readonly RecordedRequest[] {
  return fileRequests;
}

/** The recorded requests that went anywhere but 127.0.0.1 (data:, blob: and about:blank stay). */
export function requestsLeavingLoopback(
  requests: readonly RecordedRequest[] = fileRequests,
): RecordedRequest[] {
  return requests.filter((r) => !isLoopbackUrl(r.url));
}

/** Throws, listing them, if any recorded request left 127.0.0.1. */
export function expectNothingLeftLoopback(
  requests: readonly RecordedRequest[] = fileRequests,
): void {
  const away = requestsLeavingLoopback(requests);
  if (away.length === 0) return;
  const lines = away.map((r) => `  ${r.kind} ${r.url} (from ${r.pageUrl ?? 'a worker'})`);
  throw new Error(
    `${away.length} of ${requests.length} requests left 127.0.0.1:\n${lines.join('\n')}`,
  );
}

// In a test file (vitest's workers set VITEST_WORKER_ID; global setup and scripts that reuse the
// harness don't): one final check after all of the file's tests. Each test file gets its own
// copy of this module (vitest isolates files), so the list and the check are per file.
if (process.env.VITEST_WORKER_ID !== undefined) {
  const { afterAll } = await import('vitest');
  afterAll(() => expectNothingLeftLoopback());
}

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
    path.join(projectRoot, 'node/web-host/cli.ts'),
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

/** Selects characters [start, end) of a paragraph's published text, as a mouse drag would. */
export async function selectInParagraph(
  page: Page,
  paragraphId: string,
  start: number,
  end: number,
): Promise<void> {
  // No named inner functions here: tsx (esbuild keepNames) would wrap them in a __name() helper
  // that does not exist in the page.
  await page.evaluate(
    ({ paragraphId, start, end }) => {
      const el = document.querySelector(`[data-pid="${paragraphId}"]`)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      let startSet = false;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.nodeValue!.length;
        if (!startSet && start <= seen + len) {
          range.setStart(n, start - seen);
          startSet = true;
        }
        if (startSet && end <= seen + len) {
          range.setEnd(n, end - seen);
          const selection = document.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return;
        }
        seen += len;
      }
      throw new Error('offset beyond paragraph');
    },
    { paragraphId, start, end },
  );
}

/** Opens the viewer and waits until the report is on screen and the fonts are ready. */
export async function openViewer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('tree', { name: '目录' }).waitFor();
  await page.evaluate(() => document.fonts.ready);
}
