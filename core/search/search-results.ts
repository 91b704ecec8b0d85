/** What a search returns: plain data, safe to pass to the UI as is. */
import type { ParsedQuery } from './query-parser';
import type { SearchUnit, SearchUnitKind } from './search-unit';
import { makeSnippet, type Snippet } from './snippet';
import type { Occurrence } from './unit-hits';

export interface SearchOptions {
  /** 'relevance' (default): BM25 on exact hits, headings boosted, ties in document order. */
  order?: 'relevance' | 'document';
  /** At most this many results; `total` and `units` still count everything. */
  limit?: number;
}

export interface SearchResult {
  unitId: string;
  kind: SearchUnitKind;
  paragraphId: string | null;
  sectionId: string | null;
  numberPath: string | null;
  /** Relevance (BM25 on exact hits, headings boosted); computed in either order. */
  score: number;
  /** The unit's position in document order. */
  order: number;
  /** Every hit, [start, end) in the unit's original text, in text order. */
  occurrences: Occurrence[];
  /** Around the first hit. */
  snippet: Snippet;
}

export interface SearchResults {
  query: ParsedQuery;
  /** Number of hits in all matching units. */
  total: number;
  /** Number of matching units. */
  units: number;
  results: SearchResult[];
}

/** A unit's result: its place, score and hits, with a snippet around the first hit. */
export function searchResultOf(
  unit: SearchUnit,
  score: number,
  occurrences: Occurrence[],
): SearchResult {
  const first = occurrences[0]!;
  return {
    unitId: unit.id,
    kind: unit.kind,
    paragraphId: unit.paragraphId,
    sectionId: unit.sectionId,
    numberPath: unit.numberPath,
    score,
    order: unit.order,
    occurrences,
    snippet: makeSnippet(unit.text, first.start, first.end),
  };
}
