/**
 * Search for large reports and libraries: the same answers as search-index.ts (every exact
 * occurrence, BM25 on verified hits, the same SearchResults), from a structure that builds in
 * linear time and serialises as typed arrays. The units' normalised texts are joined into one
 * string and indexed by positional bigram postings (bigram-postings.ts); a term's hits come
 * from its rarest pair's run (substring-hits.ts), so no unit is ever scanned that does not
 * hold the term's rarest pair.
 *
 * MiniSearch is not used here: with exact verification it only supplied candidate units, and
 * at library scale its bigram index cost 1.4 s to build and 6.7 MB of JSON for 1.6 MB of text
 * while answering slower than a scan (see docs/search-at-scale.md). Ranking never came from
 * MiniSearch; it is BM25 on verified hits (bm25.ts), as before.
 *
 * Units added later (notes) are few and change often: they are kept beside the postings and
 * scanned; removed indexed units are skipped. Only the indexed units are serialised.
 */
import {
  buildBigramPostings,
  checkBigramPostings,
  positionRun,
  type BigramPostings,
  type LoadedPostings,
} from './bigram-postings';
import type { ReportDocument } from '../report/report-model';
import { bm25TermScore, HEADING_BOOST, idf } from './bm25';
import { documentSearchUnits, paragraphUnitId } from './document-units';
import { findOccurrences } from './find-occurrences';
import { normalizeForSearch, type NormalizedText } from './normalize-for-search';
import { compareDocumentOrder, prepareUnit, type PreparedUnit } from './prepared-unit';
import { parseQuery, type ParsedQuery } from './query-parser';
import type { SearchIndex } from './search-index';
import {
  searchResultOf,
  type SearchOptions,
  type SearchResult,
  type SearchResults,
} from './search-results';
import type { SearchUnit } from './search-unit';
import { makeSnippet } from './snippet';
import { findTermHits, joinUnits, type HitSearchOptions, type JoinedUnits } from './substring-hits';
import { toOccurrences, type Occurrence, type TermHits } from './unit-hits';

/** Bump when the joined text, the postings or the stored units change shape. */
export const EXACT_INDEX_FORMAT = 1;

/** A unit as serialised: its text either inline or as a range of the source it came from. */
export interface StoredUnit extends Omit<SearchUnit, 'text'> {
  /** The text as published, when `source` is not given. */
  text?: string;
  /** [start, end) of the text in the source string the index is loaded with. */
  source?: [number, number];
  /** Where the heading part ends in the normalised text. */
  headingEnd: number;
  /** True when normalising changed lengths, so the map back must be rebuilt on load. */
  mapped: boolean;
}

/** Everything needed to load the index again without normalising or sorting. */
export interface ExactIndexData {
  format: number;
  units: StoredUnit[];
  /** The joined normalised texts (see substring-hits.ts). */
  text: string;
  unitStarts: Uint32Array;
  postings: BigramPostings;
}

/**
 * Stored units read one at a time into one reused object, so a cached index of 100,000 units
 * loads without an intermediate object per unit (the cache file keeps them as columns): half
 * the objects, and half the garbage collection, of a StoredUnit[].
 */
export interface StoredUnitReader {
  readonly length: number;
  /**
   * Sets every field of `into` to unit u's (`text` or `source` undefined as stored); `source`
   * may be an array the reader reuses. Throws when the unit cannot be read.
   */
  read(u: number, into: StoredUnit): void;
  /** Every unit as its own object (what toData gives). */
  toArray(): StoredUnit[];
}

/**
 * What loadExactSearchIndex takes: toData's output, or the same with the units as a reader
 * and the positions left where they are stored (read a run at a time, as queries need them).
 */
export interface LoadableIndexData extends Omit<ExactIndexData, 'units' | 'postings'> {
  units: StoredUnit[] | StoredUnitReader;
  postings: LoadedPostings;
}

/** A hit for a list of hits in document order: the unit and [start, end) in its text. */
export interface UnitHit {
  unit: SearchUnit;
  start: number;
  end: number;
}

export interface FirstHits {
  /** Every hit, counted. */
  total: number;
  /** Units with a hit. */
  units: number;
  /** The first `limit` hits in document order. */
  hits: UnitHit[];
}

