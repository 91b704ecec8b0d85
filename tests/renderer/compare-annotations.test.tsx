/**
 * 对照 keeps each side's annotations visible: a note made on the old edition and one made on the
 * new edition show on their own side of the change they overlap (in its text and as a line
 * under it), and a highlight in the old edition's unchanged context shows in the inline view's
 * context and in the old column of the side-by-side view.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, HighlightColor } from '../../core/annotations/annotation-model';
import { describeRange } from '../../core/annotations/describe-selection';
import { documentText } from '../../core/annotations/document-text';
import { anchorAnnotations } from '../../core/annotations/anchor';
import { compareReports, comparisonNotes, type Change } from '../../core/compare';
import { DEFAULT_PRINT_OPTIONS } from '../../core/print/print-options';
import { parseReport } from '../../core/report/parse-report';
import type { ReportDocument } from '../../core/report/report-model';
import { PrintComparison } from '../../renderer/print/PrintComparison';
import { renderReader } from './render-reader';
import { installTestHost, type TestHost } from './host-for-tests';

const fixtures = path.resolve(process.cwd(), 'tests/fixtures/compare');
const OLD = 'edition-2023.txt';
const NEW = 'edition-2024.txt';
const oldText = readFileSync(path.join(fixtures, OLD), 'utf8');
const newText = readFileSync(path.join(fixtures, NEW), 'utf8');
const oldDoc = parseReport(oldText);
const newDoc = parseReport(newText);

let host: TestHost;
beforeEach(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'compare-notes-'));
  for (const name of [OLD, NEW]) copyFileSync(path.join(fixtures, name), path.join(dir, name));
  host = await installTestHost({ reportsDir: dir });
});
afterEach(async () => {
  await host.close();
});

/** Saves a highlight on [start, end) of a paragraph of `doc`, through the real store. */
async function annotate(
  reportId: string,
  doc: ReportDocument,
  paragraphId: string,
  start: number,
  end: number,
  color: HighlightColor,
  note: string,
): Promise<Annotation> {
  const text = documentText(doc);
  const at = text.starts[text.indexById.get(paragraphId)!]!;
  const now = new Date().toISOString();
  const annotation: Annotation = {
    id: crypto.randomUUID(),
    reportId,
    kind: 'highlight',
    color,
    note,
    tags: [],
    target: describeRange(doc, at + start, at + end),
    created: now,
    updated: now,
  };
  await host.services.handlers.saveAnnotation({ annotation });
  return annotation;
}

