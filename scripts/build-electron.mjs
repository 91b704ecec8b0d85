// Bundles the Electron main process and preload into dist/electron with Vite's JS API (the
// renderer has its own vite.config.ts). Everything but `electron` and Node's built-ins is
// bundled, so the packaged app needs no node_modules at run time.
//
//   dist/electron/main.js     ES module for Electron's Node 22 (package.json "main")
//   dist/electron/preload.cjs CommonJS: a sandboxed preload cannot be an ES module
//   dist/electron/import-worker.js  the importers' worker thread (ES module)
//
// `--out-dir DIR` builds elsewhere (tests build into a temp folder, leaving dist/ alone).
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
const outDir = path.resolve(args['out-dir'] ?? path.join(root, 'dist', 'electron'));

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/**
 * Bundled CommonJS libraries (write-file-atomic names its temp files after `__filename`) expect
 * the CommonJS module globals, which an ES module lacks; define them from import.meta.url.
 */
const esmCommonJsGlobals = [
  "import { fileURLToPath as __esmFileURLToPath } from 'node:url';",
  "import { dirname as __esmDirname } from 'node:path';",
  'const __filename = __esmFileURLToPath(import.meta.url);',
  'const __dirname = __esmDirname(__filename);',
].join('\n');

/**
 * One Vite SSR-style build of a single entry into a single file.
 * @param {{ entry: string, fileName: string, format: 'es' | 'cjs', target: string, external: string[] }} spec
 */
async function bundle({ entry, fileName, format, target, external }) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    // The code is bundled for Electron, not for a server: no dependency stays external.
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: path.join(root, entry),
      outDir,
      emptyOutDir: false,
      target,
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: {
        external,
        // One file per entry: the preload cannot load chunks, and main is simpler to ship whole.
        output: {
          format,
          entryFileNames: fileName,
          codeSplitting: false,
          banner: format === 'es' ? esmCommonJsGlobals : undefined,
        },
      },
    },
  });
}

await rm(outDir, { recursive: true, force: true });
await bundle({
  entry: 'electron/main/main.ts',
  fileName: 'main.js',
  format: 'es',
  target: 'node22',
  external: ['electron', ...nodeBuiltins],
});
await bundle({
  entry: 'electron/preload/preload.ts',
  fileName: 'preload.cjs',
  format: 'cjs',
  // The preload runs in the window's renderer, Chromium 130 or later.
  target: 'chrome130',
  external: ['electron'],
});
// The importers' worker thread (electron/main/import-in-worker.ts loads it from beside main.js).
await bundle({
  entry: 'node/importers/import-worker-entry.ts',
  fileName: 'import-worker.js',
  format: 'es',
  target: 'node22',
  external: nodeBuiltins,
});
console.log(`Electron main, preload and import worker built in ${path.relative(root, outDir)}`);
