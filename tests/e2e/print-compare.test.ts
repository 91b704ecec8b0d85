/**
 * The comparison (对照) and the key-figures table (关键数据) printed to PDF through the browser
 * host's real print path, checked with pdftotext: the comparison of the two hand-written
 * editions, and a section with its figures, whose table header repeats on every page it spans.
 * PRINT_COMPARE_OUT=<dir> keeps the PDFs there to look at.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiRequest } from '../../core/api/contract';
import type { PrintOptions } from '../../core/print/print-options';
import { sectionWithDescendants } from '../../core/print/print-selection';
import { parseReport } from '../../core/report/parse-report';
import { callHostApi, chromiumPath, projectRoot, startHost, type RunningHost } from './harness';
import { pdfPageCount, pdfText, pdfToolsAvailable, squeeze } from './pdf-inspect';

const OLD_ID = 'edition-2023.txt';
const NEW_ID = 'edition-2024.txt';
const BUNDLED_ID = 'jiangning-2023-rule-of-law-government-report.txt';
const READING_A5: PrintOptions = {
  layout: 'reading',
  paper: 'A5',
  metadata: false,
  annotations: 'none',
};
const GONGWEN: PrintOptions = {
  layout: 'gongwen',
  paper: 'A4',
  metadata: false,
  annotations: 'none',
};

/** One page's text laid out as printed, so a table row reads as one line. */
const layoutText = (file: string, page: number): string =>
  execFileSync(
    'pdftotext',
    ['-enc', 'UTF-8', '-layout', '-f', `${page}`, '-l', `${page}`, file, '-'],
    {
      encoding: 'utf8',
    },
  );

const canReadPdfs = pdfToolsAvailable() || process.env.CI === 'true';

