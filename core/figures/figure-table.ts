/**
 * Key figures as a plain table of strings (章节, 主题, 数值, 单位, 原文), the one shape the CSV
 * export, the copy-to-clipboard text and the optional print table all render, so they never
 * disagree about columns or formatting.
 */
import type { Language } from '../settings';
import type { Figure } from './figure-model';
import { formatFigureValue } from './format-figure';

const HEADERS: Record<'zh' | 'en', readonly string[]> = {
  zh: ['章节', '主题', '数值', '单位', '原文'],
  en: ['Section', 'Subject', 'Value', 'Unit', 'Text'],
};

export interface FigureTable {
  headers: readonly string[];
  rows: string[][];
}

/** "一、(二) 6. 切实提高行政复议应诉水平", or '' outside sections. */
export function figureSectionLabel(figure: Figure): string {
  return [figure.sectionPath, figure.sectionTitle].filter((part) => part !== '').join(' ');
}

export function figureTable(figures: readonly Figure[], language: Language): FigureTable {
  return {
    headers: HEADERS[language === 'zh-CN' ? 'zh' : 'en'],
    rows: figures.map((figure) => [
      figureSectionLabel(figure),
      figure.subject,
      formatFigureValue(figure),
      figure.unit,
      figure.snippet,
    ]),
  };
}

/** The table as tab-separated text, for pasting into a spreadsheet (tabs and breaks become spaces). */
export function figuresToTsv(figures: readonly Figure[], language: Language): string {
  const { headers, rows } = figureTable(figures, language);
  return [headers, ...rows]
    .map((row) => row.map((cell) => cell.replace(/[\t\r\n]+/gu, ' ')).join('\t'))
    .join('\n');
}
