import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NOTE_MAX_LENGTH, type Annotation } from '../../../../core/annotations/annotation-model';
import { describeSection } from '../../../../core/annotations/describe-selection';
import {
  ANNO_CONTEXT,
  MAX_IMPORT_LENGTH,
  parseAnnotationCollection,
  reportSource,
  toAnnotationCollection,
  type ParsedAnnotations,
} from '../../../../core/annotations/web-annotation';
import { annotation, original, originalSource, REPORT_ID, targetOf } from './annotation-fixtures';

const sectionTarget = describeSection(original, 's1-2-6');
if (!sectionTarget.ok) throw new Error('no section');

const annotations: Annotation[] = [
  annotation('0b8f3c1e-4a9d-4c1a-9a53-2f1f5b0e7d11', targetOf(original, '出庭应诉率达100%'), {
    note: '<script>alert("x")</script>\n<b>粗体</b> & "引号"',
    tags: ['复议', '应诉 率'],
    color: 'pink',
    updated: '2024-03-06T10:00:00.000Z',
  }),
  annotation('multi-line', targetOf(original, '完善政府治理体系\n1.坚持党的领导'), {
    note: '第一行\n\n第三行\r\n# 不是标题\n> 不是引用',
    color: 'green',
  }),
  annotation('emoji', targetOf(original, '南京市江宁区'), { note: '👍🏽 好 🇨🇳', tags: ['👀'] }),
  annotation('long-note', targetOf(original, '建成207个村(居)公共法律服务室'), {
    note: '长'.repeat(NOTE_MAX_LENGTH),
    color: 'purple',
  }),
  annotation('plain', targetOf(original, '江宁路径”。'), { color: 'blue' }),
  annotation('bookmark', sectionTarget.value, { kind: 'bookmark', note: '回头再读' }),
];

