// What a print job covers (selection, file name) and how annotations are drawn on it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorAnnotations } from '../../../core/annotations/anchor';
import type { Annotation } from '../../../core/annotations/annotation-model';
import { describeRange } from '../../../core/annotations/describe-selection';
import { documentText } from '../../../core/annotations/document-text';
import { printMarks, textSegments } from '../../../core/print/print-marks';
import { PREAMBLE_ID } from '../../../core/print/print-options';
import {
  printableIds,
  printFileName,
  resolvePrintSelection,
  sectionWithDescendants,
} from '../../../core/print/print-selection';
import { parseReport } from '../../../core/report/parse-report';

const REPORT_ID = 'jiangning-2023-rule-of-law-government-report.txt';
const doc = parseReport(
  readFileSync(new URL(`../../../resources/reports/${REPORT_ID}`, import.meta.url), 'utf8'),
);
const TITLE = '南京市江宁区2023年度法治政府建设工作报告';

describe('print selection', () => {
  it('offers the preamble and every section in document order', () => {
    const ids = printableIds(doc);
    expect(ids[0]).toBe(PREAMBLE_ID);
    expect(ids.slice(1)).toEqual(doc.flatSections.map((s) => s.id));
  });

  it('puts any choice in document order, once, and names what it does not know', () => {
    expect(resolvePrintSelection(doc, ['s3', 's1-1', 'nope', 's3', PREAMBLE_ID])).toEqual({
      ids: [PREAMBLE_ID, 's1-1', 's3'],
      unknown: ['nope'],
    });
  });

  it('a section comes with all its subsections', () => {
    const s13 = doc.flatSections.find((s) => s.id === 's1-3')!;
    expect(sectionWithDescendants(s13)).toEqual([
      's1-3',
      's1-3-1',
      's1-3-2',
      's1-3-3',
      's1-3-4',
      's1-3-5',
      's1-3-6',
    ]);
  });

  it('names the file after the title and the topmost chosen sections', () => {
    expect(printFileName(doc, printableIds(doc))).toBe(`${TITLE}.pdf`);
    expect(printFileName(doc, ['s1-3-4'])).toBe(`${TITLE} 一(三)4.pdf`);
    expect(printFileName(doc, ['s1-3', 's1-3-1', 's2'])).toBe(`${TITLE} 一(三)、二.pdf`);
    expect(printFileName(doc, [PREAMBLE_ID, 's3-2'])).toBe(`${TITLE} 导语、三(二).pdf`);
    const leaves = doc.flatSections.filter((s) => s.level === 3).map((s) => s.id);
    expect(printFileName(doc, leaves)).toMatch(/ 一\(一\)1、一\(一\)2、.+、一\(三\)6\.pdf$/);
    const longTitle = { ...doc, title: `${'长'.repeat(100)}/报告` };
    const cut = printFileName(longTitle, leaves);
    expect(cut).toMatch(/^长{100}报告 一\(一\)1、.*等\.pdf$/);
    expect(cut.length).toBeLessThanOrEqual(125);
  });
});

describe('print marks', () => {
  const text = documentText(doc).text;
  const highlight = (id: string, quote: string, note: string): Annotation => {
    const start = text.indexOf(quote);
    return {
      id,
      reportId: REPORT_ID,
      kind: 'highlight',
      color: 'blue',
      note,
      tags: [],
      target: describeRange(doc, start, start + quote.length),
      created: '2024-03-05T00:00:00.000Z',
      updated: '2024-03-05T00:00:00.000Z',
    };
  };
  const later = highlight('later', '建成207个村(居)公共法律服务室', '后一条');
  const earlier = highlight('earlier', '区政府行政负责人出庭应诉率达100%', '前一条');
  const silent = highlight('silent', '持续优化营商环境', '');
  const anchored = anchorAnnotations(doc, [later, earlier, silent]);

  it('numbers notes in reading order and files them under their sections', () => {
    const marks = printMarks(doc, anchored, printableIds(doc), 'notes');
    expect(marks.notesBySection.get('s1-2-6')?.map((n) => [n.number, n.annotation.id])).toEqual([
      [1, 'earlier'],
    ]);
    expect(marks.notesBySection.get('s1-3-4')?.map((n) => n.number)).toEqual([2]);
    const heading = doc.flatSections.find((s) => s.id === 's1-3-2')!.paragraphs[0]!;
    expect(marks.byParagraph.get(heading.id)?.[0]).toMatchObject({ start: 2, end: 10 });
    expect(marks.byParagraph.get(heading.id)?.[0]?.noteNumber).toBeUndefined();
  });

  it('draws only what is printed; highlights-only has no notes; none has nothing', () => {
    const only = printMarks(doc, anchored, ['s1-3-4'], 'highlights');
    expect([...only.byParagraph.values()].flat().map((m) => m.annotationId)).toEqual(['later']);
    expect(only.notesBySection.size).toBe(0);
    expect(printMarks(doc, anchored, printableIds(doc), 'none').byParagraph.size).toBe(0);
  });

  it('lists what cannot be placed instead of dropping it', () => {
    const lost = highlight('lost', '建成207个村(居)公共法律服务室', '找不到了');
    lost.target = {
      ...lost.target,
      quote: { exact: '这段话在报告里不存在啊', prefix: '', suffix: '' },
    };
    lost.target.position = { start: 0, end: 3 };
    lost.target.start = { paragraphId: 'nope', offset: 0 };
    const marks = printMarks(doc, anchorAnnotations(doc, [lost]), ['s1-3-4'], 'notes');
    expect(marks.orphans.map((a) => a.id)).toEqual(['lost']);
  });

  it('cuts text at highlight boundaries and puts note markers after their ends', () => {
    const segments = textSegments(
      '一二三四五六',
      [
        { annotationId: 'a', color: 'yellow', start: 1, end: 4, noteNumber: 3 },
        { annotationId: 'b', color: 'green', start: 3, end: 5 },
      ],
      0,
      6,
    );
    expect(segments).toEqual([
      { text: '一', colors: [], notesAfter: [] },
      { text: '二三', colors: ['yellow'], notesAfter: [] },
      { text: '四', colors: ['yellow', 'green'], notesAfter: [3] },
      { text: '五', colors: ['green'], notesAfter: [] },
      { text: '六', colors: [], notesAfter: [] },
    ]);
    expect(textSegments('一二三', [], 1, 2)).toEqual([{ text: '二', colors: [], notesAfter: [] }]);
  });
});
