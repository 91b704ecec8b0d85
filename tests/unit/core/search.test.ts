// Search on the bundled report, by example: what a user types and what they must get back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parse-report';
import {
  bruteForceSearch,
  createSearchIndex,
  createSearchIndexFromUnits,
  documentSearchUnits,
  loadSearchIndex,
  metadataUnitId,
  metadataUnitText,
  type SearchIndex,
  type SearchResults,
  type SearchUnit,
} from '../../../core/search';

const report = readFileSync(
  new URL(
    '../../../resources/reports/jiangning-2023-rule-of-law-government-report.txt',
    import.meta.url,
  ),
  'utf8',
);
const doc = parseReport(report);
const index = createSearchIndex(doc);
const units = documentSearchUnits(doc);
const unitText = new Map(units.map((u) => [u.id, u.text]));

/** Independent count: how often `needle` appears in the raw file (no hit spans two lines). */
const rawCount = (needle: string): number => report.split(needle).length - 1;

/** The highlighted original text of every hit, in result order. */
const highlighted = (results: SearchResults): string[] =>
  results.results.flatMap((r) =>
    r.occurrences.map((o) => unitText.get(r.unitId)!.slice(o.start, o.end)),
  );

/** Results without the query echo, to compare two spellings of one query. */
const comparable = (results: SearchResults) => ({ ...results, query: null });

describe('search on the bundled report', () => {
  it('finds every 行政复议, as an independent count of the raw text does', () => {
    const results = index.search('行政复议');
    expect(results.total).toBe(rawCount('行政复议'));
    expect(results.total).toBeGreaterThan(5);
    expect(new Set(highlighted(results))).toEqual(new Set(['行政复议']));
  });

  it('finds a shorter word inside longer ones: 复议', () => {
    expect(index.search('复议').total).toBe(rawCount('复议'));
  });

  it('finds a single character everywhere: 一', () => {
    const results = index.search('一');
    expect(results.total).toBe(rawCount('一'));
    expect(results.units).toBe(units.filter((u) => u.text.includes('一')).length);
  });

  it('finds numbers, whole and partial: 12345, 234, 2023年', () => {
    const hotline = index.search('12345');
    expect(hotline.total).toBe(1);
    expect(hotline.results[0]!.numberPath).toBe('一、(二) 3.');
    expect(highlighted(index.search('234'))).toEqual(['234']);
    expect(index.search('2023年').total).toBe(rawCount('2023年'));
  });

  it('finds terms with punctuation: 12.5%, 3+1张清单, %', () => {
    expect(highlighted(index.search('12.5%'))).toEqual(['12.5%']);
    expect(index.search('3+1张清单').total).toBe(2);
    expect(index.search('%').total).toBe(rawCount('%'));
    expect(index.search('+').total).toBe(rawCount('+'));
  });

  it('treats full and half width alike: （一） = (一), ２０２３ = 2023', () => {
    expect(index.search('(一)').total).toBe(rawCount('(一)'));
    expect(comparable(index.search('（一）'))).toEqual(comparable(index.search('(一)')));
    expect(comparable(index.search('２０２３'))).toEqual(comparable(index.search('2023')));
    // Highlights show the characters as published.
    expect(new Set(highlighted(index.search('２０２３')))).toEqual(new Set(['2023']));
  });

  it('finds a term that crosses from digits into Han: 12345群众', () => {
    const results = index.search('12345群众');
    expect(highlighted(results)).toEqual(['12345群众']);
  });

  it('requires every word in the same paragraph and highlights each word', () => {
    const results = index.search('行政复议 应诉');
    const both = units.filter((u) => u.text.includes('行政复议') && u.text.includes('应诉'));
    expect(results.units).toBe(both.length);
    expect(new Set(results.results.map((r) => r.unitId))).toEqual(new Set(both.map((u) => u.id)));
    const count = (text: string, word: string) => text.split(word).length - 1;
    expect(results.total).toBe(
      both.reduce((sum, u) => sum + count(u.text, '行政复议') + count(u.text, '应诉'), 0),
    );
    expect(new Set(highlighted(results))).toEqual(new Set(['行政复议', '应诉']));
    expect(index.search('行政复议 不存在的词').units).toBe(0);
  });

  it('reads curly and straight quotes as phrase marks', () => {
    expect(comparable(index.search('“行政复议”'))).toEqual(comparable(index.search('行政复议')));
    // The one space in the body, inside a quoted phrase.
    expect(highlighted(index.search('"经验 深化'))).toEqual([]);
    expect(index.search('"枫桥经验" 深化').units).toBe(
      units.filter((u) => u.text.includes('枫桥经验') && u.text.includes('深化')).length,
    );
  });

  it('ranks by relevance with ties in document order, or in document order on request', () => {
    const relevance = index.search('法治');
    const scores = relevance.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    relevance.results.forEach((r, i) => {
      const next = relevance.results[i + 1];
      if (next && next.score === r.score) expect(next.order).toBeGreaterThan(r.order);
    });
    const byDocument = index.search('法治', { order: 'document' });
    const orders = byDocument.results.map((r) => r.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders)).toEqual(new Set(relevance.results.map((r) => r.order)));
  });

  it('limits results but still counts every hit', () => {
    const all = index.search('法治');
    const first = index.search('法治', { limit: 3 });
    expect(first.results).toEqual(all.results.slice(0, 3));
    expect([first.total, first.units]).toEqual([all.total, all.units]);
  });

  it('searches metadata labels and values: 江宁区司法局 is the 发布机构 field', () => {
    const field = doc.metadata.findIndex((f) => f.label === '发布机构');
    const results = index.search('江宁区司法局');
    expect(results.results.map((r) => [r.unitId, r.kind])).toEqual([
      [metadataUnitId(field), 'metadata'],
    ]);
    const text = metadataUnitText(doc.metadata[field]!);
    const hit = results.results[0]!.occurrences[0]!;
    expect(hit.start).toBe('发布机构'.length + 1);
    expect(text.slice(hit.start, hit.end)).toBe('江宁区司法局');
    expect(index.search('发布机构').results[0]!.unitId).toBe(metadataUnitId(field));
    expect(index.search('索引号').units).toBe(1);
  });

  it('gives a snippet around the first hit and one per hit, as published', () => {
    const results = index.search('行政复议');
    for (const result of results.results) {
      expect(result.snippet.match).toBe('行政复议');
      const text = unitText.get(result.unitId)!;
      expect(text).toContain(result.snippet.before.replace(/^…/, '') + '行政复议');
      const snippets = index.snippets(result);
      expect(snippets).toHaveLength(result.occurrences.length);
      expect(snippets[0]).toEqual(result.snippet);
    }
  });

  it('reports the section of each hit', () => {
    const result = index.search('12.5%').results[0]!;
    expect(result).toMatchObject({
      kind: 'heading',
      paragraphId: 's1-2-6-p0',
      sectionId: 's1-2-6',
      numberPath: '一、(二) 6.',
    });
    expect(index.search('南京市江宁区2023年度').results.map((r) => r.unitId)).toContain(
      'paragraph:title',
    );
  });

  it('returns nothing, without error, for empty, blank, absent or huge queries', () => {
    for (const query of ['', '   ', '\u3000', '""', '量子纠缠', 'zzz']) {
      expect(index.search(query)).toMatchObject({ total: 0, units: 0, results: [] });
    }
    expect(index.search('行'.repeat(10_000)).total).toBe(0);
    expect(index.search('行政 '.repeat(5_000)).units).toBe(index.search('行政').units);
    expect(index.search('"' + '法治 '.repeat(3_000)).total).toBe(0);
  });

  it('agrees with the brute-force oracle on the examples', () => {
    for (const query of [
      '行政复议',
      '一',
      '12345',
      '2023年',
      '12.5%',
      '3+1张清单',
      '（一）',
      '行政复议 应诉',
      ',',
    ]) {
      const hits = index
        .search(query, { order: 'document' })
        .results.flatMap((r) => r.occurrences.map((o) => ({ unitId: r.unitId, ...o })));
      expect(hits).toEqual(bruteForceSearch(units, query));
    }
  });
});

