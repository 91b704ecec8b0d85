/**
 * Search across the whole library (the `searchLibrary` call): every report's text through its
 * cached index (search-index-cache.ts), and the user's notes on it, grouped by report.
 *
 * Each report's index stays in memory once loaded (up to a byte budget, least recently used
 * out first), so a query costs a lookup per report, not a read of every file. An entry is
 * reused while the report's listing entry is unchanged (its size and whatever else the
 * library lists about it); when it changes, the text is read again, and its hash finds the
 * cached index on disk or builds one.
 *
 * Results come a page at a time (see library-search-contract.ts): a page ends once `maxHits`
 * hits or `maxReports` reports are reached, and the cursor is the position in the library's
 * order where the next page starts.
 */
import type { OpenedReport, ReportSummary } from '../../core/api/contract';
import { ViewerError } from '../../core/api/errors';
import type { Annotation } from '../../core/annotations/annotation-model';
import type { ReportSource } from '../../core/report/report-source';
import {
  createBruteForceSearcher,
  makeSnippet,
  type FirstHits,
  type SearchUnit,
} from '../../core/search';
import {
  LIBRARY_HITS_PER_REPORT,
  LIBRARY_PAGE_HITS,
  type LibrarySearchGroup,
  type LibrarySearchHit,
  type LibrarySearchRequest,
  type LibrarySearchResponse,
  type LibrarySearchSection,
} from '../../core/search/library-search-contract';
import { buildReportIndex, NOT_SEARCHABLE, type ReportSearchInfo } from './report-index';
import type { BuiltIndex, CachedIndex, SearchIndexCache } from './search-index-cache';
import { errorMessage } from './data-fs';
import { SearchIndexFileError } from './search-index-file';

export interface LibrarySearchDeps {
  listReports(): Promise<ReportSummary[]>;
  /**
   * `textSha256`: the text's SHA-256 when the library has just checked the text against it
   * (an imported report), so the cache need not hash the text again; else it is hashed.
   */
  openReport(reportId: string): Promise<OpenedReport & { textSha256?: string | null }>;
  /** The report's annotations (their notes are searched). */
  listAnnotations(reportId: string): Promise<Annotation[]>;
  cache: SearchIndexCache<ReportSearchInfo>;
  /** Bytes of index kept in memory (text and arrays); default 512 MB. */
  memoryBudget?: number;
  /**
   * After a search of the whole library, cache files of texts no longer in it and older than
   * this are removed (at most once an hour); default 7 days.
   */
  pruneAfterMs?: number;
  log?: (message: string) => void;
  /**
   * Builds a report's index when the cache has none (default: buildReportIndex, here). The
   * desktop app builds large reports' on a worker thread (index-in-worker.ts), so the main
   * process keeps answering the window meanwhile.
   */
  buildIndex?: (
    source: ReportSource,
    key: string,
  ) => BuiltIndex<ReportSearchInfo> | Promise<BuiltIndex<ReportSearchInfo>>;
}

export interface LibrarySearch {
  search(request: LibrarySearchRequest): Promise<LibrarySearchResponse>;
  /** The index of one report, from memory, disk or built (for benchmarks and warming). */
  indexOf(summary: ReportSummary): Promise<CachedIndex<ReportSearchInfo>>;
}

interface MemoryEntry {
  stamp: string;
  cached: CachedIndex<ReportSearchInfo>;
  bytes: number;
  /** The report's sections by id, made from the index's extra when a hit first needs them. */
  sections: Map<string, LibrarySearchSection> | null;
}

const DEFAULT_MEMORY_BUDGET = 512 * 1024 * 1024;
const DEFAULT_PRUNE_AFTER_MS = 7 * 24 * 3600_000;
const PRUNE_INTERVAL_MS = 3600_000;

