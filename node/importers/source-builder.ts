/**
 * Builds a ReportSource line by line, so every importer shares one idea of what layout is:
 * a paragraph is one line with its surrounding whitespace (U+3000 indents, NBSP, spaces) removed,
 * soft line breaks inside it are joined, and a table is a run of lines with '\t' between cells.
 */
import type {
  ReportFormat,
  ReportSource,
  SourceField,
  SourceTable,
  TextRange,
} from '../../core/report/report-source';

/** A piece of a paragraph: text and whether the source showed it in bold. */
export interface Run {
  text: string;
  bold?: boolean;
}

/** A table cell: its paragraphs' text (joined on one line in the source). */
export type Cell = string;

const LAYOUT_WS = /\s/u;
// Line breaks inside one paragraph, including Word's vertical tab (a manual line break).
// eslint-disable-next-line no-control-regex -- U+000B is exactly what is meant here
const SOFT_BREAK = /\r\n|\r|\n|\u2028|\u2029|\u000b/u;
const CJK =
  /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\u00b7《》（）]/u;

/** True for characters that join across a line break without a space (CJK text and punctuation). */
export function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}

/**
 * Joins two pieces of one paragraph that a soft line break separated: CJK joins directly,
 * Latin words keep one space between them.
 */
export function joinSoft(left: string, right: string): string {
  if (left === '' || right === '') return left + right;
  const a = left.at(-1);
  const b = right[0];
  if (isCjk(a) || isCjk(b) || /\s/u.test(a ?? '') || /\s/u.test(b ?? '')) return left + right;
  return `${left} ${right}`;
}

/** Replaces line breaks inside one paragraph (soft breaks) by a CJK-aware join. */
export function joinLines(text: string): string {
  return text
    .split(SOFT_BREAK)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .reduce((joined, part) => joinSoft(joined, part), '');
}

/** One cell's text: its paragraphs joined, no tab or line break left inside. */
export function cellText(paragraphs: readonly string[]): string {
  return paragraphs
    .map((p) => joinLines(p.replace(/\t/gu, ' ')))
    .filter((p) => p !== '')
    .reduce((joined, part) => joinSoft(joined, part), '');
}

export class SourceBuilder {
  private readonly lines: string[] = [];
  private length = 0;
  private readonly bold: TextRange[] = [];
  private readonly tables: SourceTable[] = [];
  private readonly dropLine: ((line: string) => boolean) | undefined;
  /** Paragraphs left out by the `dropLine` test. */
  droppedLines = 0;

  /** `dropLine` leaves out whole paragraphs that are not the document's (web-page buttons). */
  constructor(options: { dropLine?: (line: string) => boolean } = {}) {
    this.dropLine = options.dropLine;
  }

  /** Characters of text so far (offset of the next line). */
  get size(): number {
    return this.length;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /**
   * Adds one paragraph made of runs. Soft breaks ('\n' inside runs) are joined, tabs become
   * spaces, the whitespace around the paragraph is dropped; an empty paragraph adds nothing.
   */
  addParagraph(runs: readonly Run[]): void {
    // Join soft breaks run by run, keeping track of which characters were bold. A break may
    // sit in a run of its own (<br>), so the join waits for the next text, whatever its run.
    let text = '';
    const marks: boolean[] = [];
    let pendingBreak = false;
    for (const run of runs) {
      const parts = run.text.replace(/\t/gu, ' ').split(SOFT_BREAK);
      parts.forEach((part, index) => {
        if (index > 0) pendingBreak = true;
        let addition = part;
        if (pendingBreak) {
          addition = part.replace(/^\s+/u, '');
          if (addition === '') return;
          text = text.replace(/\s+$/u, '');
          marks.length = text.length;
          if (joinSoft(text, addition).length > text.length + addition.length) {
            text += ' ';
            marks.push(false);
          }
          pendingBreak = false;
        }
        text += addition;
        for (let i = 0; i < addition.length; i++) marks.push(run.bold === true);
      });
    }
    this.pushLine(text, marks);
  }

  /** Adds one line of plain text as it is (tabs kept), without its surrounding whitespace. */
  addLine(line: string): void {
    this.pushLine(line, []);
  }

  /** Adds a plain paragraph (no bold). */
  addText(text: string): void {
    this.addParagraph([{ text }]);
  }

  /**
   * Adds a table: one line per row, cells joined by '\t'. Rows with no text at all are
   * dropped; a table left with no row adds nothing.
   */
  addTable(rows: readonly (readonly Cell[])[]): void {
    const kept = rows
      .map((row) => row.map((cell) => cellText([cell])))
      .filter((row) => row.some((cell) => cell !== ''));
    if (kept.length === 0) return;
    const tableStart = this.nextLineStart();
    const tableRows: TextRange[][] = [];
    for (const row of kept) {
      const lineStart = this.nextLineStart();
      const cells: TextRange[] = [];
      let offset = lineStart;
      for (const cell of row) {
        cells.push({ start: offset, end: offset + cell.length });
        offset += cell.length + 1;
      }
      this.appendLine(row.join('\t'));
      tableRows.push(cells);
    }
    this.tables.push({ start: tableStart, end: this.length, rows: tableRows });
  }

  /** The finished source. */
  build(
    format: ReportFormat,
    extras: { fileName?: string; declaredTitle?: string; declaredFields?: SourceField[] } = {},
  ): ReportSource {
    const source: ReportSource = { text: this.lines.join('\n'), format };
    if (this.tables.length > 0) source.tables = this.tables;
    if (this.bold.length > 0) source.bold = this.bold;
    if (extras.declaredTitle) source.declaredTitle = extras.declaredTitle;
    if (extras.declaredFields && extras.declaredFields.length > 0) {
      source.declaredFields = extras.declaredFields;
    }
    if (extras.fileName !== undefined) source.fileName = extras.fileName;
    return source;
  }

  private pushLine(raw: string, marks: boolean[]): void {
    let start = 0;
    let end = raw.length;
    while (start < end && LAYOUT_WS.test(raw[start] ?? '')) start++;
    while (end > start && LAYOUT_WS.test(raw[end - 1] ?? '')) end--;
    if (start === end) return;
    const lineStart = this.nextLineStart();
    const line = raw.slice(start, end);
    if (this.dropLine?.(line)) {
      this.droppedLines++;
      return;
    }
    // Bold ranges over this line, whitespace-only ones dropped, neighbours merged.
    let runStart = -1;
    for (let i = start; i <= end; i++) {
      const on = i < end && marks[i] === true;
      if (on && runStart < 0) runStart = i;
      if (!on && runStart >= 0) {
        this.addBold(lineStart, raw, runStart, i, start);
        runStart = -1;
      }
    }
    this.appendLine(line);
  }

  private addBold(lineStart: number, raw: string, from: number, to: number, trimmed: number) {
    let a = from;
    let b = to;
    while (a < b && LAYOUT_WS.test(raw[a] ?? '')) a++;
    while (b > a && LAYOUT_WS.test(raw[b - 1] ?? '')) b--;
    if (a === b) return;
    const range = { start: lineStart + a - trimmed, end: lineStart + b - trimmed };
    const last = this.bold.at(-1);
    // Runs split only by formatting the reader cannot see form one range.
    if (last && last.end === range.start) last.end = range.end;
    else this.bold.push(range);
  }

  /** Where the next line will start (after the '\n' that separates it from the last one). */
  private nextLineStart(): number {
    return this.lines.length > 0 ? this.length + 1 : 0;
  }

  private appendLine(line: string): void {
    if (this.lines.length > 0) this.length += 1;
    this.lines.push(line);
    this.length += line.length;
  }
}