export interface ExactSearchIndex extends Omit<SearchIndex, 'toJSON'> {
  /**
   * Counts every hit and lists the first `limit` in document order, without ranking or
   * building a result per unit: what a library's result list needs from each report.
   */
  firstHits(query: string, limit: number): FirstHits;
  /** The indexed units (not added ones) as typed arrays and plain data. */
  toData(): ExactIndexData;
  /**
   * Bytes the joined text and the postings take in memory (the bulk of the index); positions
   * left on disk take none.
   */
  readonly memoryBytes: number;
}

export interface ExactIndexOptions extends HitSearchOptions {
  /**
   * The string the units' texts are slices of (the report's text) and where each unit is in
   * it; such units are serialised as ranges instead of text. Checked: a unit whose text is not
   * that slice is stored inline.
   */
  source?: { text: string; rangeOf(unit: SearchUnit): [number, number] | null };
}

/** A unit all terms occur in; `at[k]` is its index in terms[k].seqs. */
interface Match {
  seq: number;
  score: number;
  at: number[];
}

/**
 * One term's verified hits, flat: unit handles (seq) ascending, and the starts of unit i at
 * starts[from[i] .. from[i + 1]). Flat because a common term has hundreds of thousands of
 * hits, and one array per unit cost more than finding them.
 */
interface TermMatch {
  seqs: number[];
  from: number[];
  starts: number[];
  length: number;
}

const hitCount = (term: TermMatch, i: number): number => term.from[i + 1]! - term.from[i]!;

/**
 * The indexed units by seq. A loaded index makes each unit's object when it is first needed
 * (a hit in it, an id lookup): a cached report of 100,000 units loads without making 100,000
 * objects, and a search touches only the units it lists.
 */
interface UnitTable {
  readonly length: number;
  get(seq: number): SearchUnit;
}

function unitArray(units: SearchUnit[]): UnitTable {
  return { length: units.length, get: (seq) => units[seq]! };
}

class JoinedSearchIndex implements ExactSearchIndex {
  private readonly units: UnitTable;
  private readonly headingEnds: Uint32Array;
  private readonly mapped: Uint8Array;
  private readonly maps = new Map<number, NormalizedText>();
  private readonly removed = new Set<number>();
  /** Units added after indexing, by seq (>= units.length). */
  private readonly extras = new Map<number, PreparedUnit>();
  /** Built on first use: a library search never looks a unit up by id. */
  private idMap: Map<string, number> | null = null;
  private nextSeq: number;
  private liveCount: number;
  private totalLength: number;

  constructor(
    private readonly joined: JoinedUnits,
    private readonly postings: LoadedPostings,
    units: UnitTable,
    headingEnds: Uint32Array,
    mapped: Uint8Array,
    private readonly stored: (unit: SearchUnit, u: number) => StoredUnit,
    private readonly options: HitSearchOptions,
  ) {
    this.units = units;
    this.headingEnds = headingEnds;
    this.mapped = mapped;
    this.nextSeq = units.length;
    this.liveCount = units.length;
    // Each unit is followed by one separator.
    this.totalLength = joined.text.length - units.length;
  }

  private get seqOfId(): Map<string, number> {
    if (!this.idMap) {
      this.idMap = new Map();
      for (let u = 0; u < this.units.length; u++) {
        if (!this.removed.has(u)) this.idMap.set(this.units.get(u).id, u);
      }
    }
    return this.idMap;
  }

  get unitCount(): number {
    return this.liveCount;
  }

  get memoryBytes(): number {
    const { positions, keys, offsets } = this.postings;
    const inMemory = positions instanceof Uint32Array ? positions.byteLength : 0;
    return this.joined.text.length * 2 + inMemory + keys.byteLength + offsets.byteLength;
  }

  getUnit(id: string): SearchUnit | undefined {
    const seq = this.seqOfId.get(id);
    return seq === undefined ? undefined : this.unitOf(seq);
  }

  addUnits(units: readonly SearchUnit[]): void {
    const ids = new Set<string>();
    for (const unit of units) {
      if (this.seqOfId.has(unit.id) || ids.has(unit.id)) {
        throw new Error(`Search unit ${JSON.stringify(unit.id)} is already indexed`);
      }
      ids.add(unit.id);
    }
    for (const unit of units) {
      const seq = this.nextSeq++;
      const prepared = prepareUnit(unit, seq);
      this.extras.set(seq, prepared);
      this.seqOfId.set(unit.id, seq);
      this.totalLength += prepared.normalized.text.length;
      this.liveCount++;
    }
  }

