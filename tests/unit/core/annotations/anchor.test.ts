import { describe, expect, it } from 'vitest';
import { anchorAnnotations, type AnchorResult } from '../../../../core/annotations/anchor';
import type { Annotation } from '../../../../core/annotations/annotation-model';
import { describeRange, describeSection } from '../../../../core/annotations/describe-selection';
import { documentText, toDocumentOffset } from '../../../../core/annotations/document-text';
import { MAX_ERROR_RATE } from '../../../../core/annotations/match-quote';
import type { ReportDocument } from '../../../../core/report/report-model';
import { normalizeForSearch } from '../../../../core/search/normalize-for-search';
import { annotation, editDistance, original, revised, targetOf } from './annotation-fixtures';

const originalText = documentText(original);
const revisedText = documentText(revised);

/** Passages whose fate in the revised edition is known, by what happened to them. */
const named: Record<string, Annotation> = {
  untouched: annotation('untouched', targetOf(original, '建成207个村(居)公共法律服务室')),
  title: annotation('title', targetOf(original, '2023年度法治政府建设工作报告')),
  acrossUntouched: annotation(
    'acrossUntouched',
    targetOf(original, '获批国家知识产权服务业高质量集聚发展试验区。\n4.优化公共法律服务。'),
  ),
  sentenceInsertedBefore: annotation(
    'sentenceInsertedBefore',
    targetOf(original, '开展“行政复议能力提升年”活动'),
  ),
  numbersChanged: annotation(
    'numbersChanged',
    targetOf(original, '共受理行政复议案件419件,办结377件'),
  ),
  sentenceInsertedInside: annotation(
    'sentenceInsertedInside',
    targetOf(
      original,
      '建立12345群众诉求集中快处中心,深入实施政务热线“诉来速办、未诉先办”工作机制',
    ),
  ),
  reworded: annotation(
    'reworded',
    targetOf(original, '着力打造大调解格局,推动矛盾纠纷多元化解平台建设,建立全省首家人民调解学院'),
  ),
  fullWidthCommas: annotation(
    'fullWidthCommas',
    targetOf(
      original,
      '2023年,全区上下坚持以习近平新时代中国特色社会主义思想和习近平法治思想为指引,',
    ),
  ),
  paragraphRenumbered: annotation(
    'paragraphRenumbered',
    targetOf(original, '2024年,全区将继续深入贯彻省、市相关会议精神和要求'),
  ),
  deleted: annotation(
    'deleted',
    targetOf(original, '以“八五”普法中期评估验收为契机,深化普法依法治理工作,建成宪法广场'),
  ),
  deletedShort: annotation('deletedShort', targetOf(original, '建成宪法广场')),
  paragraphInsertedInside: annotation(
    'paragraphInsertedInside',
    targetOf(original, '主要安排\n2024年,全区将继续'),
  ),
};

function bookmark(id: string, sectionId: string): Annotation {
  const target = describeSection(original, sectionId);
  if (!target.ok) throw new Error(target.error.message);
  return annotation(id, target.value, { kind: 'bookmark' });
}

const bookmarks = [
  bookmark('bookmarkUntouched', 's1-2-6'),
  bookmark('bookmarkFullWidth', 's1-1'),
  bookmark('bookmarkDeleted', 's1-3-5'),
];

/** One passage of varying length in every paragraph, and every second paragraph whole. */
const generated = original.paragraphs.flatMap((paragraph, index) => {
  const start = originalText.starts[index]!;
  const length = 3 + ((index * 7) % 40);
  const from = start + Math.min(5, paragraph.text.length - 1);
  const passages = [
    annotation(
      `passage-${paragraph.id}`,
      describeRange(original, from, Math.min(start + paragraph.text.length, from + length)),
    ),
  ];
  if (index % 2 === 0) {
    passages.push(
      annotation(
        `paragraph-${paragraph.id}`,
        describeRange(original, start, start + paragraph.text.length),
      ),
    );
  }
  return passages;
});

const annotations = [...Object.values(named), ...bookmarks, ...generated];

