/**
 * Turns the extracted text into blocks: one per non-table line, one per table (a run of whole
 * lines, cells separated by '\t'). Tables come from the importer (`ReportSource.tables`); for
 * text without declared tables (.txt), a run of two or more lines of tab-separated cells is
 * read as a table. Each block knows how much of its start the source showed in bold.
 */
import type { TableCell } from './report-model';
import type { ReportSource, SourceTable, TextRange } from './report-source';
import { splitLines, trimRange, type SourceLine } from './source-lines';

export interface SourceBlock extends SourceLine {
  /** For a table: its rows of cells (verbatim, trimmed slices of the source). */
  rows?: TableCell[][];
  /** How many leading characters of `text` the source showed in bold (0 when none). */
  boldLength: number;
}

function cellOf(text: string, range: TextRange): TableCell {
  const [start, end] = trimRange(text, range.start, range.end);
  return { text: text.slice(start, end), start, end };
}

/** Cells of the lines themselves, split at '\t' (what an importer's table also means). */
function rowsFromLines(text: string, lines: readonly SourceLine[]): TableCell[][] {
  return lines
    .filter((line) => line.text !== '')
    .map((line) => {
      const cells: TableCell[] = [];
      let from = line.start;
      for (const part of line.text.split('\t')) {
        cells.push(cellOf(text, { start: from, end: from + part.length }));
        from += part.length + 1;
      }
      return cells;
    });
}

/** The importer's rows when every cell lies inside the table and holds no break; else null. */
function declaredRows(text: string, table: SourceTable, from: number, to: number) {
  if (!Array.isArray(table.rows) || !table.rows.every((row) => Array.isArray(row))) return null;
  const valid = table.rows.every((row) =>
    row.every(
      (r) =>
        Number.isInteger(r?.start) &&
        Number.isInteger(r?.end) &&
        r.start >= from &&
        r.end <= to &&
        r.start <= r.end &&
        !/[\t\n\r]/u.test(text.slice(r.start, r.end)),
    ),
  );
  if (!valid || table.rows.length === 0) return null;
  return table.rows.map((row) => row.map((range) => cellOf(text, range)));
}

const cellCount = (line: SourceLine): number =>
  line.text.split('\t').filter((cell) => cell.trim() !== '').length;

/** Runs of 2+ consecutive lines with 2+ tab-separated cells, as [first, last] line indexes. */
function detectTables(lines: readonly SourceLine[]): [number, number][] {
  const runs: [number, number][] = [];
  let first = -1;
  const close = (last: number) => {
    if (first >= 0 && last > first) runs.push([first, last]);
    first = -1;
  };
  for (const [i, line] of lines.entries()) {
    if (line.text.includes('\t') && cellCount(line) >= 2) {
      if (first < 0) first = i;
    } else {
      close(i - 1);
    }
  }
  close(lines.length - 1);
  return runs;
}

/** Line index ranges of the importer's tables, in order, dropping any that overlap or are empty. */
function declaredTableLines(
  lines: readonly SourceLine[],
  tables: readonly SourceTable[],
): { first: number; last: number; table: SourceTable }[] {
  const result: { first: number; last: number; table: SourceTable }[] = [];
  let minLine = 0;
  for (const table of tables) {
    if (!Number.isFinite(table?.start) || !Number.isFinite(table?.end)) continue;
    let first = -1;
    let last = -1;
    for (let i = minLine; i < lines.length; i += 1) {
      const line = lines[i];
      if (!line || line.start >= table.end) break;
      if (line.next > table.start && line.text !== '') {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) continue;
    result.push({ first, last, table });
    minLine = last + 1;
  }
  return result;
}

/** Bold ranges sorted, with touching or overlapping ranges merged (Word splits runs freely). */
function mergeBold(bold: readonly TextRange[]): TextRange[] {
  const sorted = bold
    .filter((r) => Number.isFinite(r?.start) && Number.isFinite(r?.end) && r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

/**
 * How many leading characters of a line are bold. `cursor` walks the sorted ranges as the
 * lines come in order, so the whole text costs one pass.
 */
function boldLengthOf(
  line: SourceLine,
  bold: readonly TextRange[],
  cursor: { at: number },
): number {
  while (cursor.at < bold.length && (bold[cursor.at] as TextRange).end <= line.start)
    cursor.at += 1;
  const range = bold[cursor.at];
  // A range counts when it covers the line's first character (it may start in the indent).
  if (!range || range.start > line.start) return 0;
  return Math.min(range.end, line.end) - line.start;
}

function tableBlock(
  text: string,
  lines: readonly SourceLine[],
  first: number,
  last: number,
  table: SourceTable | null,
): SourceBlock {
  const firstLine = lines[first] as SourceLine;
  const lastLine = lines[last] as SourceLine;
  const [start, end] = trimRange(text, firstLine.start, lastLine.end);
  const rows =
    (table && declaredRows(text, table, start, end)) ??
    rowsFromLines(text, lines.slice(first, last + 1));
  return { text: text.slice(start, end), start, end, next: lastLine.next, rows, boldLength: 0 };
}

/** Every block of the source in order, blank lines included as empty blocks. */
export function splitBlocks(source: ReportSource): SourceBlock[] {
  const { text } = source;
  const lines = splitLines(text);
  const tables =
    source.tables === undefined
      ? detectTables(lines).map(([first, last]) => ({ first, last, table: null }))
      : declaredTableLines(lines, Array.isArray(source.tables) ? source.tables : []);
  const bold = mergeBold(Array.isArray(source.bold) ? source.bold : []);
  const boldCursor = { at: 0 };
  const blocks: SourceBlock[] = [];
  let t = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const table = tables[t];
    if (table && table.first === i) {
      blocks.push(tableBlock(text, lines, table.first, table.last, table.table));
      i = table.last;
      t += 1;
      continue;
    }
    const line = lines[i] as SourceLine;
    blocks.push({
      ...line,
      boldLength: line.text === '' ? 0 : boldLengthOf(line, bold, boldCursor),
    });
  }
  return blocks;
}
