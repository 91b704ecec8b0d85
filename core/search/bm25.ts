/**
 * BM25 on exact hits: the term frequency is the verified occurrence count (heading hits
 * weighted), not a token count, so ranking agrees with what is highlighted.
 */
const K1 = 1.2;
const B = 0.75;

/** Weight of a hit inside a heading or title, relative to one in body text. */
export const HEADING_BOOST = 2;

/** Inverse document frequency of a term found in `unitsWithTerm` of `unitCount` units. */
export function idf(unitCount: number, unitsWithTerm: number): number {
  return Math.log(1 + (unitCount - unitsWithTerm + 0.5) / (unitsWithTerm + 0.5));
}

/** One term's contribution to a unit's score. */
export function bm25TermScore(
  termIdf: number,
  weightedHits: number,
  unitLength: number,
  averageLength: number,
): number {
  const norm = 1 - B + (B * unitLength) / Math.max(averageLength, 1);
  return (termIdf * weightedHits * (K1 + 1)) / (weightedHits + K1 * norm);
}
