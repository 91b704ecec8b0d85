// electron-builder.yml, read as electron-builder reads it: the security fuses, the targets and
// architectures, what goes into the asar and what ships beside it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../../..');

interface TargetEntry {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  artifactName: string;
  asar: boolean;
  files: string[];
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
  linux: { target: TargetEntry[]; icon: string };
  win: { target: TargetEntry[]; icon: string };
  mac: { target: TargetEntry[]; icon: string };
  nsis: { artifactName: string };
  portable: { artifactName: string };
}

const config = load(
  readFileSync(path.join(projectRoot, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;

/** Whether `file` would be packed, by the `files` globs (later patterns win, `!` excludes). */
function packed(file: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!');
    if (minimatch(file, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
  }
  return included;
}

describe('electron-builder.yml', () => {
  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it.each([
    ['linux', ['AppImage', 'deb']],
    ['win', ['nsis', 'portable']],
    ['mac', ['dmg']],
  ] as const)('%s builds %j for x64 and arm64', (platform, targets) => {
    const entries = config[platform].target;
    expect(entries.map((t) => t.target)).toEqual(targets);
    for (const entry of entries) expect(entry.arch).toEqual(['x64', 'arm64']);
  });

  it('names every artifact in ASCII, the two Windows .exe files apart', () => {
    const names = [config.artifactName, config.nsis.artifactName, config.portable.artifactName];
    for (const name of names) expect(name).toMatch(/^[\x20-\x7e]+$/);
    expect(config.artifactName).toBe('report-reader-${version}-${os}-${arch}.${ext}');
    expect(new Set(names).size).toBe(3);
    expect(config.productName).toBe('法治报告阅读器');
  });

  it('packs the code in an asar, the built files only: no sources, maps or node_modules', () => {
    expect(config.asar).toBe(true);
    for (const file of [
      'dist/electron/main.js',
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc.js',
      'package.json',
    ]) {
      expect(packed(file), file).toBe(true);
    }
    for (const file of [
      'dist/electron/main.js.map',
      'dist/renderer/assets/index-abc.js.map',
      'electron/main/main.ts',
      'renderer/App.tsx',
      'core/settings.ts',
      'tests/unit/setup.ts',
      'node_modules/zod/index.js',
      'resources/reports/report.txt',
    ]) {
      expect(packed(file), file).toBe(false);
    }
  });

  it('ships the reports and the font licences beside the asar', () => {
    expect(config.extraResources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'resources/reports', to: 'reports' }),
        expect.objectContaining({ from: 'resources/licenses', to: 'licenses' }),
        expect.objectContaining({ from: 'node_modules/pdfjs-dist/cmaps', to: 'pdfjs/cmaps' }),
      ]),
    );
    for (const { from } of config.extraResources) {
      expect(existsSync(path.join(projectRoot, from)), from).toBe(true);
    }
  });

  it('points at icons that exist', () => {
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) {
      expect(existsSync(path.join(projectRoot, icon)), icon).toBe(true);
    }
  });
});
