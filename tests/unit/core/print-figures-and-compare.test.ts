// Printing key figures and comparisons: the request's new fields, which figures a print job
// lists, the comparison's file name and the pieces the printed comparison is built from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareReports } from '../../../core/compare';
import { extractFigures } from '../../../core/figures';
import {
  changeCounts,
  sectionPlaces,
  signedNumber,
  splitCosmetic,
} from '../../../core/print/print-comparison';
import { printedDocument } from '../../../core/print/print-documents';
import { printedFigures } from '../../../core/print/print-figures';
import {
  DEFAULT_PRINT_OPTIONS,
  PREAMBLE_ID,
  printOptionsSchema,
  printRequestSchema,
} from '../../../core/print/print-options';
import { compareFileName } from '../../../core/print/print-selection';
import { loadReportDocument } from '../../../core/report/load-report-document';
import { parseReport } from '../../../core/report/parse-report';

const read = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');
const report = parseReport(
  read('../../../resources/reports/jiangning-2023-rule-of-law-government-report.txt'),
);
const edition2023 = parseReport(read('../../fixtures/compare/edition-2023.txt'));
const edition2024 = parseReport(read('../../fixtures/compare/edition-2024.txt'));

const OLD_OPTIONS = { layout: 'gongwen', paper: 'A4', metadata: false, annotations: 'none' };
const oldRequest = { reportId: 'a.txt', sectionIds: ['s1'], options: OLD_OPTIONS };

describe('print request: figures, compare, language', () => {
  it('still accepts a request from before these fields, reading figures as absent', () => {
    const parsed = printRequestSchema.parse(oldRequest);
    expect(parsed.options.figures).toBeUndefined();
    expect(parsed.compare).toBeUndefined();
    expect(parsed.language).toBeUndefined();
    expect(printOptionsSchema.safeParse(OLD_OPTIONS).success).toBe(true);
  });

  it('takes the figures flag, off by default in the dialog, and nothing but a boolean', () => {
    expect(DEFAULT_PRINT_OPTIONS.figures).toBe(false);
    const on = printOptionsSchema.parse({ ...OLD_OPTIONS, figures: true });
    expect(on.figures).toBe(true);
    expect(printOptionsSchema.safeParse({ ...OLD_OPTIONS, figures: 'yes' }).success).toBe(false);
    expect(printOptionsSchema.safeParse({ ...OLD_OPTIONS, figurez: true }).success).toBe(false);
  });

  it('takes a comparison with a plain report id and refuses anything else', () => {
    const compare = (value: unknown) =>
      printRequestSchema.safeParse({ ...oldRequest, compare: value }).success;
    expect(compare({ oldReportId: 'edition-2023.txt' })).toBe(true);
    expect(compare({ oldReportId: '../secret.txt' })).toBe(false);
    expect(compare({ oldReportId: 'a/b.txt' })).toBe(false);
    expect(compare({ oldReportId: '' })).toBe(false);
    expect(compare({ oldReportId: '..' })).toBe(false);
    expect(compare({ oldReportId: 'a.txt', extra: 1 })).toBe(false);
    expect(compare({})).toBe(false);
    expect(compare('a.txt')).toBe(false);
  });

  it('takes the UI language, and only a known one', () => {
    const language = (value: unknown) =>
      printRequestSchema.safeParse({ ...oldRequest, language: value }).success;
    expect(language('en')).toBe(true);
    expect(language('zh-CN')).toBe(true);
    expect(language('fr')).toBe(false);
  });
});

