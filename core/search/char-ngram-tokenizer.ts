/**
 * The index's tokens: every pair of adjacent code points (bigram) of a unit's normalised text,
 * whatever their script, punctuation and spaces included.
 *
 * Why not words for Latin and bigrams only inside CJK runs: search is substring search (a user
 * looks for "234" inside 12345, for "5群" across a digit/Han boundary, for "%." or "+1"), and a
 * token set that depends on runs needs special cases at every run boundary to stay correct.
 * With one uniform rule the candidate guarantee is a one-line argument:
 *
 *   if a term t of two or more code points occurs in a unit's normalised text, every adjacent
 *   pair of t occurs there too, and all of those were indexed for that unit.
 *
 * So the units indexed under any one bigram of t are a superset of the units containing t;
 * exact verification (find-occurrences) then removes the false candidates.
 *
 * Why no unigrams: a one-character term is answered by scanning every unit, which costs what
 * the brute-force scan costs (well under a millisecond for a 1.7 MB library). Unigram
 * postings would only speed up rare characters, and they would add half again to the index's
 * size and build time.
 */

export function indexTokens(normalized: string): string[] {
  const codePoints = Array.from(normalized);
  const tokens: string[] = [];
  for (let i = 1; i < codePoints.length; i++) tokens.push(codePoints[i - 1]! + codePoints[i]!);
  return tokens;
}

/** The distinct bigrams of a normalised term; empty for a one-character term. */
export function termBigrams(term: string): string[] {
  return [...new Set(indexTokens(term))];
}
