/** Annotation undo/redo in the renderer's hook, against the real Node services. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeRange } from '../../core/annotations/describe-selection';
import { documentText } from '../../core/annotations/document-text';
import { parseReport } from '../../core/report/parse-report';
import { useAnnotations } from '../../renderer/annotations/useAnnotations';
import { installTestHost, REPORT_ID, reportsDir, type TestHost } from './host-for-tests';

const doc = parseReport(readFileSync(path.join(reportsDir, REPORT_ID), 'utf8'));
const quote = '行政复议';

let host: TestHost;
beforeEach(async () => {
  host = await installTestHost();
});
afterEach(async () => {
  await host.close();
});

async function stored(): Promise<string[]> {
  const listing = await host.services.handlers.listAnnotations({ reportId: REPORT_ID });
  return listing.annotations.map((a) => `${a.kind}:${a.note}`);
}

function target() {
  const start = documentText(doc).text.indexOf(quote);
  return describeRange(doc, start, start + quote.length);
}

describe('useAnnotations', () => {
  it('undoes and redoes a new highlight, on screen and on disk', async () => {
    const onError = vi.fn();
    const { result } = renderHook(() => useAnnotations(REPORT_ID, doc, onError, vi.fn()));
    await waitFor(() => expect(result.current.loaded).toBe(true));
    expect(result.current.canUndo).toBe(false);

    await act(async () => {
      await result.current.create({ kind: 'highlight', color: 'yellow', target: target() });
    });
    expect(result.current.annotations).toHaveLength(1);
    expect(result.current.anchored[0]?.annotation.target.quote.exact).toBe(quote);
    expect(await stored()).toEqual(['highlight:']);
    expect(result.current.canUndo).toBe(true);

    await act(() => result.current.undo());
    expect(result.current.annotations).toHaveLength(0);
    expect(await stored()).toEqual([]);
    expect(result.current.canRedo).toBe(true);

    await act(() => result.current.redo());
    expect(result.current.annotations).toHaveLength(1);
    expect(await stored()).toEqual(['highlight:']);
    expect(onError).not.toHaveBeenCalled();
  });

  it('undoes a note change back to the earlier text, and a delete back to the annotation', async () => {
    const { result } = renderHook(() => useAnnotations(REPORT_ID, doc, vi.fn(), vi.fn()));
    await waitFor(() => expect(result.current.loaded).toBe(true));
    let id = '';
    await act(async () => {
      const made = await result.current.create({
        kind: 'highlight',
        color: 'blue',
        target: target(),
        note: '第一稿',
      });
      id = made!.id;
    });
    await act(async () => {
      await result.current.update(id, { note: '第二稿' });
    });
    expect(await stored()).toEqual(['highlight:第二稿']);
    await act(() => result.current.undo());
    expect(result.current.annotations[0]?.note).toBe('第一稿');
    expect(await stored()).toEqual(['highlight:第一稿']);

    await act(async () => {
      await result.current.remove(id);
    });
    expect(await stored()).toEqual([]);
    await act(() => result.current.undo());
    expect(await stored()).toEqual(['highlight:第一稿']);
    // A new change clears what could be redone.
    await act(async () => {
      await result.current.update(id, { note: '第三稿' });
    });
    expect(result.current.canRedo).toBe(false);
  });

  it('tells the user and changes nothing when the host refuses a save', async () => {
    const onError = vi.fn();
    const { result } = renderHook(() => useAnnotations(REPORT_ID, doc, onError, vi.fn()));
    await waitFor(() => expect(result.current.loaded).toBe(true));
    const huge = 'x'.repeat(3 * 1024 * 1024);
    await act(async () => {
      await result.current.create({
        kind: 'highlight',
        color: 'yellow',
        target: target(),
        note: huge,
      });
    });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(result.current.annotations).toHaveLength(0);
    expect(result.current.canUndo).toBe(false);
  });
});
