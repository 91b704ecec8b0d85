/**
 * Finds the title paragraph at the top of the body: the first title line after any front
 * matter (a 发文机关标志, a 发文字号 above the title, web chrome, metadata lines, dates), joined
 * with the lines that continue it (公文 titles span 2–3 lines). Never a salutation, an opening
 * sentence, a numbered heading, a metadata line or a date.
 */
import { recognizeHeading } from './heading';
import {
  endsLikeSentence,
  isAnnotationLine,
  isRecordLine,
  endsWithColon,
  isContentsHeading,
  isDateLine,
  isDocumentNumber,
  isIssuerMark,
  isWebChrome,
  TITLE_ENDING,
} from './line-shapes';
import { headerFields } from './metadata-header';
import type { SourceBlock } from './source-blocks';

/** Titles are short; a longer line is a paragraph. */
export const MAX_TITLE_LENGTH = 80;
/** A line that continues a title is shorter still. */
const MAX_TITLE_CONTINUATION = 50;
/** A 公文 title spans at most this many lines. */
const MAX_TITLE_LINES = 3;
/** Front matter is a few lines; the title is looked for no further down. */
const MAX_FRONT_BLOCKS = 12;

/** A line above the title that belongs to neither the title nor the text. */
export function isFrontLine(block: SourceBlock): boolean {
  const { text } = block;
  if (block.rows) return false;
  return (
    isWebChrome(text) ||
    isDateLine(text) ||
    isDocumentNumber(text) ||
    isIssuerMark(text) ||
    headerFields(block) !== null
  );
}

/** A line that may be (part of) a title. */
export function looksLikeTitle(text: string): boolean {
  return (
    text !== '' &&
    text.length <= MAX_TITLE_LENGTH &&
    !endsLikeSentence(text) &&
    !endsWithColon(text) &&
    !/^[—–-]{1,2}/u.test(text) &&
    !/[。！？；]/u.test(text) &&
    !isContentsHeading(text) &&
    !isWebChrome(text) &&
    !isDateLine(text) &&
    !isDocumentNumber(text) &&
    !isAnnotationLine(text) &&
    !isRecordLine(text) &&
    recognizeHeading(text) === null
  );
}

export interface TitlePlace {
  /** Blocks before the title (front matter); 0 when the title opens the body. */
  frontCount: number;
  /** Blocks the title spans; 0 when there is no title paragraph. */
  titleCount: number;
}

const squeeze = (text: string): string => text.replace(/\s/gu, '');

/** Where the declared title (web page, 标题 field) stands in the first lines, if it does. */
function findDeclared(blocks: readonly SourceBlock[], declared: string): TitlePlace | null {
  const wanted = squeeze(declared);
  if (wanted === '') return null;
  for (let first = 0; first < Math.min(blocks.length, MAX_FRONT_BLOCKS); first += 1) {
    let joined = '';
    for (let count = 1; count <= MAX_TITLE_LINES; count += 1) {
      const block = blocks[first + count - 1];
      if (!block || block.rows) break;
      joined += squeeze(block.text);
      if (joined === wanted) return { frontCount: first, titleCount: count };
      if (!wanted.startsWith(joined)) break;
    }
  }
  return null;
}

/** How many lines from `first` make up the title (1–3). */
function titleLength(blocks: readonly SourceBlock[], first: number): number {
  let count = 1;
  let joined = blocks[first]?.text ?? '';
  while (count < MAX_TITLE_LINES && !TITLE_ENDING.test(joined)) {
    const next = blocks[first + count];
    if (!next || next.rows) break;
    const { text } = next;
    if (
      text.length > MAX_TITLE_CONTINUATION ||
      joined.length + text.length > MAX_TITLE_LENGTH ||
      !looksLikeTitle(text) ||
      isFrontLine(next)
    ) {
      break;
    }
    joined += text;
    count += 1;
  }
  return count;
}

/**
 * Where the title stands among the body's leading non-empty blocks. `declared`: titles the
 * source declared (标题 field, web page title), tried first.
 */
export function findTitle(blocks: readonly SourceBlock[], declared: readonly string[]): TitlePlace {
  for (const title of declared) {
    const place = findDeclared(blocks, title);
    if (place) return place;
  }
  const window = blocks.slice(0, MAX_FRONT_BLOCKS);
  // In a red-header 公文 everything down to the 发文字号 (or the 文件 mark) is front matter.
  let start = 0;
  // The search stops at the text itself: a table, a sentence, a salutation or a heading. A
  // 发文字号 under a title line belongs to that title, unless a 文件 mark made it a header line.
  let sawTitleLine = false;
  let sawMark = false;
  for (const [i, block] of window.entries()) {
    const { text } = block;
    if (block.rows) break;
    if (isIssuerMark(text)) {
      [start, sawMark] = [i + 1, true];
    } else if (isDocumentNumber(text)) {
      if (!sawTitleLine || sawMark) start = i + 1;
    } else if (isFrontLine(block)) {
      continue;
    } else if (!looksLikeTitle(text)) {
      break;
    } else {
      sawTitleLine = true;
    }
  }
  let first = start;
  while (first < window.length && isFrontLine(window[first] as SourceBlock)) first += 1;
  const candidate = window[first];
  if (!candidate || candidate.rows || !looksLikeTitle(candidate.text)) {
    return { frontCount: 0, titleCount: 0 };
  }
  return { frontCount: first, titleCount: titleLength(blocks, first) };
}
