import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../core/api/dispatch';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../../core/settings';
import { createHostServices } from '../../../../node/services/host-services';
import { openSettingsStore } from '../../../../node/services/settings-store';

const reportsDir = fileURLToPath(new URL('../../../../resources/reports', import.meta.url));

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'settings-store-'));
  file = path.join(dir, 'settings.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeSettingsFile(content: unknown, target = file): Promise<void> {
  await writeFile(target, typeof content === 'string' ? content : JSON.stringify(content));
}

describe('openSettingsStore', () => {
  it('starts from the defaults when there is no file, and creates none', async () => {
    const store = await openSettingsStore(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.notices).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('persists an update: a store reopened from the same folder sees it', async () => {
    const store = await openSettingsStore(dir);
    const returned = await store.update({ fontSize: 24, theme: 'dark', lastReportId: 'a.txt' });
    const expected: Settings = {
      ...DEFAULT_SETTINGS,
      fontSize: 24,
      theme: 'dark',
      lastReportId: 'a.txt',
    };
    expect(returned).toEqual(expected);
    expect(store.get()).toEqual(expected);

    const reopened = await openSettingsStore(dir);
    expect(reopened.get()).toEqual(expected);
    expect(reopened.notices).toEqual([]);
  });

  it('merges reading positions report by report', async () => {
    const store = await openSettingsStore(dir);
    await store.update({ positions: { 'a.txt': { paragraphId: 'p1', offset: 10 } } });
    await store.update({ positions: { 'b.txt': { paragraphId: 'p2', offset: 0 } } });
    await store.update({ positions: { 'a.txt': { paragraphId: 'p9', offset: 3 } } });
    await store.update({ fontSize: 20 });
    const expected = {
      'a.txt': { paragraphId: 'p9', offset: 3 },
      'b.txt': { paragraphId: 'p2', offset: 0 },
    };
    expect(store.get().positions).toEqual(expected);
    expect((await openSettingsStore(dir)).get().positions).toEqual(expected);
  });

  it('applies 50 concurrent updates in order and loses none', async () => {
    const store = await openSettingsStore(dir);
    const themes = ['light', 'dark', 'sepia', 'system'] as const;
    const patches: SettingsPatch[] = Array.from({ length: 50 }, (_, i) => {
      const patch: SettingsPatch = {
        positions: { [`r${i}.txt`]: { paragraphId: `p${i}`, offset: i } },
      };
      if (i % 3 === 0) patch.fontSize = 13 + (i % 20);
      if (i % 3 === 1) patch.theme = themes[i % 4];
      if (i % 3 === 2) patch.lastReportId = `r${i}.txt`;
      return patch;
    });
    const results = await Promise.all(patches.map((p) => store.update(p)));

    // Each result is the state right after its own update: every earlier update, no later one.
    results.forEach((result, i) => {
      expect(Object.keys(result.positions).sort()).toEqual(
        Array.from({ length: i + 1 }, (_, k) => `r${k}.txt`).sort(),
      );
    });
    const expected: Settings = {
      ...DEFAULT_SETTINGS,
      language: 'zh-CN',
      fontSize: 13 + (48 % 20),
      theme: themes[49 % 4] ?? 'system',
      lastReportId: 'r47.txt',
      positions: Object.fromEntries(
        Array.from({ length: 50 }, (_, i) => [`r${i}.txt`, { paragraphId: `p${i}`, offset: i }]),
      ),
    };
    expect(store.get()).toEqual(expected);
    await store.flush();

    const reopened = await openSettingsStore(dir);
    expect(reopened.get()).toEqual(expected);
    // The backup is the state just before the last update.
    const backup = JSON.parse(await readFile(`${file}.bak`, 'utf8')) as { settings: Settings };
    expect(Object.keys(backup.settings.positions)).toHaveLength(49);
    expect((await readdir(dir)).sort()).toEqual(['settings.json', 'settings.json.bak']);
  });

  it('sets a corrupt settings.json aside, uses the backup and says where the file went', async () => {
    const store = await openSettingsStore(dir);
    await store.update({ fontSize: 20, theme: 'sepia' });
    await store.update({ fontSize: 28 });
    const damaged = '{"version":1,"settings":{"fontSize":2';
    await writeSettingsFile(damaged);

    const reopened = await openSettingsStore(dir);
    expect(reopened.get()).toEqual({ ...DEFAULT_SETTINGS, fontSize: 20, theme: 'sepia' });
    expect(reopened.notices).toHaveLength(1);
    const notice = reopened.notices[0];

    const asideName = (await readdir(dir)).find((n) => n.startsWith('settings.json.corrupt-'));
    expect(asideName).toBeDefined();
    const aside = path.join(dir, asideName ?? '');
    expect(await readFile(aside, 'utf8')).toBe(damaged);
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });

    expect(notice?.message).toMatch(/设置/);
    expect(notice?.message).toMatch(/备份/);
    expect(notice?.message).toContain(aside);
    expect(notice?.messageEn).toMatch(/settings/);
    expect(notice?.messageEn).toMatch(/backup/);
    expect(notice?.messageEn).toContain(aside);
    // Plain language: no parser jargon for the user.
    expect(`${notice?.message} ${notice?.messageEn}`).not.toMatch(/SyntaxError|JSON\.parse|token/i);

    // The next save writes a fresh file; the damaged one stays where it was put.
    await reopened.update({ language: 'en' });
    expect((await openSettingsStore(dir)).get().language).toBe('en');
    expect(await readFile(aside, 'utf8')).toBe(damaged);
  });

  it('falls back to the defaults, with a notice, when the file is corrupt and there is no backup', async () => {
    await writeSettingsFile('not json at all');
    const store = await openSettingsStore(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.notices).toHaveLength(1);
    const asideName = (await readdir(dir)).find((n) => n.startsWith('settings.json.corrupt-'));
    expect(asideName).toBeDefined();
    const aside = path.join(dir, asideName ?? '');
    expect(await readFile(aside, 'utf8')).toBe('not json at all');
    expect(store.notices[0]?.message).toContain(aside);
    expect(store.notices[0]?.message).toMatch(/默认/);
    expect(store.notices[0]?.messageEn).toContain(aside);
    expect(store.notices[0]?.messageEn).toMatch(/default/);
  });

  it('also falls back to defaults when the backup is damaged too, keeping both files', async () => {
    await writeSettingsFile('{broken');
    await writeSettingsFile('[also broken', `${file}.bak`);
    const store = await openSettingsStore(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.notices).toHaveLength(1);
    const names = await readdir(dir);
    const contents = await Promise.all(names.map((n) => readFile(path.join(dir, n), 'utf8')));
    expect(contents.sort()).toEqual(['[also broken', '{broken']);
  });

  it('sets aside a file from an unknown future version instead of overwriting it', async () => {
    const future = { version: 99, settings: { fontSize: 20 } };
    await writeSettingsFile(future);
    const store = await openSettingsStore(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.notices).toHaveLength(1);
    await store.update({ fontSize: 16 });
    const asideName = (await readdir(dir)).find((n) => n.startsWith('settings.json.corrupt-'));
    expect(JSON.parse(await readFile(path.join(dir, asideName ?? ''), 'utf8'))).toEqual(future);
  });

  it('keeps the valid fields of a file whose other fields are invalid', async () => {
    await writeSettingsFile({
      version: 1,
      settings: {
        language: 'fr',
        theme: 'dark',
        fontSize: 999,
        lastReportId: 'a.txt',
        positions: {
          'a.txt': { paragraphId: 'p3', offset: 12 },
          '../evil.txt': { paragraphId: 'p1', offset: 0 },
          'b.txt': { paragraphId: '', offset: 0 },
          'c.txt': { paragraphId: 'p4', offset: -5 },
        },
        unknownField: 'ignored',
      },
    });
    const store = await openSettingsStore(dir);
    expect(store.get()).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'zh-CN',
      theme: 'dark',
      fontSize: DEFAULT_SETTINGS.fontSize,
      lastReportId: 'a.txt',
      positions: { 'a.txt': { paragraphId: 'p3', offset: 12 } },
    });
    // A partly valid file is still the user's file: it stays in place.
    expect(await readdir(dir)).toEqual(['settings.json']);
  });
});

