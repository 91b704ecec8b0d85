/**
 * Full-text search over a report's units. MiniSearch, fed the character n-grams of each unit's
 * normalised text, narrows a query term down to candidate units; every candidate is then
 * verified by exact substring search on its normalised text. The candidates are a superset of
 * the true matches (see char-ngram-tokenizer), so recall and precision are both exact; the
 * ranking is BM25 computed from the verified hits, not from n-gram counts.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { ReportDocument } from '../report/report-model';
import { bm25TermScore, HEADING_BOOST, idf } from './bm25';
import { indexTokens, queryTokens } from './char-ngram-tokenizer';
import { documentSearchUnits } from './document-units';
import { findOccurrences } from './find-occurrences';
import { fingerprint } from './fingerprint';
import { compareDocumentOrder, prepareUnit, type PreparedUnit } from './prepared-unit';
import { parseQuery } from './query-parser';
import type { SearchOptions, SearchResult, SearchResults } from './search-results';
import type { SearchUnit } from './search-unit';
import { makeSnippet, type Snippet } from './snippet';
import { toOccurrences, type Occurrence, type TermHits } from './unit-hits';

export interface SearchIndex {
  /** Finds every occurrence of the query; an empty or whitespace-only query finds nothing. */
  search(query: string, options?: SearchOptions): SearchResults;
  /** Adds units (e.g. notes); throws if an id is already indexed. */
  addUnits(units: readonly SearchUnit[]): void;
  /** Removes units by id; unknown ids are ignored. */
  removeUnits(ids: readonly string[]): void;
  getUnit(id: string): SearchUnit | undefined;
  /** A snippet around each of a result's hits, in text order. */
  snippets(result: SearchResult, context?: number): Snippet[];
  readonly unitCount: number;
  /** A plain object for JSON.stringify; load it with loadSearchIndex. */
  toJSON(): SerializedSearchIndex;
}

/** Bump when the tokens or the serialised shape change, so old caches are rejected. */
export const SEARCH_INDEX_FORMAT = 1;

export interface SerializedSearchIndex {
  format: number;
  /** Every unit id, in the order the units were added. */
  unitIds: string[];
  /**
   * Units the document cannot rebuild (notes, or everything for an index built from units),
   * stored in full; the others are taken from the document on load.
   */
  storedUnits: SearchUnit[];
  /** Of every unit's id and text, to reject an index built from another text. */
  fingerprint: string;
  miniSearch: AsPlainObject;
}

/** What MiniSearch indexes: the unit id and its normalised text. */
interface IndexedText {
  id: string;
  text: string;
}

const identity = (term: string): string => term;

const MINISEARCH_OPTIONS: Options<IndexedText> = {
  fields: ['text'],
  storeFields: [],
  tokenize: indexTokens,
  processTerm: identity,
  // Queries are already lists of index tokens: each query string is one token, taken as is.
  searchOptions: {
    combineWith: 'AND',
    prefix: false,
    fuzzy: false,
    tokenize: (token) => [token],
    processTerm: identity,
  },
};

const EMPTY_OCCURRENCES: readonly number[] = [];

function unitsFingerprint(units: Iterable<SearchUnit>): string {
  return fingerprint(
    (function* () {
      for (const unit of units) yield* [unit.id, unit.text];
    })(),
  );
}

class UnitSearchIndex implements SearchIndex {
  private readonly units = new Map<string, PreparedUnit>();
  /** Ids of units the document rebuilds on load; the others are serialised in full. */
  private readonly fromDocument: ReadonlySet<string>;
  private nextSeq = 0;
  private totalLength = 0;
  /** Longest normalised text ever indexed: a longer term cannot match (guards huge queries). */
  private maxLength = 0;

  constructor(
    private readonly miniSearch: MiniSearch<IndexedText>,
    units: readonly SearchUnit[],
    fromDocument: ReadonlySet<string>,
    indexUnits: boolean,
  ) {
    this.fromDocument = fromDocument;
    this.register(units, indexUnits);
  }

