/** The search session: results as you type, stepping through hits, Esc back to where you were. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { bruteForceSearch } from '../../core/search/brute-force-search';
import { documentSearchUnits } from '../../core/search/document-units';
import { parseReport } from '../../core/report/parse-report';
import { ReportView } from '../../renderer/components/ReportView';
import { useSearchSession } from '../../renderer/search/useSearchSession';
import { REPORT_ID, reportsDir } from './host-for-tests';

const text = readFileSync(path.join(reportsDir, REPORT_ID), 'utf8');
const doc = parseReport(text);

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

  it('indexes a large report in the background: the query waits, then gets the same answer', async () => {
    const pane = { current: null };
    const { result } = renderHook(() =>
      useSearchSession(doc, pane, NO_NOTES, openNote, {
        indexFrom: { text, format: 'txt' },
      }),
    );
    act(() => result.current.setQuery('执法'));
    // Typed before the index is there: no answer yet, but the search says it is preparing.
    expect(result.current.results).toBeNull();
    expect(result.current.preparing).not.toBeNull();
    const expected = bruteForceSearch(documentSearchUnits(doc), '执法');
    await waitFor(() => expect(result.current.results?.total).toBe(expected.length));
    expect(result.current.preparing).toBeNull();
    expect(result.current.hits.map((h) => [h.unitId, h.start])).toEqual(
      expected.map((h) => [h.unitId, h.start]),
    );
  });
});