describe('updateSettings through dispatch', () => {
  const badPatches: [string, unknown][] = [
    ['fontSize 999', { fontSize: 999 }],
    ['fontSize 12.5', { fontSize: 12.5 }],
    ["theme 'pink'", { theme: 'pink' }],
    ["language 'fr'", { language: 'fr' }],
    ['an unknown field', { fontSize: 20, evil: true }],
    ['a position for a path', { positions: { '../x.txt': { paragraphId: 'p', offset: 0 } } }],
    ['a negative offset', { positions: { 'a.txt': { paragraphId: 'p', offset: -1 } } }],
    ['lastReportId with a slash', { lastReportId: 'a/b.txt' }],
  ];

  it.each(badPatches)(
    'rejects %s as bad-request and leaves settings.json unchanged',
    async (_, patch) => {
      const services = await createHostServices({
        reportsDir,
        dataDir: dir,
        host: 'web',
        appName: 'test',
        appVersion: '0.0.0',
      });
      const ok = await dispatch(services.handlers, 'updateSettings', { patch: { fontSize: 22 } });
      expect(ok.ok).toBe(true);
      const before = await readFile(file);
      const namesBefore = (await readdir(dir)).sort();

      const result = await dispatch(services.handlers, 'updateSettings', { patch });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('bad-request');
      await services.flush();
      expect(await readFile(file)).toEqual(before);
      expect((await readdir(dir)).sort()).toEqual(namesBefore);

      const current = await dispatch(services.handlers, 'getSettings', {});
      expect(current).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, fontSize: 22 } });
    },
  );

  it('accepts a valid patch and returns the new settings', async () => {
    const services = await createHostServices({
      reportsDir,
      dataDir: dir,
      host: 'web',
      appName: 'test',
      appVersion: '0.0.0',
    });
    const result = await dispatch(services.handlers, 'updateSettings', {
      patch: { theme: 'sepia', fontSize: 32 },
    });
    expect(result).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 32 },
    });
    expect((await openSettingsStore(dir)).get().theme).toBe('sepia');
  });

  it('passes load notices on to the UI through getAppInfo', async () => {
    await writeSettingsFile('garbage');
    const services = await createHostServices({
      reportsDir,
      dataDir: dir,
      host: 'web',
      appName: 'test',
      appVersion: '0.0.0',
    });
    const info = await dispatch(services.handlers, 'getAppInfo', {});
    expect(info.ok).toBe(true);
    if (info.ok) {
      const value = info.value as { notices: { message: string }[]; dataDir: string };
      expect(value.dataDir).toBe(dir);
      expect(value.notices).toHaveLength(1);
      expect(value.notices[0]?.message).toContain('settings.json.corrupt-');
    }
  });
});
