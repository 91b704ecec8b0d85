/**
 * Before the E2E suite: make sure Chromium is there (say so plainly if not; under CI that is a
 * failure, never a silent skip) and build the renderer the browser host will serve.
 */
import path from 'node:path';
import { build } from 'vite';
import { chromiumPath, projectRoot } from './harness';

export default async function setup(): Promise<void> {
  if (!chromiumPath()) {
    const message =
      'E2E: no Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium). ' +
      'Install it with `apt-get install -y chromium` or set CHROMIUM_PATH.';
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(`${message} The E2E tests will be skipped.`);
    process.env.E2E_NO_CHROMIUM = '1';
    return;
  }
  // The production build users get (vitest sets NODE_ENV=test, which would give React's slower
  // development build, and leave it in dist/ for whatever runs next).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
