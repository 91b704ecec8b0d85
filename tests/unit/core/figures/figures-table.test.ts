import { describe, expect, it } from 'vitest';
import {
  figuresInText,
  figuresToCsv,
  figuresToTsv,
  figureTable,
  figureUnits,
  filterFigures,
  sectionAndDescendants,
  sortFigures,
  type Figure,
} from '../../../../core/figures';
import { parseReport } from '../../../../core/report/parse-report';

const doc = parseReport(
  [
    '测试报告',
    '一、总体',
    '受理案件419件,办结377件。',
    '（一）细项',
    '纠错率12.5%,新增站点“甲,乙”5个。',
    '二、其他',
    '投入资金2亿元。',
  ].join('\n'),
);
const sections = new Map(doc.flatSections.map((s) => [s.id, s]));
const figures: Figure[] = doc.paragraphs.flatMap((p) => {
  const section = p.sectionId ? sections.get(p.sectionId) : undefined;
  return figuresInText(p.text, {
    paragraphId: p.id,
    sectionId: p.sectionId,
    sectionPath: section?.numberPath ?? '',
    sectionTitle: section?.title ?? '',
  });
});

describe('figuresToCsv', () => {
  it('writes a BOM, Chinese headers, CRLF rows and RFC 4180 quoting', () => {
    const csv = figuresToCsv(figures, 'zh-CN');
    expect(csv.startsWith('\uFEFF章节,主题,数值,单位,原文\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(figures.length + 2);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toBe('一、 总体,受理案件,419,件,"受理案件419件,办结377件。"');
    expect(csv).toContain('"纠错率12.5%,新增站点“甲,乙”5个。"');
  });

  it('doubles quotes inside a quoted field', () => {
    const [figure] = figuresInText('他说"共3件"完成12件。', {
      paragraphId: 'x',
      sectionId: null,
      sectionPath: '',
      sectionTitle: '',
    });
    expect(figuresToCsv([figure!], 'zh-CN')).toContain('"他说""共3件""完成12件。"');
  });

  it('uses English headers in English', () => {
    expect(figuresToCsv([], 'en').startsWith('\uFEFFSection,Subject,Value,Unit,Text\r\n')).toBe(
      true,
    );
  });
});

describe('filterFigures and sortFigures', () => {
  it('filters by a section with its subsections', () => {
    const ids = sectionAndDescendants(doc, 's1');
    expect(filterFigures(figures, { sectionIds: ids }).map((f) => f.raw)).toEqual([
      '419件',
      '377件',
      '12.5%',
      '5个',
    ]);
  });

  it('filters by unit, kind and words', () => {
    expect(filterFigures(figures, { units: ['%', '亿元'] }).map((f) => f.raw)).toEqual([
      '12.5%',
      '2亿元',
    ]);
    expect(filterFigures(figures, { text: '办结' }).map((f) => f.raw)).toContain('377件');
  });

  it('sorts by value and keeps document order for ties', () => {
    expect(sortFigures(figures, 'value-descending').map((f) => f.value)).toEqual([
      419, 377, 12.5, 5, 2,
    ]);
    expect(sortFigures(figures, 'document')).toEqual(figures);
  });

  it('lists the units with counts', () => {
    expect(figureUnits(figures)[0]).toEqual({ unit: '件', count: 2 });
  });
});

describe('figureTable and figuresToTsv', () => {
  it('gives the CSV, the clipboard text and a print table the same columns', () => {
    const table = figureTable(figures, 'zh-CN');
    expect(table.headers).toEqual(['章节', '主题', '数值', '单位', '原文']);
    expect(table.rows[0]).toEqual([
      '一、 总体',
      '受理案件',
      '419',
      '件',
      '受理案件419件,办结377件。',
    ]);
    const tsv = figuresToTsv(figures, 'en').split('\n');
    expect(tsv[0]).toBe('Section\tSubject\tValue\tUnit\tText');
    expect(tsv).toHaveLength(figures.length + 1);
  });
});
