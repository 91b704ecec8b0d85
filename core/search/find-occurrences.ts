/**
 * Every occurrence of `needle` in `haystack` (both normalised), left to right and without
 * overlaps (like a browser's find in page: "aa" is found once in "aaa"), so highlights never
 * overlap. Returns the start indexes.
 */
const NONE: readonly number[] = Object.freeze([]);

export function findOccurrences(haystack: string, needle: string): readonly number[] {
  let at = needle === '' ? -1 : haystack.indexOf(needle);
  // Most units checked do not contain the term: answer those without allocating.
  if (at === -1) return NONE;
  const starts: number[] = [];
  for (; at !== -1; at = haystack.indexOf(needle, at + needle.length)) starts.push(at);
  return starts;
}
