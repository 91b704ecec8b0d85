/**
 * Positional bigram postings over one string: for every pair of adjacent UTF-16 code units,
 * where it occurs, as one sorted Uint32Array. This is a suffix array cut off at depth two:
 * `positions` lists every position of the text ordered by (code unit, next code unit, position),
 * and `keys`/`offsets` say where each pair's run starts.
 *
 * Why this and not a full suffix array or MiniSearch (measured in docs/search-at-scale.md):
 * - it is built by two counting-sort passes, O(n), about 0.1 s for 10 million characters,
 *   where a suffix array (SA-IS or prefix doubling in JS) costs seconds and MiniSearch's
 *   bigram index took 1.4 s for 0.55 million;
 * - it is three typed arrays, so it serialises as raw bytes and loads without parsing;
 * - a two-character term (the commonest Chinese query) is answered from its run alone, and a
 *   longer one from its rarest pair's run, each position verified with startsWith; a
 *   one-character term is the union of the runs that start with it.
 *
 * Positions are UTF-16 indexes, exactly what String.prototype.indexOf works in, so a hit here
 * is a hit of the brute-force scan and vice versa (see substring-hits.ts for the argument).
 */

export interface BigramPostings {
  /** Every position 0..n-2 of the text, ordered by its bigram, then by position. */
  positions: Uint32Array;
  /** The distinct bigrams, ascending: (first code unit << 16) | second code unit. */
  keys: Uint32Array;
  /** Run of keys[i] is positions[offsets[i] .. offsets[i + 1]); length keys.length + 1. */
  offsets: Uint32Array;
}

/**
 * Positions that stay where they are stored until a query needs a run of them: a cached
 * index's are read from its file a run at a time (search-index-file.ts), so loading it does
 * not read the bulk of the file.
 */
export interface PositionReader {
  readonly length: number;
  /**
   * positions[from, to), checked (each value inside the text). Throws when they cannot be
   * read or fail their check; the index is then unusable and must be built again.
   */
  read(from: number, to: number): Uint32Array;
}

/** Postings as an index holds them: the positions in memory, or read on demand. */
export interface LoadedPostings extends Omit<BigramPostings, 'positions'> {
  positions: Uint32Array | PositionReader;
}

/** positions[from, to) of either kind (a view of an in-memory array, not a copy). */
export function positionRun(
  positions: Uint32Array | PositionReader,
  from: number,
  to: number,
): Uint32Array {
  return positions instanceof Uint32Array ? positions.subarray(from, to) : positions.read(from, to);
}

const RADIX = 0x10000;

export function bigramKey(text: string, at: number): number {
  return ((text.charCodeAt(at) << 16) | text.charCodeAt(at + 1)) >>> 0;
}

export function buildBigramPostings(text: string): BigramPostings {
  const n = text.length;
  const m = Math.max(0, n - 1);
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);

  // LSD radix sort of positions 0..m-1 by (codes[i], codes[i+1]): first by the second code
  // unit, then stably by the first. Positions enter in ascending order, so each run ends up
  // sorted by position too.
  const count = new Uint32Array(RADIX + 1);
  const byLow = new Uint32Array(m);
  for (let i = 0; i < m; i++) count[codes[i + 1]! + 1]!++;
  for (let c = 0; c < RADIX; c++) count[c + 1]! += count[c]!;
  for (let i = 0; i < m; i++) byLow[count[codes[i + 1]!]!++] = i;

  count.fill(0);
  const positions = new Uint32Array(m);
  for (let i = 0; i < m; i++) count[codes[i]! + 1]!++;
  for (let c = 0; c < RADIX; c++) count[c + 1]! += count[c]!;
  for (let j = 0; j < m; j++) {
    const i = byLow[j]!;
    positions[count[codes[i]!]!++] = i;
  }

  // Runs of equal bigrams.
  let distinct = 0;
  let previous = -1;
  for (let j = 0; j < m; j++) {
    const i = positions[j]!;
    const key = (codes[i]! << 16) | codes[i + 1]!;
    if (key !== previous) distinct++;
    previous = key;
  }
  const keys = new Uint32Array(distinct);
  const offsets = new Uint32Array(distinct + 1);
  previous = -1;
  for (let j = 0, k = -1; j < m; j++) {
    const i = positions[j]!;
    const key = (codes[i]! << 16) | codes[i + 1]!;
    if (key !== previous) {
      k++;
      keys[k] = key >>> 0;
      offsets[k] = j;
    }
    previous = key;
  }
  offsets[distinct] = m;
  return { positions, keys, offsets };
}

/** First index i with keys[i] >= key (keys.length when none). */
export function lowerBound(keys: Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The [from, to) range of `positions` holding the bigram, empty when it occurs nowhere. */
export function bigramRun(postings: LoadedPostings, key: number): [number, number] {
  const k = lowerBound(postings.keys, key);
  if (k === postings.keys.length || postings.keys[k] !== key) return [0, 0];
  return [postings.offsets[k]!, postings.offsets[k + 1]!];
}

/**
 * The [from, to) range of `positions` of every bigram that starts with `code`: the positions
 * where that code unit is followed by anything, i.e. every position of it but the text's last.
 */
export function firstUnitRun(postings: LoadedPostings, code: number): [number, number] {
  const from = lowerBound(postings.keys, code * RADIX);
  const to = lowerBound(postings.keys, (code + 1) * RADIX);
  return [postings.offsets[from]!, postings.offsets[to]!];
}

/** The largest value of `positions` (0 when empty): what the range check needs. */
export function largestPosition(positions: Uint32Array): number {
  let max = 0;
  for (let j = 0; j < positions.length; j++) if (positions[j]! > max) max = positions[j]!;
  return max;
}

/**
 * Checks that loaded postings are consistent with a text of length n: sizes agree, runs are
 * ascending and every position is in range. Cheap next to building; throws when they are not.
 * Positions kept on disk (a PositionReader) are range-checked as each run is read.
 */
export function checkBigramPostings(postings: LoadedPostings, n: number): void {
  const { positions, keys, offsets } = postings;
  const fail = (why: string): never => {
    throw new Error(`Bigram postings are inconsistent: ${why}`);
  };
  if (positions.length !== Math.max(0, n - 1)) fail('wrong number of positions');
  if (offsets.length !== keys.length + 1) fail('offsets do not match keys');
  if (offsets[0] !== 0 || offsets[keys.length] !== positions.length) fail('bad offsets');
  for (let k = 0; k < keys.length; k++) {
    if (offsets[k]! >= offsets[k + 1]!) fail('empty or descending run');
    if (k > 0 && keys[k - 1]! >= keys[k]!) fail('keys not ascending');
  }
  if (
    positions instanceof Uint32Array &&
    positions.length > 0 &&
    largestPosition(positions) > n - 2
  ) {
    fail('position out of range');
  }
}
