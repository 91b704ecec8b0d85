/**
 * Every occurrence of `needle` in `haystack` (both normalised), left to right and without
 * overlaps (like a browser's find in page: "aa" is found once in "aaa"), so highlights never
 * overlap. Returns the start indexes.
 */
export function findOccurrences(haystack: string, needle: string): number[] {
  const starts: number[] = [];
  if (needle === '') return starts;
  for (
    let at = haystack.indexOf(needle);
    at !== -1;
    at = haystack.indexOf(needle, at + needle.length)
  ) {
    starts.push(at);
  }
  return starts;
}
