/**
 * One search over the open report: the query as typed, results (ranked or in document order),
 * every hit highlighted in the reading pane (CSS Custom Highlight API: the DOM is untouched),
 * the current hit, stepping, and going back to where the reader was when the search is closed.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import type { ReportDocument } from '../../core/report/report-model';
import { annotationIdOfUnit } from '../../core/annotations/note-search-units';
import type { ReportSource } from '../../core/report/report-source';
import {
  createDocumentExactIndex,
  loadExactSearchIndex,
  type ExactSearchIndex,
  type SearchResult,
  type SearchResults,
  type SearchUnit,
} from '../../core/search';
import { computeInBackground } from '../compute/useComputation';
import { supportsHighlights } from '../dom/custom-highlights';
import { rangesForHit } from '../dom/text-ranges';

export type ResultOrder = 'relevance' | 'document';

export interface Hit {
  unitId: string;
  start: number;
  end: number;
}

export interface SearchSession {
  query: string;
  setQuery: (q: string) => void;
  order: ResultOrder;
  setOrder: (o: ResultOrder) => void;
  results: SearchResults | null;
  /**
   * While a large report's index is still being built (in the background): the fraction done.
   * The query waits and is answered as soon as the index is there.
   */
  preparing: number | null;
  /** Every hit in document order. */
  hits: Hit[];
  /** Index into hits of the current one, or -1. */
  current: number;
  step: (delta: 1 | -1) => void;
  goToResult: (result: SearchResult) => void;
  /** Clears the query and scrolls back to where reading was before the search. */
  close: () => void;
}

const HIT_HIGHLIGHT = 'search-hit';
const CURRENT_HIGHLIGHT = 'search-current';

