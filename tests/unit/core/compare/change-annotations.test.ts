/**
 * Each edition's annotations on a comparison: highlights cut into spans per paragraph, the
 * text each side of a change shows, which annotations a change touches, and the Markdown lines.
 */
import { describe, expect, it } from 'vitest';
import { anchorAnnotations } from '../../../../core/annotations/anchor';
import type { Annotation, HighlightColor } from '../../../../core/annotations/annotation-model';
import { describeRange } from '../../../../core/annotations/describe-selection';
import { documentText } from '../../../../core/annotations/document-text';
import {
  annotationSpans,
  changeAnnotations,
  compareReports,
  comparisonNotes,
  comparisonToMarkdown,
  highlightRuns,
  sharedRuns,
  shownPieces,
  sideLookup,
} from '../../../../core/compare';
import { parseReport } from '../../../../core/report/parse-report';
import type { ReportDocument } from '../../../../core/report/report-model';

// Two editions written for this test: one figure changed, one word inserted.
const OLD = [
  '某区工作报告',
  '一、主要工作',
  '全年办理复议案件120件，办结110件。',
  '坚持依法行政，推进政务公开。',
].join('\n\n');
const NEW = [
  '某区工作报告',
  '一、主要工作',
  '全年办理复议案件150件，办结110件。',
  '坚持依法行政，全面推进政务公开。',
].join('\n\n');
const oldDoc = parseReport(OLD);
const newDoc = parseReport(NEW);
const comparison = compareReports(oldDoc, newDoc);

let counter = 0;
/** A highlight on `quote` (its first occurrence at or after `from` in the document text). */
function highlight(
  doc: ReportDocument,
  quote: string,
  note = '',
  color: HighlightColor = 'yellow',
  from = 0,
  length = quote.length,
): Annotation {
  const start = documentText(doc).text.indexOf(quote, from);
  if (start < 0) throw new Error(`no ${quote}`);
  counter += 1;
  return {
    id: `a${counter}`,
    reportId: 'r.txt',
    kind: 'highlight',
    color,
    note,
    tags: [],
    target: describeRange(doc, start, start + length),
    created: '2024-01-01T00:00:00.000Z',
    updated: '2024-01-01T00:00:00.000Z',
  };
}

const byText = (doc: ReportDocument, text: string) =>
  doc.paragraphs.find((p) => p.text.includes(text))!;
const figureChange = comparison.changes.find((c) => c.oldText === '120')!;
const insertion = comparison.changes.find((c) => c.newText === '全面')!;

describe('annotation spans', () => {
  it('cuts a highlight across paragraphs into one span per paragraph, and skips bookmarks', () => {
    const across = highlight(oldDoc, '110件。\n坚持');
    const bookmark = { ...highlight(oldDoc, '主要工作'), kind: 'bookmark' as const };
    const spans = annotationSpans(oldDoc, anchorAnnotations(oldDoc, [across, bookmark]));
    const first = byText(oldDoc, '120件');
    const second = byText(oldDoc, '坚持');
    expect(spans.get(first.id)).toEqual([
      { start: first.text.indexOf('110件。'), end: first.text.length, annotation: across },
    ]);
    expect(spans.get(second.id)).toEqual([{ start: 0, end: 2, annotation: across }]);
    expect([...spans.keys()]).toEqual([first.id, second.id]);
  });

  it('splits shown text at every highlight boundary; overlaps carry both annotations', () => {
    const wide = highlight(oldDoc, '复议案件120', '', 'green');
    const narrow = highlight(oldDoc, '120件', '', 'pink');
    const spans = annotationSpans(oldDoc, anchorAnnotations(oldDoc, [wide, narrow]));
    const [before, changed, after] = shownPieces(
      figureChange,
      'old',
      sideLookup({ doc: oldDoc, anchored: [] }).text,
    );
    expect([before!.role, changed!.role, after!.role]).toEqual(['before', 'changed', 'after']);
    expect(changed!.text).toBe('120');
    expect(
      highlightRuns(before!, spans).map((r) => [r.text, r.annotations.map((a) => a.id)]),
    ).toEqual([
      ['全年办理', []],
      ['复议案件', [wide.id]],
    ]);
    expect(highlightRuns(changed!, spans).map((r) => [r.text, r.annotations.length])).toEqual([
      ['120', 2],
    ]);
    expect(highlightRuns(after!, spans)[0]).toEqual({ text: '件', annotations: [narrow] });
  });
});