describe('annotations in the comparison', () => {
  it('shows the old and the new edition’s annotations on their own side of a change', async () => {
    const changes = compareReports(oldDoc, newDoc).changes.filter((c) => !c.cosmetic);
    // An edit inside a paragraph with text on both sides and some context before it.
    const index = changes.findIndex(
      (c: Change) =>
        c.kind === 'text-changed' && c.oldText !== '' && c.newText !== '' && c.oldRange!.start >= 4,
    );
    expect(index).toBeGreaterThanOrEqual(0);
    const change = changes[index]!;
    const oldParagraph = change.oldParagraphIds[0]!;
    const newParagraph = change.newParagraphIds[0]!;
    const { start: oldStart, end: oldEnd } = change.oldRange!;
    const { start: newStart, end: newEnd } = change.newRange!;
    await annotate(OLD, oldDoc, oldParagraph, oldStart, oldEnd, 'pink', '旧版的数字待核');
    await annotate(NEW, newDoc, newParagraph, newStart, newEnd, 'blue', '新版数字已核实');
    // Unchanged text just before the change, highlighted in the old edition only.
    const contextStart = oldStart - 4;
    const contextEnd = oldStart - 2;
    await annotate(OLD, oldDoc, oldParagraph, contextStart, contextEnd, 'green', '');
    const oldParagraphText = oldDoc.paragraphs.find((p) => p.id === oldParagraph)!.text;

    const listing = await host.services.handlers.listReports({});
    renderReader({ reportId: NEW, text: newText, doc: newDoc, reports: listing.reports });
    fireEvent.click(screen.getByRole('button', { name: '对照' }));
    const dialog = await screen.findByRole('dialog', { name: '选择对照的报告' });
    const title = listing.reports.find((r) => r.id === OLD)!.title;
    fireEvent.click(within(dialog).getByRole('radio', { name: title }));
    fireEvent.click(within(dialog).getByRole('button', { name: '开始对照' }));

    const region = await screen.findByRole('region', { name: '对照结果' });
    const item = await waitFor(() => {
      const items = within(region).getAllByRole('listitem');
      expect(items).toHaveLength(changes.length);
      return items[index]!;
    });
    // The other report's annotations are said to be read-only.
    expect(region.textContent).toContain('另一份报告的 2 条批注在此只读显示');

    // Inline: the removed text carries the old note's highlight, the added text the new one's.
    const oldMark = await within(item).findByTitle(/^旧版批注：旧版的数字待核/);
    expect(oldMark.tagName).toBe('MARK');
    expect(oldMark.closest('del')).not.toBeNull();
    expect(oldMark.textContent).toBe(change.oldText);
    expect(oldMark.getAttribute('data-color')).toBe('pink');
    expect(oldMark.title).toContain('只读');
    const newMark = within(item).getByTitle('新版批注：新版数字已核实');
    expect(newMark.closest('ins')).not.toBeNull();
    expect(newMark.textContent).toBe(change.newText);
    expect(newMark.getAttribute('data-color')).toBe('blue');

    // The old edition's highlight in the unchanged context before the change shows inline too
    // (the context is shown once, with both reports' highlights).
    const contextMark = within(item).getByTitle(/^旧版高亮/);
    expect(contextMark.textContent).toBe(oldParagraphText.slice(contextStart, contextEnd));
    expect(contextMark.getAttribute('data-color')).toBe('green');
    expect(contextMark.getAttribute('data-side')).toBe('old');
    expect(contextMark.closest('del, ins')).toBeNull();

    // A line under the change for each note, labelled with its side; not for context highlights.
    expect(within(item).getByText(/^旧版批注：旧版的数字待核/)).toBeTruthy();
    expect(within(item).getByText(/^新版批注：新版数字已核实/)).toBeTruthy();
    expect(item.textContent).not.toContain('新版批注：旧版');
    expect(item.textContent).not.toContain('旧版批注：新版');
    expect(within(item).queryByText(/旧版高亮/)).toBeNull();

    // The open report's note can be opened in the editor from here; the other's is read-only.
    const edits = within(item).getAllByRole('button', { name: /^编辑批注/ });
    expect(edits).toHaveLength(1);
    expect(edits[0]!.closest('.compare-note')!.textContent).toContain('新版数字已核实');
    fireEvent.click(edits[0]!);
    const editor = await screen.findByRole('dialog', { name: '编辑批注' });
    expect(within(editor).getByRole('textbox', { name: /批注/ })).toHaveProperty(
      'value',
      '新版数字已核实',
    );
    fireEvent.keyDown(editor, { key: 'Escape' });

    // Side by side: each column shows its own edition's highlights, context included.
    fireEvent.click(within(region).getByRole('radio', { name: '并排显示' }));
    const oldColumn = item.querySelector<HTMLElement>('.compare-old')!;
    const newColumn = item.querySelector<HTMLElement>('.compare-new')!;
    const oldMarks = [...oldColumn.querySelectorAll('mark')];
    expect(oldMarks.map((m) => [m.textContent, m.getAttribute('data-color')])).toEqual([
      [oldParagraphText.slice(contextStart, contextEnd), 'green'],
      [change.oldText, 'pink'],
    ]);
    expect(oldMarks.every((m) => m.title.startsWith('旧版'))).toBe(true);
    const newMarks = [...newColumn.querySelectorAll('mark')];
    expect(newMarks.map((m) => [m.textContent, m.title])).toEqual([
      [change.newText, '新版批注：新版数字已核实'],
    ]);
    // The old column reads as the old paragraph around the change.
    expect(oldColumn.textContent).toContain(oldParagraphText.slice(contextStart, oldEnd));
  });

  it('prints each edition’s note under the change it touches', async () => {
    const comparison = compareReports(oldDoc, newDoc);
    const change = comparison.changes.find((c) => c.kind === 'text-changed' && c.oldText !== '')!;
    const oldNote = await annotate(
      OLD,
      oldDoc,
      change.oldParagraphIds[0]!,
      change.oldRange!.start,
      change.oldRange!.end,
      'yellow',
      '旧版的说法',
    );
    const newHighlight = await annotate(
      NEW,
      newDoc,
      change.newParagraphIds[0]!,
      change.newRange!.start,
      change.newRange!.end,
      'green',
      '',
    );
    const notes = comparisonNotes(
      comparison,
      { doc: oldDoc, anchored: anchorAnnotations(oldDoc, [oldNote]) },
      { doc: newDoc, anchored: anchorAnnotations(newDoc, [newHighlight]) },
    );
    render(
      <PrintComparison
        comparison={comparison}
        notes={notes}
        oldDoc={oldDoc}
        newDoc={newDoc}
        options={DEFAULT_PRINT_OPTIONS}
      />,
    );
    const items = screen.getAllByRole('listitem');
    const item = items.find((li) => li.getAttribute('value') === String(change.index + 1))!;
    const lines = [...item.querySelectorAll('.compare-change-note')].map((p) => p.textContent);
    expect(lines).toEqual([
      `旧版批注：旧版的说法（原文“${change.oldText}”）`,
      `新版高亮：“${change.newText}”`,
    ]);
    // Changes the notes do not touch print no note line.
    expect(document.querySelectorAll('.compare-change-note')).toHaveLength(2);
  });
});