describe.skipIf(!chromiumPath() || !canReadPdfs)(
  'comparison and key figures in print (E2E)',
  () => {
    let host: RunningHost;
    const outDir = process.env.PRINT_COMPARE_OUT ?? mkdtempSync(path.join(tmpdir(), 'viewer-cmp-'));

    beforeAll(async () => {
      const reportsDir = mkdtempSync(path.join(tmpdir(), 'viewer-cmp-reports-'));
      for (const id of [OLD_ID, NEW_ID]) {
        copyFileSync(
          path.join(projectRoot, 'tests/fixtures/compare', id),
          path.join(reportsDir, id),
        );
      }
      copyFileSync(
        path.join(projectRoot, 'resources/reports', BUNDLED_ID),
        path.join(reportsDir, BUNDLED_ID),
      );
      mkdirSync(outDir, { recursive: true });
      host = await startHost({ reportsDir });
    });

    afterAll(async () => {
      await host?.stop();
    });

    /** Exports through the host's API and fetches the one-time download, as the page does. */
    async function exportPdf(
      request: ApiRequest<'exportPdf'>,
      name: string,
    ): Promise<{ file: string; fileName: string }> {
      const result = await callHostApi(host, 'exportPdf', request);
      if (result.outcome !== 'download') throw new Error(`unexpected ${result.outcome}`);
      const response = await fetch(`${host.origin}/${result.url}`, {
        headers: { 'X-Viewer-Token': host.token },
      });
      expect(response.status).toBe(200);
      const file = path.join(outDir, name);
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      return { file, fileName: result.fileName };
    }

    test('the comparison of two editions: title, counts, every change and the figures', async () => {
      const { file, fileName } = await exportPdf(
        { reportId: NEW_ID, sectionIds: [], options: GONGWEN, compare: { oldReportId: OLD_ID } },
        'compare-gongwen.pdf',
      );
      expect(fileName).toBe(
        '对照-青石区2023年度法治政府建设工作报告-青石区2024年度法治政府建设工作报告.pdf',
      );
      const text = squeeze(pdfText(file));
      expect(
        text.startsWith(
          squeeze(
            '《青石区2023年度法治政府建设工作报告》与《青石区2024年度法治政府建设工作报告》对照',
          ),
        ),
      ).toBe(true);
      expect(text).toContain(squeeze('共 12 处变化：修改 6，新增段落 1，删除段落 1'));
      // The figures whose values changed, old → new with the change.
      expect(text).toContain(squeeze('受理行政复议案件 320件 356件 +36件'));
      expect(text).toContain(squeeze('直接纠错率 11.2% 12.5% +1.3个百分点'));
      // Each change with its kind and where it is, old and new text side by side.
      expect(text).toContain(squeeze('修改 · 一、(一) 1. 案件办理'));
      expect(text).toContain(squeeze('全年受理行政复议案件320356件'));
      expect(text).toContain(squeeze('章节移动 · 一、(一) 3. 案卷评查（原为 一、(二) 3. 案卷评查'));
      expect(text).toContain(squeeze('标题修改 · 一、(二) 严格规范公正文明执法'));
      expect(text).toContain(squeeze('执法规范化建设严格规范公正文明执法'));
      expect(text).toContain(squeeze('删除章节 · 一、(二) 2. 执法监督'));
      expect(text).toContain(squeeze('2.执法监督。开展专项督查6次，发现问题42个。'));
      expect(text).toContain(squeeze('新增段落 · 一、(三) 2. 人民调解'));
      expect(text).toContain(squeeze('新建品牌调解工作室5个。'));
      expect(text).toContain(squeeze('法治宣传教育的覆盖面还需扩大。'));
      expect(text).toContain(squeeze('新增章节 · 三、(三) 加强公共法律服务'));
    });

    test('the comparison in English, in the reading layout', async () => {
      const { file } = await exportPdf(
        {
          reportId: NEW_ID,
          sectionIds: [],
          options: READING_A5,
          compare: { oldReportId: OLD_ID },
          language: 'en',
        },
        'compare-reading-en.pdf',
      );
      const text = squeeze(pdfText(file));
      expect(text).toContain(squeeze('Comparison of “青石区2023年度法治政府建设工作报告”'));
      expect(text).toContain(squeeze('Figures that changed'));
      expect(text).toContain(squeeze('Section moved'));
      expect(text).toContain(squeeze('+1.3 points'));
    });

    test('a section with its key-figures table after it', async () => {
      const { file } = await exportPdf(
        {
          reportId: NEW_ID,
          sectionIds: ['s1-1', 's1-1-1', 's1-1-2', 's1-1-3'],
          options: { ...GONGWEN, figures: true },
        },
        'section-figures.pdf',
      );
      const text = squeeze(pdfText(file));
      const table = text.indexOf(squeeze('关键数据章节主题数值单位原文'));
      expect(table).toBeGreaterThan(0);
      // After the section's own text, the figure with its subject, value and unit.
      expect(text.indexOf('全年受理行政复议案件356件')).toBeLessThan(table);
      expect(text.slice(table)).toContain(squeeze('一、(一) 1. 案件办理 受理行政复议案件 356 件'));
      // Figures of sections not printed are not listed.
      expect(text.slice(table)).not.toContain('1500');
    });

    test('a long figures table repeats its header on every page', async () => {
      const bundled = parseReport(
        readFileSync(path.join(projectRoot, 'resources/reports', BUNDLED_ID), 'utf8'),
      );
      const part1 = sectionWithDescendants(bundled.sections[0]!);
      const { file } = await exportPdf(
        { reportId: BUNDLED_ID, sectionIds: part1, options: { ...READING_A5, figures: true } },
        'bundled-figures-a5.pdf',
      );
      const pages = pdfPageCount(file);
      const texts = Array.from({ length: pages }, (_, i) => layoutText(file, i + 1));
      const first = texts.findIndex((page) => page.includes('关键数据'));
      expect(first).toBeGreaterThan(0);
      const tablePages = texts.slice(first);
      expect(tablePages.length).toBeGreaterThan(1);
      for (const page of tablePages) {
        const header = page.split('\n').find((line) => line.includes('章节'));
        expect(squeeze(header ?? '')).toBe('章节主题数值单位原文');
      }
      const table = squeeze(pdfText(file)).split('关键数据')[1] ?? '';
      expect(table).toContain(squeeze('受理行政复议案件 419 件'));
    });
  },
);
