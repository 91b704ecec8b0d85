/**
 * Rebuilds paragraphs from a PDF's positioned text: items become lines (same baseline), running
 * headers, footers and page numbers are dropped, and lines join into paragraphs the way a
 * reader sees them (CJK joins without a space; a short line, an indented line, a heading-like
 * line or a wide gap ends a paragraph). Rows with wide gaps between their parts are kept as
 * table rows. Pure: no pdfjs here, so it can be tested with hand-made pages.
 */
import type { Rule } from './pdf-rules';
import { findRuledTables, type RuledTable } from './pdf-tables';
import { joinSoft } from './source-builder';

/** One text item as pdfjs reports it, in PDF units (y grows upwards). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
  /** The page's ruling (table borders), when known. */
  rules?: Rule[];
}

export interface PdfLine {
  page: number;
  text: string;
  /** Parts separated by wide gaps (table cells, or label and value). */
  segments: string[];
  x0: number;
  x1: number;
  y: number;
  size: number;
}

export type PdfBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

export interface PdfLayoutResult {
  blocks: PdfBlock[];
  /** Lines dropped as running headers, footers or page numbers. */
  droppedLines: number;
}

// A gap this many font sizes wide separates table cells, not words.
const CELL_GAP = 1.0;
const ASCII_WORD = /[A-Za-z0-9]/u;

/** Groups one page's items into lines, top to bottom, each read left to right. */
export function pageLines(page: PdfPage, pageIndex: number): PdfLine[] {
  const items = page.items
    .filter((item) => item.str !== '' && Number.isFinite(item.x) && Number.isFinite(item.y))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of items) {
    const size = item.size > 0 ? item.size : 10;
    const group = groups.find((g) => {
      const first = g[0];
      return first !== undefined && Math.abs(first.y - item.y) < 0.5 * Math.max(size, first.size);
    });
    if (group) group.push(item);
    else groups.push([item]);
  }
  return groups
    .map((group) =>
      lineOf(
        group.sort((a, b) => a.x - b.x),
        pageIndex,
      ),
    )
    .filter((line): line is PdfLine => line !== null)
    .sort((a, b) => b.y - a.y);
}

function lineOf(items: PdfTextItem[], pageIndex: number): PdfLine | null {
  const visible = items.filter((item) => item.str.trim() !== '');
  const first = visible[0];
  const last = visible.at(-1);
  if (!first || !last) return null;
  const size = median(visible.map((item) => item.size));
  const segments: string[] = [];
  let current = '';
  let previousEnd = first.x;
  for (const item of visible) {
    const gap = item.x - previousEnd;
    const text = item.str.replace(/\s+/gu, ' ');
    if (current !== '' && gap > CELL_GAP * size) {
      segments.push(current.trim());
      current = text;
    } else if (current !== '' && gap > 0.2 * size && needsSpace(current, text)) {
      current += ` ${text.trimStart()}`;
    } else {
      current += text;
    }
    previousEnd = Math.max(previousEnd, item.x + item.width);
  }
  segments.push(current.trim());
  const kept = segments.map(removeLayoutSpaces).filter((s) => s !== '');
  if (kept.length === 0) return null;
  return {
    page: pageIndex,
    text: kept.join(' '),
    segments: kept,
    x0: first.x,
    x1: last.x + last.width,
    y: first.y,
    size,
  };
}

function needsSpace(left: string, right: string): boolean {
  return ASCII_WORD.test(left.at(-1) ?? '') && ASCII_WORD.test(right.trimStart()[0] ?? '');
}

// Three or more single Han characters with one space between each: letter-spaced layout
// ("税 务 总 局"), not words.
const CJK_SPACE_CJK =
  /(\p{Script=Han}|[\u3000-\u303f\uff00-\uffef])[ \u00a0]+(?=\p{Script=Han}|[\u3000-\u303f\uff00-\uffef])/gu;
const LETTER_SPACED =
  /(?<!\p{Script=Han})\p{Script=Han}(?: \p{Script=Han}(?!\p{Script=Han})){2,}/gu;

/**
 * Spaces a layout put between CJK text and digits or Latin letters ("2024 年" -> "2024年")
 * and inside letter-spaced CJK ("税 务 总 局" -> "税务总局"). A space between two CJK words
 * ("市长 殷勇") stays.
 */
