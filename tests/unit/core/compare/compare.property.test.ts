import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, compareReports, rowSegments } from '../../../../core/compare';
import { parseReport } from '../../../../core/report/parse-report';

const RUNS = 300;

/** Line starts: heading markers of every level (so sections nest, move and vanish) or body text. */
const STARTS = [
  '',
  '',
  '',
  '一、',
  '二、',
  '三、',
  '（一）',
  '（二）',
  '(三)',
  '1.',
  '2.',
  '3．',
  '(1)',
];
/** Words with figures, dates and punctuation, from a small pool so editions share text. */
const WORDS = [
  '法治',
  '政府',
  '建设',
  '受理案件',
  '419件',
  '办结377件',
  '12.5%',
  '约633万人次',
  '三十五个',
  '2023年',
  '同比增长5.2%',
  '，',
  '。',
  '、',
  '“',
  '”',
  'x',
  '7',
];

const line = fc
  .tuple(
    fc.constantFrom(...STARTS),
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }),
  )
  .map(([start, words]) => start + words.join(''));
const lines = fc.array(line, { maxLength: 25 });

type Edit =
  | { op: 'delete'; at: number }
  | { op: 'insert'; at: number; line: string }
  | { op: 'edit'; at: number; pos: number; cut: number; text: string }
  | { op: 'move'; from: number; count: number; to: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), line }),
  fc.record({
    op: fc.constant('edit' as const),
    at: fc.nat(),
    pos: fc.nat(),
    cut: fc.nat({ max: 4 }),
    text: fc.constantFrom(...WORDS, ''),
  }),
  fc.record({
    op: fc.constant('move' as const),
    from: fc.nat(),
    count: fc.integer({ min: 1, max: 4 }),
    to: fc.nat(),
  }),
);

function applyEdits(source: readonly string[], edits: readonly Edit[]): string[] {
  const result = source.slice();
  for (const e of edits) {
    const n = result.length;
    if (e.op === 'insert') result.splice(e.at % (n + 1), 0, e.line);
    else if (n === 0) continue;
    else if (e.op === 'delete') result.splice(e.at % n, 1);
    else if (e.op === 'edit') {
      const text = result[e.at % n]!;
      const pos = e.pos % (text.length + 1);
      result[e.at % n] = text.slice(0, pos) + e.text + text.slice(pos + e.cut);
    } else {
      const moved = result.splice(e.from % n, e.count);
      result.splice(e.to % (result.length + 1), 0, ...moved);
    }
  }
  return result;
}

const report = (body: readonly string[]) => parseReport(['测试报告', ...body].join('\n'));
const texts = (doc: ReturnType<typeof parseReport>) => doc.paragraphs.map((p) => p.text);

describe('compareReports (property)', () => {
  it('finds no change between a report and itself', () => {
    fc.assert(
      fc.property(lines, (body) => {
        const comparison = compareReports(report(body), report(body));
        expect(comparison.changes).toEqual([]);
        expect(comparison.figureChanges).toEqual([]);
        expect(comparison.sections.every((s) => s.kind === 'matched')).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('turns the old text into the new text when the changes are applied (edited editions)', () => {
    fc.assert(
      fc.property(lines, fc.array(edit, { maxLength: 8 }), (body, edits) => {
        const oldDoc = report(body);
        const newDoc = report(applyEdits(body, edits));
        expect(applyChanges(oldDoc, compareReports(oldDoc, newDoc))).toEqual(texts(newDoc));
      }),
      { numRuns: RUNS },
    );
  });

  it('turns the old text into the new text when the changes are applied (unrelated reports)', () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const oldDoc = report(a);
        const newDoc = report(b);
        expect(applyChanges(oldDoc, compareReports(oldDoc, newDoc))).toEqual(texts(newDoc));
      }),
      { numRuns: RUNS },
    );
  });

  it('lists every paragraph of both editions once, in the new order, with true ranges', () => {
    fc.assert(
      fc.property(lines, fc.array(edit, { maxLength: 8 }), (body, edits) => {
        const oldDoc = report(body);
        const newDoc = report(applyEdits(body, edits));
        const comparison = compareReports(oldDoc, newDoc);
        const rowsNew = comparison.rows.flatMap((r) =>
          r.newParagraphId ? [r.newParagraphId] : [],
        );
        const rowsOld = comparison.rows.flatMap((r) =>
          r.oldParagraphId ? [r.oldParagraphId] : [],
        );
        expect(rowsNew).toEqual(newDoc.paragraphs.map((p) => p.id));
        expect(rowsOld.slice().sort()).toEqual(oldDoc.paragraphs.map((p) => p.id).sort());
        const oldText = new Map(oldDoc.paragraphs.map((p) => [p.id, p.text]));
        const newText = new Map(newDoc.paragraphs.map((p) => [p.id, p.text]));
        for (const change of comparison.changes) {
          if (change.oldRange) {
            const { start, end } = change.oldRange;
            expect(oldText.get(change.oldParagraphIds[0]!)!.slice(start, end)).toBe(change.oldText);
          }
          if (change.newRange) {
            const { start, end } = change.newRange;
            expect(newText.get(change.newParagraphIds[0]!)!.slice(start, end)).toBe(change.newText);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('shows each row inline as segments that rebuild both sides', () => {
    fc.assert(
      fc.property(lines, fc.array(edit, { maxLength: 8 }), (body, edits) => {
        const oldDoc = report(body);
        const newDoc = report(applyEdits(body, edits));
        const comparison = compareReports(oldDoc, newDoc);
        const oldText = new Map(oldDoc.paragraphs.map((p) => [p.id, p.text]));
        const newText = new Map(newDoc.paragraphs.map((p) => [p.id, p.text]));
        for (const row of comparison.rows) {
          const before = row.oldParagraphId === null ? null : oldText.get(row.oldParagraphId)!;
          const after = row.newParagraphId === null ? null : newText.get(row.newParagraphId)!;
          const segments = rowSegments(comparison, row, before, after);
          const side = (skip: string) =>
            segments
              .filter((s) => s.kind !== skip)
              .map((s) => s.text)
              .join('');
          expect(side('added')).toBe(before ?? '');
          expect(side('removed')).toBe(after ?? '');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reports progress up to the total', () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const calls: [number, number][] = [];
        compareReports(report(a), report(b), {
          onProgress: (done, total) => calls.push([done, total]),
        });
        const [done, total] = calls.at(-1)!;
        expect(done).toBe(total);
        expect(calls.every(([d, t], i) => d <= t && (i === 0 || d >= calls[i - 1]![0]))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
