/**
 * The index's tokens: every code point of the normalised text (unigram) and every pair of
 * adjacent code points (bigram), whatever their script, punctuation and spaces included.
 *
 * Why not words for Latin and bigrams only inside CJK runs: search is substring search (a user
 * looks for "234" inside 12345, for "5群" across a digit/Han boundary, for "%" or "+"), and a
 * token set that depends on runs needs special cases at every run boundary to stay correct.
 * With one uniform rule the candidate guarantee is a one-line argument:
 *
 *   if a term t occurs in a unit's normalised text, every code point and every adjacent pair of
 *   t occurs there too, and all of those were indexed for that unit.
 *
 * So the units that contain all of `queryTokens(t)` are a superset of the units containing t;
 * exact verification (find-occurrences) then removes the false candidates. A one-character
 * term is looked up by its unigram, which is exact. Any subset of a term's bigrams keeps the
 * superset property, which is why long terms only look up a few of them.
 */

/** How many bigrams of a long term are looked up; more narrows candidates, each costs a lookup. */
const MAX_QUERY_BIGRAMS = 4;

export function indexTokens(normalized: string): string[] {
  const codePoints = Array.from(normalized);
  const tokens: string[] = codePoints.slice();
  for (let i = 1; i < codePoints.length; i++) tokens.push(codePoints[i - 1]! + codePoints[i]!);
  return tokens;
}

/**
 * Tokens that every unit containing `term` (normalised, non-empty) is indexed under: its
 * unigram if it is one code point, otherwise up to MAX_QUERY_BIGRAMS of its distinct bigrams,
 * spread from the first to the last so the whole term constrains the candidates.
 */
export function queryTokens(term: string): string[] {
  const codePoints = Array.from(term);
  if (codePoints.length <= 1) return codePoints;
  const bigrams = [...new Set(codePoints.slice(1).map((cp, i) => codePoints[i]! + cp))];
  if (bigrams.length <= MAX_QUERY_BIGRAMS) return bigrams;
  const step = (bigrams.length - 1) / (MAX_QUERY_BIGRAMS - 1);
  return Array.from({ length: MAX_QUERY_BIGRAMS }, (_, k) => bigrams[Math.round(k * step)]!);
}