export function removeLayoutSpaces(text: string): string {
  return text
    .replace(LETTER_SPACED, (run) => run.replace(/ /gu, ''))
    .replace(/([\p{Script=Han}\u3000-\u303f\uff00-\uffef])[ \u00a0]+(?=[0-9A-Za-z%.])/gu, '$1')
    .replace(/([0-9A-Za-z%.])[ \u00a0]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu, '$1')
    .replace(/([\p{Script=Han}])[ \u00a0]+(?=[\u3000-\u303f\uff00-\uffef])/gu, '$1')
    .replace(/([\u3000-\u303f\uff00-\uffef])[ \u00a0]+(?=[\p{Script=Han}])/gu, '$1')
    .trim();
}

const PAGE_NUMBER = [
  /^[-—–－‒―_~·\s]*\d{1,4}[-—–－‒―_~·\s]*$/u,
  /^第\s*\d{1,4}\s*页(\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?$/u,
  /^(共\s*\d{1,4}\s*页\s*[,，]?\s*)?第\s*\d{1,4}\s*页$/u,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/u,
  /^page\s*\d{1,4}(\s*of\s*\d{1,4})?$/iu,
];

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.some((pattern) => pattern.test(text.trim()));
}

/** A line's text with its digits masked, to find headers that repeat with a changing number. */
function runningKey(text: string): string {
  return text.replace(/\s+/gu, '').replace(/\d+/gu, '#');
}

/** Lines in the top or bottom tenth (or `share`) of their page. */
function inMargin(line: PdfLine, page: PdfPage, share = 0.1): boolean {
  return line.y > page.height * (1 - share) || line.y < page.height * share;
}

/**
 * Drops page numbers and running headers/footers: lines at the top or bottom of a page, in its
 * margins, that are page numbers or repeat (digits aside) on at least half the pages and stand
 * apart from the body (a wider gap or another font size). Peeled from both ends of each page,
 * stopping at the first body line, so a repeated body line is never taken for a header.
 */
