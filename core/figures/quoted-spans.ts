/**
 * Marks the text inside quotation marks and title brackets (“一件事一次办”, 《…2023年工作方案》,
 * 〔2018〕): numbers there are names, titles and document numbers, not quantities.
 */

const PAIRS: ReadonlyMap<string, string> = new Map([
  ['“', '”'],
  ['‘', '’'],
  ['《', '》'],
  ['〈', '〉'],
  ['「', '」'],
  ['『', '』'],
  ['〔', '〕'],
  ['［', '］'],
  ['[', ']'],
  ['"', '"'],
]);

/** An opener without its closer this close by is a stray mark; it masks nothing. */
const MAX_QUOTED_LENGTH = 120;

const ANY_OPENER = /[“‘《〈「『〔［["]/u;

/**
 * For each UTF-16 index of `text`, 1 when it lies inside a quoted or bracketed span; null when
 * nothing is quoted (most paragraphs), to save the allocation.
 */
export function quotedMask(text: string): Uint8Array | null {
  if (!ANY_OPENER.test(text)) return null;
  const mask = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const closer = PAIRS.get(text[i]!);
    if (closer === undefined) continue;
    const end = text.indexOf(closer, i + 1);
    if (end < 0 || end - i > MAX_QUOTED_LENGTH) continue;
    mask.fill(1, i, end + 1);
    i = end;
  }
  return mask;
}