export function createLibrarySearch(deps: LibrarySearchDeps): LibrarySearch {
  const memory = new Map<string, MemoryEntry>();
  const budget = deps.memoryBudget ?? DEFAULT_MEMORY_BUDGET;
  let used = 0;
  /** The cache key (text hash) last seen for each report, kept when its index is evicted. */
  const keys = new Map<string, string>();
  let lastPrune = -Infinity;

  /** Loads in flight, by report and listing stamp: two searches at once load a report once. */
  const loading = new Map<string, Promise<MemoryEntry>>();

  async function entryFor(summary: ReportSummary): Promise<MemoryEntry> {
    const stamp = JSON.stringify(summary);
    const known = memory.get(summary.id);
    if (known && known.stamp === stamp) {
      // Most recently used last, so eviction takes the first.
      memory.delete(summary.id);
      memory.set(summary.id, known);
      return known;
    }
    const flight = `${summary.id}\n${stamp}`;
    let pending = loading.get(flight);
    if (!pending) {
      pending = load(summary, stamp).finally(() => loading.delete(flight));
      loading.set(flight, pending);
    }
    return pending;
  }

  async function load(
    summary: ReportSummary,
    stamp: string,
    rebuild = false,
  ): Promise<MemoryEntry> {
    const { source, textSha256 } = await deps.openReport(summary.id);
    const cached = await deps.cache.load(source.text, {
      // Parsed as the reader parses it, so a hit's paragraph id is the one the reader shows.
      build: (_text, key) => (deps.buildIndex ?? buildReportIndex)(source, key),
      ...(textSha256 ? { key: textSha256 } : {}),
      rebuild,
    });
    keys.set(summary.id, cached.key);
    for (const problem of cached.problems) deps.log?.(`search index of ${summary.id}: ${problem}`);
    const entry: MemoryEntry = {
      stamp,
      cached,
      bytes: cached.index.memoryBytes,
      sections: null,
    };
    const replaced = memory.get(summary.id);
    if (replaced) used -= replaced.bytes;
    memory.delete(summary.id);
    memory.set(summary.id, entry);
    used += entry.bytes;
    for (const [id, old] of memory) {
      if (used <= budget || id === summary.id) break;
      memory.delete(id);
      used -= old.bytes;
    }
    return entry;
  }

  async function search(request: LibrarySearchRequest): Promise<LibrarySearchResponse> {
    const limit = request.limitPerReport ?? LIBRARY_HITS_PER_REPORT;
    const maxHits = request.maxHits ?? LIBRARY_PAGE_HITS;
    const maxReports = request.maxReports ?? Infinity;
    const listed = await deps.listReports();
    const wanted = request.reportIds ? new Set(request.reportIds) : null;
    const scope = wanted ? listed.filter((r) => wanted.has(r.id)) : listed;
    const first = parseCursor(request.cursor, scope.length);

    const response: LibrarySearchResponse = {
      query: request.query,
      groups: [],
      searchedReports: first,
      totalReports: scope.length,
      nextCursor: null,
      skipped: [],
    };
    let hits = 0;
    let searched = 0;
    for (let at = first; at < scope.length; at++) {
      if (hits >= maxHits || searched >= maxReports) {
        response.nextCursor = String(at);
        break;
      }
      const summary = scope[at]!;
      searched++;
      response.searchedReports = at + 1;
      try {
        const group = await searchReport(summary, request.query, limit);
        if (group) {
          response.groups.push(group);
          hits += group.hitCount + group.noteHitCount;
        }
      } catch (err) {
        const { message, messageEn } = err instanceof ViewerError ? err : NOT_SEARCHABLE;
        response.skipped.push({ reportId: summary.id, message, messageEn });
        deps.log?.(`library search skipped ${summary.id}: ${errorMessage(err)}`);
      }
    }
    if (!wanted && response.nextCursor === null && response.skipped.length === 0) {
      void pruneOutside(listed);
    }
    return response;
  }

  /** Removes cache files of texts not in the library, now that every report's key is known. */
  async function pruneOutside(listed: readonly ReportSummary[]): Promise<void> {
    if (Date.now() - lastPrune < PRUNE_INTERVAL_MS) return;
    const current = new Set<string>();
    for (const summary of listed) {
      const key = keys.get(summary.id);
      if (key === undefined) return;
      current.add(key);
    }
    lastPrune = Date.now();
    try {
      const removed = await deps.cache.prune(current, deps.pruneAfterMs ?? DEFAULT_PRUNE_AFTER_MS);
      if (removed.length > 0) deps.log?.(`search index cache: removed ${removed.join(', ')}`);
    } catch (err) {
      deps.log?.(`search index cache not pruned: ${errorMessage(err)}`);
    }
  }

  async function searchReport(
    summary: ReportSummary,
    query: string,
    limit: number,
  ): Promise<LibrarySearchGroup | null> {
    let entry = await entryFor(summary);
    let found: FirstHits;
    try {
      found = entry.cached.index.firstHits(query, limit);
    } catch (err) {
      // The cache file was damaged or changed after it loaded (its positions are read as
      // queries need them): built again from the report, and the query answered from that.
      if (!(err instanceof SearchIndexFileError)) throw err;
      deps.log?.(`search index of ${summary.id}: ${errorMessage(err)}; built again`);
      entry = await load(summary, JSON.stringify(summary), true);
      found = entry.cached.index.firstHits(query, limit);
    }
    const section = (id: string | null) => {
      if (id === null) return null;
      entry.sections ??= new Map(entry.cached.extra.sections.map((s) => [s.id, s]));
      return entry.sections.get(id) ?? null;
    };
    const hits = found.hits.map(({ unit, start, end }) => hitOf(unit, start, end, section));

    const notes = noteUnits(await deps.listAnnotations(summary.id), entry.cached.index);
    const noteHits = notes.length === 0 ? [] : createBruteForceSearcher(notes)(query);
    const noteUnitsById = new Map(notes.map((u) => [u.id, u]));
    if (found.total === 0 && noteHits.length === 0) return null;
    return {
      reportId: summary.id,
      // As the library lists it (a title the user gave the report wins over the parsed one).
      title: summary.title,
      hitCount: found.total,
      noteHitCount: noteHits.length,
      hits,
      noteHits: noteHits
        .slice(0, limit)
        .map((h) => hitOf(noteUnitsById.get(h.unitId)!, h.start, h.end, section)),
    };
  }

  return { search, indexOf: async (summary) => (await entryFor(summary)).cached };
}

