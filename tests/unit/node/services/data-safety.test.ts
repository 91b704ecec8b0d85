// The user's notes against what goes wrong outside the app: read errors that are not damage,
// a file changed by another program between two saves, two hosts on one data folder, and a
// real full disk (a small tmpfs, when the tests run as root).
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../core/api/dispatch';
import type { ViewerError } from '../../../../core/api/errors';
import type { Annotation } from '../../../../core/annotations/annotation-model';
import { createAnnotationStore } from '../../../../node/services/annotation-store';
import { createHostServices, type HostServices } from '../../../../node/services/host-services';
import { openSettingsStore } from '../../../../node/services/settings-store';
import { makeAnnotation } from './crash/fixtures';
import { faultyFs } from './faulty-fs';

const reportsDir = fileURLToPath(new URL('../../../../resources/reports', import.meta.url));
const REPORT = 'report.txt';

let dir: string;
let folder: string;
let file: string;
const opened: HostServices[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'data-safety-'));
  folder = path.join(dir, 'annotations');
  file = path.join(folder, 'report.txt.json');
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

const note = (id: string, text: string, extra: Partial<Annotation> = {}) =>
  makeAnnotation({ id, reportId: REPORT, note: text, ...extra });

/** Every file under the data folder with its bytes (the lock folder as a folder). */
async function snapshot(root = dir): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(root, { recursive: true })).sort()) {
    out[name] = await readFile(path.join(root, name), 'base64').catch(() => '<dir>');
  }
  return out;
}

async function services(dataDir = dir): Promise<HostServices> {
  const s = await createHostServices({
    reportsDir,
    dataDir,
    host: 'web',
    appName: 'test',
    appVersion: '0.0.0',
  });
  opened.push(s);
  return s;
}

async function rejection(promise: Promise<unknown>): Promise<ViewerError> {
  return (await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  )) as ViewerError;
}