describe('ranking', () => {
  const unit = (id: string, text: string, headingLength: number, order: number): SearchUnit => ({
    id,
    kind: headingLength > 0 ? 'heading' : 'paragraph',
    text,
    order,
    paragraphId: id,
    sectionId: null,
    numberPath: null,
    headingLength,
  });

  it('ranks a heading hit above a body hit with the same count and length', () => {
    const small = createSearchIndexFromUnits([
      unit('body', '推进绿色发展各项工作', 0, 0),
      unit('heading', '推进绿色发展各项工作', 10, 1),
      unit('other', '其他内容其他内容其他', 0, 2),
    ]);
    expect(small.search('绿色').results.map((r) => r.unitId)).toEqual(['heading', 'body']);
  });

  it('ranks a hit in a run-in heading part above one in its body part', () => {
    const small = createSearchIndexFromUnits([
      unit('in-body', '1.推进工作。绿色发展', 6, 0),
      unit('in-heading', '1.绿色发展。推进工作', 6, 1),
    ]);
    expect(small.search('绿色').results.map((r) => r.unitId)).toEqual(['in-heading', 'in-body']);
  });

  it('ranks one hit in a heading above one hit in body text in the bundled report', () => {
    // 营商环境 is in the headings 2.持续优化营商环境 and (三)在优化法治化营商环境上谋求突破, and
    // once in the body of 一、(三) 1.
    const results = index.search('营商环境').results;
    expect(results.map((r) => [r.paragraphId, r.occurrences.length])).toEqual([
      ['s1-3-2-p0', 1],
      ['s3-3-p0', 1],
      ['s1-3-1-p0', 1],
    ]);
  });

  it('ranks more hits higher', () => {
    const small = createSearchIndexFromUnits([
      unit('one', '法治一二三四五六七八', 0, 0),
      unit('two', '法治一二三四五六法治', 0, 1),
    ]);
    expect(small.search('法治').results.map((r) => r.unitId)).toEqual(['two', 'one']);
  });
});

