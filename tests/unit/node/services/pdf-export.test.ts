// The PDF-export service with real files in a temp dir and a fake renderer: atomic writes, no
// half-written file on any failure, plain errors, and the print job's life.
import fs from 'node:fs';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ViewerError } from '../../../../core/api/errors';
import type { Annotation } from '../../../../core/annotations/annotation-model';
import { describeRange } from '../../../../core/annotations/describe-selection';
import type { PrintJob, PrintRequest } from '../../../../core/print/print-options';
import { parseReport } from '../../../../core/report/parse-report';
import {
  createPdfExport,
  printPageFailure,
  type PdfExportOptions,
  type PrintHost,
} from '../../../../node/services/pdf-export';
import { faultyFs } from './faulty-fs';

const REPORT_ID = 'jiangning-2023-rule-of-law-government-report.txt';
const text = fs.readFileSync(
  new URL(`../../../../resources/reports/${REPORT_ID}`, import.meta.url),
  'utf8',
);
const PDF = Buffer.from('%PDF-1.4\n% a tiny stand-in for a real PDF\n%%EOF\n');
const OLD = Buffer.from('%PDF-1.4\n% the file that was there before\n');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pdf-export-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

function request(patch: Partial<PrintRequest> = {}): PrintRequest {
  return {
    reportId: REPORT_ID,
    sectionIds: ['s1-3-4'],
    options: { layout: 'gongwen', paper: 'A4', metadata: false, annotations: 'none' },
    ...patch,
  };
}

function setup(host: Partial<PrintHost> = {}, extra: Partial<PdfExportOptions> = {}) {
  const jobs: PrintJob[] = [];
  const printHost: PrintHost = {
    printPageUrl: (jobId) => `app://viewer/print.html?job=${jobId}`,
    renderPdf: vi.fn(async (url: string) => {
      // What the print page would fetch while it is open.
      jobs.push(service.getPrintJob(new URL(url).searchParams.get('job')!));
      return PDF;
    }),
    ...host,
  };
  const service = createPdfExport({
    openReport: async () => ({ text }),
    host: printHost,
    ...extra,
  });
  return { service, printHost, jobs };
}

const chooser = (target: string | null) => vi.fn(async () => target);

async function filesIn(folder: string): Promise<string[]> {
  return (await readdir(folder)).sort();
}