describe('context both editions show alike', () => {
  it('is cut at the highlight boundaries of both sides, each run with each side’s annotations', () => {
    // The insertion's context before it (法行政，) is the same text in both editions.
    const oldMark = highlight(oldDoc, '依法行政', '', 'green');
    const newMark = highlight(newDoc, '行政，', '', 'blue');
    const oldSide = sideLookup({ doc: oldDoc, anchored: anchorAnnotations(oldDoc, [oldMark]) });
    const newSide = sideLookup({ doc: newDoc, anchored: anchorAnnotations(newDoc, [newMark]) });
    const [oldBefore] = shownPieces(insertion, 'old', oldSide.text, 4);
    const [newBefore] = shownPieces(insertion, 'new', newSide.text, 4);
    const runs = sharedRuns(oldBefore!, oldSide.spans, newBefore!, newSide.spans)!;
    expect(runs.map((r) => [r.text, r.old.map((a) => a.id), r.new.map((a) => a.id)])).toEqual([
      ['法', [oldMark.id], []],
      ['行政', [oldMark.id], [newMark.id]],
      ['，', [], [newMark.id]],
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(newBefore!.text);
    // No highlights: one run, no annotations.
    const plain = sharedRuns(oldBefore!, new Map(), newBefore!, new Map());
    expect(plain).toEqual([{ text: '法行政，', old: [], new: [] }]);
  });

  it('is refused when the two sides’ context differs, so no highlight lands on other words', () => {
    const oldSide = sideLookup({ doc: oldDoc, anchored: [] });
    const newSide = sideLookup({ doc: newDoc, anchored: [] });
    // The figure change's context after it reads alike on both sides; a piece that reads
    // otherwise (as when another change lies within the context) is refused.
    const [, , oldAfter] = shownPieces(figureChange, 'old', oldSide.text, 3);
    const [, , newAfter] = shownPieces(figureChange, 'new', newSide.text, 3);
    expect(sharedRuns(oldAfter!, new Map(), newAfter!, new Map())).not.toBeNull();
    expect(
      sharedRuns(oldAfter!, new Map(), { ...newAfter!, text: '件，结' }, new Map()),
    ).toBeNull();
  });
});

describe('the text each side of a change shows', () => {
  it('takes the context of each side from that side’s own paragraph', () => {
    const oldSide = sideLookup({ doc: oldDoc, anchored: [] });
    const newSide = sideLookup({ doc: newDoc, anchored: [] });
    const pieces = (side: 'old' | 'new') =>
      shownPieces(insertion, side, side === 'old' ? oldSide.text : newSide.text, 4).map(
        (p) => p.text,
      );
    expect(pieces('old')).toEqual(['法行政，', '', '推进政务']);
    expect(pieces('new')).toEqual(['法行政，', '全面', '推进政务']);
    // The figure edit: the old column reads 120 in the old paragraph's own context.
    expect(shownPieces(figureChange, 'old', oldSide.text, 3).map((p) => p.text)).toEqual([
      '议案件',
      '120',
      '件，办',
    ]);
  });
});

describe('the annotations a change touches', () => {
  const touched = (
    doc: ReportDocument,
    annotations: Annotation[],
    side: 'old' | 'new',
    change = figureChange,
  ) => {
    const lookup = sideLookup({ doc, anchored: anchorAnnotations(doc, annotations) });
    return changeAnnotations(change, side, lookup.spans, lookup.text).map((a) => a.note);
  };

  it('on the side that holds them, where they overlap the changed text', () => {
    const onOld = highlight(oldDoc, '120件', '旧');
    const context = highlight(oldDoc, '办结110件', '上下文');
    expect(touched(oldDoc, [onOld, context], 'old')).toEqual(['旧']);
    const onNew = highlight(newDoc, '150', '新');
    expect(touched(newDoc, [onNew], 'new')).toEqual(['新']);
  });

  it('for an insertion, the old annotations spanning the point where it happened', () => {
    const spanning = highlight(oldDoc, '行政，推进', '跨过插入处');
    const ending = highlight(oldDoc, '依法行政，', '止于插入处');
    expect(touched(oldDoc, [spanning, ending], 'old', insertion)).toEqual(['跨过插入处']);
  });

  it('is listed in the Markdown export under the change, with its side', () => {
    const oldNote = highlight(oldDoc, '120', '数字有误？');
    const newMark = highlight(newDoc, '150件');
    const notes = comparisonNotes(
      comparison,
      { doc: oldDoc, anchored: anchorAnnotations(oldDoc, [oldNote]) },
      { doc: newDoc, anchored: anchorAnnotations(newDoc, [newMark]) },
    );
    expect([...notes.keys()]).toEqual([figureChange.index]);
    const markdown = comparisonToMarkdown(comparison, 'zh-CN', notes);
    const section = markdown.slice(markdown.indexOf(`### ${figureChange.index + 1}.`));
    const lines = section.split('\n');
    expect(lines).toContain('- 旧版批注：数字有误？（“120”）');
    expect(lines).toContain('- 新版高亮：“150件”');
    expect(comparisonToMarkdown(comparison, 'en', notes)).toContain(
      '- Old edition note: 数字有误？ (on “120”)',
    );
    expect(comparisonToMarkdown(comparison, 'zh-CN')).not.toContain('批注');
  });
});
