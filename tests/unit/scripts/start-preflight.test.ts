/** `npm start`'s pre-flight: with no Electron binary and no download, a plain message, no stack. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const script = path.join(root, 'scripts/start.mjs');

function runStart(env: Record<string, string>) {
  return spawnSync(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), REPORT_VIEWER_NO_DOWNLOAD: '1', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm start pre-flight', () => {
  it('explains a missing Electron binary in Chinese and English and exits non-zero', () => {
    // An electron package folder as npm installs it, before the first-launch download.
    const electronDir = mkdtempSync(path.join(tmpdir(), 'electron-pkg-'));
    writeFileSync(path.join(electronDir, 'package.json'), '{"version":"45.5.0"}');
    const result = runStart({ REPORT_VIEWER_ELECTRON_DIR: electronDir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('找不到 Electron 程序');
    expect(result.stderr).toContain('the Electron program is missing');
    expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH=');
    expect(result.stderr).toContain(`electron-v45.5.0-${process.platform}-${process.arch}.zip`);
    expect(result.stderr).toContain('npm run web');
    // No stack trace, and it stopped before building anything.
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/Error:/);
    expect(result.stdout).not.toContain('vite');
  });

  it('names a wrong ELECTRON_OVERRIDE_DIST_PATH', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'no-electron-'));
    const result = runStart({ ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(empty);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('finds a binary where the override points (and only then goes on)', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'electron-dist-'));
    mkdirSync(dist, { recursive: true });
    const exe = process.platform === 'win32' ? 'electron.exe' : 'electron';
    writeFileSync(path.join(dist, exe), '');
    const { findElectron } = (await import(script)) as {
      findElectron: (env: Record<string, string | undefined>) => string | null;
    };
    expect(findElectron({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(path.join(dist, exe));
    expect(findElectron({ ELECTRON_OVERRIDE_DIST_PATH: path.join(dist, 'nope') })).toBeNull();
  });
});