async function rejection(promise: Promise<unknown>): Promise<ViewerError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ViewerError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('exportPdf to a file (Electron)', () => {
  it('asks where to save with the title and section numbers, then writes the PDF there', async () => {
    const target = path.join(dir, 'out.pdf');
    const chooseSavePath = chooser(target);
    const { service } = setup({ chooseSavePath });
    const result = await service.exportPdf(request());
    expect(chooseSavePath).toHaveBeenCalledWith(
      '南京市江宁区2023年度法治政府建设工作报告 一(三)4.pdf',
    );
    expect(result).toEqual({
      outcome: 'saved',
      path: target,
      fileName: 'out.pdf',
      bytes: PDF.length,
    });
    expect(await readFile(target)).toEqual(PDF);
    expect(await filesIn(dir)).toEqual(['out.pdf']);
  });

  it('renders nothing and writes nothing when the dialog is cancelled', async () => {
    const { service, printHost } = setup({ chooseSavePath: chooser(null) });
    expect(await service.exportPdf(request())).toEqual({ outcome: 'cancelled' });
    expect(printHost.renderPdf).not.toHaveBeenCalled();
    expect(await filesIn(dir)).toEqual([]);
  });

  it('leaves the old file as it was when rendering fails', async () => {
    const target = path.join(dir, 'out.pdf');
    await writeFile(target, OLD);
    const { service } = setup({
      chooseSavePath: chooser(target),
      renderPdf: async () => {
        throw new Error('renderer crashed');
      },
    });
    const err = await rejection(service.exportPdf(request()));
    expect(err.code).toBe('internal');
    expect(err.message).toContain('PDF 没有生成');
    expect(err.detail).toContain('renderer crashed');
    expect(await readFile(target)).toEqual(OLD);
    expect(await filesIn(dir)).toEqual(['out.pdf']);
  });

  it('refuses what is not a PDF', async () => {
    const target = path.join(dir, 'out.pdf');
    const { service } = setup({
      chooseSavePath: chooser(target),
      renderPdf: async () => Buffer.from('<html>oops</html>'),
    });
    expect((await rejection(service.exportPdf(request()))).message).toContain('PDF 没有生成');
    expect(await filesIn(dir)).toEqual([]);
  });

  it.each([
    ['part way through writing (a short write, then ENOSPC)', { spaceLeft: 20 }],
    ['before the first byte', { spaceLeft: 0 }],
  ])(
    'says the disk is full when it fills up %s, keeps the old file whole and leaves no temp file',
    async (_, faults) => {
      const target = path.join(dir, 'out.pdf');
      await writeFile(target, OLD);
      const { service } = setup({ chooseSavePath: chooser(target) }, { fs: faultyFs(faults) });
      const err = await rejection(service.exportPdf(request()));
      expect(err.code).toBe('io-error');
      expect(err.message).toContain('磁盘空间不足');
      expect(err.message).toContain('原来的文件（如果有）没有改动');
      expect(err.messageEn).toContain('disk is full');
      expect(await readFile(target)).toEqual(OLD);
      expect(await filesIn(dir)).toEqual(['out.pdf']);
    },
  );

  it('writes the whole PDF through short writes', async () => {
    const target = path.join(dir, 'out.pdf');
    const { service } = setup(
      { chooseSavePath: chooser(target) },
      { fs: faultyFs({ maxBytesPerWrite: 7 }) },
    );
    await service.exportPdf(request());
    expect(await readFile(target)).toEqual(PDF);
    expect(await filesIn(dir)).toEqual(['out.pdf']);
  });

  it('refuses a write that makes no progress instead of renaming a partial file', async () => {
    const target = path.join(dir, 'out.pdf');
    await writeFile(target, OLD);
    const { service } = setup(
      { chooseSavePath: chooser(target) },
      { fs: faultyFs({ zeroWrites: true }) },
    );
    const err = await rejection(service.exportPdf(request()));
    expect(err.code).toBe('io-error');
    expect(await readFile(target)).toEqual(OLD);
    expect(await filesIn(dir)).toEqual(['out.pdf']);
  });

  it('says when the file is locked', async () => {
    const target = path.join(dir, 'out.pdf');
    const { service } = setup(
      { chooseSavePath: chooser(target) },
      { fs: faultyFs({ renameError: 'EBUSY' }) },
    );
    const err = await rejection(service.exportPdf(request()));
    expect(err.message).toContain('文件被占用');
    expect(await filesIn(dir)).toEqual([]);
  });

  it('says when the folder is missing or the name is a folder', async () => {
    const missing = setup({ chooseSavePath: chooser(path.join(dir, 'gone', 'out.pdf')) });
    expect((await rejection(missing.service.exportPdf(request()))).message).toContain(
      '文件夹不存在',
    );
    await mkdir(path.join(dir, 'taken.pdf'));
    const folder = setup({ chooseSavePath: chooser(path.join(dir, 'taken.pdf')) });
    expect((await rejection(folder.service.exportPdf(request()))).message).toContain(
      '是一个文件夹',
    );
    expect(await filesIn(dir)).toEqual(['taken.pdf']);
  });
});

describe('the print job', () => {
  it('carries the report text, the sections in document order and the options', async () => {
    const { service, jobs } = setup({ chooseSavePath: chooser(path.join(dir, 'a.pdf')) });
    await service.exportPdf(request({ sectionIds: ['s2', 's1-2-3', 'preamble', 's2'] }));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      reportId: REPORT_ID,
      text,
      sectionIds: ['preamble', 's1-2-3', 's2'],
      annotations: [],
    });
    expect(jobs[0]!.jobId).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('is gone once the PDF is made, and an unknown id is a plain error', async () => {
    const { service, jobs } = setup({ chooseSavePath: chooser(path.join(dir, 'a.pdf')) });
    await service.exportPdf(request());
    const err = await rejection((async () => service.getPrintJob(jobs[0]!.jobId))());
    expect(err.code).toBe('not-found');
    expect(err.message).toContain('打印任务已经结束或过期');
  });

  it('takes the stored annotations unless the request brings its own, and none when off', async () => {
    const doc = parseReport(text);
    const stored: Annotation = {
      id: 'a1',
      reportId: REPORT_ID,
      kind: 'highlight',
      color: 'green',
      note: '存着的批注',
      tags: [],
      target: describeRange(doc, 10, 20),
      created: '2024-03-05T00:00:00.000Z',
      updated: '2024-03-05T00:00:00.000Z',
    };
    const loadAnnotations = vi.fn(async () => [stored]);
    const { service, jobs } = setup(
      { chooseSavePath: chooser(path.join(dir, 'a.pdf')) },
      { loadAnnotations },
    );
    const notes = { layout: 'reading', paper: 'A5', metadata: true, annotations: 'notes' } as const;
    await service.exportPdf(request({ options: notes }));
    await service.exportPdf(request({ options: notes, annotations: [{ ...stored, id: 'given' }] }));
    await service.exportPdf(request());
    expect(jobs.map((j) => j.annotations.map((a) => a.id))).toEqual([['a1'], ['given'], []]);
    expect(loadAnnotations).toHaveBeenCalledTimes(1);
  });
});