describe('read errors are not damage', () => {
  beforeEach(async () => {
    const store = createAnnotationStore(dir);
    await store.save(note('a', 'in the backup too'));
    await store.save(note('b', 'newest, only in the main file'));
  });

  it('retries a transient EIO and loads the newest annotations, setting nothing aside', async () => {
    const before = await snapshot();
    const fs = faultyFs({ readErrors: { match: (f) => f === file, codes: ['EIO', 'EBUSY'] } });
    const listing = await createAnnotationStore(dir, { fs }).list(REPORT);
    expect(listing.annotations.map((a) => a.id)).toEqual(['a', 'b']);
    expect(listing.notices).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [
      'a persistent EIO',
      Array<string>(20).fill('EIO'),
      /^无法读取批注（report\.txt）：磁盘读写出错/,
    ],
    ['EACCES', Array<string>(20).fill('EACCES'), /^无法读取批注（report\.txt）：没有权限读取文件 /],
    ['EPERM', Array<string>(20).fill('EPERM'), /^无法读取批注（report\.txt）：没有权限/],
  ])(
    'reports %s plainly, without setting the file aside or loading the older backup',
    async (_, codes, message) => {
      const before = await snapshot();
      const fs = faultyFs({ readErrors: { match: (f) => f === file, codes } });
      const store = createAnnotationStore(dir, { fs });
      const error = await rejection(store.list(REPORT));
      expect(error.code).toBe('io-error');
      expect(error.message).toMatch(message);
      expect(error.message).toContain('没有改用备份');
      expect(error.messageEn).toContain('no backup was used');
      expect(error.message).not.toContain('损坏');
      expect(await snapshot()).toEqual(before);
      // Nor is anything written over the file it could not read.
      expect((await rejection(store.save(note('c', 'x')))).code).toBe('io-error');
      expect(await snapshot()).toEqual(before);

      // Once the file can be read again, the newest version is there.
      fs.faults.readErrors = undefined;
      expect((await store.list(REPORT)).annotations.map((a) => a.id)).toEqual(['a', 'b']);
    },
  );

  it('starts settings from the defaults when settings.json cannot be read, and never overwrites it', async () => {
    const settingsFile = path.join(dir, 'settings.json');
    await (await openSettingsStore(dir)).update({ fontSize: 24 });
    const before = await snapshot();
    const fs = faultyFs({ readErrors: { match: (f) => f === settingsFile, codes: ['EACCES'] } });
    const settings = await openSettingsStore(dir, { fs });
    expect(settings.get().fontSize).not.toBe(24);
    expect(settings.notices[0]?.message).toMatch(/^无法读取设置：没有权限/);
    const error = await rejection(settings.update({ fontSize: 30 }));
    expect(error.message).toMatch(/^修改没有保存：设置文件无法读取/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('failed saves name the cause', () => {
  it('a full disk refuses a settings save with 磁盘空间不足, changing nothing', async () => {
    const fs = faultyFs({});
    const settings = await openSettingsStore(dir, { fs });
    await settings.update({ fontSize: 20 });
    const before = await snapshot();
    fs.faults.spaceLeft = 10;
    const error = await rejection(settings.update({ fontSize: 26 }));
    expect(error.code).toBe('disk-full');
    expect(error.message).toMatch(/^磁盘空间不足：设置没有保存。/);
    expect(error.messageEn).toMatch(/^The disk is full: the settings were not saved\./);
    expect(settings.get().fontSize).toBe(20);
    expect(await snapshot()).toEqual(before);
  });

  it('no permission is said as such, not as a generic error', async () => {
    const fs = faultyFs({});
    const settings = await openSettingsStore(dir, { fs });
    fs.faults.renameError = 'EACCES';
    const error = await rejection(settings.update({ fontSize: 26 }));
    expect(error.code).toBe('io-error');
    expect(error.message).toBe('设置没有保存：没有使用数据文件夹的权限。原来的设置没有改变。');
  });

  it('a disk that fills up part way through an annotation save refuses it and keeps memory and disk', async () => {
    const fs = faultyFs({});
    const store = createAnnotationStore(dir, { fs });
    await store.save(note('a', 'v1'));
    await store.save(note('b', 'v1'));
    const before = await snapshot();
    fs.faults.spaceLeft = 300; // less than the file: a short write, then ENOSPC
    fs.faults.maxBytesPerWrite = 64;
    const error = await rejection(store.save(note('c', '新的批注'.repeat(50))));
    expect(error.code).toBe('disk-full');
    expect(error.message).toMatch(/^磁盘空间不足：批注没有保存。/);
    expect((await store.list(REPORT)).annotations.map((a) => a.id)).toEqual(['a', 'b']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('a file changed by another program between two saves', () => {
  /** What a sync tool or a second copy of the app would write. */
  async function writeTheirs(annotations: unknown[]): Promise<string> {
    const text = JSON.stringify({ version: 1, reportId: REPORT, annotations }, null, 1);
    await writeFile(file, text);
    // A different mtime for certain, whatever the file system's clock resolution.
    const later = new Date(Date.now() + 5_000);
    await utimes(file, later, later);
    return text;
  }

  it('keeps both versions, merges by id (ours on top for what we changed) and says so', async () => {
    const first = createAnnotationStore(dir);
    for (const id of ['a', 'b', 'x']) await first.save(note(id, `${id} v1`));

    const store = createAnnotationStore(dir);
    await store.list(REPORT);
    await store.save(note('a', 'a v2, ours', { updated: '2024-06-01T00:00:00.000Z' }));
    // Their copy still has the old a, edited b, deleted x and added e.
    const theirs = await writeTheirs([
      note('a', 'a v1'),
      note('b', 'b v2, theirs', { updated: '2024-06-02T00:00:00.000Z' }),
      note('e', 'e, theirs'),
    ]);
    await store.save(note('c', 'c, ours'));

    const expected = [
      note('a', 'a v2, ours', { updated: '2024-06-01T00:00:00.000Z' }),
      note('b', 'b v2, theirs', { updated: '2024-06-02T00:00:00.000Z' }),
      note('e', 'e, theirs'),
      note('c', 'c, ours'),
    ];
    const listing = await store.list(REPORT);
    expect(listing.annotations).toEqual(expected);
    expect((await createAnnotationStore(dir).list(REPORT)).annotations).toEqual(expected);

    const kept = (await readdir(folder)).filter((n) => n.includes('.external-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(path.join(folder, kept[0] ?? ''), 'utf8')).toBe(theirs);
    expect(listing.notices).toHaveLength(1);
    expect(listing.notices[0]?.message).toContain('在阅读器之外被改动过');
    expect(listing.notices[0]?.message).toContain('合并');
    expect(listing.notices[0]?.message).toContain(path.join(folder, kept[0] ?? ''));
    expect(listing.notices[0]?.messageEn).toContain('merged');

    // Seen once: the next save is an ordinary one.
    await store.save(note('d', 'd'));
    expect((await readdir(folder)).filter((n) => n.includes('.external-'))).toHaveLength(1);
    expect((await store.list(REPORT)).notices).toHaveLength(1);
  });

  it('a file only touched (same bytes, new time) is not a change', async () => {
    const store = createAnnotationStore(dir);
    await store.save(note('a', 'a'));
    const later = new Date(Date.now() + 5_000);
    await utimes(file, later, later);
    await store.save(note('b', 'b'));
    expect((await readdir(folder)).filter((n) => n.includes('.external-'))).toEqual([]);
    expect((await store.list(REPORT)).notices).toEqual([]);
  });

  it('a file another program left unreadable is kept beside ours, and ours is saved', async () => {
    const store = createAnnotationStore(dir);
    await store.save(note('a', 'a'));
    await writeFile(file, '{"version": 1, "reportId": "report.txt", "annotations": [');
    await store.save(note('b', 'b'));
    expect((await createAnnotationStore(dir).list(REPORT)).annotations.map((a) => a.id)).toEqual([
      'a',
      'b',
    ]);
    const kept = (await readdir(folder)).filter((n) => n.includes('.external-'));
    expect(await readFile(path.join(folder, kept[0] ?? ''), 'utf8')).toMatch(/"annotations": \[$/);
    expect((await store.list(REPORT)).notices[0]?.message).toContain('无法读取');
  });
});

describe('two hosts on one data folder', () => {
  it('the second works read-only, the first keeps saving, nothing is lost', async () => {
    const first = await services();
    const second = await services();

    const info1 = await first.handlers.getAppInfo({});
    const info2 = await second.handlers.getAppInfo({});
    expect(info1.readOnly).toBe(false);
    expect(info2.readOnly).toBe(true);
    const notice = info2.notices[0];
    expect(notice?.message).toMatch(/^报告阅读器已在另一个窗口中打开/);
    expect(notice?.messageEn).toMatch(/already open in another window/);

    expect(
      (await dispatch(first.handlers, 'saveAnnotation', { annotation: note('a', '1') })).ok,
    ).toBe(true);
    // The second can read, but not write.
    const listed = await second.handlers.listAnnotations({ reportId: REPORT });
    expect(listed.annotations.map((a) => a.id)).toEqual(['a']);
    const before = await snapshot();
    for (const [channel, request] of [
      ['saveAnnotation', { annotation: note('b', 'from the second') }],
      ['deleteAnnotation', { reportId: REPORT, id: 'a' }],
      ['importAnnotations', { reportId: REPORT, annotations: [note('z', 'z')] }],
      ['updateSettings', { patch: { fontSize: 30 } }],
    ] as const) {
      const refused = await dispatch(second.handlers, channel, request);
      expect(refused.ok, channel).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('read-only');
        expect(refused.error.message).toMatch(/^报告阅读器已在另一个窗口中打开.*没有保存/);
      }
    }
    expect(await snapshot()).toEqual(before);

    // The first is not disturbed, and the second reads what it saves.
    await dispatch(first.handlers, 'saveAnnotation', { annotation: note('c', '3') });
    await dispatch(first.handlers, 'updateSettings', { patch: { fontSize: 22 } });
    const relisted = await second.handlers.listAnnotations({ reportId: REPORT });
    expect(relisted.annotations.map((a) => a.id)).toEqual(['a', 'c']);

    // Once the first has closed, the second becomes the writer and merges what it missed.
    await first.close();
    const saved = await dispatch(second.handlers, 'saveAnnotation', {
      annotation: note('b', 'from the second'),
    });
    expect(saved.ok).toBe(true);
    await second.flush();
    expect(
      (await createAnnotationStore(dir).list(REPORT)).annotations.map((a) => a.id).sort(),
    ).toEqual(['a', 'b', 'c']);
    expect((await openSettingsStore(dir)).get().fontSize).toBe(22);
  });
});

// A real full disk: a 64 KiB tmpfs as the data folder, saves through the API until one is
// refused, then a restart on the same folder.
const isRoot = process.getuid?.() === 0;
describe('a real full disk (tmpfs)', () => {
  let mountPoint: string | null = null;
  let mountError: string | null = null;

  beforeAll(async () => {
    if (!isRoot) return;
    const target = await mkdtemp(path.join(tmpdir(), 'full-disk-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', target], {
        stdio: 'pipe',
      });
      mountPoint = target;
    } catch (err) {
      mountError = String((err as { stderr?: Buffer }).stderr ?? err);
      await rm(target, { recursive: true, force: true });
    }
  });

  afterAll(async () => {
    if (!mountPoint) return;
    execFileSync('umount', [mountPoint], { stdio: 'pipe' });
    await rm(mountPoint, { recursive: true, force: true });
  });

  it.skipIf(!isRoot)(
    'keeps every acknowledged save and every file parses after the disk filled up',
    { timeout: 60_000 },
    async () => {
      if (!mountPoint) throw new Error(`could not mount a tmpfs: ${mountError}`);
      const dataDir = path.join(mountPoint, 'data');
      await mkdir(dataDir);
      const host = await services(dataDir);
      const acknowledged = new Map<string, Annotation>();
      let refusal: { code: string; message: string } | null = null;
      for (let i = 0; i < 2000 && !refusal; i++) {
        const annotation = note(`n${i}`, `第 ${i} 条批注：${'依法行政'.repeat(20)}`);
        const result = await dispatch(host.handlers, 'saveAnnotation', { annotation });
        if (result.ok) acknowledged.set(annotation.id, annotation);
        else refusal = result.error;
      }
      expect(refusal?.code).toBe('disk-full');
      expect(refusal?.message).toMatch(/^磁盘空间不足/);
      expect(acknowledged.size).toBeGreaterThan(5);
      console.log(
        `full disk: ${acknowledged.size} saves acknowledged before "${refusal?.message}"`,
      );
      // Memory is as the disk: the refused one is not listed.
      const listed = await host.handlers.listAnnotations({ reportId: REPORT });
      expect(listed.annotations).toEqual([...acknowledged.values()]);
      await host.close();

      // A restart on the same folder: every acknowledged save is there, no notice, no
      // damaged or left-over file, and every file parses.
      const restarted = await services(dataDir);
      const after = await restarted.handlers.listAnnotations({ reportId: REPORT });
      expect(after.annotations).toEqual([...acknowledged.values()]);
      expect(after.notices).toEqual([]);
      expect(after.unreadable).toEqual([]);
      const names = await readdir(path.join(dataDir, 'annotations'));
      expect(names.sort()).toEqual(['report.txt.json', 'report.txt.json.bak']);
      for (const name of names) {
        const text = await readFile(path.join(dataDir, 'annotations', name), 'utf8');
        expect(() => JSON.parse(text) as unknown, name).not.toThrow();
      }
    },
  );

  it.skipIf(isRoot)('skipped: needs root for tmpfs', () => undefined);
});
