/** The search session: results as you type, stepping through hits, Esc back to where you were. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, render, renderHook } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { bruteForceSearch } from '../../core/search/brute-force-search';
import { documentSearchUnits } from '../../core/search/document-units';
import { parseReport } from '../../core/report/parse-report';
import { ReportView } from '../../renderer/components/ReportView';
import { useSearchSession } from '../../renderer/search/useSearchSession';
import { REPORT_ID, reportsDir } from './host-for-tests';

const doc = parseReport(readFileSync(path.join(reportsDir, REPORT_ID), 'utf8'));

// Stable across renders, as the screen's memoised note units and callback are.
const NO_NOTES: never[] = [];
const openNote = vi.fn();

function useSession() {
  const pane = useRef<HTMLElement | null>(null);
  pane.current ??= document.getElementById('pane');
  return useSearchSession(doc, pane, NO_NOTES, openNote);
}

describe('useSearchSession', () => {
  it('finds every occurrence a brute-force scan finds, and steps through them in order', () => {
    render(
      <main id="pane">
        <ReportView
          doc={doc}
          bookmarkedSections={new Set()}
          onToggleBookmark={vi.fn()}
          onPrintSection={vi.fn()}
        />
      </main>,
    );
    const { result } = renderHook(() => useSession());
    expect(result.current.results).toBeNull();
    act(() => result.current.setQuery('执法'));
    const expected = bruteForceSearch(documentSearchUnits(doc), '执法');
    const total = expected.length;
    expect(total).toBeGreaterThan(3);
    expect(result.current.results?.total).toBe(total);
    expect(result.current.hits).toHaveLength(total);
    act(() => result.current.step(1));
    expect(result.current.current).toBe(0);
    act(() => result.current.step(-1));
    expect(result.current.current).toBe(total - 1);
    act(() => result.current.close());
    expect(result.current.results).toBeNull();
    expect(result.current.query).toBe('');
  });

  it('answers an empty or absent query plainly', () => {
    const { result } = renderHook(() => useSession());
    act(() => result.current.setQuery('   '));
    expect(result.current.results).toBeNull();
    act(() => result.current.setQuery('不存在的词语组合'));
    expect(result.current.results?.total).toBe(0);
    expect(result.current.hits).toEqual([]);
  });
});
