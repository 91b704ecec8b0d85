/**
 * Exact hits of one normalised term in units joined into one string, found with bigram
 * postings. The units' normalised texts are joined with a separator after each (the last
 * included), so `starts[u]` is where unit u begins and `starts[u + 1] - 1` where it ends.
 *
 * Why the result equals the brute-force scan (findOccurrences on each unit), hit for hit:
 * - every occurrence of a term of two or more code units at s contains each of its pairs, so
 *   the run of its rarest pair (at offset k in the term) lists s + k; every candidate is then
 *   checked with startsWith, and one that runs past its unit's end is dropped (this, not the
 *   separator, is what keeps hits inside units, so even a unit containing the separator
 *   character is searched exactly);
 * - a one-code-unit term occurs at s exactly when s is in a run of a pair starting with it
 *   (every unit character is followed by at least the separator), or is found by indexOf;
 * - candidates come in ascending order, and one is taken when it starts at or after the end of
 *   the last hit taken in the same unit: that is findOccurrences' leftmost, non-overlapping
 *   choice.
 */
import {
  bigramKey,
  bigramRun,
  firstUnitRun,
  positionRun,
  type LoadedPostings,
} from './bigram-postings';

export const UNIT_SEPARATOR = '\u0000';

export interface JoinedUnits {
  text: string;
  /** starts[u] is where unit u begins; starts[unitCount] === text.length. */
  starts: Uint32Array;
}

/** Hits as parallel arrays, in ascending position: the unit, and the start inside that unit. */
export interface TermHitList {
  units: number[];
  starts: number[];
}

export interface HitSearchOptions {
  /**
   * A one-code-unit term is answered from the postings (then sorted) when it has fewer than
   * this fraction of the text's positions, else by scanning with indexOf. Tests force each way.
   */
  sortedRunFraction?: number;
}

/** Below 1/16 of the text, sorting a character's positions beats scanning (see the bench). */
const SORTED_RUN_FRACTION = 1 / 16;

export function joinUnits(normalizedTexts: readonly string[]): JoinedUnits {
  const starts = new Uint32Array(normalizedTexts.length + 1);
  let at = 0;
  normalizedTexts.forEach((text, u) => {
    starts[u] = at;
    at += text.length + 1;
  });
  starts[normalizedTexts.length] = at;
  const text =
    normalizedTexts.length === 0 ? '' : normalizedTexts.join(UNIT_SEPARATOR) + UNIT_SEPARATOR;
  return { text, starts };
}

/** The unit containing text position `at` (largest u with starts[u] <= at). */
export function unitAt(starts: Uint32Array, at: number, hint = 0): number {
  const last = starts.length - 2;
  if (hint <= last && starts[hint]! <= at && at < starts[hint + 1]!) return hint;
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function findTermHits(
  joined: JoinedUnits,
  postings: LoadedPostings,
  term: string,
  options: HitSearchOptions = {},
): TermHitList {
  const hits: TermHitList = { units: [], starts: [] };
  const length = term.length;
  const { text, starts } = joined;
  if (length === 0 || starts.length < 2) return hits;

  let unit = 0;
  let lastUnit = -1;
  let lastEnd = 0;
  /** Takes the candidate at s if it is a hit (ascending s only). */
  const take = (s: number, verified: boolean): void => {
    unit = unitAt(starts, s, unit);
    if (s + length > starts[unit + 1]! - 1) return;
    if (unit === lastUnit && s < lastEnd) return;
    if (!verified && !text.startsWith(term, s)) return;
    hits.units.push(unit);
    hits.starts.push(s - starts[unit]!);
    lastUnit = unit;
    lastEnd = s + length;
  };

  if (length === 1) {
    const [from, to] = firstUnitRun(postings, term.charCodeAt(0));
    if (from === to) return hits;
    const fraction = options.sortedRunFraction ?? SORTED_RUN_FRACTION;
    if (to - from < fraction * text.length) {
      const sorted = positionRun(postings.positions, from, to).slice().sort();
      for (let j = 0; j < sorted.length; j++) take(sorted[j]!, true);
    } else {
      for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) take(at, true);
    }
    return hits;
  }

  // The rarest pair of the term, and where in the term it is.
  let best = -1;
  let bestFrom = 0;
  let bestTo = 0;
  for (let k = 0; k + 1 < length; k++) {
    const [from, to] = bigramRun(postings, bigramKey(term, k));
    if (from === to) return hits;
    if (best === -1 || to - from < bestTo - bestFrom) [best, bestFrom, bestTo] = [k, from, to];
  }
  // A two-unit term is its own pair: every position of the run is a match.
  const verified = length === 2;
  const run = positionRun(postings.positions, bestFrom, bestTo);
  for (let j = 0; j < run.length; j++) {
    const s = run[j]! - best;
    if (s >= 0) take(s, verified);
  }
  return hits;
}
