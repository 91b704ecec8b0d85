/** Full-text search over a report: the public API of core/search. */
export { bruteForceSearch, createBruteForceSearcher } from './brute-force-search';
export type { BruteForceHit, BruteForceSearcher } from './brute-force-search';
export {
  documentSearchUnits,
  METADATA_SEPARATOR,
  metadataUnitId,
  metadataUnitText,
  paragraphUnitId,
} from './document-units';
export { normalizeForSearch, toOriginalRange } from './normalize-for-search';
export type { NormalizedText } from './normalize-for-search';
export { parseQuery } from './query-parser';
export type { ParsedQuery, QueryTerm } from './query-parser';
export {
  createSearchIndex,
  createSearchIndexFromUnits,
  loadSearchIndex,
  SEARCH_INDEX_FORMAT,
} from './search-index';
export type { SearchIndex, SearchIndexOptions, SerializedSearchIndex } from './search-index';
export { MEASURED_COSTS } from './search-planner';
export type { LookupCosts } from './search-planner';
export type { SearchOptions, SearchResult, SearchResults } from './search-results';
export type { SearchUnit, SearchUnitKind } from './search-unit';
export { makeSnippet } from './snippet';
export type { Snippet } from './snippet';
export type { Occurrence } from './unit-hits';
export {
  createDocumentExactIndex,
  createExactSearchIndex,
  EXACT_INDEX_FORMAT,
  loadExactSearchIndex,
} from './exact-search-index';
export type { LoadedPostings, PositionReader } from './bigram-postings';
export type {
  ExactIndexData,
  ExactIndexOptions,
  ExactSearchIndex,
  FirstHits,
  StoredUnit,
  StoredUnitReader,
  LoadableIndexData,
} from './exact-search-index';