describe('text with full-width and expanding characters', () => {
  const source = [
    '发布机构:    ＡＢＣ司法局',
    '',
    '测试报告',
    '',
    '一、总体情况',
    '',
    '（一）２０２３年直接纠错率１２.５％,完成①项,㍻元年,Rule of Law 法治。',
    '',
    '（二）依法行政,“rule” of law。',
  ].join('\n');
  const wide = parseReport(source);
  const wideIndex = createSearchIndex(wide);
  const texts = new Map(documentSearchUnits(wide).map((u) => [u.id, u.text]));
  const marks = (query: string): string[] =>
    wideIndex
      .search(query, { order: 'document' })
      .results.flatMap((r) => r.occurrences.map((o) => texts.get(r.unitId)!.slice(o.start, o.end)));

  it('highlights the published characters when the query is half width', () => {
    expect(marks('(一)2023年')).toEqual(['（一）２０２３年']);
    expect(marks('12.5%')).toEqual(['１２.５％']);
    expect(marks('abc司法局')).toEqual(['ＡＢＣ司法局']);
    const snippet = wideIndex.search('12.5%').results[0]!.snippet;
    expect(snippet.match).toBe('１２.５％');
    expect(snippet.before).toContain('直接纠错率');
  });

  it('maps hits inside expanded characters back to the whole character', () => {
    expect(marks('完成1项')).toEqual(['完成①项']);
    expect(marks('平成')).toEqual(['㍻']);
    expect(marks('成元年')).toEqual(['㍻元年']);
  });

  it('matches Latin case-insensitively and keeps quoted phrases with spaces together', () => {
    expect(marks('RULE')).toEqual(['Rule', 'rule']);
    expect(marks('"rule of law"')).toEqual(['Rule of Law']);
    expect(marks('rule of law').length).toBe(6);
    expect(marks('rule 法治')).toEqual(['Rule', '法治']);
  });
});

describe('index lifecycle', () => {
  const note = (id: string, text: string): SearchUnit => ({
    id: `note:${id}`,
    kind: 'note',
    text,
    order: 100.5,
    paragraphId: 's1-2-6-p0',
    sectionId: 's1-2-6',
    numberPath: '一、(二) 6.',
    headingLength: 0,
  });
  const ids = (i: SearchIndex, q: string) => i.search(q).results.map((r) => r.unitId);

  it('adds and removes note units without rebuilding', () => {
    const notes = createSearchIndex(doc);
    const before = notes.search('行政复议').total;
    notes.addUnits([note('a', '复查行政复议案件的数量'), note('b', '量子')]);
    expect(ids(notes, '量子')).toEqual(['note:b']);
    expect(notes.search('行政复议').total).toBe(before + 1);
    expect(notes.search('行政复议').results.find((r) => r.unitId === 'note:a')?.kind).toBe('note');
    expect(() => notes.addUnits([note('a', 'again')])).toThrow(/already indexed/);
    notes.removeUnits(['note:b', 'note:missing']);
    expect(ids(notes, '量子')).toEqual([]);
    expect(notes.unitCount).toBe(units.length + 1);
    notes.addUnits([note('b', '量子计算')]);
    expect(ids(notes, '量子')).toEqual(['note:b']);
  });

  it('round-trips through JSON, notes included', () => {
    const original = createSearchIndex(doc);
    original.addUnits([note('a', '量子')]);
    original.removeUnits(['paragraph:s2-p1']);
    const loaded = loadSearchIndex(JSON.stringify(original), doc);
    for (const query of ['行政复议', '一', '量子', '不足', '2023年 法治']) {
      expect(loaded.search(query)).toEqual(original.search(query));
    }
    expect(loaded.toJSON().storedUnits.map((u) => u.id)).toEqual(['note:a']);
    const { miniSearch: _a, ...loadedRest } = loaded.toJSON();
    const { miniSearch: _b, ...originalRest } = original.toJSON();
    expect(loadedRest).toEqual(originalRest);
  });

  it('refuses an index built from another text', () => {
    const json = JSON.stringify(createSearchIndex(doc));
    const edited = parseReport(report.replace('12345群众', '12346群众'));
    expect(() => loadSearchIndex(json, edited)).toThrow(/other texts/);
    expect(() => loadSearchIndex(json, null)).toThrow(/lacks/);
    expect(() => loadSearchIndex({ ...JSON.parse(json), format: 0 }, doc)).toThrow(/format/);
  });
});
