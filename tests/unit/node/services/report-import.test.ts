/**
 * The library the user fills, through createHostServices + dispatch on real temp dirs: import
 * (the original kept byte for byte, the extracted source, the manifest entry), duplicates,
 * rename and un-rename, remove (files and annotations moved aside, never deleted), the bundled
 * report kept, refusals in plain words, and a full disk leaving nothing half-written.
 */
import { createHash } from 'node:crypto';
import { promises as fsPromises } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../../core/annotations/annotation-model';
import {
  MAX_IMPORT_FILE_BYTES,
  type ApiRequest,
  type ApiResponse,
  type Channel,
} from '../../../../core/api/contract';
import { dispatch } from '../../../../core/api/dispatch';
import type { ApiError } from '../../../../core/api/errors';
import { createHostServices, type HostServices } from '../../../../node/services/host-services';

const bundledDir = fileURLToPath(new URL('../../../../resources/reports', import.meta.url));
const REAL_NAME = 'jiangning-2023-rule-of-law-government-report.txt';

// Our own short texts, not published reports.
const REPORT_A = [
  '索 引 号：TEST-2024-001',
  '文  号：测政发〔2024〕3号',
  '生成日期：2024-02-01',
  '',
  '某县2023年度测试工作报告',
  '',
  '一、总体情况',
  '今年我们做了许多测试。',
  '二、下一步打算',
  '继续测试。',
  '',
].join('\n');
const REPORT_B = '另一份测试报告\n\n一、情况\n正文内容。\n';

let root: string;
let reportsDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'report-import-'));
  reportsDir = path.join(root, 'reports');
  await mkdir(reportsDir);
  await copyFile(path.join(bundledDir, REAL_NAME), path.join(reportsDir, REAL_NAME));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

interface Host {
  services: HostServices;
  dataDir: string;
  call<C extends Channel>(channel: C, request: ApiRequest<C>): Promise<ApiResponse<C>>;
  refusal(channel: Channel, request: unknown): Promise<ApiError>;
}

/** Hosts still open, by data folder: a "restart" closes the old one first (it holds the lock). */
const running = new Map<string, HostServices>();
afterEach(async () => {
  for (const services of running.values()) await services.close();
  running.clear();
});