  removeUnits(ids: readonly string[]): void {
    for (const id of ids) {
      const seq = this.seqOfId.get(id);
      if (seq === undefined) continue;
      this.seqOfId.delete(id);
      this.totalLength -= this.lengthOf(seq);
      this.liveCount--;
      if (seq < this.units.length) this.removed.add(seq);
      else this.extras.delete(seq);
    }
  }

  snippets(result: SearchResult, context?: number) {
    const unit = this.getUnit(result.unitId);
    if (!unit) return [];
    return result.occurrences.map((o) => makeSnippet(unit.text, o.start, o.end, context));
  }

  search(query: string, options: SearchOptions = {}): SearchResults {
    const parsed = parseQuery(query);
    const empty: SearchResults = { query: parsed, total: 0, units: 0, results: [] };
    const terms = this.matchTerms(parsed);
    if (!terms) return empty;
    const matches = this.combine(terms, true);
    let total = 0;
    const occurrences = new Map<Match, Occurrence[]>();
    for (const match of matches) {
      // Unmapped units need no dedupe: two different terms never cover the same range.
      if (this.isMapped(match.seq)) {
        const found = this.occurrencesOf(match, terms);
        occurrences.set(match, found);
        total += found.length;
      } else {
        for (let k = 0; k < terms.length; k++) total += hitCount(terms[k]!, match.at[k]!);
      }
    }

    const limit = Math.max(0, options.limit ?? matches.length);
    let shown: Match[];
    if (options.order === 'document') {
      this.sortInDocumentOrder(matches);
      shown = matches.slice(0, limit);
    } else {
      const ranked = (a: Match, b: Match): number => b.score - a.score || this.compareOrder(a, b);
      // A results list asks for the best 100 of maybe 100,000 units: select, do not sort all.
      shown =
        limit < matches.length / 4
          ? best(matches, limit, ranked)
          : matches.sort(ranked).slice(0, limit);
    }
    const results = shown.map((match) =>
      searchResultOf(
        this.unitOf(match.seq),
        match.score,
        occurrences.get(match) ?? this.occurrencesOf(match, terms),
      ),
    );
    return { query: parsed, total, units: matches.length, results };
  }

  firstHits(query: string, limit: number): FirstHits {
    const parsed = parseQuery(query);
    if (parsed.terms.length === 1 && this.extras.size === 0) {
      return this.firstHitsOfTerm(parsed.terms[0]!.text, limit);
    }
    const found: FirstHits = { total: 0, units: 0, hits: [] };
    const terms = this.matchTerms(parsed);
    if (!terms) return found;
    const matches = this.combine(terms, false);
    this.sortInDocumentOrder(matches);
    found.units = matches.length;
    for (const match of matches) {
      if (found.hits.length < limit || this.isMapped(match.seq)) {
        const occurrences = this.occurrencesOf(match, terms);
        found.total += occurrences.length;
        const unit = this.unitOf(match.seq);
        for (const o of occurrences) {
          if (found.hits.length === limit) break;
          found.hits.push({ unit, start: o.start, end: o.end });
        }
      } else {
        for (let k = 0; k < terms.length; k++) found.total += hitCount(terms[k]!, match.at[k]!);
      }
    }
    return found;
  }

  /**
   * firstHits for one term and no added units, straight from the hit list (already in
   * document order), without grouping it by unit: the common case, and the one with the most
   * hits. Only a mapped unit's hits are grouped, as unit-hits must merge equal ranges there.
   */
  private firstHitsOfTerm(term: string, limit: number): FirstHits {
    const found: FirstHits = { total: 0, units: 0, hits: [] };
    const { units, starts } = findTermHits(this.joined, this.postings, term, this.options);
    const length = term.length;
    for (let i = 0; i < units.length;) {
      const seq = units[i]!;
      let next = i + 1;
      while (next < units.length && units[next] === seq) next++;
      if (!this.removed.has(seq)) {
        found.units++;
        if (this.mapped[seq] === 1) {
          const occurrences = toOccurrences(this.preparedOf(seq), [
            { starts: starts.slice(i, next), length },
          ]);
          found.total += occurrences.length;
          const unit = this.units.get(seq);
          for (const o of occurrences) {
            if (found.hits.length < limit) found.hits.push({ unit, start: o.start, end: o.end });
          }
        } else {
          found.total += next - i;
          const unit = this.units.get(seq);
          for (let j = i; j < next && found.hits.length < limit; j++) {
            found.hits.push({ unit, start: starts[j]!, end: starts[j]! + length });
          }
        }
      }
      i = next;
    }
    return found;
  }

