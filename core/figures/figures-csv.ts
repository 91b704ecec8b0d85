/**
 * Key figures as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as
 * the system code page and the Chinese turns to mojibake), RFC 4180 quoting, CRLF line ends.
 */
import type { Language } from '../settings';
import type { Figure } from './figure-model';
import { formatFigureValue } from './format-figure';

const HEADERS: Record<'zh' | 'en', readonly string[]> = {
  zh: ['章节', '主题', '数值', '单位', '原文'],
  en: ['Section', 'Subject', 'Value', 'Unit', 'Text'],
};

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

function sectionLabel(figure: Figure): string {
  return [figure.sectionPath, figure.sectionTitle].filter((part) => part !== '').join(' ');
}

/** The figures as one CSV file's text, BOM first. */
export function figuresToCsv(figures: readonly Figure[], language: Language): string {
  const headers = HEADERS[language === 'zh-CN' ? 'zh' : 'en'];
  const rows = figures.map((figure) => [
    sectionLabel(figure),
    figure.subject,
    formatFigureValue(figure),
    figure.unit,
    figure.snippet,
  ]);
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
