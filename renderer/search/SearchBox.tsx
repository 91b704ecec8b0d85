/**
 * The search field (searchbox 搜索全文): searches as you type; Enter / Shift+Enter step through
 * the hits, Esc closes the search and returns to where you were reading.
 */
import { forwardRef, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import type { SearchSession } from './useSearchSession';
import './search.css';

export const SearchBox = forwardRef<HTMLInputElement, { session: SearchSession }>(
  function SearchBox({ session }, ref) {
    const { t } = useI18n();
    const { query, setQuery, hits, current, step, close } = session;
    const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        step(e.shiftKey ? -1 : 1);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        close();
      }
    };
    const active = query.trim() !== '';
    return (
      <div className="search-box" role="search">
        <input
          ref={ref}
          type="search"
          aria-label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          aria-keyshortcuts="Control+F"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
          maxLength={500}
        />
        {active ? (
          <>
            <span className="search-position" aria-live="polite">
              {hits.length === 0
                ? t('searchNoHitsShort')
                : current >= 0
                  ? t('searchPosition', { i: current + 1, n: hits.length })
                  : t('searchCount', { n: hits.length })}
            </span>
            <button
              type="button"
              onClick={() => step(-1)}
              disabled={hits.length === 0}
              aria-label={t('searchPrev')}
              title={t('searchPrev')}
              aria-keyshortcuts="Shift+Enter Shift+F3"
            >
              ↑
            </button>
            <button
              type="button"
              onClick={() => step(1)}
              disabled={hits.length === 0}
              aria-label={t('searchNext')}
              title={t('searchNext')}
              aria-keyshortcuts="Enter F3"
            >
              ↓
            </button>
            <button
              type="button"
              onClick={close}
              aria-label={t('searchClose')}
              title={t('searchClose')}
            >
              ✕
            </button>
          </>
        ) : null}
      </div>
    );
  },
);