  toData(): ExactIndexData {
    return {
      format: EXACT_INDEX_FORMAT,
      units: Array.from({ length: this.units.length }, (_, u) => this.stored(this.units.get(u), u)),
      text: this.joined.text,
      unitStarts: this.joined.starts,
      // Positions left on disk are read whole here (toData is for writing the index out).
      postings: {
        ...this.postings,
        positions: positionRun(this.postings.positions, 0, this.postings.positions.length),
      },
    };
  }

  /** Each term's hits, or null when the query has no terms or one occurs nowhere. */
  private matchTerms(query: string | ParsedQuery): TermMatch[] | null {
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    if (parsed.terms.length === 0) return null;
    const terms: TermMatch[] = [];
    for (const term of parsed.terms) {
      const match = this.matchTerm(term.text);
      // Every term must occur in the unit: one term found nowhere means no results.
      if (match.seqs.length === 0) return null;
      terms.push(match);
    }
    return terms;
  }

  private compareOrder(a: Match, b: Match): number {
    return this.unitOf(a.seq).order - this.unitOf(b.seq).order || a.seq - b.seq;
  }

  /**
   * Indexed units are stored in document order and matched in that order, so only notes
   * (added later, with orders between the paragraphs') make a sort necessary.
   */
  private sortInDocumentOrder(matches: Match[]): void {
    for (let i = 1; i < matches.length; i++) {
      if (this.compareOrder(matches[i - 1]!, matches[i]!) > 0) {
        matches.sort((a, b) => this.compareOrder(a, b));
        return;
      }
    }
  }

  private unitOf(seq: number): SearchUnit {
    return seq < this.units.length ? this.units.get(seq) : this.extras.get(seq)!.unit;
  }

  private lengthOf(seq: number): number {
    if (seq >= this.units.length) return this.extras.get(seq)!.normalized.text.length;
    return this.joined.starts[seq + 1]! - 1 - this.joined.starts[seq]!;
  }

  private headingEndOf(seq: number): number {
    return seq < this.units.length ? this.headingEnds[seq]! : this.extras.get(seq)!.headingEnd;
  }

  private isMapped(seq: number): boolean {
    return seq < this.units.length
      ? this.mapped[seq] === 1
      : this.extras.get(seq)!.normalized.map !== null;
  }

  /** The unit with its normalised text, as unit-hits wants it; the map is built on demand. */
  private preparedOf(seq: number): PreparedUnit {
    const extra = this.extras.get(seq);
    if (extra) return extra;
    const unit = this.units.get(seq);
    let normalized = this.maps.get(seq);
    if (!normalized) {
      normalized = this.mapped[seq]
        ? normalizeForSearch(unit.text)
        : {
            text: this.joined.text.slice(
              this.joined.starts[seq],
              this.joined.starts[seq]! + this.lengthOf(seq),
            ),
            map: null,
          };
      if (this.mapped[seq]) this.maps.set(seq, normalized);
    }
    return { unit, normalized, headingEnd: this.headingEnds[seq]!, seq };
  }

  private occurrencesOf(match: Match, terms: readonly TermMatch[]): Occurrence[] {
    const termHits: TermHits[] = terms.map((term, k) => {
      const i = match.at[k]!;
      return { starts: term.starts.slice(term.from[i], term.from[i + 1]), length: term.length };
    });
    return toOccurrences(this.preparedOf(match.seq), termHits);
  }

  private matchTerm(term: string): TermMatch {
    const hits = findTermHits(this.joined, this.postings, term, this.options);
    const match: TermMatch = { seqs: [], from: [], starts: [], length: term.length };
    const removed = this.removed.size > 0;
    if (!removed) match.starts = hits.starts;
    let last = -1;
    for (let i = 0; i < hits.units.length; i++) {
      const seq = hits.units[i]!;
      if (removed && this.removed.has(seq)) continue;
      if (seq !== last) {
        match.seqs.push(seq);
        match.from.push(removed ? match.starts.length : i);
        last = seq;
      }
      if (removed) match.starts.push(hits.starts[i]!);
    }
    for (const [seq, prepared] of this.extras) {
      const starts = findOccurrences(prepared.normalized.text, term);
      if (starts.length === 0) continue;
      match.seqs.push(seq);
      match.from.push(match.starts.length);
      for (const start of starts) match.starts.push(start);
    }
    match.from.push(match.starts.length);
    return match;
  }

