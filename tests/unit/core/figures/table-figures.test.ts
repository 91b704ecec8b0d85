import { describe, expect, it } from 'vitest';
import {
  extractFigures,
  figuresInTable,
  headerUnit,
  type TableCellText,
} from '../../../../core/figures';
import type { Paragraph, ReportDocument } from '../../../../core/report/report-model';

/** A table paragraph's text ('\t' between cells, '\n' after rows) and its cells' source offsets. */
function table(cells: string[][], start: number): { text: string; rows: TableCellText[][] } {
  let at = start;
  const rows = cells.map((row) =>
    row.map((text) => {
      const cell = { text, start: at, end: at + text.length };
      at += text.length + 1; // the '\t' after a cell, or the '\n' after a row
      return cell;
    }),
  );
  return { text: cells.map((row) => row.join('\t')).join('\n'), rows };
}

const CONTEXT = { paragraphId: 't', sectionId: 's1', sectionPath: '一、', sectionTitle: '数据' };
const STATS = [
  ['项目', '2022年', '2023年（件）', '纠错率（%）', '备注'],
  ['受理案件', '400', '419', '12.5', '约占全市三成'],
  ['办结案件', '380', '377', '—', '办结率90%'],
];

describe('figures in table cells', () => {
  const { text, rows } = table(STATS, 100);
  const figures = figuresInTable(rows, 100, CONTEXT);

  it('reads bare numbers with the column header unit and row + column subject', () => {
    expect(figures.map((f) => [f.raw, f.value, f.unit, f.subject])).toEqual([
      ['400', 400, '', '受理案件 · 2022年'],
      ['419', 419, '件', '受理案件 · 2023年'],
      ['12.5', 12.5, '%', '受理案件 · 纠错率'],
      ['380', 380, '', '办结案件 · 2022年'],
      ['377', 377, '件', '办结案件 · 2023年'],
      ['90%', 90, '%', '办结率'],
    ]);
  });

  it('points offsets into the paragraph text and keeps the raw inside the snippet', () => {
    for (const figure of figures) {
      expect(text.slice(figure.start, figure.end)).toBe(figure.raw);
      expect(
        figure.snippet.slice(figure.snippetOffset, figure.snippetOffset + figure.raw.length),
      ).toBe(figure.raw);
    }
  });

  it('takes no figure from the header row, the first column, or identifier columns', () => {
    const idTable = table(
      [
        ['序号', '单位', '人数'],
        ['1', '区司法局', '35'],
        ['2', '区法院', '120'],
      ],
      0,
    );
    expect(figuresInTable(idTable.rows, 0, CONTEXT).map((f) => f.raw)).toEqual(['35', '120']);
  });

  it('reads the unit a header declares', () => {
    expect(headerUnit('金额（万元）')).toBe('万元');
    expect(headerUnit('比例(%)')).toBe('%');
    expect(headerUnit('人数（单位：人）')).toBe('人');
    expect(headerUnit('说明（见附件）')).toBe('');
  });

  it('is used by extractFigures for a paragraph that carries rows', () => {
    const paragraph = {
      id: 's1-p1',
      kind: 'body',
      sectionId: null,
      text,
      start: 100,
      end: 100 + text.length,
      rows,
    } as Paragraph;
    const doc = {
      metadata: [],
      title: null,
      titleParagraph: null,
      preamble: [],
      sections: [],
      paragraphs: [paragraph],
      flatSections: [],
    } as ReportDocument;
    expect(extractFigures(doc).map((f) => f.raw)).toEqual(figures.map((f) => f.raw));
  });
});
