/**
 * Decides whether a paragraph is a numbered heading, and where its heading part ends.
 * A heading is either standalone ("(一)深入推进法治政府建设") or run in: the title is the first
 * sentence and the body continues on the same line ("1.抓好…学习培训。2023年12月,…").
 */
import { matchNumberMarker, type NumberMarker } from './numbering';

export interface HeadingMatch extends NumberMarker {
  /** The title as published, without the marker, surrounding whitespace or the closing 。. */
  title: string;
  /** True when body text follows the title on the same line. */
  runIn: boolean;
  /** Length of marker + title + closing sentence ender; text.length when standalone. */
  headingLength: number;
}

/** A first sentence longer than this is body text that happens to start with a number. */
export const MAX_HEADING_TITLE_LENGTH = 100;

const SENTENCE_ENDER = /[。！？]/u;

/** The heading at the start of a trimmed paragraph, or null when it is body text. */
export function recognizeHeading(text: string): HeadingMatch | null {
  const marker = matchNumberMarker(text);
  if (!marker) return null;
  const rest = text.slice(marker.marker.length);
  const ender = SENTENCE_ENDER.exec(rest);
  const titleEnd = ender ? ender.index : rest.length;
  const title = rest.slice(0, titleEnd).trim();
  if (title === '' || titleEnd > MAX_HEADING_TITLE_LENGTH) return null;
  const headingLength = ender ? marker.marker.length + ender.index + ender[0].length : text.length;
  return { ...marker, title, runIn: headingLength < text.length, headingLength };
}
