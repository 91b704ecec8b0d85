/** Annotation undo/redo in the renderer's hook, against the real Node services. */
import { readFileSync } from 'node:fs';
import { utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../core/annotations/annotation-model';
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

  it('tells the user when the file was changed by another program, and shows the merged list', async () => {
    const onNotice = vi.fn();
    const { result } = renderHook(() => useAnnotations(REPORT_ID, doc, vi.fn(), onNotice));
    await waitFor(() => expect(result.current.loaded).toBe(true));
    let first: Annotation | null = null;
    await act(async () => {
      first = await result.current.create({ kind: 'highlight', color: 'yellow', target: target() });
    });
    // A sync tool writes its own copy: our highlight plus one of theirs.
    const theirs = { ...first!, id: 'theirs-1', note: '另一台电脑上的批注' };
    const file = host.services.dataDir + `/annotations/${REPORT_ID}.json`;
    await writeFile(
      file,
      JSON.stringify({ version: 1, reportId: REPORT_ID, annotations: [first, theirs] }),
    );
    const later = new Date(Date.now() + 5_000);
    await utimes(file, later, later);

    await act(async () => {
      await result.current.create({
        kind: 'highlight',
        color: 'green',
        target: target(),
        note: '我的',
      });
    });
    expect(onNotice).toHaveBeenCalledTimes(1);
    expect(onNotice.mock.calls[0]?.[0].message).toContain('合并');
    await waitFor(() => expect(result.current.annotations).toHaveLength(3));
    expect(result.current.annotations.map((a) => a.note)).toContain('另一台电脑上的批注');
  });
});
