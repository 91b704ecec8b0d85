/**
 * 搜索全部报告: one query over every report in the library and the user's notes, results
 * grouped by report with counts, snippets and section paths; a hit opens its report there,
 * marked. Results come a page at a time, so the first ones show before every report is read.
 */
import { useEffect, useRef, useState } from 'react';
import type {
  LibrarySearchGroup,
  LibrarySearchHit,
  LibrarySearchResponse,
} from '../../core/search/library-search-contract';
import { callHost } from '../api/host-api';
import { errorOf } from '../hooks/useHostSettings';
import type { ApiError } from '../../core/api/errors';
import { useI18n } from '../i18n';
import type { GoToTarget } from '../shell/reader-context';
import { sectionLabel } from '../../core/report/section-label';

const TYPING_PAUSE_MS = 250;

export function LibrarySearch({
  onOpen,
  onError,
  autoFocus = false,
}: {
  onOpen: (reportId: string, at?: GoToTarget) => void;
  onError: (error: ApiError) => void;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [pages, setPages] = useState<LibrarySearchResponse[]>([]);
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);

  const run = async (q: string, cursor?: string) => {
    const ticket = ++asked.current;
    setBusy(true);
    try {
      const page = await callHost('searchLibrary', { query: q, ...(cursor ? { cursor } : {}) });
      if (ticket !== asked.current) return;
      setPages((earlier) => (cursor ? [...earlier, page] : [page]));
    } catch (err) {
      if (ticket === asked.current) onError(errorOf(err));
    } finally {
      if (ticket === asked.current) setBusy(false);
    }
  };

  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      asked.current++;
      setPages([]);
      setBusy(false);
      return;
    }
    const timer = setTimeout(() => void run(q), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run only reads state setters
  }, [query]);

  const groups = mergeGroups(pages);
  const last = pages.at(-1);
  const total = groups.reduce((n, g) => n + g.hitCount + g.noteHitCount, 0);
  return (
    <div className="library-search">
      <input
        type="search"
        role="searchbox"
        aria-label={t('cmdFindInLibrary')}
        placeholder={t('librarySearchPlaceholder')}
        value={query}
        autoFocus={autoFocus}
        maxLength={200}
        onChange={(e) => setQuery(e.target.value)}
      />
      {query.trim() !== '' ? (
        <section className="library-search-results" aria-label={t('librarySearchResults')}>
          <p aria-live="polite" className="search-total">
            {busy && pages.length === 0
              ? t('librarySearching')
              : total === 0
                ? t('searchNone', { q: query.trim() })
                : t('librarySearchTotal', { n: total, reports: groups.length })}
            {last
              ? ` ${t('librarySearchedOf', { n: last.searchedReports, total: last.totalReports })}`
              : ''}
          </p>
          {groups.map((group) => (
            <div key={group.reportId} className="library-search-group">
              <h3>
                <button
                  type="button"
                  className="library-open"
                  onClick={() => onOpen(group.reportId)}
                >
                  <span className="library-title">{group.title}</span>
                </button>{' '}
                <span className="sidebar-count">
                  {t('searchInUnit', { n: group.hitCount + group.noteHitCount })}
                </span>
              </h3>
              <ul className="search-list">
                {[...group.hits, ...group.noteHits].map((hit, i) => (
                  <li key={`${hit.unitId}-${hit.start}-${i}`}>
                    <button
                      type="button"
                      className="search-result"
                      onClick={() => onOpen(group.reportId, targetOf(hit))}
                    >
                      <span className="search-result-place">
                        {hit.kind === 'note'
                          ? t('noteResult')
                          : hit.section
                            ? sectionLabel(hit.section)
                            : t('preamble')}
                      </span>
                      <span className="search-snippet">
                        {hit.snippet.before}
                        <mark>{hit.snippet.match}</mark>
                        {hit.snippet.after}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              {group.hitCount + group.noteHitCount > group.hits.length + group.noteHits.length ? (
                <p className="search-hint">
                  {t('librarySearchMoreInReport', {
                    n:
                      group.hitCount +
                      group.noteHitCount -
                      group.hits.length -
                      group.noteHits.length,
                  })}
                </p>
              ) : null}
            </div>
          ))}
          {last?.nextCursor ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(query.trim(), last.nextCursor!)}
            >
              {t('librarySearchMore')}
            </button>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function targetOf(hit: LibrarySearchHit): GoToTarget | undefined {
  if (!hit.paragraphId) return undefined;
  return { paragraphId: hit.paragraphId, start: hit.start, end: hit.end };
}

/** Pages list groups in library order; a report's group never spans two pages. */
function mergeGroups(pages: readonly LibrarySearchResponse[]): LibrarySearchGroup[] {
  return pages.flatMap((page) => page.groups);
}
