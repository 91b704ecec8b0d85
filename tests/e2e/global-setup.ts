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
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
}