describe('printed figures', () => {
  it('lists the figures of the chosen sections only, in document order', () => {
    const chosen = ['s1-2-6'];
    const figures = printedFigures(report, chosen);
    expect(figures.map((f) => f.raw)).toContain('419件');
    expect(figures.find((f) => f.raw === '419件')?.subject).toBe('受理行政复议案件');
    expect(figures.every((f) => f.sectionId === 's1-2-6')).toBe(true);
    const all = extractFigures(report);
    const positions = figures.map((f) => all.findIndex((g) => g.id === f.id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // The neighbours' figures are not listed.
    expect(all.some((f) => f.sectionId === 's1-2-5')).toBe(true);
    expect(figures.some((f) => f.sectionId === 's1-2-5')).toBe(false);
  });

  it("takes the preamble's figures when the preamble is chosen, never the title's", () => {
    const doc = parseReport(
      '某区2023年工作报告\n\n全年新增市场主体1200户。\n\n一、主要工作\n\n受理案件356件。\n',
    );
    expect(doc.preamble).toHaveLength(1);
    expect(printedFigures(doc, [PREAMBLE_ID]).map((f) => f.raw)).toEqual(['1200户']);
    expect(printedFigures(doc, ['s1']).map((f) => f.raw)).toEqual(['356件']);
    expect(printedFigures(doc, [PREAMBLE_ID, 's1']).map((f) => f.raw)).toEqual(['1200户', '356件']);
    expect(printedFigures(doc, [])).toEqual([]);
  });
});

describe('the printed comparison', () => {
  const comparison = compareReports(edition2023, edition2024);

  it('is named after both editions, old first', () => {
    expect(compareFileName(edition2023, edition2024)).toBe(
      '对照-青石区2023年度法治政府建设工作报告-青石区2024年度法治政府建设工作报告.pdf',
    );
  });

  it('keeps a name of two long titles short and free of unsafe characters', () => {
    const long = { ...edition2023, title: `${'关于"法治/政府"建设'.repeat(20)}的报告` };
    const name = compareFileName(long, edition2024);
    expect(name.length).toBeLessThanOrEqual(124);
    expect(name).not.toMatch(/[\\/:*?"<>|]/);
    expect(name.startsWith('对照-')).toBe(true);
    expect(name.endsWith('-青石区2024年度法治政府建设工作报告.pdf')).toBe(true);
    expect(name).toContain('…');
  });

  it('counts the kinds that occur, in the fixed order, adding up to every change', () => {
    const counts = changeCounts(comparison);
    expect(counts.every(({ count }) => count > 0)).toBe(true);
    expect(counts.reduce((sum, { count }) => sum + count, 0)).toBe(comparison.changes.length);
    expect(counts[0]).toEqual({ kind: 'text-changed', count: comparison.counts['text-changed'] });
    expect(counts.map((c) => c.kind)).not.toContain('section-renumbered');
  });

  it('puts width-only changes aside and keeps the rest in reading order', () => {
    const widthOnly = compareReports(
      parseReport('报告\n\n一、工作\n\n受理案件356件,办结340件。\n'),
      parseReport('报告\n\n一、工作\n\n受理案件356件，办结340件。\n'),
    );
    const { substantive, cosmetic } = splitCosmetic(widthOnly.changes);
    expect(widthOnly.changes.length).toBeGreaterThan(0);
    expect(cosmetic).toEqual(widthOnly.changes);
    expect(substantive).toEqual([]);
    const split = splitCosmetic(comparison.changes);
    expect(split.cosmetic).toEqual([]);
    expect(split.substantive.map((c) => c.index)).toEqual(comparison.changes.map((c) => c.index));
  });

  it('says where a moved section was and is', () => {
    const moved = comparison.changes.find((c) => c.kind === 'section-moved')!;
    const places = sectionPlaces(comparison, moved);
    expect(places?.old.numberPath).toBe('一、(二) 3.');
    expect(places?.new.numberPath).toBe('一、(一) 3.');
    const edited = comparison.changes.find((c) => c.kind === 'text-changed')!;
    expect(sectionPlaces(comparison, edited)).toBeNull();
  });

  it('writes differences with their sign', () => {
    expect(signedNumber(36)).toBe('+36');
    expect(signedNumber(1.3000000000000007)).toBe('+1.3');
    expect(signedNumber(-2.5)).toBe('−2.5');
    expect(signedNumber(0)).toBe('±0');
  });
});

describe('printedDocument', () => {
  it('parses the imported source when there is one, else the text', () => {
    const text = '正文第一段。\n\n一、工作\n\n受理案件356件。\n';
    const source = { text, format: 'html' as const, declaredTitle: '网页声明的标题' };
    expect(printedDocument({ text, source }).title).toBe('网页声明的标题');
    expect(printedDocument({ text, source })).toEqual(loadReportDocument(source));
    expect(printedDocument({ text })).toEqual(parseReport(text));
  });
});
