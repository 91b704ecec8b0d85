// The printed comparison (对照) and the printed key-figures table as markup: what a reader of
// the PDF gets for the two hand-written editions, a width-only edit, identical texts, and English.
import { readFileSync } from 'node:fs';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { compareReports } from '../../../core/compare';
import { translator } from '../../../core/i18n/messages';
import { printedFigures } from '../../../core/print/print-figures';
import { DEFAULT_PRINT_OPTIONS } from '../../../core/print/print-options';
import { parseReport } from '../../../core/report/parse-report';
import type { ReportDocument } from '../../../core/report/report-model';
import type { Language } from '../../../core/settings';
import { I18nContext } from '../../../renderer/i18n';
import { PrintComparison } from '../../../renderer/print/PrintComparison';
import { PrintFigureTable } from '../../../renderer/print/PrintFigureTable';

const edition = (year: number) =>
  parseReport(
    readFileSync(new URL(`../../fixtures/compare/edition-${year}.txt`, import.meta.url), 'utf8'),
  );

function render(element: ReactElement, language: Language = 'zh-CN'): string {
  return renderToStaticMarkup(
    createElement(I18nContext.Provider, { value: { language, t: translator(language) } }, element),
  );
}

const comparisonOf = (oldDoc: ReportDocument, newDoc: ReportDocument, language?: Language) =>
  render(
    createElement(PrintComparison, {
      comparison: compareReports(oldDoc, newDoc),
      oldDoc,
      newDoc,
      options: DEFAULT_PRINT_OPTIONS,
    }),
    language,
  );

/** The list items' text, tags removed. */
const items = (html: string) =>
  [...html.matchAll(/<li[^>]*>(.*?)<\/li>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

describe('PrintComparison', () => {
  const html = comparisonOf(edition(2023), edition(2024));

  it('names both editions and counts the changes', () => {
    expect(html).toContain(
      '《青石区2023年度法治政府建设工作报告》与《青石区2024年度法治政府建设工作报告》对照',
    );
    expect(html).toContain('共 12 处变化：修改 6，新增段落 1，删除段落 1，新增章节 1');
  });

  it('lists every change once, numbered as in the comparison, removed and added text marked', () => {
    expect(items(html)).toHaveLength(12);
    expect(html).toContain('<li class="compare-change" value="3">');
    expect(html).toContain('全年受理行政复议案件<del>320</del><ins>356</ins>件');
    expect(html).toContain('<del>2.执法监督。开展专项督查6次，发现问题42个。</del>');
    expect(html).toContain('<ins>新建品牌调解工作室5个。</ins>');
    expect(html).toContain('（原为 一、(二) 3. 案卷评查，现为 一、(一) 3. 案卷评查）');
  });

  it('marks cut context with an ellipsis, and only cut context', () => {
    const [title, opening] = items(html);
    // The title is shown whole: its change has context to both ends.
    expect(title).toBe('修改 · 开头部分青石区20232024年度法治政府建设工作报告');
    expect(opening).toMatch(/^修改 · 开头部分20232024年，.*…$/u);
  });

  it('puts the figures that changed in a table with old, new, change and percentage', () => {
    expect(html).toContain('<th scope="col">变化率</th>');
    const row = /<tr><td>一、\(一\) 1\.<\/td><td>直接纠错率<\/td>(.*?)<\/tr>/u.exec(html)?.[1];
    expect(row?.replace(/<[^>]+>/g, '|')).toBe('|11.2%||12.5%||+1.3个百分点||+11.6%|');
  });

  it('lists width-only changes compactly at the end', () => {
    const cosmetic = comparisonOf(
      parseReport('报告\n\n一、工作\n\n受理案件356件,办结340件。\n'),
      parseReport('报告\n\n一、工作\n\n受理案件356件，办结340件。\n'),
    );
    expect(cosmetic).toContain('仅全半角或空白不同的变化（1 处）');
    expect(cosmetic).toContain('其中 1 处仅全半角或空白不同');
    expect(cosmetic).not.toContain('逐处变化');
    expect(items(cosmetic)).toHaveLength(1);
  });

  it('says so when the texts are the same', () => {
    const same = comparisonOf(edition(2024), edition(2024));
    expect(same).toContain('两份报告的文字完全相同。');
    expect(items(same)).toEqual([]);
  });

  it('speaks English when the UI does, leaving the report text as published', () => {
    const en = comparisonOf(edition(2023), edition(2024), 'en');
    expect(en).toContain('Comparison of “青石区2023年度法治政府建设工作报告”');
    expect(en).toContain('12 changes: Edited 6');
    expect(en).toContain('Section moved');
    expect(en).toContain('+1.3 points');
  });
});

describe('PrintFigureTable', () => {
  const doc = edition(2024);

  it('one row per figure under a header row that repeats on each page', () => {
    const figures = printedFigures(doc, ['s1-1-1']);
    const html = render(createElement(PrintFigureTable, { figures }));
    expect(html).toContain(
      '<thead><tr><th scope="col">章节</th><th scope="col">主题</th><th scope="col">数值</th><th scope="col">单位</th><th scope="col">原文</th></tr></thead>',
    );
    expect(figures.length).toBeGreaterThan(0);
    expect(html.match(/<tr>/g)).toHaveLength(figures.length + 1);
    expect(html).toContain('<td>受理行政复议案件</td><td class="number">356</td><td>件</td>');
  });

  it('says when the printed parts hold no figures', () => {
    expect(render(createElement(PrintFigureTable, { figures: [] }))).toContain(
      '所选部分中没有找到数据。',
    );
  });
});