  get unitCount(): number {
    return this.units.size;
  }

  addUnits(units: readonly SearchUnit[]): void {
    this.register(units, true);
  }

  removeUnits(ids: readonly string[]): void {
    for (const id of ids) {
      const prepared = this.units.get(id);
      if (!prepared) continue;
      this.miniSearch.discard(id);
      this.units.delete(id);
      this.totalLength -= prepared.normalized.text.length;
    }
  }

  getUnit(id: string): SearchUnit | undefined {
    return this.units.get(id)?.unit;
  }

  snippets(result: SearchResult, context?: number): Snippet[] {
    const unit = this.units.get(result.unitId)?.unit;
    if (!unit) return [];
    return result.occurrences.map((o) => makeSnippet(unit.text, o.start, o.end, context));
  }

  search(query: string, options: SearchOptions = {}): SearchResults {
    const parsed = parseQuery(query);
    const empty: SearchResults = { query: parsed, total: 0, units: 0, results: [] };
    if (parsed.terms.length === 0) return empty;

    const perTerm: { text: string; hits: Map<PreparedUnit, number[]> }[] = [];
    for (const term of parsed.terms) {
      const hits = this.termHits(term.text);
      // Every term must occur in the unit: one term found nowhere means no results.
      if (hits.size === 0) return empty;
      perTerm.push({ text: term.text, hits });
    }

    const unitCount = this.units.size;
    const averageLength = this.totalLength / Math.max(unitCount, 1);
    const idfs = perTerm.map(({ hits }) => idf(unitCount, hits.size));
    const rarest = perTerm.reduce((a, b) => (b.hits.size < a.hits.size ? b : a));

    const matches: { prepared: PreparedUnit; score: number; occurrences: Occurrence[] }[] = [];
    let total = 0;
    for (const prepared of rarest.hits.keys()) {
      const termHits: TermHits[] = perTerm.map(({ text, hits }) => ({
        starts: hits.get(prepared) ?? EMPTY_OCCURRENCES,
        length: text.length,
      }));
      if (termHits.some((t) => t.starts.length === 0)) continue;
      const length = prepared.normalized.text.length;
      let score = 0;
      termHits.forEach(({ starts }, i) => {
        let weighted = 0;
        for (const start of starts) weighted += start < prepared.headingEnd ? HEADING_BOOST : 1;
        score += bm25TermScore(idfs[i]!, weighted, length, averageLength);
      });
      const occurrences = toOccurrences(prepared, termHits);
      total += occurrences.length;
      matches.push({ prepared, score, occurrences });
    }

    if (options.order === 'document') {
      matches.sort((a, b) => compareDocumentOrder(a.prepared, b.prepared));
    } else {
      matches.sort((a, b) => b.score - a.score || compareDocumentOrder(a.prepared, b.prepared));
    }
    const limit = options.limit ?? matches.length;
    const results = matches.slice(0, Math.max(0, limit)).map(({ prepared, score, occurrences }) => {
      const { unit } = prepared;
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
    });
    return { query: parsed, total, units: matches.length, results };
  }

  toJSON(): SerializedSearchIndex {
    const prepared = [...this.units.values()].sort((a, b) => a.seq - b.seq);
    const units = prepared.map((p) => p.unit);
    return {
      format: SEARCH_INDEX_FORMAT,
      unitIds: units.map((u) => u.id),
      storedUnits: units.filter((u) => !this.fromDocument.has(u.id)),
      fingerprint: unitsFingerprint(units),
      miniSearch: this.miniSearch.toJSON(),
    };
  }

