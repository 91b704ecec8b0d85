/**
 * The text around a hit, as published, for a result list: `match` is exactly the original
 * characters the hit covers, so the UI can mark it without re-finding it.
 */
export interface Snippet {
  /** Up to `context` characters before the hit, starting with "…" when cut. */
  before: string;
  match: string;
  /** Up to `context` characters after the hit, ending with "…" when cut. */
  after: string;
}

export const SNIPPET_CONTEXT = 30;

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

export function makeSnippet(
  text: string,
  start: number,
  end: number,
  context: number = SNIPPET_CONTEXT,
): Snippet {
  let from = Math.max(0, start - context);
  let to = Math.min(text.length, end + context);
  // Never cut a surrogate pair in half: widen to keep the whole character.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from -= 1;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to += 1;
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start),
    match: text.slice(start, end),
    after: text.slice(end, to) + (to < text.length ? '…' : ''),
  };
}
