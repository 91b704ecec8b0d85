// The built main bundle (dist/electron/main.js), run under plain Node with `electron` resolved to
// a stub (built-main/): guards against bundling bugs that the source-level tests cannot see,
// such as a CommonJS global (`__filename`) used inside the ES module bundle. And the built import
// worker beside it, which found one: bundled pdf.js had no DOMMatrix (the native canvas package
// cannot be bundled), so every PDF import failed in the packaged app.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { CHANNELS, ipcChannel } from '../../../core/api/contract';
import { importReportFileInWorker } from '../../../node/importers/import-worker';
import { buildReportIndexInWorker } from '../../../node/services/index-in-worker';
import { buildReportIndex } from '../../../node/services/report-index';
import { encodeIndexFile } from '../../../node/services/search-index-file';
import { importReportFile } from '../../../node/importers/registry';
import { IMPORT_WORKER_FILE } from '../../../electron/main/import-in-worker';
import { fixture } from '../node/importers/fixtures';

const run = promisify(execFile);
const projectRoot = path.resolve(import.meta.dirname, '../../..');
const register = path.join(import.meta.dirname, 'built-main', 'register.mjs');

interface BuiltMainReport {
  channels: string[];
  menus: string[][];
  protocols: string[];
  windows: number;
  errors: string[];
  update?: { ok: boolean; value?: { language: string; theme: string } };
}

let workDir: string;
let report: BuiltMainReport;
let userData: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'built-main-'));
  const mainDir = path.join(workDir, 'dist', 'electron');
  userData = path.join(workDir, 'user-data');
  await run(process.execPath, ['scripts/build-electron.mjs', '--out-dir', mainDir], {
    cwd: projectRoot,
  });
  const started = await run(
    process.execPath,
    ['--import', register, path.join(mainDir, 'main.js')],
    { cwd: workDir, env: { ...process.env, BUILT_MAIN_USER_DATA: userData }, timeout: 15_000 },
  ).catch((err: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`the built main did not run: ${err.message}\n${err.stdout}\n${err.stderr}`);
  });
  const line = started.stdout.split('\n').find((l) => l.startsWith('BUILT_MAIN_REPORT '));
  if (line === undefined) throw new Error(`no report from the built main:\n${started.stdout}`);
  report = JSON.parse(line.slice('BUILT_MAIN_REPORT '.length)) as BuiltMainReport;
}, 40_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the built main bundle under plain Node', () => {
  it('starts without an error and opens one window on app:', () => {
    expect(report.errors).toEqual([]);
    expect(report.protocols).toEqual(['app']);
    expect(report.windows).toBe(1);
  });

  it('binds every IPC channel of the contract', () => {
    expect([...report.channels].sort()).toEqual(CHANNELS.map(ipcChannel).sort());
  });

  it('saves a setting through the bound updateSettings handler, on disk', async () => {
    expect(report.update).toMatchObject({ ok: true, value: { language: 'en', theme: 'dark' } });
    const file = JSON.parse(await readFile(path.join(userData, 'settings.json'), 'utf8'));
    expect(file.settings).toMatchObject({ language: 'en', theme: 'dark' });
  });

  it('shows the menu in Chinese, then in English after the page switched the language', () => {
    expect(report.menus[0]?.[0]).toBe('文件(&F)');
    expect(report.menus.at(-1)?.[0]).toBe('&File');
  });
});

describe('the built import worker (dist/electron/import-worker.js) under plain Node', () => {
  const workerUrl = () => pathToFileURL(path.join(workDir, 'dist', 'electron', IMPORT_WORKER_FILE));
  // What a packaged app has in resources/pdfjs (electron-builder.yml copies these folders).
  const pdfjsAssetRoot = path.dirname(
    createRequire(import.meta.url).resolve('pdfjs-dist/package.json'),
  );

  it.each(['report.pdf', 'report.docx', 'report.doc', 'report-gb18030.txt', 'saved-page-gbk.html'])(
    'imports %s exactly as the importers do in this thread',
    async (name) => {
      const bytes = fixture(name);
      const inWorker = await importReportFileInWorker(bytes, name, {
        workerUrl: workerUrl(),
        pdfjsAssetRoot,
      });
      expect(inWorker).toEqual(await importReportFile(bytes, name));
    },
    30_000,
  );

  it('passes a refusal back as the same plain-words error', async () => {
    const error = await importReportFileInWorker(fixture('image-only.pdf'), 'scan.pdf', {
      workerUrl: workerUrl(),
      pdfjsAssetRoot,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ViewerError', code: 'unsupported-format' });
  }, 30_000);

  it('indexes a report as the library search does in this thread', async () => {
    const source = (await importReportFile(fixture('report.docx'), 'report.docx')).source;
    const inWorker = await buildReportIndexInWorker(source, 'a-key', workerUrl());
    const here = buildReportIndex(source);
    expect(inWorker.extra).toEqual(here.extra);
    expect(inWorker.index.toData()).toEqual(here.index.toData());
    expect(inWorker.file).toEqual(encodeIndexFile('a-key', here.extra, here.index.toData()));
  }, 30_000);
});
