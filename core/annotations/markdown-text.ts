/**
 * Puts user text (notes, quotes) into Markdown so it reads as written and cannot change the
 * export's structure: a note line "# 标题" or "> 引用" must not become a heading or a quote, and
 * "<script>" must not become HTML. Characters are only backslash-escaped (CommonMark shows "\#"
 * as "#"), never removed.
 */

/** Line starts that open a Markdown block: headings, quotes, lists, rules, fences, tables, HTML. */
const BLOCK_MARKER = /^[#>\-+*_=`~|<[]/u;
/** "1. " starts a list; "1.抓好…", as report paragraphs start, does not. */
const ORDERED_LIST_MARKER = /^(\d{1,9})([.)])(?=\s|$)/u;
/** "<" where it could open an HTML tag, comment or processing instruction. */
const HTML_OPENER = /<(?=[A-Za-z/!?])/gu;

/**
 * One line of user text as Markdown text. Leading spaces become no-break spaces, so indentation
 * still shows but cannot turn the line into a code block.
 */
export function escapeMarkdownLine(line: string): string {
  if (line.trim() === '') return '';
  const indent = /^[ \t]*/u.exec(line)?.[0] ?? '';
  let rest = line.slice(indent.length).replace(HTML_OPENER, '\\<');
  if (BLOCK_MARKER.test(rest)) rest = `\\${rest}`;
  else rest = rest.replace(ORDERED_LIST_MARKER, '$1\\$2');
  return indent.replace(/ /gu, '\u00a0').replace(/\t/gu, '\u00a0'.repeat(4)) + rest;
}

/** Text split into lines (any line ending) and escaped line by line. */
export function escapeMarkdownLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/u).map(escapeMarkdownLine);
}

/** Text as a Markdown blockquote: every line starts with ">". */
export function markdownBlockquote(text: string): string {
  return escapeMarkdownLines(text)
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}
