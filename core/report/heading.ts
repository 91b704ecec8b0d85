/**
 * Decides whether a paragraph is a numbered heading, and where its heading part ends.
 * A heading is either standalone ("(一)深入推进法治政府建设") or run in: the title is the first
 * sentence and the body continues on the same line ("1.抓好…学习培训。2023年12月,…").
 * A numbered line that reads as a list item (a long full sentence, or one ending in ；) is a
 * weak candidate; a bold prefix (from .docx) marks the heading part whatever its length.
 */
import { matchNumberMarker, type NumberMarker } from './numbering';

export interface HeadingMatch extends NumberMarker {
  /** The title as published, without the marker, surrounding whitespace or the closing 。. */
  title: string;
  /** True when body text follows the title on the same line. */
  runIn: boolean;
  /** Length of marker + title + closing sentence ender; text.length when standalone. */
  headingLength: number;
  /**
   * True when the line reads more like a numbered item than a heading (a first sentence over
   * 100 characters or with a ；in it, one full sentence of 80 or more, an item ending in ；): it is a heading
   * only where its number continues a sequence of headings, never to start one.
   */
  weak: boolean;
}

/** A first sentence longer than this is body text that happens to start with a number. */
export const MAX_HEADING_TITLE_LENGTH = 100;

/**
 * A numbered line that is one full sentence this long or longer, with nothing after it, is a
 * list item ("（一）全市…标准为每人每月…元，…。"), not a heading: headings are short, and a
 * run-in heading ends its heading part early and continues.
 */
export const MIN_SENTENCE_ITEM_LENGTH = 80;

const SENTENCE_ENDER = /[。！？]/u;
/** Enumerations end their items with these; a heading never does. */
const LIST_ITEM_END = /[；;，,、]$/u;
const ORDINAL_FAMILIES = new Set(['part', 'chapter', 'section', 'article']);

/**
 * The heading at the start of a trimmed paragraph, or null when it is body text.
 * `boldLength`: how many leading characters the source showed in bold (0 when none).
 */
export function recognizeHeading(text: string, boldLength = 0): HeadingMatch | null {
  const marker = matchNumberMarker(text);
  if (!marker) return null;
  const markerLength = marker.marker.length;
  if (boldLength > markerLength)
    return boldHeading(text, marker, Math.min(boldLength, text.length));
  const rest = text.slice(markerLength);
  const ender = SENTENCE_ENDER.exec(rest);
  const titleEnd = ender ? ender.index : rest.length;
  const title = rest.slice(0, titleEnd).trim();
  const ordinal = ORDINAL_FAMILIES.has(marker.family);
  if (title === '' && !ordinal) return null;
  const headingLength = ender ? markerLength + ender.index + ender[0].length : text.length;
  const runIn = headingLength < text.length;
  const weak =
    titleEnd > MAX_HEADING_TITLE_LENGTH ||
    /[；;]/u.test(title) ||
    (!runIn && !ordinal && LIST_ITEM_END.test(text)) ||
    (!runIn && ender !== null && title.length >= MIN_SENTENCE_ITEM_LENGTH);
  return { ...marker, title, runIn, headingLength, weak };
}

/** A heading whose extent the source marked in bold: the bold prefix is the heading part. */
function boldHeading(text: string, marker: NumberMarker, boldLength: number): HeadingMatch | null {
  // A bold prefix that stops just before a closing 。 still owns it.
  const headingLength = SENTENCE_ENDER.test(text.charAt(boldLength)) ? boldLength + 1 : boldLength;
  const title = text
    .slice(marker.marker.length, headingLength)
    .replace(/[。！？]$/u, '')
    .trim();
  if (title === '') return null;
  return { ...marker, title, runIn: headingLength < text.length, headingLength, weak: false };
}
