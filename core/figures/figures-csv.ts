/**
 * Key figures as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as
 * the system code page and the Chinese turns to mojibake), RFC 4180 quoting, CRLF line ends.
 */
import type { Language } from '../settings';
import type { Figure } from './figure-model';
import { figureTable } from './figure-table';

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

/** The figures as one CSV file's text, BOM first. */
export function figuresToCsv(figures: readonly Figure[], language: Language): string {
  const { headers, rows } = figureTable(figures, language);
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
