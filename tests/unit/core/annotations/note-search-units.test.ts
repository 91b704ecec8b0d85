import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorAnnotations } from '../../../../core/annotations/anchor';
import { highlightOnQuote } from '../../../fixtures/annotation-on-quote';
import {
  annotationIdOfUnit,
  noteSearchUnits,
} from '../../../../core/annotations/note-search-units';
import { parseReport } from '../../../../core/report/parse-report';
import { createSearchIndex } from '../../../../core/search';

const doc = parseReport(
  readFileSync(
    path.resolve(
      __dirname,
      '../../../../resources/reports/jiangning-2023-rule-of-law-government-report.txt',
    ),
    'utf8',
  ),
);

const annotation = (id: string, quote: string, note: string) =>
  highlightOnQuote(doc, 'r.txt', id, quote, note, '2026-01-01T00:00:00.000Z');

describe('notes in search', () => {
  const annotations = [
    annotation('a', '行政复议能力提升年', '与上年对照：督办事项'),
    annotation('b', '枫桥经验', ''),
  ];
  const units = noteSearchUnits(doc, anchorAnnotations(doc, annotations));

  it('makes a unit of each non-empty note, placed after its paragraph', () => {
    expect(units.map((u) => u.id)).toEqual(['note:a']);
    const [unit] = units;
    expect(unit!.kind).toBe('note');
    expect(unit!.numberPath).toBe('一、(二) 6.');
    expect(annotationIdOfUnit(unit!.id)).toBe('a');
    expect(annotationIdOfUnit('paragraph:s1-p0')).toBeNull();
  });

  it('is found by the same search as the text, in document order after its paragraph', () => {
    const index = createSearchIndex(doc);
    index.addUnits(units);
    const results = index.search('督办', { order: 'document' });
    expect(results.results.map((r) => r.unitId)).toContain('note:a');
    const noteOrder = results.results.find((r) => r.unitId === 'note:a')!.order;
    const paragraph = index.search('行政复议能力提升年').results[0]!;
    expect(noteOrder).toBeGreaterThan(paragraph.order);
    index.removeUnits(['note:a']);
    expect(index.search('督办').results.map((r) => r.unitId)).not.toContain('note:a');
  });
});
