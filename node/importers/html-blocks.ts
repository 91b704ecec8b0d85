/**
 * Walks semantic HTML (mammoth's output for .docx, Readability's article for web pages) into a
 * SourceBuilder: block elements are paragraphs, <strong>/<b> are bold runs, tables are tables.
 * Merged cells are kept once (nothing repeated); a table nested in a cell is flattened into it.
 */
import { cellText, type Run, type SourceBuilder } from './source-builder';

/** The little of the DOM this walker needs (linkedom's nodes satisfy it). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

export interface WalkOptions {
  /** <br> inside a paragraph: a soft break joined into the line (Word) or a new paragraph (web). */
  lineBreaks: 'join' | 'split';
  /** Collapse HTML whitespace (runs of ASCII whitespace become one space), as a browser does. */
  collapseWhitespace: boolean;
}

export interface WalkReport {
  images: number;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'HEAD',
  'VIDEO',
  'AUDIO',
  'MAP',
]);
const BLOCKS = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'PRE',
  'HEADER',
  'FOOTER',
  'NAV',
  'ASIDE',
  'MAIN',
  'CENTER',
  'ADDRESS',
  'FIGURE',
  'FIGCAPTION',
  'HR',
  'BODY',
  'HTML',
  'FORM',
  'FIELDSET',
  'CAPTION',
  'TR',
  'TD',
  'TH',
  'TBODY',
  'THEAD',
  'TFOOT',
]);

function tagOf(node: DomNode): string {
  return node.nodeName.toUpperCase();
}

function isBoldElement(node: DomNode): boolean {
  const tag = tagOf(node);
  if (tag === 'STRONG' || tag === 'B') return true;
  const style = node.getAttribute?.('style') ?? '';
  return /font-weight\s*:\s*(bold|[6-9]00)/iu.test(style);
}

function children(node: DomNode): DomNode[] {
  return Array.from(node.childNodes);
}

/** Walks `root` into the builder. */
export function walkHtml(root: DomNode, builder: SourceBuilder, options: WalkOptions): WalkReport {
  const report: WalkReport = { images: 0 };
  let runs: Run[] = [];

  const flush = () => {
    if (runs.length > 0) builder.addParagraph(runs);
    runs = [];
  };
  const textOf = (raw: string) =>
    options.collapseWhitespace ? raw.replace(/[ \t\n\r\f]+/gu, ' ') : raw;

  const visit = (node: DomNode, bold: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = textOf(node.textContent ?? '');
      if (text !== '') runs.push({ text, bold });
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = tagOf(node);
    if (SKIPPED.has(tag)) return;
    if (tag === 'IMG') {
      report.images++;
      return;
    }
    if (tag === 'BR') {
      if (options.lineBreaks === 'join') runs.push({ text: '\n', bold });
      else flush();
      return;
    }
    if (tag === 'TABLE') {
      flush();
      visitTable(node, bold);
      return;
    }
    const isBlock = BLOCKS.has(tag);
    if (isBlock) flush();
    const childBold = bold || isBoldElement(node);
    for (const child of children(node)) visit(child, childBold);
    if (isBlock) flush();
  };

  const visitTable = (table: DomNode, bold: boolean) => {
    const rows = tableRows(table);
    // A table with a single column is page layout (a frame around text), not data.
    if (rows.every((row) => row.length <= 1)) {
      for (const child of children(table)) visit(child, bold);
      flush();
      return;
    }
    builder.addTable(rows.map((row) => row.map((cell) => cellText(blockTexts(cell, options)))));
    report.images += countImages(table);
  };

  visit(root, false);
  flush();
  return report;
}

/** The rows of this table (not of tables nested in its cells), each as its cells. */
export function tableRows(table: DomNode): DomNode[][] {
  const rows: DomNode[][] = [];
  const collect = (node: DomNode) => {
    for (const child of children(node)) {
      const tag = child.nodeType === ELEMENT_NODE ? tagOf(child) : '';
      if (tag === 'TR') {
        rows.push(children(child).filter((c) => ['TD', 'TH'].includes(tagOf(c))));
      } else if (tag === 'TBODY' || tag === 'THEAD' || tag === 'TFOOT') {
        collect(child);
      }
    }
  };
  collect(table);
  return rows;
}

/** A node's text as paragraphs (block elements, <br> and nested table cells separate them). */
function blockTexts(node: DomNode, options: WalkOptions): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim() !== '') paragraphs.push(current);
    current = '';
  };
  const visit = (n: DomNode) => {
    if (n.nodeType === TEXT_NODE) {
      const raw = n.textContent ?? '';
      current += options.collapseWhitespace ? raw.replace(/[ \t\n\r\f]+/gu, ' ') : raw;
      return;
    }
    if (n.nodeType !== ELEMENT_NODE) return;
    const tag = tagOf(n);
    if (SKIPPED.has(tag) || tag === 'IMG') return;
    if (tag === 'BR') {
      if (options.lineBreaks === 'join') current += '\n';
      else flush();
      return;
    }
    const isBlock = BLOCKS.has(tag) || tag === 'TABLE';
    if (isBlock) flush();
    for (const child of children(n)) visit(child);
    if (isBlock) flush();
  };
  for (const child of children(node)) visit(child);
  flush();
  return paragraphs;
}

function countImages(node: DomNode): number {
  let count = 0;
  const visit = (n: DomNode) => {
    if (n.nodeType !== ELEMENT_NODE) return;
    if (tagOf(n) === 'IMG') count++;
    for (const child of children(n)) visit(child);
  };
  visit(node);
  return count;
}
