/**
 * Finding and starting Debian's Chromium through playwright-core, the one way both the browser
 * host (to print PDFs) and the E2E tests (to drive the UI) do it: same flags, nothing that
 * phones home.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** No sandbox (we run as root in CI), no GPU, no background traffic, no first-run UI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
] as const;

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error('No Chromium found (set CHROMIUM_PATH or apt-get install chromium).');
  }
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}

/** Whether a request stays on this machine: 127.0.0.1, or inline data. */
export function isLoopbackUrl(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}
