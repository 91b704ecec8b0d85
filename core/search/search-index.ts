/**
 * Full-text search over a report's units. MiniSearch, fed the character bigrams of each unit's
 * normalised text, narrows a query term down to candidate units; every candidate is then
 * verified by exact substring search on its normalised text. The candidates are a superset of
 * the true matches (see char-ngram-tokenizer), so recall and precision are both exact; the
 * ranking is BM25 computed from the verified hits, not from bigram counts.
 *
 * Where the index cannot help, the term is checked against every unit instead, which is just
 * as exact: one-character terms, and terms whose rarest bigram is in too many units.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { ReportDocument } from '../report/report-model';
import { bm25TermScore, HEADING_BOOST, idf } from './bm25';
import { indexTokens } from './char-ngram-tokenizer';
import { documentSearchUnits } from './document-units';
import { findOccurrences } from './find-occurrences';
import { fingerprint } from './fingerprint';
import { compareDocumentOrder, prepareUnit, type PreparedUnit } from './prepared-unit';
import { parseQuery } from './query-parser';
import {
  searchResultOf,
  type SearchOptions,
  type SearchResult,
  type SearchResults,
} from './search-results';
import type { SearchUnit } from './search-unit';
import { makeSnippet, type Snippet } from './snippet';
import { MEASURED_COSTS, planCandidates, type LookupCosts } from './search-planner';
import { TokenFrequencies } from './token-frequencies';
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

export interface SearchIndexOptions {
  /**
   * When to use the index rather than check every unit; MEASURED_COSTS by default. Results
   * are the same either way, only speed differs (tests force each path with it).
   */
  costs?: LookupCosts;
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
  // A query is one index token, taken as is.
  searchOptions: {
    prefix: false,
    fuzzy: false,
    tokenize: (token) => [token],
    processTerm: identity,
  },
};

/** One term's verified hits: the units it occurs in, with its normalised start indexes. */
interface TermMatch {
  units: PreparedUnit[];
  starts: (readonly number[])[];
  length: number;
}

interface Match {
  prepared: PreparedUnit;
  score: number;
  occurrences: Occurrence[];
}

function unitsFingerprint(units: Iterable<SearchUnit>): string {
  return fingerprint(
    (function* () {
      for (const unit of units) yield* [unit.id, unit.text];
    })(),
  );
}

class UnitSearchIndex implements SearchIndex {
  private readonly miniSearch: MiniSearch<IndexedText>;
  private readonly costs: LookupCosts;
  private readonly units = new Map<string, PreparedUnit>();
  /** Ids of units the document rebuilds on load; the others are serialised in full. */
  private readonly fromDocument: ReadonlySet<string>;
  private readonly frequencies = new TokenFrequencies();
  private nextSeq = 0;
  private totalLength = 0;
  /** Longest normalised text ever indexed: a longer term cannot match (guards huge queries). */
  private maxLength = 0;