  /** Exact hits of one normalised term, by unit: candidates from MiniSearch, then verified. */
  private termHits(term: string): Map<PreparedUnit, number[]> {
    const hits = new Map<PreparedUnit, number[]>();
    if (term.length > this.maxLength) return hits;
    for (const prepared of this.candidates(term)) {
      const starts = findOccurrences(prepared.normalized.text, term);
      if (starts.length > 0) hits.set(prepared, starts);
    }
    return hits;
  }

  /** Units indexed under all of the term's query tokens: a superset of the units containing it. */
  private candidates(term: string): PreparedUnit[] {
    const candidates: PreparedUnit[] = [];
    this.miniSearch.search(
      { combineWith: 'AND', queries: queryTokens(term) },
      {
        // Only the ids are needed: collecting them here and rejecting every result skips
        // MiniSearch's result objects and its sort by score.
        filter: (result) => {
          const prepared = this.units.get(result.id as string);
          if (prepared) candidates.push(prepared);
          return false;
        },
      },
    );
    return candidates;
  }

  private register(units: readonly SearchUnit[], indexUnits: boolean): void {
    const ids = new Set<string>();
    for (const unit of units) {
      if (this.units.has(unit.id) || ids.has(unit.id)) {
        throw new Error(`Search unit ${JSON.stringify(unit.id)} is already indexed`);
      }
      ids.add(unit.id);
    }
    const prepared = units.map((unit) => prepareUnit(unit, this.nextSeq++));
    for (const p of prepared) {
      this.units.set(p.unit.id, p);
      this.totalLength += p.normalized.text.length;
      this.maxLength = Math.max(this.maxLength, p.normalized.text.length);
    }
    if (indexUnits) {
      this.miniSearch.addAll(prepared.map((p) => ({ id: p.unit.id, text: p.normalized.text })));
    }
  }
}

/** Indexes a report: its metadata fields, title, headings and paragraphs. */
export function createSearchIndex(doc: ReportDocument): SearchIndex {
  const units = documentSearchUnits(doc);
  return new UnitSearchIndex(
    new MiniSearch(MINISEARCH_OPTIONS),
    units,
    new Set(units.map((u) => u.id)),
    true,
  );
}

/** Indexes arbitrary units (several reports, tests); toJSON then stores them all in full. */
export function createSearchIndexFromUnits(units: readonly SearchUnit[]): SearchIndex {
  return new UnitSearchIndex(new MiniSearch(MINISEARCH_OPTIONS), units, new Set(), true);
}

/**
 * Loads a serialised index, taking the document's units from `doc` (null for an index built
 * from units). Throws if the index is of another format or was built from other texts: the
 * caller then builds a fresh one with createSearchIndex.
 */
export function loadSearchIndex(
  json: SerializedSearchIndex | string,
  doc: ReportDocument | null,
): SearchIndex {
  const data: SerializedSearchIndex = typeof json === 'string' ? JSON.parse(json) : json;
  if (data.format !== SEARCH_INDEX_FORMAT) {
    throw new Error(`Search index format ${data.format} is not ${SEARCH_INDEX_FORMAT}`);
  }
  const stored = new Map(data.storedUnits.map((u) => [u.id, u]));
  const documentUnits = new Map(doc ? documentSearchUnits(doc).map((u) => [u.id, u]) : []);
  const units = data.unitIds.map((id) => {
    const unit = stored.get(id) ?? documentUnits.get(id);
    if (!unit) throw new Error(`Search index has unit ${JSON.stringify(id)} the document lacks`);
    return unit;
  });
  if (unitsFingerprint(units) !== data.fingerprint) {
    throw new Error('Search index was built from other texts');
  }
  const miniSearch = MiniSearch.loadJS(data.miniSearch, MINISEARCH_OPTIONS);
  if (miniSearch.documentCount !== units.length) {
    throw new Error('Search index does not index every unit it lists');
  }
  const fromDocument = new Set(units.filter((u) => !stored.has(u.id)).map((u) => u.id));
  return new UnitSearchIndex(miniSearch, units, fromDocument, false);
}
