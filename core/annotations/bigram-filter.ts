/**
 * Narrows an approximate search to the parts of a text that can hold a match, so a quote that
 * is no longer in the report costs a few lookups instead of a bit-parallel scan of the whole
 * text (which, for CJK text, is a hash lookup per character per search).
 *
 * The q-gram lemma (Jokinen & Ukkonen; Ukkonen 1992): an occurrence of a pattern of length m
 * with at most k errors keeps at least (m - 1) - 2k of the pattern's bigrams, one edit breaking
 * at most two. And along one alignment the kept bigrams lie on at most k + 1 consecutive
 * diagonals (text position - pattern position). So bigram hits are counted per band of k + 1
 * diagonals, and only where two neighbouring bands reach that count can there be a match.
 * The filter never loses a match: it only rules out places.
 */

export interface BigramIndex {
  length: number;
  /** Start positions of each bigram (two UTF-16 units, as a number) in the text. */
  positions: ReadonlyMap<number, readonly number[]>;
}

const bigramAt = (text: string, at: number): number =>
  text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);

export function bigramIndex(text: string): BigramIndex {
  const positions = new Map<number, number[]>();
  for (let at = 0; at + 1 < text.length; at += 1) {
    const key = bigramAt(text, at);
    const list = positions.get(key);
    if (list) list.push(at);
    else positions.set(key, [at]);
  }
  return { length: text.length, positions };
}

export type TextRange = readonly [start: number, end: number];

/**
 * The ranges of the text, in order and not overlapping, outside which `pattern` has no match
 * with at most `maxErrors` errors. Only for patterns of at least two characters.
 */
export function candidateRanges(
  index: BigramIndex,
  pattern: string,
  maxErrors: number,
): TextRange[] {
  const m = pattern.length;
  const needed = m - 1 - 2 * maxErrors;
  // Too many errors for the lemma to say anything: everything is a candidate.
  if (needed <= 0) return [[0, index.length]];

  const band = maxErrors + 1;
  // Diagonals run from -(m - 2) to length - 1; shift them to start at 0.
  const shift = m;
  const counts = new Uint32Array(Math.ceil((index.length + shift) / band) + 2);
  for (let at = 0; at + 1 < m; at += 1) {
    for (const position of index.positions.get(bigramAt(pattern, at)) ?? []) {
      counts[Math.floor((position - at + shift) / band)]! += 1;
    }
  }

  const ranges: [number, number][] = [];
  for (let b = 0; b + 1 < counts.length; b += 1) {
    if (counts[b]! + counts[b + 1]! < needed) continue;
    // A match starting at s has its kept bigrams on diagonals within maxErrors of s.
    const firstDiagonal = b * band - shift;
    const lastDiagonal = (b + 2) * band - 1 - shift;
    const start = Math.max(0, firstDiagonal - maxErrors);
    const end = Math.min(index.length, lastDiagonal + maxErrors + m + maxErrors);
    const previous = ranges.at(-1);
    if (previous && start <= previous[1]) previous[1] = Math.max(previous[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
}