  constructor(init: {
    /** Empty, or loaded with exactly `units` (then they are not added to it again). */
    miniSearch: MiniSearch<IndexedText>;
    loaded: boolean;
    units: readonly SearchUnit[];
    fromDocument: ReadonlySet<string>;
    costs: LookupCosts | undefined;
  }) {
    this.miniSearch = init.miniSearch;
    this.fromDocument = init.fromDocument;
    this.costs = init.costs ?? MEASURED_COSTS;
    this.register(init.units, !init.loaded);
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
      this.frequencies.remove(prepared.normalized.text);
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

    const terms: TermMatch[] = [];
    for (const term of parsed.terms) {
      const match = this.matchTerm(term.text);
      // Every term must occur in the unit: one term found nowhere means no results.
      if (match.units.length === 0) return empty;
      terms.push(match);
    }
    const matches = this.combine(terms);
    const total = matches.reduce((sum, m) => sum + m.occurrences.length, 0);

    if (options.order === 'document') {
      matches.sort((a, b) => compareDocumentOrder(a.prepared, b.prepared));
    } else {
      matches.sort((a, b) => b.score - a.score || compareDocumentOrder(a.prepared, b.prepared));
    }
    const limit = Math.max(0, options.limit ?? matches.length);
    const results = matches
      .slice(0, limit)
      .map(({ prepared, score, occurrences }) => searchResultOf(prepared.unit, score, occurrences));
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

  /** The units all terms occur in, scored, with their hits in the original text. */
  private combine(terms: readonly TermMatch[]): Match[] {
    const unitCount = this.units.size;
    const averageLength = this.totalLength / Math.max(unitCount, 1);
    const idfs = terms.map((t) => idf(unitCount, t.units.length));
    // Walk the rarest term's units and look the others up.
    const rarest = terms.reduce((a, b) => (b.units.length < a.units.length ? b : a));
    const lookups = terms.map((t) =>
      t === rarest ? null : new Map(t.units.map((unit, i) => [unit, t.starts[i]!])),
    );

    const matches: Match[] = [];
    // Plain index loops: this runs once per matching unit, thousands of times for a common term.
    units: for (let i = 0; i < rarest.units.length; i++) {
      const prepared = rarest.units[i]!;
      const length = prepared.normalized.text.length;
      const termHits: TermHits[] = [];
      let score = 0;
      for (let k = 0; k < terms.length; k++) {
        const term = terms[k]!;
        const starts = term === rarest ? rarest.starts[i] : lookups[k]!.get(prepared);
        if (!starts) continue units;
        termHits.push({ starts, length: term.length });
        let weighted = 0;
        for (const start of starts) weighted += start < prepared.headingEnd ? HEADING_BOOST : 1;
        score += bm25TermScore(idfs[k]!, weighted, length, averageLength);
      }
      matches.push({ prepared, score, occurrences: toOccurrences(prepared, termHits) });
    }
    return matches;
  }

  /** Exact hits of one normalised term: candidate units, each verified. */
  private matchTerm(term: string): TermMatch {
    const match: TermMatch = { units: [], starts: [], length: term.length };
    for (const prepared of this.candidates(term)) {
      const starts = findOccurrences(prepared.normalized.text, term);
      if (starts.length === 0) continue;
      match.units.push(prepared);
      match.starts.push(starts);
    }
    return match;
  }

  /** A superset of the units containing the term (see search-planner). */
  private candidates(term: string): Iterable<PreparedUnit> {
    const plan = planCandidates(
      term,
      {
        unitCount: this.units.size,
        maxLength: this.maxLength,
        unitsWith: (token) => this.frequencies.get(token),
      },
      this.costs,
    );
    if (plan.kind === 'none') return [];
    if (plan.kind === 'scan') return this.units.values();
    const candidates: PreparedUnit[] = [];
    this.miniSearch.search(plan.token, {
      // Only the ids are needed: collecting them here and rejecting every result skips
      // MiniSearch's result list and its sort by score.
      filter: (result) => {
        const prepared = this.units.get(result.id as string);
        if (prepared) candidates.push(prepared);
        return false;
      },
    });
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
      this.frequencies.add(p.normalized.text);
      this.totalLength += p.normalized.text.length;
      this.maxLength = Math.max(this.maxLength, p.normalized.text.length);
    }
    if (indexUnits) {
      this.miniSearch.addAll(prepared.map((p) => ({ id: p.unit.id, text: p.normalized.text })));
    }
  }
}

/** Indexes a report: its metadata fields, title, headings and paragraphs. */
export function createSearchIndex(
  doc: ReportDocument,
  options: SearchIndexOptions = {},
): SearchIndex {
  const units = documentSearchUnits(doc);
  return new UnitSearchIndex({
    miniSearch: new MiniSearch(MINISEARCH_OPTIONS),
    loaded: false,
    units,
    fromDocument: new Set(units.map((u) => u.id)),
    costs: options.costs,
  });
}

/** Indexes arbitrary units (several reports, tests); toJSON then stores them all in full. */
export function createSearchIndexFromUnits(
  units: readonly SearchUnit[],
  options: SearchIndexOptions = {},
): SearchIndex {
  return new UnitSearchIndex({
    miniSearch: new MiniSearch(MINISEARCH_OPTIONS),
    loaded: false,
    units,
    fromDocument: new Set(),
    costs: options.costs,
  });
}

/**
 * Loads a serialised index, taking the document's units from `doc` (null for an index built
 * from units). Throws if the index is of another format or was built from other texts: the
 * caller then builds a fresh one with createSearchIndex.
 */
export function loadSearchIndex(
  json: SerializedSearchIndex | string,
  doc: ReportDocument | null,
  options: SearchIndexOptions = {},
): SearchIndex {
  const data: SerializedSearchIndex = typeof json === 'string' ? JSON.parse(json) : json;
  // A cache file from another version (or damaged): refuse it rather than search wrongly.
  if (
    data?.format !== SEARCH_INDEX_FORMAT ||
    !Array.isArray(data.unitIds) ||
    !Array.isArray(data.storedUnits)
  ) {
    throw new Error(`Search index is not in format ${SEARCH_INDEX_FORMAT}`);
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
  return new UnitSearchIndex({
    miniSearch,
    loaded: true,
    units,
    fromDocument,
    costs: options.costs,
  });
}
