/**
 * Splits a report's source into lines with offsets, so every paragraph can be a verbatim slice
 * of the source (`source.slice(start, end) === text`).
 */

/** One line of the source, trimmed, with its offsets in the source. */
export interface SourceLine {
  /** The line without its terminator and without surrounding whitespace; may be empty. */
  text: string;
  /** Offsets of `text` in the source. */
  start: number;
  end: number;
  /** Offset just after the line's terminator (\n, \r\n or \r), or the source's length. */
  next: number;
}

/**
 * Whitespace is JavaScript's `\s`: ASCII whitespace, U+3000, NBSP, a BOM and the other Unicode
 * spaces. One definition for trimming lines, labels and values, so "non-whitespace characters
 * are never lost" means the same thing everywhere.
 */
const LEADING_WS = /^\s+/u;
const TRAILING_WS = /\s+$/u;
const LINE_BREAK = /\r\n|\r|\n/gu;

/** Offsets of `source.slice(from, to)` with surrounding whitespace removed. */
export function trimRange(source: string, from: number, to: number): [number, number] {
  const raw = source.slice(from, to);
  const lead = LEADING_WS.exec(raw)?.[0].length ?? 0;
  if (lead === raw.length) return [to, to];
  const trail = TRAILING_WS.exec(raw)?.[0].length ?? 0;
  return [from + lead, to - trail];
}

/** Every line of the source in order, blank ones included (a leading BOM is whitespace). */
export function splitLines(source: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let from = 0;
  for (const lineBreak of source.matchAll(LINE_BREAK)) {
    lines.push(makeLine(source, from, lineBreak.index, lineBreak.index + lineBreak[0].length));
    from = lineBreak.index + lineBreak[0].length;
  }
  if (from < source.length || lines.length === 0) {
    lines.push(makeLine(source, from, source.length, source.length));
  }
  return lines;
}

function makeLine(source: string, from: number, to: number, next: number): SourceLine {
  const [start, end] = trimRange(source, from, to);
  return { text: source.slice(start, end), start, end, next };
}
