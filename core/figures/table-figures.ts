/**
 * Figures in a table: a cell with its own unit ("419件", "12.5%") reads like text; a bare number
 * ("419") takes its unit from its column header ("受理（件）", "金额(万元)") and its subject from
 * the row's first cell and the column header. The first row and first column are headers, so the
 * years heading the columns of a statistics table are not figures.
 *
 * The document model gains table paragraphs (kind 'table', `rows` of cells with source offsets)
 * from the structure parser; this module needs only the cells' text and offsets.
 */
import type { Figure } from './figure-model';
import { unitAt } from './figure-units';
import { figuresInText, type FigureContext } from './figures-in-text';

/** A cell's text and its [start, end) in the source, as the document model gives them. */
export interface TableCellText {
  text: string;
  start: number;
  end: number;
}

const BARE_NUMBER =
  /^([约近超逾]?)\s*([0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?)\s*([%％]?)$/u;
/** Columns that hold identifiers, not quantities. */
const IDENTIFIER_COLUMN = /序号|编号|年份|年度|代码|电话|邮编|日期|时间|文号/u;
const HEADER_UNIT = /[（(]\s*(?:单位[:：]\s*)?([^（()）]{1,6})\s*[)）]\s*$/u;

function toHalfWidth(digits: string): string {
  return digits.replace(/[０-９．，]/gu, (c) =>
    c === '．' ? '.' : c === '，' ? ',' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** The unit a column header declares in brackets ("金额（万元）" -> 万元), or ''. */
export function headerUnit(header: string): string {
  const declared = HEADER_UNIT.exec(header)?.[1]?.trim() ?? '';
  if (declared === '%' || declared === '％') return '%';
  return declared !== '' && unitAt(declared, 0) === declared ? declared : '';
}

/** A header without its bracketed unit: "金额（万元）" -> "金额". */
function headerLabel(header: string): string {
  return header.replace(HEADER_UNIT, '').trim();
}

/**
 * The figures of one table paragraph. `paragraphStart` is the paragraph's offset in the source,
 * so figure offsets come out relative to the paragraph's text like every other figure's.
 */
export function figuresInTable(
  rows: readonly (readonly TableCellText[])[],
  paragraphStart: number,
  context: FigureContext,
): Figure[] {
  const headers = rows[0] ?? [];
  const figures: Figure[] = [];
  rows.forEach((row, r) => {
    if (r === 0) return;
    const rowLabel = row[0]?.text.trim() ?? '';
    row.forEach((cell, c) => {
      if (c === 0) return;
      const header = headers[c]?.text.trim() ?? '';
      if (IDENTIFIER_COLUMN.test(header)) return;
      const label = [rowLabel, headerLabel(header)].filter((part) => part !== '').join(' · ');
      const prefix = label === '' ? '' : `${label}：`;
      const offset = cell.start - paragraphStart;
      const inText = figuresInText(cell.text, context);
      const found: Figure[] =
        inText.length > 0 ? inText : bareNumber(cell, headerUnit(header), context);
      for (const figure of found) {
        figures.push({
          ...figure,
          id: `${context.paragraphId}@${figure.start + offset}`,
          start: figure.start + offset,
          end: figure.end + offset,
          subject: figure.subject || label,
          snippet: prefix + cell.text,
          snippetOffset: prefix.length + figure.start,
        });
      }
    });
  });
  return figures;
}

/** A cell holding only a number, with the column's unit. */
function bareNumber(cell: TableCellText, unit: string, context: FigureContext): Figure[] {
  const match = BARE_NUMBER.exec(cell.text.trim());
  if (!match) return [];
  const lead = cell.text.length - cell.text.trimStart().length;
  const value = Number(toHalfWidth(match[2]!).replace(/,/gu, ''));
  if (!Number.isFinite(value)) return [];
  const raw = cell.text.trim();
  const qualifier = match[1];
  return [
    {
      id: `${context.paragraphId}@${lead}`,
      ...context,
      start: lead,
      end: lead + raw.length,
      raw,
      subject: '',
      kind: 'level',
      changeWord: null,
      direction: null,
      value,
      valueHigh: null,
      approximation:
        qualifier === '约' ? 'about' : qualifier === '近' ? 'under' : qualifier ? 'over' : null,
      unit: match[3] ? '%' : unit,
      snippet: raw,
      snippetOffset: 0,
    },
  ];
}