export function useSearchSession(
  doc: ReportDocument,
  scroller: RefObject<HTMLElement | null>,
  /** The user's notes, searched with the text (see core/annotations/note-search-units). */
  noteUnits: readonly SearchUnit[],
  /** Opens the annotation a note result belongs to. */
  onOpenNote: (annotationId: string) => void,
  /**
   * A large report: draws a paragraph's block first; `drawn` changes when blocks are drawn.
   * `indexFrom`: build the index from this source off the UI thread (the report shows first).
   */
  view: {
    reveal?: (paragraphId: string) => Promise<void>;
    drawn?: number;
    indexFrom?: ReportSource;
  } = {},
): SearchSession {
  const { reveal: revealParagraph, drawn = 0, indexFrom } = view;
  const { index, preparing } = useReportIndex(doc, indexFrom);
  // The index is built once per report; notes are swapped in and out as they change. `searchable`
  // is a new object after each swap, so results depend on what the index holds.
  const [searchable, setSearchable] = useState<{ index: ExactSearchIndex | null }>({ index });
  const indexedNotes = useRef<string[]>([]);
  useEffect(() => {
    if (!index) return;
    index.removeUnits(indexedNotes.current);
    index.addUnits(noteUnits);
    indexedNotes.current = noteUnits.map((u) => u.id);
    setSearchable({ index });
  }, [index, noteUnits]);
  const [query, setQueryState] = useState('');
  const [order, setOrder] = useState<ResultOrder>('relevance');
  const [current, setCurrent] = useState(-1);
  const readingPosition = useRef<number | null>(null);

  // A search costs microseconds on a report (see README, npm run bench): it runs as you type.
  const results = useMemo(
    () =>
      query.trim() === '' || !searchable.index ? null : searchable.index.search(query, { order }),
    [searchable, query, order],
  );
  // The hits in the text, to highlight and step through; hits in notes are listed, not painted.
  const hits = useMemo(() => {
    if (!results) return [];
    return results.results
      .filter((r) => r.kind !== 'note')
      .sort((a, b) => a.order - b.order)
      .flatMap((r) => r.occurrences.map((o) => ({ unitId: r.unitId, start: o.start, end: o.end })));
  }, [results]);

  const setQuery = useCallback(
    (q: string) => {
      if (readingPosition.current === null && q.trim() !== '') {
        readingPosition.current = scroller.current?.scrollTop ?? 0;
      }
      setQueryState(q);
      setCurrent(-1);
    },
    [scroller],
  );

  // DOM ranges for every hit, rebuilt when the hits change (the report's DOM never does).
  const [ranges, setRanges] = useState<Range[][]>([]);
  useEffect(() => {
    const pane = scroller.current;
    setRanges(
      pane
        ? hits.map((hit) => {
            const unit = index?.getUnit(hit.unitId);
            return unit ? rangesForHit(pane, unit, hit.start, hit.end) : [];
          })
        : [],
    );
  }, [hits, index, scroller, drawn]);

  useEffect(() => {
    if (!supportsHighlights()) return;
    // Search hits paint above annotation highlights (priority 1–2), the current one on top.
    const highlight = new Highlight(...ranges.flat());
    highlight.priority = 3;
    CSS.highlights.set(HIT_HIGHLIGHT, highlight);
    return () => {
      CSS.highlights.delete(HIT_HIGHLIGHT);
    };
  }, [ranges]);

  useEffect(() => {
    if (!supportsHighlights()) return;
    const currentRanges = ranges[current] ?? [];
    const highlight = new Highlight(...currentRanges);
    highlight.priority = 4;
    CSS.highlights.set(CURRENT_HIGHLIGHT, highlight);
    return () => {
      CSS.highlights.delete(CURRENT_HIGHLIGHT);
    };
  }, [ranges, current]);

  const reveal = useCallback(
    (hitIndex: number) => {
      const pane = scroller.current;
      const range = ranges[hitIndex]?.[0];
      if (pane && !range && revealParagraph) {
        // Not drawn yet (a large report): draw its block, then come back here.
        const unit = index?.getUnit(hits[hitIndex]?.unitId ?? '');
        if (unit?.paragraphId) {
          pendingReveal.current = hitIndex;
          setCurrent(hitIndex);
          void revealParagraph(unit.paragraphId);
        }
        return;
      }
      if (!pane || !range) return;
      const details = range.startContainer.parentElement?.closest('details');
      if (details && !details.open) details.open = true;
      const rect = range.getBoundingClientRect();
      const paneRect = pane.getBoundingClientRect();
      // Put the hit a third of the way down, where the eye expects it.
      pane.scrollTop += rect.top - paneRect.top - pane.clientHeight / 3;
      setCurrent(hitIndex);
    },
    [ranges, scroller, hits, index, revealParagraph],
  );
  const pendingReveal = useRef<number | null>(null);
  useEffect(() => {
    const pending = pendingReveal.current;
    if (pending === null || !ranges[pending]?.[0]) return;
    pendingReveal.current = null;
    reveal(pending);
  }, [ranges, reveal]);

  const step = useCallback(
    (delta: 1 | -1) => {
      if (hits.length === 0) return;
      const next =
        current < 0
          ? delta > 0
            ? 0
            : hits.length - 1
          : (current + delta + hits.length) % hits.length;
      reveal(next);
    },
    [current, hits.length, reveal],
  );

  const goToResult = useCallback(
    (result: SearchResult) => {
      const annotationId = annotationIdOfUnit(result.unitId);
      if (annotationId) return onOpenNote(annotationId);
      const first = result.occurrences[0];
      if (!first) return;
      const i = hits.findIndex((h) => h.unitId === result.unitId && h.start === first.start);
      if (i >= 0) reveal(i);
    },
    [hits, reveal, onOpenNote],
  );

  const close = useCallback(() => {
    restorePending.current = readingPosition.current;
    readingPosition.current = null;
    setQueryState('');
    setCurrent(-1);
    scroller.current?.focus({ preventScroll: true });
  }, [scroller]);

  // Back to the reading position once the results column has gone and the text has reflowed
  // to the width it had before the search.
  const restorePending = useRef<number | null>(null);
  useLayoutEffect(() => {
    const pane = scroller.current;
    if (results !== null || restorePending.current === null || !pane) return;
    pane.scrollTop = restorePending.current;
    restorePending.current = null;
  }, [results, scroller]);

  return {
    query,
    setQuery,
    order,
    setOrder,
    results,
    preparing: results === null && query.trim() !== '' ? preparing : null,
    hits,
    current,
    step,
    goToResult,
    close,
  };
}

/**
 * The report's search index: exact bigram postings (core/search/exact-search-index.ts), same
 * results as the MiniSearch index, property-tested. A small report's is built at once; a large
 * one's in the compute worker, so the report is on screen and scrolls while it is built (and if
 * the worker fails, here after all).
 */
function useReportIndex(
  doc: ReportDocument,
  indexFrom: ReportSource | undefined,
): { index: ExactSearchIndex | null; preparing: number } {
  const now = useMemo(() => (indexFrom ? null : createDocumentExactIndex(doc)), [doc, indexFrom]);
  const [built, setBuilt] = useState<{ doc: ReportDocument; index: ExactSearchIndex } | null>(null);
  const [progress, setProgress] = useState(0);
  useEffect(() => {
    if (!indexFrom) return;
    setProgress(0);
    const job = computeInBackground({ type: 'index', source: indexFrom }, setProgress);
    let live = true;
    job.result
      .then((data) => loadExactSearchIndex(data, indexFrom.text))
      .catch(() => createDocumentExactIndex(doc))
      .then((index) => {
        if (live) setBuilt({ doc, index });
      })
      .catch(() => {});
    return () => {
      live = false;
      job.cancel();
    };
  }, [doc, indexFrom]);
  const index = now ?? (built?.doc === doc ? built.index : null);
  return { index, preparing: progress };
}