  /** The units every term occurs in, scored when `scored` is set. */
  private combine(terms: readonly TermMatch[], scored: boolean): Match[] {
    const unitCount = this.liveCount;
    const averageLength = this.totalLength / Math.max(unitCount, 1);
    const idfs = terms.map((t) => idf(unitCount, t.seqs.length));
    const rarest = terms.reduce((a, b) => (b.seqs.length < a.seqs.length ? b : a));
    const lookups = terms.map((t) =>
      t === rarest ? null : new Map(t.seqs.map((seq, i) => [seq, i])),
    );
    const matches: Match[] = [];
    units: for (let i = 0; i < rarest.seqs.length; i++) {
      const seq = rarest.seqs[i]!;
      const at: number[] = [];
      for (let k = 0; k < terms.length; k++) {
        const index = terms[k] === rarest ? i : lookups[k]!.get(seq);
        if (index === undefined) continue units;
        at.push(index);
      }
      let score = 0;
      if (scored) {
        const length = this.lengthOf(seq);
        const headingEnd = this.headingEndOf(seq);
        for (let k = 0; k < terms.length; k++) {
          const term = terms[k]!;
          let weighted = 0;
          for (let j = term.from[at[k]!]!; j < term.from[at[k]! + 1]!; j++) {
            weighted += term.starts[j]! < headingEnd ? HEADING_BOOST : 1;
          }
          score += bm25TermScore(idfs[k]!, weighted, length, averageLength);
        }
      }
      matches.push({ seq, score, at });
    }
    return matches;
  }
}