async function host(
  dataDir?: string,
  chooseReportFiles?: () => Promise<string[] | null>,
): Promise<Host> {
  const dir = dataDir ?? (await mkdtemp(path.join(root, 'data-')));
  await running.get(dir)?.close();
  const services = await createHostServices({
    reportsDir,
    dataDir: dir,
    host: 'web',
    appName: 'test',
    appVersion: '0.0.0',
    ...(chooseReportFiles ? { chooseReportFiles } : {}),
  });
  running.set(dir, services);
  return {
    services,
    dataDir: dir,
    async call(channel, request) {
      const result = await dispatch(services.handlers, channel, request);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    async refusal(channel, request) {
      const result = await dispatch(services.handlers, channel, request);
      if (result.ok) throw new Error(`${channel} was not refused`);
      return result.error;
    },
  };
}

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const sha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Every file under `dir`, relative, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

function highlight(reportId: string, id: string, note: string): Annotation {
  const stamp = '2024-03-05T08:00:00.000Z';
  return {
    id,
    reportId,
    kind: 'highlight',
    color: 'yellow',
    note,
    tags: [],
    target: {
      sectionId: 's1',
      start: { paragraphId: 's1-p0', offset: 0 },
      end: { paragraphId: 's1-p0', offset: 4 },
      position: { start: 0, end: 4 },
      quote: { exact: '总体情况', prefix: '', suffix: '' },
    },
    created: stamp,
    updated: stamp,
  };
}

describe('importing a .txt file', () => {
  it('keeps the original byte for byte, the extracted source and a manifest entry', async () => {
    const h = await host();
    const bytes = bytesOf(REPORT_A);
    const hash = sha(bytes);
    const id = `lib-${hash.slice(0, 16)}`;
    const result = await h.call('importReportFile', { fileName: 'C:\\下载\\测试报告.TXT', bytes });

    expect(result.duplicate).toBe(false);
    expect(result.notices.map((n) => n.message)).toEqual(['文字编码：UTF-8']);
    expect(result.report).toEqual({
      id,
      title: '某县2023年度测试工作报告',
      documentTitle: '某县2023年度测试工作报告',
      userTitle: null,
      size: bytes.byteLength,
      format: 'txt',
      encoding: 'UTF-8',
      origin: 'library',
      documentNumber: '测政发〔2024〕3号',
      date: '2024-02-01',
      annotationCount: 0,
      sourceFileName: '测试报告.TXT',
      importedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    const library = path.join(h.dataDir, 'library');
    expect(await filesUnder(path.join(library, id))).toEqual(['original.txt', 'source.json']);
    expect(Buffer.compare(await readFile(path.join(library, id, 'original.txt')), bytes)).toBe(0);
    const source = JSON.parse(await readFile(path.join(library, id, 'source.json'), 'utf8'));
    expect(source).toEqual({ text: REPORT_A, format: 'txt', fileName: '测试报告.TXT' });

    const manifest = JSON.parse(await readFile(path.join(library, 'manifest.json'), 'utf8'));
    expect(manifest.reports).toEqual([
      {
        id,
        title: '某县2023年度测试工作报告',
        userTitle: null,
        format: 'txt',
        encoding: 'UTF-8',
        sourceFileName: '测试报告.TXT',
        originalFile: 'original.txt',
        size: bytes.byteLength,
        importedAt: result.report.importedAt,
        sha256: hash,
        textSha256: sha(REPORT_A),
        documentNumber: '测政发〔2024〕3号',
        date: '2024-02-01',
      },
    ]);
  });

  it('lists and opens the imported report, also after a restart', async () => {
    const h = await host();
    const { report } = await h.call('importReportFile', {
      fileName: 'b.txt',
      bytes: bytesOf(REPORT_B),
    });
    const again = await host(h.dataDir);
    const listing = await again.call('listReports', {});
    expect(listing.reports.map((r) => [r.id, r.origin])).toEqual([
      [REAL_NAME, 'bundled'],
      [report.id, 'library'],
    ]);
    const opened = await again.call('openReport', { reportId: report.id });
    expect(opened).toEqual({
      id: report.id,
      title: '另一份测试报告',
      source: { text: REPORT_B, format: 'txt', fileName: 'b.txt' },
      text: REPORT_B,
    });
  });

  it('finds the same bytes again: no duplicate entry, and says so', async () => {
    const h = await host();
    const first = await h.call('importReportFile', { fileName: 'a.txt', bytes: bytesOf(REPORT_A) });
    const second = await h.call('importReportFile', {
      fileName: '另一个名字.txt',
      bytes: bytesOf(REPORT_A),
    });
    expect(second.duplicate).toBe(true);
    expect(second.report).toEqual(first.report);
    expect(second.notices).toEqual([
      {
        message: '这份文件已经在报告库中（《某县2023年度测试工作报告》），没有重复导入。',
        messageEn:
          'This file is already in the library (“某县2023年度测试工作报告”); it was not imported again.',
      },
    ]);
    const listing = await h.call('listReports', {});
    expect(listing.reports.filter((r) => r.origin === 'library')).toHaveLength(1);
    const library = await readdir(path.join(h.dataDir, 'library'));
    expect(library.filter((name) => name.startsWith('lib-'))).toEqual([first.report.id]);
  });

  it('finds a bundled report imported again: the bundled one is the answer', async () => {
    const h = await host();
    const bytes = new Uint8Array(await readFile(path.join(reportsDir, REAL_NAME)));
    const result = await h.call('importReportFile', { fileName: 'copy.txt', bytes });
    expect(result.duplicate).toBe(true);
    expect(result.report).toMatchObject({ id: REAL_NAME, origin: 'bundled' });
    expect((await h.call('listReports', {})).reports).toHaveLength(1);
  });

  it('imports two files arriving together, both kept', async () => {
    const h = await host();
    const [a, b] = await Promise.all([
      h.call('importReportFile', { fileName: 'a.txt', bytes: bytesOf(REPORT_A) }),
      h.call('importReportFile', { fileName: 'b.txt', bytes: bytesOf(REPORT_B) }),
    ]);
    const ids = (await h.call('listReports', {})).reports.map((r) => r.id);
    expect(ids).toEqual([REAL_NAME, a.report.id, b.report.id]);
  });
});

describe('refusals, in plain words, leaving the library as it was', () => {
  it.each([
    ['an unsupported format', '报告.ofd', bytesOf('PK\u0003\u0004 ofd'), /OFD 版式文件暂不支持/],
    [
      'bytes that are a program, not text',
      'binary.txt',
      new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0xff, 0xfe]),
      /程序文件，不是报告/,
    ],
    ['an empty file', 'empty.txt', new Uint8Array(0), /空的/],
  ])('%s', async (_what, fileName, bytes, message) => {
    const h = await host();
    const before = await filesUnder(h.dataDir);
    const error = await h.refusal('importReportFile', { fileName, bytes });
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toMatch(message);
    expect(error.messageEn.trim()).not.toBe('');
    expect(await filesUnder(h.dataDir)).toEqual(before);
  });

  it('a file over the import limit', async () => {
    const h = await host();
    const error = await h.refusal('importReportFile', {
      fileName: 'big.txt',
      bytes: new Uint8Array(MAX_IMPORT_FILE_BYTES + 1),
    });
    expect(error).toMatchObject({
      code: 'too-large',
      message: '无法导入“big.txt”：文件超过 64 MB。',
      messageEn: '“big.txt” cannot be imported: the file is over 64 MB.',
    });
  });

  it('a full disk while copying: nothing half-written stays in the library', async () => {
    const h = await host();
    const realOpen = fsPromises.open;
    vi.spyOn(fsPromises, 'open').mockImplementation(async (file, ...rest) => {
      if (String(file).endsWith('source.json')) {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      return realOpen(file, ...rest);
    });
    const error = await h.refusal('importReportFile', {
      fileName: 'a.txt',
      bytes: bytesOf(REPORT_A),
    });
    expect(error.code).toBe('io-error');
    expect(error.message).toBe('报告没有导入：磁盘已满。');
    expect(error.messageEn).toBe('The report was not imported: the disk is full.');
    expect(await readdir(path.join(h.dataDir, 'library'))).toEqual([]);
    expect((await h.call('listReports', {})).reports.map((r) => r.id)).toEqual([REAL_NAME]);

    vi.restoreAllMocks(); // The disk has room again: the same import works.
    const retried = await h.call('importReportFile', {
      fileName: 'a.txt',
      bytes: bytesOf(REPORT_A),
    });
    expect(retried.duplicate).toBe(false);
  });

  it('a manifest that cannot be written: the copied files are taken back out', async () => {
    const h = await host();
    const manifest = path.join(h.dataDir, 'library', 'manifest.json');
    await mkdir(manifest); // a folder where the file must go: every write fails
    const error = await h.refusal('importReportFile', {
      fileName: 'a.txt',
      bytes: bytesOf(REPORT_A),
    });
    expect(error.code).toBe('io-error');
    const left = await readdir(path.join(h.dataDir, 'library'));
    expect(left.filter((name) => name.startsWith('lib-') || name.startsWith('.incoming'))).toEqual(
      [],
    );
  });
});

describe('renaming', () => {
  it('sets the user title and goes back to the document title when emptied', async () => {
    const h = await host();
    const { report } = await h.call('importReportFile', {
      fileName: 'a.txt',
      bytes: bytesOf(REPORT_A),
    });
    const renamed = await h.call('renameReport', { reportId: report.id, title: '  我的  名字 ' });
    expect(renamed.report).toMatchObject({
      title: '我的 名字',
      userTitle: '我的 名字',
      documentTitle: '某县2023年度测试工作报告',
    });
    const restarted = await host(h.dataDir);
    const listed = (await restarted.call('listReports', {})).reports.find(
      (r) => r.id === report.id,
    );
    expect(listed?.title).toBe('我的 名字');
    expect((await restarted.call('openReport', { reportId: report.id })).title).toBe('我的 名字');

    const back = await restarted.call('renameReport', { reportId: report.id, title: '' });
    expect(back.report).toMatchObject({ title: '某县2023年度测试工作报告', userTitle: null });
  });

  it('renames a bundled report too, keeping its id', async () => {
    const h = await host();
    const { report } = await h.call('renameReport', { reportId: REAL_NAME, title: '江宁报告' });
    expect(report).toMatchObject({ id: REAL_NAME, title: '江宁报告', origin: 'bundled' });
    const again = await host(h.dataDir);
    expect((await again.call('listReports', {})).reports[0]?.title).toBe('江宁报告');
    const back = await again.call('renameReport', { reportId: REAL_NAME, title: ' ' });
    expect(back.report.userTitle).toBeNull();
  });

  it('refuses an unknown report', async () => {
    const h = await host();
    expect((await h.refusal('renameReport', { reportId: 'nope.txt', title: 'x' })).code).toBe(
      'not-found',
    );
  });
});

describe('removing', () => {
  it('moves the files and the annotations aside, never deleting them, and says where', async () => {
    const h = await host();
    const bytes = bytesOf(REPORT_A);
    const { report } = await h.call('importReportFile', { fileName: 'a.txt', bytes });
    await h.call('saveAnnotation', { annotation: highlight(report.id, 'note-1', '我的批注文字') });
    await h.call('saveAnnotation', { annotation: highlight(report.id, 'note-2', '第二条') });
    expect(
      (await h.call('listReports', {})).reports.find((r) => r.id === report.id)?.annotationCount,
    ).toBe(2);

    const removed = await h.call('removeReport', { reportId: report.id });
    const removedRoot = path.join(h.dataDir, 'removed');
    expect(path.dirname(removed.movedTo)).toBe(removedRoot);
    expect(path.basename(removed.movedTo)).toMatch(new RegExp(`^${report.id}-\\d{4}-`));
    expect(removed.message).toContain(removed.movedTo);
    expect(removed.messageEn).toContain(removed.movedTo);
    expect(removed.message).toContain('没有删除');

    const files = await filesUnder(removed.movedTo);
    expect(files).toEqual(
      expect.arrayContaining([
        'annotations.json',
        'entry.json',
        path.join('report', 'original.txt'),
        path.join('report', 'source.json'),
      ]),
    );
    const notes = JSON.parse(
      await readFile(path.join(removed.movedTo, 'annotations.json'), 'utf8'),
    );
    expect(notes.annotations.map((a: Annotation) => a.note)).toEqual(['我的批注文字', '第二条']);
    const original = await readFile(path.join(removed.movedTo, 'report', 'original.txt'));
    expect(Buffer.compare(original, bytes)).toBe(0);

    // Gone from the list, the library folder and the annotations folder; none kept in memory.
    expect((await h.call('listReports', {})).reports.map((r) => r.id)).toEqual([REAL_NAME]);
    expect(await readdir(path.join(h.dataDir, 'library'))).not.toContain(report.id);
    expect((await h.call('listAnnotations', { reportId: report.id })).annotations).toEqual([]);
    expect((await h.refusal('openReport', { reportId: report.id })).code).toBe('not-found');

    // Imported again it is a new report, without the old annotations (they stay set aside).
    const again = await h.call('importReportFile', { fileName: 'a.txt', bytes });
    expect(again).toMatchObject({
      duplicate: false,
      report: { id: report.id, annotationCount: 0 },
    });
    expect(await filesUnder(removed.movedTo)).toEqual(files);
  });

  it('refuses to remove a bundled report, in plain words, changing nothing', async () => {
    const h = await host();
    await h.call('saveAnnotation', { annotation: highlight(REAL_NAME, 'keep', '保留') });
    const error = await h.refusal('removeReport', { reportId: REAL_NAME });
    expect(error).toMatchObject({
      code: 'bad-request',
      message: '随程序附带的报告不能移除。',
      messageEn: 'Reports that come with the app cannot be removed.',
    });
    expect((await h.call('listReports', {})).reports.map((r) => r.id)).toEqual([REAL_NAME]);
    expect((await h.call('listAnnotations', { reportId: REAL_NAME })).annotations).toHaveLength(1);
    expect(await readdir(h.dataDir)).not.toContain('removed');
  });

  it('refuses an unknown report', async () => {
    const h = await host();
    const error = await h.refusal('removeReport', { reportId: 'lib-0123456789abcdef' });
    expect(error.code).toBe('not-found');
  });
});

describe('what a crash or damage leaves behind', () => {
  it('removes an unfinished import at start, and replaces an unlisted folder of the same id', async () => {
    const h = await host();
    const bytes = bytesOf(REPORT_B);
    const id = `lib-${sha(bytes).slice(0, 16)}`;
    const library = path.join(h.dataDir, 'library');
    await mkdir(path.join(library, '.incoming-0011223344556677'));
    await writeFile(path.join(library, '.incoming-0011223344556677', 'original.txt'), 'half');
    await mkdir(path.join(library, id));
    await writeFile(path.join(library, id, 'original.txt'), 'left by a crash');

    const restarted = await host(h.dataDir);
    expect(await readdir(library)).not.toContain('.incoming-0011223344556677');
    const result = await restarted.call('importReportFile', { fileName: 'b.txt', bytes });
    expect(result.duplicate).toBe(false);
    expect(Buffer.compare(await readFile(path.join(library, id, 'original.txt')), bytes)).toBe(0);
  });

  it('opens from the original when source.json is damaged', async () => {
    const h = await host();
    const { report } = await h.call('importReportFile', {
      fileName: 'b.txt',
      bytes: bytesOf(REPORT_B),
    });
    await writeFile(path.join(h.dataDir, 'library', report.id, 'source.json'), '{"text": "改过');
    expect((await h.call('openReport', { reportId: report.id })).text).toBe(REPORT_B);
  });

  it('uses the backup of a damaged manifest, and says so in the listing', async () => {
    const h = await host();
    await h.call('importReportFile', { fileName: 'a.txt', bytes: bytesOf(REPORT_A) });
    const { report } = await h.call('importReportFile', {
      fileName: 'b.txt',
      bytes: bytesOf(REPORT_B),
    });
    await h.services.flush();
    await writeFile(path.join(h.dataDir, 'library', 'manifest.json'), '{ damaged');
    const listing = await (await host(h.dataDir)).call('listReports', {});
    // The backup is the manifest before the last import.
    expect(listing.reports.map((r) => r.id)).not.toContain(report.id);
    expect(listing.reports).toHaveLength(2);
    expect(listing.notices[0]?.message).toMatch(/报告库清单文件已损坏/);
  });
});

describe('chooseAndImportReports', () => {
  it('imports every file the dialog chose, each failure with its own message', async () => {
    const dir = await mkdtemp(path.join(root, 'chosen-'));
    await writeFile(path.join(dir, 'a.txt'), REPORT_A);
    await writeFile(path.join(dir, 'scan.ofd'), 'not supported');
    const choose = vi.fn(async () => [path.join(dir, 'a.txt'), path.join(dir, 'scan.ofd')]);
    const h = await host(undefined, choose);
    const result = await h.call('chooseAndImportReports', {});
    expect(choose).toHaveBeenCalledTimes(1);
    expect(result.canceled).toBe(false);
    expect(result.imported.map((i) => i.report.sourceFileName)).toEqual(['a.txt']);
    expect(result.failed).toEqual([
      { fileName: 'scan.ofd', error: expect.objectContaining({ code: 'unsupported-format' }) },
    ]);
    expect(result.failed[0]?.error.message).toMatch(/不支持/);
  });

  it('answers canceled when the dialog was closed', async () => {
    const h = await host(undefined, async () => null);
    expect(await h.call('chooseAndImportReports', {})).toEqual({
      canceled: true,
      imported: [],
      failed: [],
    });
  });

  it('is unavailable without a native dialog (the browser host)', async () => {
    const h = await host();
    const error = await h.refusal('chooseAndImportReports', {});
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/导入报告/);
  });
});
