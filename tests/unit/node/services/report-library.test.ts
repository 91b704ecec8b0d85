import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportListing } from '../../../../core/api/contract';
import { dispatch } from '../../../../core/api/dispatch';
import { createHostServices, type HostServices } from '../../../../node/services/host-services';
import { createReportLibrary } from '../../../../node/services/report-library';

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

describe('the report library', () => {
  it('lists the bundled report with its title from the text', async () => {
    const reports = await createReportLibrary(bundledDir).list();
    const size = (await readFile(path.join(bundledDir, REAL_NAME))).length;
    expect(reports).toEqual([{ id: REAL_NAME, title: REAL_TITLE, size }]);
  });

  it('lists only .txt files, sorted, with titles parsed from the text', async () => {
    const reports = await createReportLibrary(reportsDir).list();
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

  it('notices a title change when a file is rewritten', async () => {
    const dir = path.join(root, 'changing');
    await mkdir(dir);
    const library = createReportLibrary(dir);
    await writeFile(path.join(dir, 'r.txt'), '旧标题\n\n正文。\n');
    expect((await library.list())[0]?.title).toBe('旧标题');
    await writeFile(path.join(dir, 'r.txt'), '新的标题更长一些\n\n正文。\n');
    expect((await library.list())[0]?.title).toBe('新的标题更长一些');
  });

  it('opens the bundled report with its exact text', async () => {
    const opened = await createReportLibrary(bundledDir).open(REAL_NAME);
    expect(opened).toEqual({
      id: REAL_NAME,
      text: await readFile(path.join(bundledDir, REAL_NAME), 'utf8'),
    });
  });

  it('opens a fixture with its exact text, and removes a BOM', async () => {
    const library = createReportLibrary(reportsDir);
    expect(await library.open('a-plain.txt')).toEqual({ id: 'a-plain.txt', text: PLAIN });
    const bom = await library.open('b-bom.txt');
    expect(bom).toEqual({ id: 'b-bom.txt', text: WITH_BOM_TEXT });
    expect(bom.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('refuses, even when called directly, any id that is not a listed report', async () => {
    const library = createReportLibrary(reportsDir);
    for (const id of ['../secret.txt', 'folder.txt/inner.txt', 'notes.md', 'folder.txt']) {
      await expect(library.open(id)).rejects.toMatchObject({ code: 'not-found' });
    }
  });

  it('reports a missing reports folder as an io-error', async () => {
    const result = await dispatch(
      (await services(path.join(root, 'no-such-folder'), path.join(root, 'data-missing'))).handlers,
      'listReports',
      {},
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('io-error');
  });
});

describe('openReport through dispatch', () => {
  it('returns the text of a listed report', async () => {
    const { handlers } = await services();
    const result = await dispatch(handlers, 'openReport', { reportId: 'b-bom.txt' });
    expect(result).toEqual({ ok: true, value: { id: 'b-bom.txt', text: WITH_BOM_TEXT } });
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
      value: { reports: [], initialReportId: null },
    });
  });
});
