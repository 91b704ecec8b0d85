import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../core/api/dispatch';
import type { ViewerError } from '../../../../core/api/errors';
import type { Annotation } from '../../../../core/annotations/annotation-model';
import {
  createAnnotationStore,
  type AnnotationStore,
} from '../../../../node/services/annotation-store';
import { createHostServices } from '../../../../node/services/host-services';
import { writeJsonFileAtomic } from '../../../../node/services/json-file';
import { makeAnnotation } from './crash/fixtures';

const reportsDir = fileURLToPath(new URL('../../../../resources/reports', import.meta.url));
const REPORT = 'report.txt';

let dir: string;
let folder: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'annotation-store-'));
  folder = path.join(dir, 'annotations');
  file = path.join(folder, 'report.txt.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const note = (id: string, text: string, extra: Partial<Annotation> = {}) =>
  makeAnnotation({ id, reportId: REPORT, note: text, ...extra });

async function listOf(store: AnnotationStore, reportId = REPORT): Promise<Annotation[]> {
  return (await store.list(reportId)).annotations;
}

/** Every file under the data folder with its bytes, to show that nothing changed. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const full = path.join(dir, name);
    out[name] = await readFile(full, 'base64').catch(() => '<dir>');
  }
  return out;
}

/** The pid of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

async function asideFiles(): Promise<string[]> {
  return (await readdir(folder)).filter((n) => n.includes('.corrupt-')).sort();
}

describe('createAnnotationStore', () => {
  it('saves, lists and replaces by id; each save is in the file when it resolves', async () => {
    const store = createAnnotationStore(dir);
    const a = note('a', '第一条批注');
    const b = note('b', 'second', { tags: ['重点', 'todo'], kind: 'bookmark' });
    expect(await store.save(a)).toEqual(a);
    expect(await store.save(b)).toEqual(b);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as unknown;
    expect(onDisk).toEqual({ version: 1, reportId: REPORT, annotations: [a, b] });

    const a2 = { ...a, note: '改过的批注', updated: '2024-05-02T00:00:00.000Z' };
    await store.save(a2);
    expect(await listOf(store)).toEqual([a2, b]);
    expect(store.fileFor(REPORT)).toBe(file);
  });

  it('reads the same annotations back in a store reopened from the folder', async () => {
    const store = createAnnotationStore(dir);
    const saved = [note('a', 'x'), note('b', 'y'.repeat(20_000)), note('c', '')];
    for (const a of saved) await store.save(a);
    await store.remove(REPORT, 'b');

    const reopened = createAnnotationStore(dir);
    expect(await reopened.list(REPORT)).toEqual({
      annotations: [saved[0], saved[2]],
      notices: [],
      unreadable: [],
    });
  });

  it('starts empty when a report has no file, and creates nothing by listing', async () => {
    const store = createAnnotationStore(dir);
    expect(await store.list(REPORT)).toEqual({ annotations: [], notices: [], unreadable: [] });
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps reports apart: the annotation’s reportId decides the file', async () => {
    const store = createAnnotationStore(dir);
    await store.save(makeAnnotation({ id: 'x', reportId: 'one.txt' }));
    await store.save(makeAnnotation({ id: 'x', reportId: 'two.txt' }));
    expect((await readdir(folder)).sort()).toEqual(['one.txt.json', 'two.txt.json']);
    expect(await listOf(store, 'one.txt')).toHaveLength(1);
    expect(await store.remove('one.txt', 'x')).toMatchObject({ id: 'x', reportId: 'one.txt' });
    expect(await listOf(store, 'one.txt')).toEqual([]);
    expect(await listOf(createAnnotationStore(dir), 'two.txt')).toHaveLength(1);
  });

  it('deletes nothing and writes nothing for an id it does not have', async () => {
    const store = createAnnotationStore(dir);
    await store.save(note('a', 'x'));
    const before = await snapshot();
    expect(await store.remove(REPORT, 'nope')).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('sets a damaged file aside, loads the backup and names the moved file in the notice', async () => {
    const store = createAnnotationStore(dir);
    const a = note('a', 'kept in the backup');
    await store.save(a);
    await store.save(note('b', 'only in the damaged file'));
    const damaged = (await readFile(file, 'utf8')).slice(0, 100);
    await writeFile(file, damaged);

    const reopened = createAnnotationStore(dir);
    const listing = await reopened.list(REPORT);
    expect(listing.annotations).toEqual([a]);
    expect(listing.notices).toHaveLength(1);
    const [asideName] = await asideFiles();
    const aside = path.join(folder, asideName ?? '');
    expect(await readFile(aside, 'utf8')).toBe(damaged);
    const notice = listing.notices[0];
    expect(notice?.message).toContain('批注');
    expect(notice?.message).toContain('备份');
    expect(notice?.message).toContain(aside);
    expect(notice?.messageEn).toContain('backup');
    expect(notice?.messageEn).toContain(aside);
    expect(`${notice?.message} ${notice?.messageEn}`).not.toMatch(
      /SyntaxError|JSON\.parse|token|position \d/i,
    );

    // The notice stays with the report for this run; the damaged file is never touched again.
    expect((await reopened.list(REPORT)).notices).toEqual(listing.notices);
    await reopened.save(note('c', 'after the restore'));
    expect(await listOf(createAnnotationStore(dir))).toEqual([a, note('c', 'after the restore')]);
    expect(await readFile(aside, 'utf8')).toBe(damaged);
  });

  it('sets aside a file for another report instead of overwriting it', async () => {
    const store = createAnnotationStore(dir);
    await store.save(note('a', 'backup'));
    await store.save(note('b', 'current'));
    const content = { version: 1, reportId: 'other.txt', annotations: [] };
    await writeFile(file, JSON.stringify(content));

    const reopened = createAnnotationStore(dir);
    const listing = await reopened.list(REPORT);
    expect(listing.annotations).toEqual([note('a', 'backup')]);
    expect(listing.notices).toHaveLength(1);
    await reopened.save(note('c', 'new'));
    const [asideName] = await asideFiles();
    expect(JSON.parse(await readFile(path.join(folder, asideName ?? ''), 'utf8'))).toEqual(content);
  });

  it.each([
    ['a note of 30,000 characters', (a: Annotation) => ({ ...a, note: 'x'.repeat(30_000) })],
    ['an annotation of another report', (a: Annotation) => ({ ...a, reportId: 'other.txt' })],
    ['an id twice', (a: Annotation) => ({ ...a, id: 'a' })],
    ['a record that is not an object', () => '批注' as unknown as Annotation],
    ['a colour this version does not know', (a: Annotation) => ({ ...a, color: 'gold' })],
  ])(
    'loads every good record of a file holding %s, and keeps the bad one in the file untouched',
    async (_, spoil) => {
      const a = note('a', 'good');
      const c = note('c', 'good too');
      const bad = spoil(note('b', 'bad'));
      await mkdir(folder, { recursive: true });
      await writeFile(
        file,
        JSON.stringify({ version: 1, reportId: REPORT, annotations: [a, bad, c] }),
      );

      const store = createAnnotationStore(dir);
      const listing = await store.list(REPORT);
      expect(listing.annotations).toEqual([a, c]);
      expect(listing.notices).toEqual([]);
      expect(listing.unreadable).toHaveLength(1);
      expect(JSON.parse(listing.unreadable[0]?.raw ?? '')).toEqual(bad);
      expect(listing.unreadable[0]?.reason).not.toBe('');
      expect(await asideFiles()).toEqual([]);

      // A save keeps the unreadable record in the file, as it was.
      const d = note('d', 'new');
      await store.save(d);
      const stored = JSON.parse(await readFile(file, 'utf8')) as { annotations: unknown[] };
      expect(stored.annotations).toEqual([a, c, d, bad]);
      const again = await createAnnotationStore(dir).list(REPORT);
      expect(again.annotations).toEqual([a, c, d]);
      expect(again.unreadable).toEqual(listing.unreadable);
    },
  );

  it('keeps the unknown fields of a newer version and writes them back unchanged', async () => {
    const a = note('a', 'good');
    const withExtra = { ...note('b', 'from a newer version'), colour: 'red', links: [{ to: 'x' }] };
    const broken = { id: 'z', reportId: REPORT, note: 5 };
    const content = {
      version: 2,
      reportId: REPORT,
      annotations: [a, withExtra, broken],
      createdBy: 'viewer 9.0',
    };
    await mkdir(folder, { recursive: true });
    await writeFile(file, JSON.stringify(content));

    const store = createAnnotationStore(dir);
    const listing = await store.list(REPORT);
    expect(listing.annotations).toEqual([a, note('b', 'from a newer version')]);
    expect(listing.unreadable.map((u) => JSON.parse(u.raw) as unknown)).toEqual([broken]);
    expect(listing.notices).toEqual([]);

    // Editing the record keeps its unknown fields; the file keeps its own.
    const edited = note('b', 'edited here', { updated: '2024-06-01T00:00:00.000Z' });
    await store.save(edited);
    await store.save(note('c', 'new'));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      version: 2,
      reportId: REPORT,
      createdBy: 'viewer 9.0',
      annotations: [
        a,
        { ...edited, colour: 'red', links: [{ to: 'x' }] },
        note('c', 'new'),
        broken,
      ],
    });
    expect(await asideFiles()).toEqual([]);
  });

  it('starts empty with a notice when the file is damaged and there is no backup, keeping it byte for byte', async () => {
    await mkdir(folder, { recursive: true });
    const damaged = Buffer.from([0x7b, 0x22, 0xe6, 0x89, 0xb9, 0x00, 0xff, 0x0a]);
    await writeFile(file, damaged);

    const store = createAnnotationStore(dir);
    const listing = await store.list(REPORT);
    expect(listing.annotations).toEqual([]);
    expect(listing.notices).toHaveLength(1);
    const [asideName] = await asideFiles();
    const aside = path.join(folder, asideName ?? '');
    expect(await readFile(aside)).toEqual(damaged);
    expect(listing.notices[0]?.message).toContain(aside);
    expect(listing.notices[0]?.messageEn).toContain(aside);

    await store.save(note('a', 'a fresh start'));
    expect(await readFile(aside)).toEqual(damaged);
    expect(await listOf(createAnnotationStore(dir))).toEqual([note('a', 'a fresh start')]);
  });

  it('loses none of 100 concurrent saves', { timeout: 30_000 }, async () => {
    const store = createAnnotationStore(dir);
    const all = Array.from({ length: 100 }, (_, i) => note(`n${i}`, `批注 ${i}`.repeat(i)));
    const results = await Promise.all(all.map((a) => store.save(a)));
    expect(results).toEqual(all);
    expect(await listOf(store)).toEqual(all);
    await store.flush();
    expect(await listOf(createAnnotationStore(dir))).toEqual(all);
    // The backup is the state just before the last save.
    const backup = JSON.parse(await readFile(`${file}.bak`, 'utf8')) as { annotations: unknown[] };
    expect(backup.annotations).toEqual(all.slice(0, 99));
  });

  it('applies concurrent saves and deletes in the order they were made', async () => {
    const store = createAnnotationStore(dir);
    await store.save(note('a', 'v1'));
    const [savedB, deletedA, savedA, deletedB, deletedC] = await Promise.all([
      store.save(note('b', 'v1')),
      store.remove(REPORT, 'a'),
      store.save(note('a', 'v2')),
      store.remove(REPORT, 'b'),
      store.remove(REPORT, 'c'),
    ]);
    expect(savedB).toEqual(note('b', 'v1'));
    expect(deletedA).toEqual(note('a', 'v1'));
    expect(savedA).toEqual(note('a', 'v2'));
    expect(deletedB).toEqual(note('b', 'v1'));
    expect(deletedC).toBeNull();
    expect(await listOf(createAnnotationStore(dir))).toEqual([note('a', 'v2')]);
  });

  it('leaves memory and disk as they were when a write fails, and says so plainly', async () => {
    let failWrites = false;
    const store = createAnnotationStore(dir, {
      write: async (target, data) => {
        if (failWrites) {
          throw Object.assign(new Error(`ENOSPC: no space left on device, write '${target}'`), {
            code: 'ENOSPC',
          });
        }
        await writeJsonFileAtomic(target, data);
      },
    });
    await store.save(note('a', 'v1'));
    await store.save(note('b', 'v1'));
    const before = await snapshot();

    failWrites = true;
    const results = await Promise.allSettled([
      store.save(note('a', 'v2')),
      store.save(note('c', 'new')),
      store.remove(REPORT, 'b'),
      store.import(REPORT, [note('d', 'imported')]),
    ]);
    const errors = results.map((r) => (r.status === 'rejected' ? (r.reason as ViewerError) : null));
    for (const err of errors) expect(err?.code).toBe('disk-full');
    expect(errors[0]?.message).toBe(
      '磁盘空间不足：批注没有保存。请腾出一些磁盘空间后再试。已保存的批注没有改变。',
    );
    expect(errors[0]?.messageEn).toMatch(/^The disk is full: the annotation was not saved\./);
    expect(errors[0]?.detail).toContain(file);
    expect(errors[2]?.message).toMatch(/^磁盘空间不足：批注没有删除。/);
    expect(errors[3]?.message).toMatch(/^磁盘空间不足：批注没有导入。/);
    expect(await listOf(store)).toEqual([note('a', 'v1'), note('b', 'v1')]);
    expect(await snapshot()).toEqual(before);

    // The queue is not stuck: once the disk is back, saving works again.
    failWrites = false;
    await store.save(note('a', 'v3'));
    expect(await listOf(createAnnotationStore(dir))).toEqual([note('a', 'v3'), note('b', 'v1')]);
  });

  it('leaves memory and the file as they were when the real file system refuses the write', async () => {
    const store = createAnnotationStore(dir);
    await store.save(note('a', 'v1'));
    await store.save(note('a', 'v2'));
    const current = await readFile(file);
    // A folder where the backup must go: the atomic rename fails, whoever runs the test.
    await rm(`${file}.bak`);
    await mkdir(path.join(`${file}.bak`, 'blocker'), { recursive: true });

    const error = (await store.save(note('a', 'v3')).catch((e: unknown) => e)) as ViewerError;
    expect(error.code).toBe('io-error');
    expect(error.message).toMatch(/^批注没有保存：/);
    expect(await listOf(store)).toEqual([note('a', 'v2')]);
    expect(await readFile(file)).toEqual(current);
    expect((await readdir(folder)).sort()).toEqual(['report.txt.json', 'report.txt.json.bak']);
  });

  it('caps the annotations per report with a clear too-large error; edits still work', async () => {
    const store = createAnnotationStore(dir, { maxPerReport: 3 });
    for (const id of ['a', 'b', 'c']) await store.save(note(id, id));
    const before = await snapshot();

    const refused = (await store.save(note('d', 'd')).catch((e: unknown) => e)) as ViewerError;
    expect(refused.code).toBe('too-large');
    expect(refused.message).toMatch(/^批注没有保存：一份报告最多只能有 3 条批注/);
    const refusedImport = (await store
      .import(REPORT, [note('e', 'e')])
      .catch((e: unknown) => e)) as ViewerError;
    expect(refusedImport.code).toBe('too-large');
    expect(await snapshot()).toEqual(before);

    await store.save(note('b', 'edited'));
    await store.remove(REPORT, 'a');
    await store.save(note('d', 'd'));
    expect((await listOf(store)).map((a) => a.note)).toEqual(['edited', 'c', 'd']);
  });

  it('refuses an invalid annotation even when called directly, writing nothing', async () => {
    const store = createAnnotationStore(dir);
    await store.save(note('a', 'ok'));
    const before = await snapshot();
    const error = (await store
      .save(note('b', 'x'.repeat(20_001)))
      .catch((e: unknown) => e)) as ViewerError;
    expect(error.code).toBe('bad-request');
    expect(error.message).toBe('批注没有保存：批注最长 20000 个字');
    expect(await snapshot()).toEqual(before);
  });

  it('as the only writer, removes temp files killed writers left behind, and nothing else', async () => {
    const store = createAnnotationStore(dir);
    await store.save(note('a', 'v1'));
    await store.save(note('a', 'v2'));
    const dead = await deadPid();
    const hourAgo = new Date(Date.now() - 3_600_000);
    const others = [
      'report.txt.json.corrupt-2024-01-01T00-00-00-000Z',
      'other.txt.json',
      // In flight: written just now by a process that is running (this one, the parent).
      `report.txt.json.tmp-${process.ppid}-0123456789ab`,
      'report.txt.json.123456', // write-file-atomic's name, but recent: may be in flight
    ];
    const stale = [
      `report.txt.json.tmp-${dead}-0123456789ab`, // its writer is gone
      `report.txt.json.bak.tmp-${dead}-abcdef012345`,
      'report.txt.json.bak.4294967295', // old
    ];
    for (const name of [...others, ...stale]) await writeFile(path.join(folder, name), '{"half');
    await utimes(path.join(folder, 'report.txt.json.bak.4294967295'), hourAgo, hourAgo);

    // Without the lock (not the only writer) nothing is removed.
    expect(await listOf(createAnnotationStore(dir))).toEqual([note('a', 'v2')]);
    expect((await readdir(folder)).length).toBe(2 + others.length + stale.length);

    const sole = createAnnotationStore(dir, { mayTidy: () => true });
    expect(await listOf(sole)).toEqual([note('a', 'v2')]);
    expect((await readdir(folder)).sort()).toEqual(
      ['report.txt.json', 'report.txt.json.bak', ...others].sort(),
    );
  });

  it('keeps reports with awkward ids in distinct, safe files inside the annotations folder', async () => {
    const ids = [
      'A.txt',
      'a.txt',
      'CON.txt',
      'con.txt',
      '.hidden',
      '...',
      'a:b*c?"<>|.txt',
      '%41.txt',
      '2023年法治政府建设年度报告.txt',
      'ｆｕｌｌ　ｗｉｄｔｈ.txt',
      '報告'.repeat(100),
      `${'報告'.repeat(99)}x`,
      '😀 emoji.txt',
      'e\u0301.txt',
      '\u00e9.txt',
      '\ud800.txt',
      '\udc00.txt',
    ];
    const store = createAnnotationStore(dir);
    for (const [i, reportId] of ids.entries()) {
      await store.save(makeAnnotation({ id: `n${i}`, reportId, note: reportId }));
    }
    const names = await readdir(folder);
    expect(names).toHaveLength(ids.length);
    // Distinct even where case or Unicode normalisation is ignored (Windows, macOS).
    expect(new Set(names.map((n) => n.toLowerCase().normalize('NFKC'))).size).toBe(ids.length);
    for (const name of names) {
      expect(name).toMatch(
        /^[a-z0-9_%~\-\u3400-\u4dbf\u4e00-\u9fff][a-z0-9_.%~\-\u3400-\u4dbf\u4e00-\u9fffA-F]*\.json$/u,
      );
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(160);
      expect(name.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
    }
    expect(names).toContain('2023年法治政府建设年度报告.txt.json');
    expect(names).toContain('a.txt.json');

    const reopened = createAnnotationStore(dir);
    for (const [i, reportId] of ids.entries()) {
      expect(await listOf(reopened, reportId)).toEqual([
        makeAnnotation({ id: `n${i}`, reportId, note: reportId }),
      ]);
    }
  });
});

describe('annotation channels through dispatch', () => {
  async function services() {
    return createHostServices({
      reportsDir,
      dataDir: dir,
      host: 'web',
      appName: 'test',
      appVersion: '0.0.0',
    });
  }

  it('saves, lists, deletes and re-saves (undo) through the contract', async () => {
    const { handlers, flush } = await services();
    const a = note('a', '批注');
    expect(await dispatch(handlers, 'saveAnnotation', { annotation: a })).toEqual({
      ok: true,
      value: { annotation: a, notices: [] },
    });
    expect(await dispatch(handlers, 'listAnnotations', { reportId: REPORT })).toEqual({
      ok: true,
      value: { annotations: [a], notices: [], unreadable: [] },
    });
    expect(await dispatch(handlers, 'deleteAnnotation', { reportId: REPORT, id: 'a' })).toEqual({
      ok: true,
      value: { deleted: a, notices: [] },
    });
    expect(await dispatch(handlers, 'deleteAnnotation', { reportId: REPORT, id: 'a' })).toEqual({
      ok: true,
      value: { deleted: null, notices: [] },
    });
    await dispatch(handlers, 'saveAnnotation', { annotation: a });
    await flush();
    expect(await listOf(createAnnotationStore(dir))).toEqual([a]);
  });

  it('passes a load notice on with the listing', async () => {
    await mkdir(folder, { recursive: true });
    await writeFile(file, 'garbage');
    const { handlers } = await services();
    const result = await dispatch(handlers, 'listAnnotations', { reportId: REPORT });
    expect(result.ok).toBe(true);
    if (result.ok) {
      const value = result.value as { notices: { message: string }[] };
      expect(value.notices[0]?.message).toContain('report.txt.json.corrupt-');
    }
  });

  it('refuses an over-long note as bad-request, saying what is wrong, and writes nothing', async () => {
    const { handlers, flush } = await services();
    await dispatch(handlers, 'saveAnnotation', { annotation: note('a', 'ok') });
    const before = await snapshot();
    const result = await dispatch(handlers, 'saveAnnotation', {
      annotation: note('b', '长'.repeat(20_001)),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad-request');
      expect(result.error.detail).toContain('批注最长 20000 个字');
      expect(result.error.detail).toContain('annotation.note');
    }
    await flush();
    expect(await snapshot()).toEqual(before);
  });

  const badRequests: [string, string, unknown][] = [
    ['a note that is a number', 'saveAnnotation', { annotation: { ...note('b', ''), note: 5 } }],
    ['tags that are a string', 'saveAnnotation', { annotation: { ...note('b', ''), tags: 'x' } }],
    ['21 tags', 'saveAnnotation', { annotation: note('b', '', { tags: Array(21).fill('t') }) }],
    [
      'a 41-character tag',
      'saveAnnotation',
      { annotation: note('b', '', { tags: ['t'.repeat(41)] }) },
    ],
    ['an unknown colour', 'saveAnnotation', { annotation: { ...note('b', ''), color: 'red' } }],
    ['an extra field', 'saveAnnotation', { annotation: { ...note('b', ''), html: '<b>' } }],
    ['an extra argument', 'saveAnnotation', { annotation: note('b', ''), force: true }],
    ['no annotation', 'saveAnnotation', {}],
    ['a bad date', 'saveAnnotation', { annotation: { ...note('b', ''), updated: 'yesterday' } }],
    [
      'a report id with a slash',
      'saveAnnotation',
      { annotation: note('b', '', { reportId: '../x.txt' }) },
    ],
    ['a report id with a slash', 'listAnnotations', { reportId: 'a/b.txt' }],
    ['an id that is a number', 'deleteAnnotation', { reportId: REPORT, id: 3 }],
    ['an empty id', 'deleteAnnotation', { reportId: REPORT, id: '' }],
    ['no report id', 'deleteAnnotation', { id: 'a' }],
    ['annotations that are not a list', 'importAnnotations', { reportId: REPORT, annotations: {} }],
    [
      'one invalid annotation',
      'importAnnotations',
      { reportId: REPORT, annotations: [note('b', ''), { id: 'c' }] },
    ],
  ];

  it.each(badRequests)(
    'refuses %s (%s) as bad-request, files unchanged',
    async (_, channel, request) => {
      const { handlers, flush } = await services();
      await dispatch(handlers, 'saveAnnotation', { annotation: note('a', 'ok') });
      const before = await snapshot();
      const result = await dispatch(handlers, channel, request);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('bad-request');
      await flush();
      expect(await snapshot()).toEqual(before);
      expect(await listOf(createAnnotationStore(dir))).toEqual([note('a', 'ok')]);
    },
  );

  it('imports with one write and reports what was added, updated and skipped', async () => {
    const { handlers, flush } = await services();
    const old = note('a', 'old', { updated: '2024-05-01T00:00:00.000Z' });
    const kept = note('k', 'kept');
    await dispatch(handlers, 'saveAnnotation', { annotation: old });
    await dispatch(handlers, 'saveAnnotation', { annotation: kept });
    const backupBefore = await readFile(file, 'utf8');

    const newer = note('a', 'newer', { updated: '2024-06-01T00:00:00.000Z' });
    const fresh = note('b', 'fresh');
    const foreign = makeAnnotation({ id: 'f', reportId: 'other.txt' });
    const result = await dispatch(handlers, 'importAnnotations', {
      reportId: REPORT,
      annotations: [newer, fresh, foreign],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const summary = result.value as {
      added: string[];
      updated: string[];
      skipped: { id: string; reason: string }[];
    };
    expect(summary.added).toEqual(['b']);
    expect(summary.updated).toEqual(['a']);
    expect(summary.skipped.map((s) => s.id)).toEqual(['f']);
    expect(summary.skipped[0]?.reason).toMatch(/other\.txt/);

    await flush();
    const saved = await listOf(createAnnotationStore(dir));
    expect(saved).toHaveLength(3);
    expect(saved).toEqual(expect.arrayContaining([newer, kept, fresh]));
    // One write: the backup is the file as it was just before the import.
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(backupBefore);
  });
});
