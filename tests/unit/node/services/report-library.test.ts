import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { promises as fsPromises } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenedReport, ReportListing } from '../../../../core/api/contract';
import { dispatch } from '../../../../core/api/dispatch';
import { createHostServices, type HostServices } from '../../../../node/services/host-services';

const bundledDir = fileURLToPath(new URL('../../../../resources/reports', import.meta.url));
const REAL_NAME = 'jiangning-2023-rule-of-law-government-report.txt';
const REAL_TITLE = '南京市江宁区2023年度法治政府建设工作报告';
const SECRET = 'SECRET-OUTSIDE-THE-REPORTS-FOLDER';

const PLAIN = '测试报告甲\n\n一、总体情况\n\n正文。\n';
const WITH_BOM_TEXT = '带BOM的报告\r\n\r\n正文内容。\r\n';
const NO_TITLE = '一、第一部分\n内容。\n';

let root: string;
let reportsDir: string;
let dataDir: string;

beforeAll(async () => {
  // <root>/secret.txt sits next to the reports folder: what a traversal would reach.
  root = await mkdtemp(path.join(tmpdir(), 'report-library-'));
  reportsDir = path.join(root, 'reports');
  dataDir = path.join(root, 'data');
  await mkdir(reportsDir);
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  await copyFile(path.join(bundledDir, REAL_NAME), path.join(reportsDir, REAL_NAME));
  await writeFile(path.join(reportsDir, 'a-plain.txt'), PLAIN);
  await writeFile(
    path.join(reportsDir, 'b-bom.txt'),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(WITH_BOM_TEXT, 'utf8')]),
  );
  await writeFile(path.join(reportsDir, 'c-untitled.txt'), NO_TITLE);
  await writeFile(path.join(reportsDir, 'notes.md'), '# 不是报告\n');
  await writeFile(path.join(reportsDir, 'README'), '不是报告\n');
  await writeFile(path.join(reportsDir, 'data.json'), '{}');
  await mkdir(path.join(reportsDir, 'folder.txt'));
  await writeFile(path.join(reportsDir, 'folder.txt', 'inner.txt'), '里面的文件\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function services(dir = reportsDir, data = dataDir): Promise<HostServices> {
  return createHostServices({
    reportsDir: dir,
    dataDir: data,
    host: 'web',
    appName: 'test',
    appVersion: '0.0.0',
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

async function listed(dir = reportsDir, data?: string): Promise<ReportListing> {
  const { handlers } = await services(dir, data ?? (await mkdtemp(path.join(root, 'data-'))));
  const result = await dispatch(handlers, 'listReports', {});
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
  return result.value as ReportListing;
}

async function opened(id: string, dir = reportsDir): Promise<OpenedReport> {
  const { handlers } = await services(dir, await mkdtemp(path.join(root, 'data-')));
  const result = await dispatch(handlers, 'openReport', { reportId: id });
  if (!result.ok) throw Object.assign(new Error(result.error.code), result.error);
  return result.value as OpenedReport;
}

describe('the report library', () => {
  it('lists the bundled report with its title, format, size and counts', async () => {
    const { reports } = await listed(bundledDir);
    const size = (await readFile(path.join(bundledDir, REAL_NAME))).length;
    expect(reports).toEqual([
      {
        id: REAL_NAME,
        title: REAL_TITLE,
        documentTitle: REAL_TITLE,
        userTitle: null,
        size,
        format: 'txt',
        encoding: 'UTF-8',
        origin: 'bundled',
        documentNumber: null,
        date: expect.any(String),
        annotationCount: 0,
        sourceFileName: REAL_NAME,
        importedAt: null,
      },
    ]);
  });

  it('lists only supported files, sorted, with titles parsed from the text', async () => {
    const { reports } = await listed();
    expect(reports.map((r) => [r.id, r.title])).toEqual([
      ['a-plain.txt', '测试报告甲'],
      ['b-bom.txt', '带BOM的报告'],
      // No title line: the file name stands in.
      ['c-untitled.txt', 'c-untitled'],
      [REAL_NAME, REAL_TITLE],
    ]);
    const bom = reports.find((r) => r.id === 'b-bom.txt');
    expect(bom?.size).toBe(Buffer.byteLength(WITH_BOM_TEXT) + 3);
  });

  it('notices a title change when a file is rewritten (same data dir, same cache)', async () => {
    const dir = path.join(root, 'changing');
    await mkdir(dir);
    const data = await mkdtemp(path.join(root, 'data-'));
    await writeFile(path.join(dir, 'r.txt'), '旧标题\n\n正文。\n');
    expect((await listed(dir, data)).reports[0]?.title).toBe('旧标题');
    await writeFile(path.join(dir, 'r.txt'), '新的标题更长一些\n\n正文。\n');
    expect((await listed(dir, data)).reports[0]?.title).toBe('新的标题更长一些');
  });

  it('opens the bundled report with its exact text, as a ReportSource', async () => {
    const text = await readFile(path.join(bundledDir, REAL_NAME), 'utf8');
    expect(await opened(REAL_NAME, bundledDir)).toEqual({
      id: REAL_NAME,
      title: REAL_TITLE,
      source: { text, format: 'txt', fileName: REAL_NAME },
      text,
    });
  });

  it('opens a fixture with its exact text, and removes a BOM', async () => {
    expect(await opened('a-plain.txt')).toMatchObject({ id: 'a-plain.txt', text: PLAIN });
    const bom = await opened('b-bom.txt');
    expect(bom).toMatchObject({ id: 'b-bom.txt', text: WITH_BOM_TEXT });
    expect(bom.source.text).toBe(WITH_BOM_TEXT);
    expect(bom.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('refuses any id that is not a listed report', async () => {
    for (const id of ['notes.md', 'folder.txt', 'README', 'lib-0123456789abcdef']) {
      await expect(opened(id)).rejects.toMatchObject({ code: 'not-found' });
    }
  });

  it('lists the library alone, with a plain notice, when the reports folder is missing', async () => {
    const listing = await listed(path.join(root, 'no-such-folder'));
    expect(listing.reports).toEqual([]);
    expect(listing.notices).toEqual([
      {
        message: '找不到报告文件夹，无法列出其中的报告。',
        messageEn: 'The reports folder could not be read.',
      },
    ]);
  });
});

describe('symlinks in the reports folder', () => {
  it('follows a link inside the folder, never one that leaves it (/etc/passwd, a file next to it)', async () => {
    const dir = path.join(root, 'links');
    await mkdir(path.join(dir, 'sub'), { recursive: true });
    await writeFile(path.join(dir, 'sub', 'inner.txt'), '链接指向的报告\n\n正文。\n');
    await symlink('/etc/passwd', path.join(dir, 'passwd.txt'));
    await symlink(path.join(root, 'secret.txt'), path.join(dir, 'secret.txt'));
    await symlink('../secret.txt', path.join(dir, 'relative-secret.txt'));
    await symlink('sub/inner.txt', path.join(dir, 'inside.txt'));
    await symlink('no-such-target.txt', path.join(dir, 'dangling.txt'));

    const listing = await listed(dir);
    expect(listing.reports.map((r) => [r.id, r.title])).toEqual([['inside.txt', '链接指向的报告']]);
    expect(JSON.stringify(listing)).not.toContain(SECRET);
    expect(JSON.stringify(listing)).not.toContain('root:');
    for (const id of ['passwd.txt', 'secret.txt', 'relative-secret.txt', 'dangling.txt']) {
      const attempt = opened(id, dir);
      await expect(attempt).rejects.toMatchObject({ code: 'not-found' });
      await attempt.catch((err: unknown) => expect(JSON.stringify(err)).not.toContain(SECRET));
    }
  });
});

describe('listing from the cache', () => {
  /** The report files read so far (readFile of anything inside `dir`). */
  function spyReports(dir: string): () => string[] {
    const spy = vi.spyOn(fsPromises, 'readFile');
    return () =>
      spy.mock.calls
        .map(([file]) => String(file))
        .filter((file) => file.startsWith(`${dir}${path.sep}`));
  }

  it('reads each report once; a second listing, even after a restart, reads only the cache', async () => {
    const dir = path.join(root, 'cached');
    await mkdir(dir);
    await writeFile(path.join(dir, 'one.txt'), '第一份报告\n\n正文。\n');
    await writeFile(path.join(dir, 'two.txt'), '第二份报告\n\n正文。\n');
    const data = await mkdtemp(path.join(root, 'data-'));
    const reads = spyReports(dir);

    const first = await listed(dir, data);
    expect(
      reads()
        .map((f) => path.basename(f))
        .sort(),
    ).toEqual(['one.txt', 'two.txt']);
    const cache = JSON.parse(
      await readFile(path.join(data, 'library', 'bundled-cache.json'), 'utf8'),
    );
    expect(Object.keys(cache.files)).toHaveLength(2);

    const again = await listed(dir, data); // a new host on the same data dir
    expect(again.reports).toEqual(first.reports);
    expect(reads()).toHaveLength(2);

    // Only the file that changed is read again.
    await writeFile(path.join(dir, 'two.txt'), '第二份报告（修订）\n\n正文。\n');
    const changed = await listed(dir, data);
    expect(changed.reports.map((r) => r.title)).toEqual(['第一份报告', '第二份报告（修订）']);
    expect(reads().map((f) => path.basename(f))).toEqual(['one.txt', 'two.txt', 'two.txt']);
  });

  it('does not trust a damaged cache file: it lists from the files and rewrites it', async () => {
    const dir = path.join(root, 'damaged-cache');
    await mkdir(dir);
    await writeFile(path.join(dir, 'r.txt'), '真实的标题\n\n正文。\n');
    const data = await mkdtemp(path.join(root, 'data-'));
    await listed(dir, data);
    const cacheFile = path.join(data, 'library', 'bundled-cache.json');
    const cache = JSON.parse(await readFile(cacheFile, 'utf8'));
    for (const entry of Object.values(cache.files) as { title: unknown }[]) entry.title = 42;
    await writeFile(cacheFile, JSON.stringify(cache));
    expect((await listed(dir, data)).reports.map((r) => r.title)).toEqual(['真实的标题']);
    await writeFile(cacheFile, '{ not json');
    expect((await listed(dir, data)).reports.map((r) => r.title)).toEqual(['真实的标题']);
    expect(JSON.parse(await readFile(cacheFile, 'utf8')).version).toBe(1);
  });

  it('lists a file the importer refuses with a notice, not as a report', async () => {
    const dir = path.join(root, 'refused');
    await mkdir(dir);
    await writeFile(path.join(dir, 'good.txt'), '好的报告\n\n正文。\n');
    // An ELF header under a .txt name: binary, not text.
    await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    const listing = await listed(dir);
    expect(listing.reports.map((r) => r.id)).toEqual(['good.txt']);
    expect(listing.notices).toHaveLength(1);
    expect(listing.notices[0]?.message).toContain('binary.txt');
  });
});

describe('openReport through dispatch', () => {
  it('returns the text of a listed report', async () => {
    const { handlers } = await services();
    const result = await dispatch(handlers, 'openReport', { reportId: 'b-bom.txt' });
    expect(result).toMatchObject({ ok: true, value: { id: 'b-bom.txt', text: WITH_BOM_TEXT } });
  });

  const refused: [string, 'not-found' | 'bad-request'][] = [
    ['no-such-report.txt', 'not-found'],
    ['notes.md', 'not-found'],
    ['folder.txt', 'not-found'],
    ['../secret.txt', 'bad-request'],
    ['../package.json', 'bad-request'],
    ['a/b.txt', 'bad-request'],
    ['folder.txt/inner.txt', 'bad-request'],
    ['..\\secret.txt', 'bad-request'],
    ['..', 'bad-request'],
    ['', 'bad-request'],
    ['a-plain.txt\0', 'bad-request'],
  ];

  it.each(refused)('refuses %j with %s and reveals nothing outside', async (reportId, code) => {
    const { handlers } = await services();
    const result = await dispatch(handlers, 'openReport', { reportId });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('refuses an absolute path to a file outside the folder', async () => {
    const { handlers } = await services();
    const result = await dispatch(handlers, 'openReport', {
      reportId: path.join(root, 'secret.txt'),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bad-request');
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('refuses a missing or non-string reportId', async () => {
    const { handlers } = await services();
    for (const request of [{}, { reportId: 42 }, { reportId: ['a-plain.txt'] }]) {
      const result = await dispatch(handlers, 'openReport', request);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('bad-request');
    }
  });
});

describe('listReports through dispatch', () => {
  async function listing(data: string, lastReportId?: string | null): Promise<ReportListing> {
    const { handlers } = await services(reportsDir, data);
    if (lastReportId !== undefined) {
      const saved = await dispatch(handlers, 'updateSettings', { patch: { lastReportId } });
      expect(saved.ok).toBe(true);
    }
    const result = await dispatch(handlers, 'listReports', {});
    if (!result.ok) throw new Error(result.error.code);
    return result.value as ReportListing;
  }

  it('starts with the first report when nothing is remembered', async () => {
    const result = await listing(await mkdtemp(path.join(root, 'data-')));
    expect(result.reports.map((r) => r.id)).toEqual([
      'a-plain.txt',
      'b-bom.txt',
      'c-untitled.txt',
      REAL_NAME,
    ]);
    expect(result.initialReportId).toBe('a-plain.txt');
  });

  it('starts with the remembered report when it still exists', async () => {
    const result = await listing(await mkdtemp(path.join(root, 'data-')), 'c-untitled.txt');
    expect(result.initialReportId).toBe('c-untitled.txt');
  });

  it('starts with the first report when the remembered one is gone', async () => {
    const result = await listing(await mkdtemp(path.join(root, 'data-')), 'deleted.txt');
    expect(result.initialReportId).toBe('a-plain.txt');
  });

  it('remembers across a restart (a new host on the same data folder)', async () => {
    const data = await mkdtemp(path.join(root, 'data-'));
    await listing(data, 'b-bom.txt');
    expect((await listing(data)).initialReportId).toBe('b-bom.txt');
  });

  it('has no initial report when the folder has none', async () => {
    const empty = path.join(root, 'empty-reports');
    await mkdir(empty, { recursive: true });
    const { handlers } = await services(empty, await mkdtemp(path.join(root, 'data-')));
    expect(await dispatch(handlers, 'listReports', {})).toEqual({
      ok: true,
      value: { reports: [], initialReportId: null, notices: [] },
    });
  });
});
