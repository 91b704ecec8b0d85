/**
 * The results (region 搜索结果): total count, ranked or in document order, each with its section
 * number and a snippet with the hit marked. Clicking one goes to that occurrence.
 */
import type { SearchResult } from '../../core/search';
import { useProgressiveCount } from '../hooks/useProgressiveCount';
import { useI18n, type Translate } from '../i18n';
import type { SearchSession } from './useSearchSession';

export function SearchResultsPanel({ session }: { session: SearchSession }) {
  const { t } = useI18n();
  const { results, order, setOrder, goToResult, query, preparing } = session;
  if (!results) {
    if (preparing === null) return null;
    return (
      <section className="search-results" aria-label={t('searchResults')} aria-busy="true">
        <div className="search-summary">
          <p role="status" className="search-total">
            {t('searchPreparing', { p: Math.round(preparing * 100) })}
          </p>
          <progress max={1} value={preparing} aria-label={t('searchResults')} />
        </div>
      </section>
    );
  }
  return (
    <section
      className="search-results"
      aria-label={t('searchResults')}
      data-query={results.query.raw}
    >
      <div className="search-summary">
        <p aria-live="polite" className="search-total">
          {results.total === 0
            ? t('searchNone', { q: query.trim() })
            : t('searchTotal', { n: results.total, units: results.units })}
        </p>
        {results.total === 0 ? <p className="search-hint">{t('searchNoneHint')}</p> : null}
        {results.total > 0 ? (
          <div className="search-order" role="radiogroup" aria-label={t('searchOrder')}>
            {(['relevance', 'document'] as const).map((o) => (
              <label key={o}>
                <input
                  type="radio"
                  name="search-order"
                  checked={order === o}
                  onChange={() => setOrder(o)}
                />
                {o === 'relevance' ? t('searchByRelevance') : t('searchByDocument')}
              </label>
            ))}
          </div>
        ) : null}
      </div>
      <ResultList
        // A new answer starts its list afresh (a first screenful, then the rest).
        key={`${results.query.raw}|${order}`}
        results={results.results}
        onChoose={goToResult}
      />
    </section>
  );
}

/**
 * The results: a first screenful at once and the rest in batches between frames (a 2-character
 * query on a 5 MB report has thousands), each laid out only when near the view (CSS).
 */
function ResultList({
  results,
  onChoose,
}: {
  results: readonly SearchResult[];
  onChoose: (result: SearchResult) => void;
}) {
  const { t } = useI18n();
  const shown = useProgressiveCount(results.length);
  return (
    <ol className="search-list">
      {results.slice(0, shown).map((r) => (
        <li key={r.unitId}>
          <button type="button" className="search-result" onClick={() => onChoose(r)}>
            <span className="search-result-place">
              {placeOf(r, t)}
              {r.occurrences.length > 1 ? (
                <span className="search-result-count">
                  {t('searchInUnit', { n: r.occurrences.length })}
                </span>
              ) : null}
            </span>
            <span className="search-snippet">
              {r.snippet.before}
              <mark>{r.snippet.match}</mark>
              {r.snippet.after}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}

function placeOf(r: SearchResult, t: Translate): string {
  if (r.kind === 'metadata') return t('metadata');
  if (r.kind === 'note')
    return r.numberPath ? `${t('noteResult')} · ${r.numberPath}` : t('noteResult');
  if (r.numberPath) return r.numberPath;
  return r.kind === 'heading' ? t('reportTitle') : t('preamble');
}