describe('refusals', () => {
  it('nothing chosen, or sections the report does not have', async () => {
    const { service, printHost } = setup({ chooseSavePath: chooser(path.join(dir, 'a.pdf')) });
    const none = await rejection(service.exportPdf(request({ sectionIds: [] })));
    expect(none.code).toBe('bad-request');
    expect(none.message).toBe('没有选择要打印的章节。请至少勾选一节。');
    const unknown = await rejection(service.exportPdf(request({ sectionIds: ['s1', 's9-9'] })));
    expect(unknown.code).toBe('not-found');
    expect(unknown.detail).toContain('s9-9');
    expect(printHost.renderPdf).not.toHaveBeenCalled();
  });

  it('no printing at all without a print host', async () => {
    const service = createPdfExport({ openReport: async () => ({ text }), host: undefined });
    expect((await rejection(service.exportPdf(request()))).code).toBe('unavailable');
  });

  it('no printer and no file manager in the browser host', async () => {
    const { service } = setup();
    const printer = await rejection(service.printPages(request()));
    expect(printer.code).toBe('unavailable');
    expect(printer.message).toContain('浏览器版不能直接连接打印机');
    expect((await rejection((async () => service.showInFolder('/etc/passwd'))())).code).toBe(
      'unavailable',
    );
  });

  it('shows in the folder only a file this session wrote', async () => {
    const target = path.join(dir, 'mine.pdf');
    const showInFolder = vi.fn();
    const { service } = setup({ chooseSavePath: chooser(target), showInFolder });
    const before = await rejection((async () => service.showInFolder(target))());
    expect(before.code).toBe('forbidden');
    await service.exportPdf(request());
    service.showInFolder(target);
    expect(showInFolder).toHaveBeenCalledWith(target);
    expect(() => service.showInFolder(path.join(dir, 'other.pdf'))).toThrow(ViewerError);
  });
});

describe('download (browser host) and printing (Electron)', () => {
  it('keeps the PDF for one download', async () => {
    const { service } = setup();
    const result = await service.exportPdf(request());
    if (result.outcome !== 'download') throw new Error(result.outcome);
    expect(result.fileName).toBe('南京市江宁区2023年度法治政府建设工作报告 一(三)4.pdf');
    const id = result.url.replace(/^download\//, '');
    expect(service.takeDownload(id)).toEqual({ fileName: result.fileName, bytes: PDF });
    expect(service.takeDownload(id)).toBeUndefined();
  });

  it('prints the same print page on a system printer', async () => {
    const printPages = vi.fn(async (url: string) => {
      expect(url).toMatch(/^app:\/\/viewer\/print\.html\?job=/);
      return { printed: true };
    });
    const { service } = setup({ printPages });
    expect(await service.printPages(request())).toEqual({ printed: true });
  });
});

describe('printPageFailure', () => {
  it("reports the print page's own error, or a generic one", () => {
    const own = printPageFailure(
      JSON.stringify({ code: 'internal', message: '字体', messageEn: 'fonts' }),
    );
    expect([own.code, own.message]).toEqual(['internal', '字体']);
    expect(printPageFailure('garbage').message).toContain('PDF 没有生成');
    expect(printPageFailure(null).code).toBe('internal');
  });
});