function parsed(
  json: string,
  reportId = REPORT_ID,
  text: string | undefined = originalSource,
): ParsedAnnotations {
  const result = parseAnnotationCollection(json, reportId, text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const report = { id: REPORT_ID, text: originalSource };
const GENERATOR = { name: '法治报告阅读器', version: '9.9.9' };

const exported = () =>
  toAnnotationCollection(report, annotations, {
    now: new Date('2024-03-07T00:00Z'),
    generator: GENERATOR,
  });
/** The page's items (the export has a page whenever it has annotations). */
const itemsOf = (collection: ReturnType<typeof exported>) => collection.first?.items ?? [];

describe('toAnnotationCollection', () => {
  const collection = exported();

  it('is a W3C AnnotationCollection with one embedded page, both with urn:uuid ids', () => {
    const id = expect.stringMatching(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(collection).toMatchObject({
      '@context': ANNO_CONTEXT,
      id,
      type: 'AnnotationCollection',
      label: '《南京市江宁区2023年度法治政府建设工作报告》批注',
      total: annotations.length,
      generated: '2024-03-07T00:00:00.000Z',
      first: { id, type: 'AnnotationPage', partOf: collection.id, startIndex: 0 },
      last: collection.first?.id,
    });
    expect(collection.first?.id).not.toBe(collection.id);
    expect(itemsOf(collection)).toHaveLength(annotations.length);
  });

  it('has no page at all when there are no annotations (§5.2)', () => {
    const empty = toAnnotationCollection(report, [], { now: new Date('2024-03-07T00:00Z') });
    expect(empty).toMatchObject({ type: 'AnnotationCollection', total: 0 });
    expect(empty).not.toHaveProperty('first');
    expect(empty).not.toHaveProperty('last');
    expect(empty.id).toMatch(/^urn:uuid:/);
    expect(parsed(JSON.stringify(empty))).toEqual({ annotations: [], skipped: [] });
  });

  it('maps an annotation to the model, with our fields under report-viewer:', () => {
    const [first, , third, , plain, bookmark] = itemsOf(collection);
    const source = annotations[0]!;
    const points = [...originalSource];
    expect(first).toEqual({
      id: `urn:uuid:${source.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: source.created,
      modified: source.updated,
      generator: { type: 'Software', name: '法治报告阅读器', 'report-viewer:version': '9.9.9' },
      body: [
        {
          type: 'TextualBody',
          purpose: 'commenting',
          value: source.note,
          format: 'text/plain',
          language: 'zh',
        },
        { type: 'TextualBody', purpose: 'tagging', value: '复议', language: 'zh' },
        { type: 'TextualBody', purpose: 'tagging', value: '应诉 率', language: 'zh' },
      ],
      target: {
        type: 'SpecificResource',
        source: {
          id: `urn:report:${REPORT_ID}`,
          type: 'Text',
          format: 'text/plain',
          'report-viewer:sha256': createHash('sha256').update(originalSource).digest('hex'),
          'report-viewer:length': points.length,
        },
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: '出庭应诉率达100%',
            prefix: expect.any(String),
            suffix: expect.any(String),
          },
          { type: 'TextPositionSelector', start: expect.any(Number), end: expect.any(Number) },
        ],
        'report-viewer:sectionId': 's1-2-6',
        'report-viewer:start': {
          'report-viewer:paragraphId': source.target.start.paragraphId,
          'report-viewer:offset': source.target.start.offset,
        },
        'report-viewer:end': {
          'report-viewer:paragraphId': source.target.end.paragraphId,
          'report-viewer:offset': source.target.end.offset,
        },
      },
      'report-viewer:color': 'pink',
    });
    // Positions and context count in code points of the served text, header included.
    const [quote, position] = first!.target.selector;
    const { start, end } = position as { start: number; end: number };
    expect(points.slice(start, end).join('')).toBe(quote.exact);
    expect(points.slice(start - quote.prefix.length, start).join('')).toBe(quote.prefix);
    expect([...quote.prefix]).toHaveLength(32);
    expect(start).toBeGreaterThan(source.target.position.start);
    expect(plain).toMatchObject({ motivation: 'highlighting' });
    expect(plain).not.toHaveProperty('body');
    expect(bookmark).toMatchObject({ motivation: 'bookmarking' });
    // The title has no section.
    expect(third!.target).not.toHaveProperty('report-viewer:sectionId');
  });

  it('labels a note or tag with its language only when its text shows it', () => {
    const [, , emoji] = itemsOf(collection);
    expect(emoji!.body).toEqual([
      {
        type: 'TextualBody',
        purpose: 'commenting',
        value: '👍🏽 好 🇨🇳',
        format: 'text/plain',
        language: 'zh',
      },
      { type: 'TextualBody', purpose: 'tagging', value: '👀' },
    ]);
    const english = annotation('en', targetOf(original, '南京市江宁区'), {
      note: 'Check this.',
      tags: ['42'],
    });
    const [item] = itemsOf(toAnnotationCollection(report, [english]));
    expect(item!.body).toEqual([
      {
        type: 'TextualBody',
        purpose: 'commenting',
        value: 'Check this.',
        format: 'text/plain',
        language: 'en',
      },
      { type: 'TextualBody', purpose: 'tagging', value: '42' },
    ]);
  });

  it('exports an annotation it cannot place in the text with its quote only', () => {
    const lost = annotation('lost', {
      ...targetOf(original, '南京市江宁区'),
      quote: { exact: '这段话不在报告里', prefix: '', suffix: '' },
      position: { start: 5, end: 13 },
      start: { paragraphId: 'nowhere', offset: 0 },
      end: { paragraphId: 'nowhere', offset: 8 },
    });
    const [item] = itemsOf(toAnnotationCollection(report, [lost]));
    expect(item!.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: '这段话不在报告里', prefix: '', suffix: '' },
    ]);
  });

  it('percent-encodes a report id in the source', () => {
    expect(reportSource('江宁 2023')).toBe('urn:report:%E6%B1%9F%E5%AE%81%202023');
  });
});

describe('parseAnnotationCollection', () => {
  it('round-trips: export, then import gives the same annotations', () => {
    const json = JSON.stringify(exported(), null, 2);
    expect(parsed(json)).toEqual({ annotations, skipped: [] });
  });

  it('round-trips a report id that needs encoding', () => {
    const reportId = '江宁 2023 (修订)';
    const ours = annotations.map((a) => ({ ...a, reportId }));
    const json = JSON.stringify(
      toAnnotationCollection({ id: reportId, text: originalSource }, ours),
    );
    expect(parsed(json, reportId).annotations).toEqual(ours);
  });

  it('accepts a page, a bare array, one annotation, and pages chained by next', () => {
    const items = itemsOf(exported());
    expect(parsed(JSON.stringify({ type: 'AnnotationPage', items })).annotations).toEqual(
      annotations,
    );
    expect(parsed(JSON.stringify(items)).annotations).toEqual(annotations);
    expect(parsed(JSON.stringify(items[0])).annotations).toEqual([annotations[0]]);
    const chained = {
      type: 'AnnotationCollection',
      first: { type: 'AnnotationPage', items: items.slice(0, 2), next: { items: items.slice(2) } },
    };
    expect(parsed(JSON.stringify(chained)).annotations).toEqual(annotations);
    expect(parsed('{"type":"AnnotationCollection","total":0}')).toEqual({
      annotations: [],
      skipped: [],
    });
    expect(parsed(`\uFEFF${JSON.stringify(items)}`).annotations).toHaveLength(items.length);
  });

  it('reads tool-made items: type arrays, plain ids, several comments, default colour', () => {
    const [item] = itemsOf(exported());
    const foreign = {
      ...item,
      id: 'https://example.org/anno/1',
      type: ['Annotation'],
      body: [
        { type: 'TextualBody', value: '第一条' },
        { type: 'TextualBody', value: '第二条', purpose: ['commenting'] },
        'https://example.org/not-a-textual-body',
      ],
      'report-viewer:color': undefined,
    };
    const [read] = parsed(JSON.stringify([foreign])).annotations;
    expect(read).toMatchObject({
      id: 'https://example.org/anno/1',
      note: '第一条\n\n第二条',
      tags: [],
      color: 'yellow',
    });
  });

  it('skips items of another report, or not of a report at all, saying why', () => {
    const items = itemsOf(exported());
    const other = { ...items[0], target: { ...items[0]!.target, source: 'urn:report:other' } };
    const web = { ...items[1], target: { ...items[1]!.target, source: 'https://example.org/' } };
    const result = parsed(JSON.stringify([other, web, items[2]]));
    expect(result.annotations.map((a) => a.id)).toEqual(['emoji']);
    expect(result.skipped).toEqual([
      { id: annotations[0]!.id, reason: '属于另一份报告（other）' },
      { id: 'multi-line', reason: '不是这份报告的批注（来源：https://example.org/）' },
    ]);
  });

  it('skips malformed items with a plain Chinese reason and keeps the rest', () => {
    const [good] = itemsOf(exported());
    const without = (key: string) =>
      Object.fromEntries(Object.entries(good!).filter(([k]) => k !== key));
    const withTarget = (patch: Record<string, unknown>) => ({
      ...good,
      target: { ...good!.target, ...patch },
    });
    const items: unknown[] = [
      1,
      'text',
      null,
      [],
      { type: 'Foo', id: 'foo' },
      without('id'),
      { ...without('target'), id: 'no-target' },
      { ...without('created'), id: 'no-created' },
      { ...withTarget({ selector: [] }), id: 'no-selector' },
      {
        ...withTarget({
          selector: [{ type: 'TextQuoteSelector', exact: '不在报告里的话' }],
          'report-viewer:start': undefined,
        }),
        id: 'nowhere',
      },
      { ...good, id: 'bad-color', 'report-viewer:color': 'orange' },
      { ...good, id: 'bad-date', created: 'yesterday' },
      { ...good, id: 'bad-tags', body: [{ type: 'TextualBody', purpose: 'tagging', value: 42 }] },
      {
        ...good,
        id: 'too-long',
        body: [{ type: 'TextualBody', value: 'x'.repeat(NOTE_MAX_LENGTH + 1) }],
      },
      {
        ...withTarget({
          selector: [{ type: 'TextQuoteSelector', exact: '' }, good!.target.selector[1]],
        }),
        id: 'empty-quote',
      },
      {
        ...withTarget({
          selector: [{ type: 'TextQuoteSelector', exact: '不在报告里的话' }],
          'report-viewer:start': { paragraphId: 'p', offset: -1 },
        }),
        id: 'neg',
      },
      { ...good, id: 'x'.repeat(101) },
      good,
      good,
    ];
    const result = parsed(JSON.stringify(items));
    expect(result.annotations).toEqual([annotations[0]]);
    const reasons = result.skipped.map((s) => [s.id, s.reason]);
    expect(reasons).toEqual([
      [null, '不是一条批注（格式不对）'],
      [null, '不是一条批注（格式不对）'],
      [null, '不是一条批注（格式不对）'],
      [null, '不是一条批注（格式不对）'],
      ['foo', '不是批注（类型是 "Foo"）'],
      [null, '缺少编号（id）'],
      ['no-target', '缺少批注的对象（target 或 source）'],
      ['no-created', '缺少创建时间（created）'],
      ['no-selector', '缺少引文（TextQuoteSelector）'],
      ['nowhere', '在这份报告里找不到这段引文'],
      ['bad-color', '颜色不符合要求'],
      ['bad-date', '创建时间不符合要求'],
      ['bad-tags', '标签不符合要求'],
      ['too-long', `批注内容不符合要求：批注最长 ${NOTE_MAX_LENGTH} 个字`],
      ['empty-quote', '位置或引文不符合要求'],
      ['neg', '位置或引文不符合要求'],
      ['x'.repeat(101), '编号不符合要求'],
      [annotations[0]!.id, '与前面一条批注的编号重复'],
    ]);
    for (const [, reason] of reasons) expect(reason).toMatch(/\p{Script=Han}/u);
  });

  it('fails as a whole, with one clear error, on input that is not an annotation list', () => {
    const code = (json: string) => {
      const result = parseAnnotationCollection(json, REPORT_ID);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(code('')).toBe('invalid-json');
    expect(code('not json')).toBe('invalid-json');
    expect(code('{"type":')).toBe('invalid-json');
    expect(code('null')).toBe('not-annotations');
    expect(code('42')).toBe('not-annotations');
    expect(code('"text"')).toBe('not-annotations');
    expect(code('{}')).toBe('not-annotations');
    expect(code('{"type":"AnnotationCollection","first":"https://example.org/page1"}')).toBe(
      'not-annotations',
    );
    expect(code('{"items":{}}')).toBe('not-annotations');
    const result = parseAnnotationCollection('not json', REPORT_ID);
    expect(result).toMatchObject({
      ok: false,
      error: { message: '文件不是有效的 JSON，无法导入批注。' },
    });
  });

  it('survives deep nesting without throwing', () => {
    const depth = 200_000;
    const result = parseAnnotationCollection('['.repeat(depth) + ']'.repeat(depth), REPORT_ID);
    expect(result.ok ? result.value.annotations : result.error.code).toBeDefined();
  });

  it('refuses input over 20 MB unread', () => {
    const huge = `[${' '.repeat(MAX_IMPORT_LENGTH)}]`;
    expect(parseAnnotationCollection(huge, REPORT_ID)).toMatchObject({
      ok: false,
      error: { code: 'too-large', message: '文件太大（超过 20 MB），没有导入。' },
    });
  });
});

describe('exports of earlier versions', () => {
  /** An item as the app exported it before: a string source, UTF-16 positions in the document text. */
  function oldItem(a: Annotation, position = a.target.position) {
    return {
      id: `urn:uuid:${a.id}`,
      type: 'Annotation',
      motivation: a.note === '' ? 'highlighting' : 'commenting',
      created: a.created,
      modified: a.updated,
      ...(a.note === ''
        ? {}
        : {
            body: [
              { type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' },
            ],
          }),
      target: {
        source: `urn:report:${REPORT_ID}`,
        selector: [
          { type: 'TextQuoteSelector', ...a.target.quote },
          { type: 'TextPositionSelector', ...position },
        ],
        ...(a.target.sectionId === null ? {} : { 'report-viewer:sectionId': a.target.sectionId }),
        'report-viewer:start': a.target.start,
        'report-viewer:end': a.target.end,
      },
      'report-viewer:color': a.color,
    };
  }
  const plain = annotations.filter((a) => a.tags.length === 0 && a.kind === 'highlight');

  it('still import, with or without the report text', () => {
    const json = JSON.stringify({
      '@context': ANNO_CONTEXT,
      type: 'AnnotationCollection',
      total: plain.length,
      first: { type: 'AnnotationPage', items: plain.map((a) => oldItem(a)) },
    });
    expect(parsed(json).annotations).toEqual(plain);
    expect(parsed(json, REPORT_ID, undefined).annotations).toEqual(plain);
  });

  it('take their positions as a hint only: the quote decides', () => {
    const a = annotations[0]!;
    const wrong = { start: a.target.position.start + 40, end: a.target.position.end + 40 };
    const item = oldItem(a, wrong);
    // Paragraph points that name another place too: only the quote is right.
    item.target['report-viewer:start'] = { paragraphId: 's1-p0', offset: 0 };
    item.target['report-viewer:end'] = { paragraphId: 's1-p0', offset: 4 };
    const [read] = parsed(JSON.stringify([item])).annotations;
    expect(read).toEqual({ ...a, tags: [] });
  });
});