export function dropRunningLines(
  pages: readonly PdfPage[],
  linesPerPage: PdfLine[][],
): { lines: PdfLine[][]; dropped: number } {
  const counts = new Map<string, number>();
  linesPerPage.forEach((lines, index) => {
    const page = pages[index];
    if (!page) return;
    const keys = new Set(lines.filter((l) => inMargin(l, page)).map((l) => runningKey(l.text)));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const repeatedAt = Math.max(2, Math.ceil(pages.length / 2));
  const spacing = typicalLineSpacing(linesPerPage);
  let dropped = 0;

  const lines = linesPerPage.map((pageLines, index) => {
    const page = pages[index];
    if (!page) return pageLines;
    const isRunning = (line: PdfLine, inward: PdfLine | undefined) => {
      if (isPageNumber(line.text)) return inMargin(line, page, 0.15);
      if (!inMargin(line, page)) return false;
      if (pages.length < 2 || (counts.get(runningKey(line.text)) ?? 0) < repeatedAt) return false;
      if (!inward) return true;
      const apart = Math.abs(line.y - inward.y) > 1.4 * spacing;
      const otherSize = Math.abs(line.size - inward.size) > 0.15 * inward.size;
      return apart || otherSize;
    };
    let first = 0;
    let last = pageLines.length - 1;
    while (first <= last && isRunning(pageLines[first]!, pageLines[first + 1])) first++;
    while (last >= first && isRunning(pageLines[last]!, pageLines[last - 1])) last--;
    dropped += pageLines.length - (last - first + 1);
    return pageLines.slice(first, last + 1);
  });
  return { lines, dropped };
}

/** The most common distance between consecutive lines of a page. */
function typicalLineSpacing(linesPerPage: PdfLine[][]): number {
  const gaps = linesPerPage.flatMap((lines) =>
    lines.slice(1).map((line, i) => Math.round((lines[i]?.y ?? line.y) - line.y)),
  );
  return mode(gaps.filter((gap) => gap > 0)) ?? 20;
}

const HEADING_START =
  /^(第[一二三四五六七八九十百零〇\d]+[部分章节条篇]|[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百]+[）)]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|[①-⑳]|附件\s*\d*[:：]?$)/u;

export function looksLikeHeadingStart(text: string): boolean {
  return HEADING_START.test(text);
}

/** Lays the pages' lines out as paragraphs and table rows, in reading order. */
export function layoutPages(pages: readonly PdfPage[]): PdfLayoutResult {
  // Ruled tables take their items first; the rest of the page is read as lines.
  const ruled = pages.map((page) => findRuledTables(page.items, page.rules ?? []));
  const textPages = pages.map((page, index) => {
    const used = ruled[index]?.used;
    return used && used.size > 0
      ? { ...page, items: page.items.filter((i) => !used.has(i)) }
      : page;
  });
  const perPage = textPages.map((page, index) => pageLines(page, index));
  const { lines: kept, dropped } = dropRunningLines(textPages, perPage);
  const lines = kept.flat();
  const flow: (PdfLine | RuledTable)[] = kept.flatMap((pageLines, index) =>
    [...pageLines, ...(ruled[index]?.tables ?? [])].sort((a, b) => topOf(b) - topOf(a)),
  );
  const bodySize = mode(lines.map((l) => Math.round(l.size))) ?? 12;
  const left =
    mode(lines.filter((l) => Math.round(l.size) === bodySize).map((l) => Math.round(l.x0))) ?? 0;
  // Justified lines all end at the right margin: the commonest end among the longer lines.
  const bodyEnds = lines
    .filter((l) => Math.round(l.size) === bodySize && l.segments.length === 1)
    .map((l) => l.x1);
  const longEnds = bodyEnds.filter((x) => x >= percentile(bodyEnds, 0.5));
  const right = mode(longEnds.map((x) => Math.round(x))) ?? percentile(bodyEnds, 0.9);
  const gaps = lines
    .slice(1)
    .map((line, i) => {
      const previous = lines[i];
      return previous && previous.page === line.page ? previous.y - line.y : 0;
    })
    .filter((gap) => gap > 0);
  const lineSpacing = mode(gaps.map((g) => Math.round(g))) ?? bodySize * 1.5;

  const blocks: PdfBlock[] = [];
  let paragraph = '';
  let previous: PdfLine | null = null;
  let table: string[][] | null = null;
  // True while nothing but a ruled table has been read since the last ruled table.
  let continuesTable = false;

  const endParagraph = () => {
    if (paragraph.trim() !== '') {
      blocks.push({ kind: 'paragraph', text: paragraph.trim() });
      continuesTable = false;
    }
    paragraph = '';
  };
  const endTable = () => {
    if (table) {
      if (table.length >= 2) blocks.push({ kind: 'table', rows: table });
      else for (const row of table) blocks.push({ kind: 'paragraph', text: row.join(' ') });
      continuesTable = false;
    }
    table = null;
  };

  for (const entry of flow) {
    if ('rows' in entry) {
      endParagraph();
      endTable();
      addRuledTable(entry.rows);
      previous = null;
      continue;
    }
    const line = entry;
    const isRow = line.segments.length >= 3;
    if (isRow) {
      endParagraph();
      table ??= [];
      table.push(line.segments);
      previous = line;
      continue;
    }
    endTable();
    if (previous === null || startsParagraph(previous, line)) {
      endParagraph();
      paragraph = line.text;
    } else {
      paragraph = joinSoft(paragraph, line.text);
    }
    previous = line;
  }
  endParagraph();
  endTable();
  return { blocks, droppedLines: dropped };

  /** A ruled table; one that goes on from the page before (nothing in between) continues it. */
  function addRuledTable(grid: string[][]) {
    // Inside a cell, a space between CJK characters is justification, never a word break.
    const rows = grid.map((row) =>
      row.map((cell) => removeLayoutSpaces(cell).replace(CJK_SPACE_CJK, '$1')),
    );
    const last = blocks.at(-1);
    if (last?.kind === 'table' && continuesTable) {
      last.rows.push(...rows);
    } else {
      blocks.push({ kind: 'table', rows });
    }
    continuesTable = true;
  }

  function startsParagraph(prev: PdfLine, line: PdfLine): boolean {
    const size = Math.max(line.size, 1);
    if (looksLikeHeadingStart(line.text)) return true;
    if (Math.abs(prev.size - line.size) > 0.15 * size) return true;
    if (line.x0 > left + 0.8 * size) return true; // indented first line, or centred text
    if (prev.x1 < right - 1.5 * size) return true; // the previous line stopped short
    if (prev.x0 > left + 4 * size && prev.x1 < right - size) return true; // centred
    if (prev.page === line.page && prev.y - line.y > lineSpacing * 1.7) return true;
    if (prev.segments.length > 1 || line.segments.length > 1) return true;
    // A line ending the sentence and reaching the margin by chance still continues; but a
    // CJK line followed by a Latin one that does not reach back to the margin is a new one.
    return false;
  }
}

function topOf(entry: PdfLine | RuledTable): number {
  return 'rows' in entry ? entry.top : entry.y;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}
