/**
 * A figure's value written for a table cell or a CSV field: the normalised number (万/亿
 * multiplied out), a range as "10–20", no grouping commas so a spreadsheet reads it as a number.
 */
import type { Figure } from './figure-model';

/** Up to 6 decimals, without trailing zeros or float noise (12.5, not 12.500000000000002). */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(6)));
}

export function formatFigureValue(figure: Pick<Figure, 'value' | 'valueHigh'>): string {
  const low = formatNumber(figure.value);
  return figure.valueHigh === null ? low : `${low}–${formatNumber(figure.valueHigh)}`;
}