/** The first `count` items in `order`, in that order, by binary insertion into a short list. */
function best<T>(items: readonly T[], count: number, order: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  if (count <= 0) return top;
  for (const item of items) {
    if (top.length === count && order(item, top[count - 1]!) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (order(top[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    if (top.length > count) top.pop();
  }
  return top;
}

/** Indexes units; pass `source` to serialise units that are slices of it as ranges. */
export function createExactSearchIndex(
  units: readonly SearchUnit[],
  options: ExactIndexOptions = {},
): ExactSearchIndex {
  const ids = new Set<string>();
  for (const unit of units) {
    if (ids.has(unit.id))
      throw new Error(`Search unit ${JSON.stringify(unit.id)} is already indexed`);
    ids.add(unit.id);
  }
  const prepared = units.map(prepareUnit).sort(compareDocumentOrder);
  const joined = joinUnits(prepared.map((p) => p.normalized.text));
  const postings = buildBigramPostings(joined.text);
  const headingEnds = Uint32Array.from(prepared, (p) => p.headingEnd);
  const mapped = Uint8Array.from(prepared, (p) => (p.normalized.map ? 1 : 0));
  const source = options.source;
  const stored = (unit: SearchUnit, u: number): StoredUnit => {
    const { text, ...rest } = unit;
    const range = source?.rangeOf(unit) ?? null;
    const inSource =
      range !== null && source!.text.slice(range[0], range[1]) === text
        ? { source: range }
        : { text };
    return { ...rest, ...inSource, headingEnd: headingEnds[u]!, mapped: mapped[u] === 1 };
  };
  return new JoinedSearchIndex(
    joined,
    postings,
    unitArray(prepared.map((p) => p.unit)),
    headingEnds,
    mapped,
    stored,
    options,
  );
}

/**
 * Indexes a report (its metadata fields, title, headings and paragraphs), as createSearchIndex
 * does, with the same results. Pass the text it was parsed from to serialise paragraphs as
 * ranges of it (what the disk cache stores).
 */
export function createDocumentExactIndex(
  doc: ReportDocument,
  source?: string,
  options: HitSearchOptions = {},
): ExactSearchIndex {
  const ranges = new Map(doc.paragraphs.map((p) => [paragraphUnitId(p.id), p]));
  return createExactSearchIndex(documentSearchUnits(doc), {
    ...options,
    source:
      source === undefined
        ? undefined
        : {
            text: source,
            rangeOf: (unit) => {
              const paragraph = ranges.get(unit.id);
              return paragraph ? [paragraph.start, paragraph.end] : null;
            },
          },
  });
}

/**
 * Loads an index from toData's output, taking range-stored texts from `source`. Throws when
 * the data is of another format or does not fit together (the caller then rebuilds): sizes,
 * runs, unit ranges and lengths are all checked, so a damaged cache is never searched.
 */
export function loadExactSearchIndex(
  data: LoadableIndexData,
  source: string | null,
  options: HitSearchOptions = {},
): ExactSearchIndex {
  const fail = (why: string): never => {
    throw new Error(`Search index cannot be loaded: ${why}`);
  };
  if (data?.format !== EXACT_INDEX_FORMAT) fail(`not in format ${EXACT_INDEX_FORMAT}`);
  const list = Array.isArray(data.units) ? data.units : null;
  const reader = list ? null : (data.units as StoredUnitReader | undefined);
  if (!list && typeof reader?.read !== 'function') fail('no units');
  const count = list ? list.length : reader!.length;
  const { text, unitStarts, postings } = data;
  if (count + 1 !== unitStarts.length) fail('unit count does not match');
  if (unitStarts[count] !== text.length) fail('text length does not match');
  checkBigramPostings(postings, text.length);

  const headingEnds = new Uint32Array(count);
  const mapped = new Uint8Array(count);
  /** The length of the unit's text as published; its range is checked against the source. */
  const textLengthOf = (stored: StoredUnit, u: number): number => {
    const range = stored.source;
    if (range) {
      if (
        source === null ||
        !(range[0] >= 0 && range[0] <= range[1] && range[1] <= source.length)
      ) {
        fail(`unit ${u} is outside the source`);
      }
      return range[1] - range[0];
    }
    return typeof stored.text === 'string' ? stored.text.length : fail(`unit ${u} has no text`);
  };
  /** The unit's text (once textLengthOf has checked it): a slice of the source, or inline. */
  const textOf = (stored: StoredUnit): string =>
    stored.source ? source!.slice(stored.source[0], stored.source[1]) : stored.text!;
  const unitOf = (stored: StoredUnit, unitText: string): SearchUnit => ({
    id: stored.id,
    kind: stored.kind,
    text: unitText,
    order: stored.order,
    paragraphId: stored.paragraphId,
    sectionId: stored.sectionId,
    numberPath: stored.numberPath,
    headingLength: stored.headingLength,
  });
  const units: SearchUnit[] = [];
  const scratch = (): StoredUnit => ({
    id: '',
    kind: 'paragraph',
    order: 0,
    paragraphId: null,
    sectionId: null,
    numberPath: null,
    headingLength: 0,
    headingEnd: 0,
    mapped: false,
    text: undefined,
    source: undefined,
  });
  const into = scratch();
  // Every unit is checked here, so a bad table fails the load, not a later search; a loaded
  // table's unit objects are made only when first needed (the table below). A plain loop with
  // explicit fields: it runs once per unit of a cached report (100,000 for a 30 MB one).
  for (let u = 0; u < count; u++) {
    let stored: StoredUnit;
    if (list) stored = list[u]!;
    else {
      reader!.read(u, into);
      stored = into;
    }
    const start = unitStarts[u]!;
    const length = unitStarts[u + 1]! - 1 - start;
    if (!(length >= 0) || text.charCodeAt(start + length) !== 0) fail(`unit ${u} has bad bounds`);
    // A mapped unit is normalised again (rare, and needed for its map); an unmapped one keeps
    // its length, which is checked against the joined text.
    const textLength = textLengthOf(stored, u);
    if (stored.mapped) {
      if (normalizeForSearch(textOf(stored)).text !== text.slice(start, start + length)) {
        fail(`unit ${u} does not match its text`);
      }
    } else if (textLength !== length) {
      fail(`unit ${u} does not match its text`);
    }
    if (list) units.push(unitOf(stored, textOf(stored)));
    headingEnds[u] = stored.headingEnd;
    mapped[u] = stored.mapped ? 1 : 0;
  }
  let table: UnitTable;
  if (list) table = unitArray(units);
  else {
    const made: (SearchUnit | undefined)[] = new Array<SearchUnit | undefined>(count);
    const one = scratch();
    table = {
      length: count,
      get(seq) {
        let unit = made[seq];
        if (!unit) {
          reader!.read(seq, one);
          unit = made[seq] = unitOf(one, textOf(one));
        }
        return unit;
      },
    };
  }
  const joined: JoinedUnits = { text, starts: unitStarts };
  // toData (rare: the cache writes what it builds) reads the units again, as objects.
  let storedUnits = list;
  return new JoinedSearchIndex(
    joined,
    postings,
    table,
    headingEnds,
    mapped,
    (_unit, u) => (storedUnits ??= reader!.toArray())[u]!,
    options,
  );
}
