// The PDF-export service for a comparison (对照) and the key-figures option: what goes into the
// print job the page lays out, the file name, and refusals before anything is printed.
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ViewerError } from '../../../../core/api/errors';
import type { Annotation } from '../../../../core/annotations/annotation-model';
import type { PrintJob, PrintRequest } from '../../../../core/print/print-options';
import type { ReportSource } from '../../../../core/report/report-source';
import { createPdfExport, type PrintHost } from '../../../../node/services/pdf-export';
import { makeAnnotation } from './crash/fixtures';

const fixture = (name: string) =>
  fs.readFileSync(new URL(`../../../fixtures/compare/${name}`, import.meta.url), 'utf8');
const OLD_ID = 'edition-2023.txt';
const NEW_ID = 'edition-2024.txt';
const library: Record<string, { text: string; source?: ReportSource }> = {
  [OLD_ID]: { text: fixture(OLD_ID) },
  [NEW_ID]: { text: fixture(NEW_ID) },
};
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const OPTIONS = { layout: 'reading', paper: 'A4', metadata: false, annotations: 'none' } as const;

/** A stored annotation of `reportId` (only its id and report matter to the service). */
const stored = (reportId: string, id: string): Annotation =>
  makeAnnotation({ id, reportId, note: id });

function setup(reports = library, annotations: Record<string, Annotation[]> = {}) {
  const jobs: PrintJob[] = [];
  const opened: string[] = [];
  const host: PrintHost = {
    printPageUrl: (jobId) => `http://127.0.0.1:1/print.html?job=${jobId}`,
    renderPdf: vi.fn(async (url: string) => {
      jobs.push(service.getPrintJob(new URL(url).searchParams.get('job')!));
      return PDF;
    }),
  };
  const service = createPdfExport({
    openReport: async (reportId) => {
      opened.push(reportId);
      const report = reports[reportId];
      if (!report) throw new ViewerError('not-found', '找不到这份报告', 'Not found', reportId);
      return report;
    },
    loadAnnotations: vi.fn(async (reportId: string) => annotations[reportId] ?? []),
    host,
  });
  return { service, host, jobs, opened };
}

const compareRequest = (patch: Partial<PrintRequest> = {}): PrintRequest => ({
  reportId: NEW_ID,
  sectionIds: [],
  options: OPTIONS,
  compare: { oldReportId: OLD_ID },
  ...patch,
});

describe('exportPdf with compare', () => {
  it('puts both editions in the job, the new as the report and the old as compare', async () => {
    const { service, jobs, opened } = setup();
    const result = await service.exportPdf(compareRequest({ language: 'en' }));
    expect(result).toMatchObject({
      outcome: 'download',
      fileName: '对照-青石区2023年度法治政府建设工作报告-青石区2024年度法治政府建设工作报告.pdf',
    });
    expect(opened.sort()).toEqual([OLD_ID, NEW_ID].sort());
    expect(jobs).toHaveLength(1);
    const job = jobs[0]!;
    expect(job.reportId).toBe(NEW_ID);
    expect(job.text).toBe(library[NEW_ID]!.text);
    expect(job.compare).toEqual({
      oldReportId: OLD_ID,
      oldText: library[OLD_ID]!.text,
      oldAnnotations: [],
    });
    expect(job.language).toBe('en');
    // Sections, the annotations option and the figures table do not apply to a comparison.
    expect(job.sectionIds).toEqual([]);
    expect(job.annotations).toEqual([]);
    expect(job.options).toMatchObject({ layout: 'reading', annotations: 'none', figures: false });
  });

  it('ignores chosen sections and an annotations mode instead of refusing them', async () => {
    const { service, jobs } = setup();
    await service.exportPdf(
      compareRequest({
        sectionIds: ['no-such-section'],
        options: { ...OPTIONS, annotations: 'notes', figures: true },
      }),
    );
    expect(jobs[0]!.compare?.oldReportId).toBe(OLD_ID);
    expect(jobs[0]!.options.annotations).toBe('none');
  });

  it("carries each edition's imported source when the library has one", async () => {
    const source: ReportSource = {
      text: library[OLD_ID]!.text,
      format: 'docx',
      fileName: 'old.docx',
    };
    const { service, jobs } = setup({ ...library, [OLD_ID]: { text: source.text, source } });
    await service.exportPdf(compareRequest());
    expect(jobs[0]!.compare).toEqual({
      oldReportId: OLD_ID,
      oldText: source.text,
      oldSource: source,
      oldAnnotations: [],
    });
    expect(jobs[0]!.source).toBeUndefined();
  });

  it("carries each edition's stored annotations, to print under the changes they touch", async () => {
    const oldNote = stored(OLD_ID, 'old-note');
    const newNote = stored(NEW_ID, 'new-note');
    const { service, jobs } = setup(library, {
      [OLD_ID]: [oldNote],
      // A record filed under the wrong report is not printed as this one's.
      [NEW_ID]: [newNote, stored(OLD_ID, 'stray')],
    });
    await service.exportPdf(compareRequest());
    expect(jobs[0]!.compare?.oldAnnotations).toEqual([oldNote]);
    expect(jobs[0]!.annotations).toEqual([newNote]);
  });

  it('refuses a missing old edition before printing anything', async () => {
    const { service, host } = setup();
    await expect(
      service.exportPdf(compareRequest({ compare: { oldReportId: 'gone.txt' } })),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect(host.renderPdf).not.toHaveBeenCalled();
  });

  it('compares a report with itself when asked (an empty comparison)', async () => {
    const { service, jobs } = setup();
    await service.exportPdf(compareRequest({ compare: { oldReportId: NEW_ID } }));
    expect(jobs[0]!.compare?.oldText).toBe(jobs[0]!.text);
  });
});

describe('exportPdf with the key-figures table', () => {
  it('passes the figures flag to the page, false when the request has none', async () => {
    const { service, jobs } = setup();
    await service.exportPdf({ reportId: NEW_ID, sectionIds: ['s1'], options: OPTIONS });
    await service.exportPdf({
      reportId: NEW_ID,
      sectionIds: ['s1'],
      options: { ...OPTIONS, figures: true },
    });
    expect(jobs.map((job) => job.options.figures)).toEqual([false, true]);
    expect(jobs.map((job) => job.language)).toEqual(['zh-CN', 'zh-CN']);
    expect(jobs.every((job) => job.compare === undefined)).toBe(true);
  });
});