function hitOf(
  unit: SearchUnit,
  start: number,
  end: number,
  section: (id: string | null) => LibrarySearchSection | null,
): LibrarySearchHit {
  return {
    kind: unit.kind,
    unitId: unit.id,
    paragraphId: unit.paragraphId,
    start,
    end,
    section: section(unit.sectionId),
    snippet: makeSnippet(unit.text, start, end),
    annotationId: unit.kind === 'note' ? unit.id.slice('note:'.length) : null,
  };
}

/**
 * The notes of a report's annotations as search units, ordered by where their annotation
 * starts (its paragraph's place in the report, then its offset).
 */
function noteUnits(
  annotations: readonly Annotation[],
  index: { getUnit(id: string): SearchUnit | undefined },
): SearchUnit[] {
  return annotations
    .filter((a) => a.note.trim() !== '')
    .map((a): SearchUnit => {
      const paragraphId = a.target.start.paragraphId;
      const paragraph = index.getUnit(`paragraph:${paragraphId}`);
      return {
        id: `note:${a.id}`,
        kind: 'note',
        text: a.note,
        order: (paragraph?.order ?? Number.MAX_SAFE_INTEGER) + a.target.start.offset / 1e6,
        paragraphId,
        sectionId: a.target.sectionId,
        numberPath: paragraph?.numberPath ?? null,
        headingLength: 0,
      };
    });
}

function parseCursor(cursor: string | undefined, length: number): number {
  if (cursor === undefined) return 0;
  const at = /^\d{1,9}$/.test(cursor) ? Number(cursor) : NaN;
  if (!(at >= 0 && at <= length)) {
    throw new ViewerError(
      'bad-request',
      '搜索的续页标记无效，请重新搜索。',
      'The search could not be continued; please search again.',
      `bad cursor ${JSON.stringify(cursor)} for ${length} reports`,
    );
  }
  return at;
}
