/**
 * The oracle: scans every unit's normalised text for every term, with no index. Tests and the
 * benchmark hold the index to it; it shares only the normaliser, the query parser and the
 * occurrence mapping, which have their own tests.
 */
import { findOccurrences } from './find-occurrences';
import { compareDocumentOrder, prepareUnit } from './prepared-unit';
import { parseQuery } from './query-parser';
import type { SearchUnit } from './search-unit';
import { toOccurrences, type Occurrence, type TermHits } from './unit-hits';

export interface BruteForceHit extends Occurrence {
  unitId: string;
}

/** Hits in document order (unit order, then position), as a flat list. */
export type BruteForceSearcher = (query: string) => BruteForceHit[];

/** Normalises the units once and returns a function that scans them per query. */
export function createBruteForceSearcher(units: readonly SearchUnit[]): BruteForceSearcher {
  const prepared = units.map(prepareUnit).sort(compareDocumentOrder);
  return (query) => {
    const { terms } = parseQuery(query);
    const hits: BruteForceHit[] = [];
    if (terms.length === 0) return hits;
    for (const unit of prepared) {
      const termHits: TermHits[] = [];
      for (const term of terms) {
        const starts = findOccurrences(unit.normalized.text, term.text);
        if (starts.length === 0) break;
        termHits.push({ starts, length: term.text.length });
      }
      if (termHits.length < terms.length) continue;
      for (const occurrence of toOccurrences(unit, termHits)) {
        hits.push({ unitId: unit.unit.id, ...occurrence });
      }
    }
    return hits;
  };
}

export function bruteForceSearch(units: readonly SearchUnit[], query: string): BruteForceHit[] {
  return createBruteForceSearcher(units)(query);
}
