import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../../core/figures';
import { parseReport } from '../../../../core/report/parse-report';

const REPORT = new URL(
  '../../../../resources/reports/jiangning-2023-rule-of-law-government-report.txt',
  import.meta.url,
);

describe('key figures of the bundled Jiangning 2023 report', () => {
  const doc = parseReport(readFileSync(REPORT, 'utf8'));
  const figures = extractFigures(doc);

  it('finds 419件 under 一、(二) 6. with its subject', () => {
    const figure = figures.find((f) => f.raw === '419件');
    expect(figure).toMatchObject({
      sectionPath: '一、(二) 6.',
      sectionTitle: '切实提高行政复议应诉水平',
      value: 419,
      unit: '件',
      kind: 'level',
    });
    expect(figure?.subject).toContain('行政复议');
    const paragraph = doc.paragraphs.find((p) => p.id === figure?.paragraphId);
    expect(paragraph?.text.slice(figure!.start, figure!.end)).toBe('419件');
  });

  it('finds the figures next to it: 办结377件, 直接纠错率12.5%, 实质性化解率35.3%', () => {
    const inSection = figures.filter((f) => f.sectionPath === '一、(二) 6.');
    expect(inSection.map((f) => [f.subject, f.value, f.unit])).toEqual(
      expect.arrayContaining([
        ['办结', 377, '件'],
        ['直接纠错率', 12.5, '%'],
        ['实质性化解率', 35.3, '%'],
      ]),
    );
  });

  it('reads 约633万人次 and 4100余万元 with their multipliers and qualifiers', () => {
    expect(figures.find((f) => f.raw === '约633万人次')).toMatchObject({
      value: 6_330_000,
      unit: '人次',
      approximation: 'about',
    });
    expect(figures.find((f) => f.raw === '4100余万元')).toMatchObject({
      value: 4100,
      unit: '万元',
      approximation: 'over',
    });
  });

  it('finds nothing in the title, dates, 第6期, quoted names or the year headings', () => {
    const raws = figures.map((f) => f.raw);
    for (const trap of ['2023年', '6期', '3+1张', '5+4+5', '十件', '八五', '二十大']) {
      expect(
        raws.some((raw) => raw.includes(trap)),
        trap,
      ).toBe(false);
    }
    expect(figures.some((f) => f.paragraphId === 'title')).toBe(false);
  });
});
