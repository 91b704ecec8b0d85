import { describe, expect, it } from 'vitest';
import { mergeAnnotations, NOT_NEWER_REASON } from '../../../../core/annotations/merge-annotations';
import { annotation, original, targetOf } from './annotation-fixtures';

const target = targetOf(original, '法治政府');
const at = (id: string, updated: string, note = '') => annotation(id, target, { updated, note });

describe('mergeAnnotations', () => {
  const a = at('a', '2024-03-05T10:00:00+08:00', '本机 a');
  const b = at('b', '2024-03-05T10:00:00+08:00', '本机 b');

  it('adds unknown ids after the existing ones', () => {
    const c = at('c', '2024-01-01T00:00:00Z');
    expect(mergeAnnotations([a, b], [c])).toEqual({
      merged: [a, b, c],
      added: ['c'],
      updated: [],
      skipped: [],
    });
  });

  it('replaces an annotation in place with a newer edit (times compared, not strings)', () => {
    // 03:00Z is 11:00 in +08:00: one hour after a's update, though the string sorts lower.
    const newer = at('a', '2024-03-05T03:00:00Z', '导入 a');
    const result = mergeAnnotations([a, b], [newer]);
    expect(result.merged).toEqual([newer, b]);
    expect(result.updated).toEqual(['a']);
  });

  it('keeps the local one when the import is the same or older, saying why', () => {
    const same = at('a', '2024-03-05T02:00:00Z', '导入 a');
    const older = at('b', '2024-03-04T10:00:00+08:00', '导入 b');
    expect(mergeAnnotations([a, b], [same, older])).toEqual({
      merged: [a, b],
      added: [],
      updated: [],
      skipped: [
        { id: 'a', reason: NOT_NEWER_REASON },
        { id: 'b', reason: NOT_NEWER_REASON },
      ],
    });
    expect(NOT_NEWER_REASON).toBe('本机已有相同或更新的版本');
  });

  it('is idempotent: importing the same file twice changes nothing the second time', () => {
    const incoming = [at('a', '2024-03-06T00:00:00Z'), at('d', '2024-03-06T00:00:00Z')];
    const once = mergeAnnotations([a, b], incoming);
    const twice = mergeAnnotations(once.merged, incoming);
    expect(twice.merged).toEqual(once.merged);
    expect(twice.added).toEqual([]);
    expect(twice.updated).toEqual([]);
    expect(twice.skipped.map((s) => s.id)).toEqual(['a', 'd']);
  });

  it('handles an id twice in one import: the newest wins, reported once', () => {
    const first = at('e', '2024-03-06T00:00:00Z', '第一版');
    const second = at('e', '2024-03-07T00:00:00Z', '第二版');
    const stale = at('e', '2024-03-01T00:00:00Z', '旧版');
    const result = mergeAnnotations([], [first, second, stale]);
    expect(result.merged).toEqual([second]);
    expect(result.added).toEqual(['e']);
    expect(result.updated).toEqual([]);
    expect(result.skipped).toEqual([{ id: 'e', reason: NOT_NEWER_REASON }]);
  });

  it('does not change its inputs', () => {
    const existing = [a, b];
    mergeAnnotations(existing, [at('a', '2030-01-01T00:00:00Z')]);
    expect(existing).toEqual([a, b]);
  });
});
