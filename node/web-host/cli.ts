/**
 * `npm run web`: builds the renderer if it is missing or older than its sources, starts the
 * browser host and prints one line with the address to open.
 *
 *   --port N          port on 127.0.0.1 (0 = any free port; default 5183)
 *   --data-dir DIR    where user data goes (default: the OS's data folder)
 *   --reports-dir DIR reports to offer (default: resources/reports)
 *   --no-build        serve dist/renderer as it is (fail only if it is missing)
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import envPaths from 'env-paths';
import { startBrowserHost } from './browser-host';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = path.join(projectRoot, 'dist/renderer');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5183' },
      'data-dir': { type: 'string' },
      'reports-dir': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  }
  const dataDir = path.resolve(
    values['data-dir'] ?? envPaths('report-viewer', { suffix: '' }).data,
  );
  const reportsDir = path.resolve(
    values['reports-dir'] ?? path.join(projectRoot, 'resources/reports'),
  );
  if (!existsSync(reportsDir)) fail(`The reports folder does not exist: ${reportsDir}`);

  if (values['no-build']) {
    if (!existsSync(path.join(rendererDir, 'index.html'))) {
      fail('The renderer is not built; run `npm run build` first.');
    }
  } else if (rendererNeedsBuild()) {
    console.error('Building the renderer…');
    const { build } = await import('vite');
    await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
  }

  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    productName: string;
    version: string;
  };
  const host = await startBrowserHost({
    reportsDir,
    dataDir,
    appName: pkg.productName,
    appVersion: pkg.version,
    rendererDir,
    port,
    log: (message) => console.error(message),
  });
  console.log(`Report viewer: ${host.web.url}`);

  const stop = async (): Promise<void> => {
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** True when dist/renderer is missing or any renderer/core source is newer than it. */
function rendererNeedsBuild(): boolean {
  const index = path.join(rendererDir, 'index.html');
  if (!existsSync(index)) return true;
  const builtAt = statSync(index).mtimeMs;
  const sources = ['renderer', 'core'].map((d) => path.join(projectRoot, d));
  return sources.some((dir) => newestMtime(dir) > builtAt);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

main().catch((err: unknown) => {
  console.error(
    `The report viewer could not start: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
});