function resultById(results: readonly AnchorResult[], id: string): AnchorResult {
  const result = results.find((candidate) => candidate.annotation.id === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
}

function anchoredText(doc: ReportDocument, result: AnchorResult): string | undefined {
  return (
    result.position && documentText(doc).text.slice(result.position.start, result.position.end)
  );
}

describe('anchorAnnotations on the edition the annotations were made on', () => {
  it('places every annotation at its stored points', () => {
    const results = anchorAnnotations(original, annotations);
    for (const [index, result] of results.entries()) {
      const { target } = annotations[index]!;
      expect(result).toMatchObject({
        status: 'exact-position',
        start: target.start,
        end: target.end,
        position: target.position,
        errors: 0,
      });
    }
  });
});

describe('anchorAnnotations on a revised edition', () => {
  const results = anchorAnnotations(revised, annotations);

  it(`keeps all ${annotations.length} annotations, in order`, () => {
    expect(annotations.length).toBeGreaterThanOrEqual(50);
    expect(results.map((result) => result.annotation)).toEqual(annotations);
  });

  it('lands each one on its quote, on text close to it (fuzzy), or leaves it an orphan', () => {
    for (const result of results) {
      const { exact } = result.annotation.target.quote;
      if (result.status === 'orphan') {
        expect(result.position).toBeUndefined();
        continue;
      }
      // Points and position agree.
      expect(toDocumentOffset(revisedText, result.start)).toBe(result.position.start);
      expect(toDocumentOffset(revisedText, result.end)).toBe(result.position.end);
      const found = anchoredText(revised, result)!;
      if (result.status === 'fuzzy') {
        const quote = normalizeForSearch(exact).text;
        const distance = editDistance(normalizeForSearch(found).text, quote);
        expect(distance).toBe(result.errors);
        expect(distance).toBeLessThanOrEqual(
          Math.max(1, Math.floor(quote.length * MAX_ERROR_RATE)),
        );
      } else {
        expect(found).toBe(exact);
      }
    }
  });

  it('finds every quote that is still in the text verbatim', () => {
    for (const result of results) {
      if (revisedText.text.includes(result.annotation.target.quote.exact)) {
        expect(['exact-position', 'quote']).toContain(result.status);
      }
    }
  });

  it('places annotations in untouched paragraphs exactly where they were', () => {
    const unchanged = (id: string) =>
      original.paragraphs.find((p) => p.id === id)?.text ===
      revised.paragraphs.find((p) => p.id === id)?.text;
    const untouched = results.filter(
      (result) =>
        unchanged(result.annotation.target.start.paragraphId) &&
        unchanged(result.annotation.target.end.paragraphId),
    );
    expect(untouched.length).toBeGreaterThan(20);
    for (const result of untouched) {
      expect(result).toMatchObject({
        status: 'exact-position',
        start: result.annotation.target.start,
        end: result.annotation.target.end,
      });
    }
  });

  it('handles each kind of edit as expected', () => {
    const status = (id: string) => resultById(results, id).status;
    const text = (id: string) => anchoredText(revised, resultById(results, id));

    expect(status('untouched')).toBe('exact-position');
    expect(status('title')).toBe('exact-position');
    expect(status('acrossUntouched')).toBe('exact-position');
    expect(status('bookmarkUntouched')).toBe('exact-position');
    // The paragraph is there but the passage moved within it / the paragraph was renumbered.
    expect(status('sentenceInsertedBefore')).toBe('quote');
    expect(status('paragraphRenumbered')).toBe('quote');
    expect(resultById(results, 'paragraphRenumbered').start?.paragraphId).toBe('s3-p2');

    expect(status('numbersChanged')).toBe('fuzzy');
    expect(text('numbersChanged')).toBe('共受理行政复议案件420件,办结378件');
    expect(status('sentenceInsertedInside')).toBe('fuzzy');
    expect(text('sentenceInsertedInside')).toContain('实行首问负责');
    expect(status('reworded')).toBe('fuzzy');
    expect(text('reworded')).toContain('大调解工作格局');
    // Only the width of the commas changed: a fuzzy match without a single error.
    expect(resultById(results, 'fullWidthCommas')).toMatchObject({ status: 'fuzzy', errors: 0 });
    expect(text('fullWidthCommas')).toContain('2023年，全区上下');
    expect(resultById(results, 'bookmarkFullWidth')).toMatchObject({ status: 'fuzzy', errors: 0 });
    expect(text('bookmarkFullWidth')?.startsWith('（一）')).toBe(true);

    expect(status('deleted')).toBe('orphan');
    expect(status('deletedShort')).toBe('orphan');
    expect(status('bookmarkDeleted')).toBe('orphan');
    // A new paragraph inside the passage: only its unchanged end is found again.
    expect(status('paragraphInsertedInside')).toBe('fuzzy');
    expect(text('paragraphInsertedInside')?.endsWith('\n2024年,全区将继续')).toBe(true);
  });

  it('exercises every way of anchoring', () => {
    const statuses = new Set(results.map((result) => result.status));
    expect([...statuses].sort()).toEqual(['exact-position', 'fuzzy', 'orphan', 'quote']);
  });
});

describe('choosing among several occurrences', () => {
  const phrase = '习近平法治思想';
  const occurrences = documentText(original).text.split(phrase).length - 1;

  it('picks the occurrence whose surroundings match, wherever the position now points', () => {
    expect(occurrences).toBeGreaterThan(5);
    for (let n = 0; n < occurrences; n += 1) {
      const target = targetOf(original, phrase, n);
      const moved = annotation(`occurrence-${n}`, {
        ...target,
        start: { paragraphId: 'gone', offset: 0 },
        end: { paragraphId: 'gone', offset: 1 },
        position: { start: 0, end: 1 },
      });
      const [result] = anchorAnnotations(original, [moved]);
      expect(result).toMatchObject({ status: 'quote', position: target.position });
    }
  });

  it('breaks a tie of equal surroundings by nearness to the old place', () => {
    const target = targetOf(original, phrase, 3);
    const noContext = annotation('no-context', {
      ...target,
      start: { paragraphId: 'gone', offset: 0 },
      end: { paragraphId: 'gone', offset: 1 },
      position: { start: target.position.start + 3, end: target.position.end + 3 },
      quote: { exact: phrase, prefix: '', suffix: '' },
    });
    const [result] = anchorAnnotations(original, [noContext]);
    expect(result?.position).toEqual(target.position);
  });
});

describe('fuzzy limits', () => {
  const moved = (exact: string, prefix = '', suffix = '') =>
    annotation('fuzzy', {
      sectionId: null,
      start: { paragraphId: 'gone', offset: 0 },
      end: { paragraphId: 'gone', offset: 1 },
      position: { start: 0, end: exact.length },
      quote: { exact, prefix, suffix },
    });

  it('never matches quotes under 4 characters approximately', () => {
    expect(anchorAnnotations(original, [moved('法治x')])[0]?.status).toBe('orphan');
  });

  it('needs matching surroundings for a short quote with errors', () => {
    // One error in 8 characters, and nothing around it agrees.
    const unrelated = moved(
      '法治政府建设工X',
      '与此无关的前文与此无关的前文',
      '与此无关的后文与此无关的后文',
    );
    expect(anchorAnnotations(original, [unrelated])[0]?.status).toBe('orphan');
    const target = targetOf(original, '法治政府建设工作报告');
    const withContext = moved('法治政府建设工X报告', target.quote.prefix, target.quote.suffix);
    expect(anchorAnnotations(original, [withContext])[0]).toMatchObject({
      status: 'fuzzy',
      errors: 1,
      position: target.position,
    });
  });

  it('refuses a match with more than a quarter of the characters changed', () => {
    const target = targetOf(original, '深入推进法治政府建设,完善政府治理体系');
    const { exact, prefix, suffix } = target.quote;
    const changed = (count: number) =>
      moved(`${'某'.repeat(count)}${exact.slice(count)}`, prefix, suffix);
    expect(anchorAnnotations(original, [changed(4)])[0]?.status).toBe('fuzzy');
    expect(anchorAnnotations(original, [changed(8)])[0]?.status).toBe('orphan');
  });

  it('finds a long quote with edits scattered through it', () => {
    const start = originalText.starts[originalText.indexById.get('s1-3-4-p0')!]!;
    const target = describeRange(original, start, start + 1500);
    const exact = target.quote.exact
      .split('')
      .map((char, index) => (index % 50 === 25 ? '某' : char))
      .join('');
    const [result] = anchorAnnotations(original, [
      moved(exact, target.quote.prefix, target.quote.suffix),
    ]);
    expect(result).toMatchObject({ status: 'fuzzy', errors: 30, position: target.position });
  });
});
