/**
 * The JSON-LD export checked as another Web Annotation consumer would check it, on a real
 * export (highlights, a note with tags, a bookmark) of the bundled report and of a report of our
 * own with characters outside the BMP and CRLF line ends:
 *
 * - the MUST clauses of the W3C Web Annotation Data Model (Recommendation, 23 February 2017)
 *   for the collection (§5.1), the page (§5.2), the annotation (§3.1), textual bodies (§3.2.4),
 *   lifecycle dates (§3.3.1), motivation and purpose (§3.3.5), the specific resource (§4) and
 *   the TextQuoteSelector / TextPositionSelector (§4.2.4, §4.2.5), each cited where checked;
 * - a consumer cutting the served text at the positions gets exactly the quote;
 * - a round trip through a JSON-LD processor (jsonld: expand, then compact with the anno
 *   context) loses no property. The processor fetches nothing: its document loader serves a
 *   local copy of the W3C context and throws for any other address.
 */
import { createHash } from 'node:crypto';
import jsonld from 'jsonld';
import type { ContextDefinition, JsonLdDocument } from 'jsonld';
import type { RemoteDocument } from 'jsonld/jsonld-spec';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../core/annotations/annotation-model';
import { describeRange, describeSection } from '../../../../core/annotations/describe-selection';
import { documentText } from '../../../../core/annotations/document-text';
import {
  ANNO_CONTEXT,
  parseAnnotationCollection,
  toAnnotationCollection,
  type AnnotationCollection,
} from '../../../../core/annotations/web-annotation';
import { parseReport } from '../../../../core/report/parse-report';
import { W3C_ANNO_CONTEXT_TEXT, W3C_ANNO_CONTEXT_URL } from '../../../fixtures/w3c-anno-context';
import { originalSource, REPORT_ID } from './annotation-fixtures';

/** A report of our own: an information header, CRLF line ends, characters outside the BMP. */
const ASTRAL_SOURCE = [
  '索 引 号：11320000/2024-00042',
  '发布机构：示例区人民政府',
  '信息名称：示例区2024年度𠀀法治建设报告',
  '',
  '示例区2024年度𠀀法治建设报告',
  '',
  '一、总体情况',
  '今年𠀀𠀁完成了😀各项法治建设任务，群众满意度达到98%。',
  '二、主要做法',
  '（一）完善制度',
  '制定𠀂规范性文件12件，全部通过合法性审查。',
  '三、下一步打算',
  '继续推进依法行政。',
  '',
].join('\r\n');

const NOW = '2024-03-05T09:30:00+08:00';

/** Highlights, a note with tags and a bookmark, made on `text` as the reader makes them. */
function realAnnotations(
  reportId: string,
  text: string,
  quotes: [string, string, string],
): Annotation[] {
  const doc = parseReport(text);
  const plain = documentText(doc).text;
  const on = (quote: string) => {
    const at = plain.indexOf(quote);
    if (at < 0) throw new Error(`not in the report: ${quote}`);
    return describeRange(doc, at, at + quote.length);
  };
  const base = {
    reportId,
    color: 'yellow' as const,
    note: '',
    tags: [],
    created: NOW,
    updated: NOW,
  };
  const bookmark = describeSection(doc, doc.flatSections[1]!.id);
  if (!bookmark.ok) throw new Error('no section to bookmark');
  return [
    {
      ...base,
      id: '6f1c7a52-0c1e-4b8e-9d3a-5b0e2f4c7a11',
      kind: 'highlight',
      target: on(quotes[0]),
    },
    {
      ...base,
      id: '0d4e8b7c-2a1f-4c3d-8e5b-9f6a7c1d2e33',
      kind: 'highlight',
      color: 'green',
      note: '这一句要核对：数字来自哪里？',
      tags: ['核对', 'Data'],
      target: on(quotes[1]),
      updated: '2024-03-06T10:00:00Z',
    },
    {
      ...base,
      id: '9b2c4d6e-8f0a-4b1c-9d2e-3f4a5b6c7d55',
      kind: 'highlight',
      color: 'blue',
      target: on(quotes[2]),
    },
    {
      ...base,
      id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c66',
      kind: 'bookmark',
      note: '回头再读',
      target: bookmark.value,
    },
  ];
}

const CASES: { name: string; reportId: string; text: string; annotations: Annotation[] }[] = [
  {
    name: 'the bundled report',
    reportId: `${REPORT_ID}.txt`,
    text: originalSource,
    annotations: realAnnotations(`${REPORT_ID}.txt`, originalSource, [
      '南京市江宁区',
      '出庭应诉率达100%',
      '江宁路径”。',
    ]),
  },
  {
    name: 'a report with characters outside the BMP and CRLF',
    reportId: 'astral.txt',
    text: ASTRAL_SOURCE,
    annotations: realAnnotations('astral.txt', ASTRAL_SOURCE, [
      '今年𠀀𠀁完成了😀',
      '群众满意度达到98%',
      '制定𠀂规范性文件12件，全部通过合法性审查。\n三、下一步打算',
    ]),
  },
];

const exportOf = (c: (typeof CASES)[number]): AnnotationCollection =>
  toAnnotationCollection({ id: c.reportId, text: c.text }, c.annotations, {
    now: new Date('2024-03-07T08:00:00Z'),
    generator: { name: '法治报告阅读器', version: '1.4.0' },
  });

// ---- The Data Model's requirements, as checks ----

type Json = Record<string, unknown>;
const list = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** An absolute IRI: a scheme, a colon and no white space (RFC 3987). */
const isIri = (value: unknown): boolean =>
  typeof value === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value);
const isNonNegativeInteger = (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
/** xsd:dateTime. */
const isDateTime = (value: unknown): boolean =>
  typeof value === 'string' &&
  /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(value) &&
  !Number.isNaN(Date.parse(value));
/** A BCP 47 language tag (the common shapes). */
const isLanguageTag = (value: unknown): boolean =>
  typeof value === 'string' && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value);
const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];
const isMotivation = (value: unknown): boolean =>
  typeof value === 'string' && (MOTIVATIONS.includes(value) || isIri(value));

/** Every failed requirement, as "§ clause: where". Empty when the export conforms. */
function violations(collection: unknown): string[] {
  const failed: string[] = [];
  const must = (ok: boolean, clause: string) => {
    if (!ok) failed.push(clause);
  };

  must(isObject(collection), '§5.1 the collection is a JSON object');
  if (!isObject(collection)) return failed;
  // §5.1 AnnotationCollection
  const context = list(collection['@context']);
  must(context.includes(ANNO_CONTEXT), '§5.1 @context MUST include the anno context');
  must(
    context.length !== 1 || typeof collection['@context'] === 'string',
    '§5.1 a single @context MUST be given as a string',
  );
  must(list(collection.id).length === 1 && isIri(collection.id), '§5.1 id: exactly 1 IRI');
  must(
    list(collection.type).includes('AnnotationCollection'),
    '§5.1 type MUST include AnnotationCollection',
  );
  if (collection.total !== undefined)
    must(isNonNegativeInteger(collection.total), '§5.1 total: a non-negative integer');
  if (collection.generated !== undefined)
    must(isDateTime(collection.generated), '§5.1 generated: xsd:dateTime');
  const total = Number(collection.total ?? 0);
  must(
    total === 0 || list(collection.first).length === 1,
    '§5.1 first: exactly 1 when there are annotations',
  );
  must(total > 0 || collection.first === undefined, '§5.2 no page without annotations');

  let page = isObject(collection.first) ? collection.first : null;
  let counted = 0;
  for (let index = 0; page; index += 1) {
    // §5.2 AnnotationPage
    const where = `page ${index}`;
    must(list(page.id).length === 1 && isIri(page.id), `§5.2 id: exactly 1 IRI (${where})`);
    must(
      list(page.type).includes('AnnotationPage'),
      `§5.2 type MUST include AnnotationPage (${where})`,
    );
    must(
      Array.isArray(page.items) && page.items.length > 0,
      `§5.2 items: 1 or more annotations (${where})`,
    );
    if (page.partOf !== undefined) {
      const partOf = isObject(page.partOf) ? page.partOf.id : page.partOf;
      must(partOf === collection.id, `§5.2 partOf names the collection (${where})`);
    }
    if (page.startIndex !== undefined) {
      must(page.startIndex === counted, `§5.2 startIndex: the index of its first item (${where})`);
    }
    for (const [i, item] of list(page.items).entries()) {
      failed.push(...annotationViolations(item, `${where} item ${i}`));
    }
    counted += list(page.items).length;
    page = isObject(page.next) ? page.next : null;
  }
  must(counted === total, '§5.1 total: the number of annotations in the collection');
  if (collection.last !== undefined) {
    const last = isObject(collection.last) ? collection.last.id : collection.last;
    must(isIri(last), '§5.1 last: an IRI or a page');
  }
  return failed;
}

function annotationViolations(item: unknown, where: string): string[] {
  const failed: string[] = [];
  const must = (ok: boolean, clause: string) => {
    if (!ok) failed.push(`${clause} (${where})`);
  };
  if (!isObject(item)) return [`§3.1 an annotation is an object (${where})`];
  // §3.1 Annotation
  must(list(item.id).length === 1 && isIri(item.id), '§3.1 id: exactly 1 IRI');
  must(list(item.type).includes('Annotation'), '§3.1 type MUST include Annotation');
  must(list(item.target).length >= 1, '§3.1 target: 1 or more');
  // §3.3.1 Lifecycle information
  for (const key of ['created', 'modified']) {
    if (item[key] !== undefined)
      must(
        list(item[key]).length === 1 && isDateTime(item[key]),
        `§3.3.1 ${key}: exactly 1 xsd:dateTime`,
      );
  }
  // §3.3.5 Motivation
  for (const motivation of list(item.motivation))
    must(isMotivation(motivation), '§3.3.5 motivation: a Motivation');
  // §3.3.2 Agents (generator, creator): an IRI or an agent of a known type
  for (const agent of [...list(item.generator), ...list(item.creator)]) {
    must(
      isIri(agent) ||
        (isObject(agent) &&
          list(agent.type).every((t) =>
            ['Person', 'Organization', 'Software'].includes(String(t)),
          )),
      '§3.3.2 an agent is an IRI or a Person, Organization or Software',
    );
    if (isObject(agent) && agent.id !== undefined) must(isIri(agent.id), '§3.3.2 agent id: an IRI');
  }
  // §3.2.4 Embedded Textual Body
  for (const body of list(item.body)) {
    if (!isObject(body)) {
      must(isIri(body), '§3.2 a body is an IRI or a resource');
      continue;
    }
    if (list(body.type).includes('TextualBody')) {
      must(
        list(body.value).length === 1 && typeof body.value === 'string',
        '§3.2.4 value: exactly 1 string',
      );
      for (const language of list(body.language))
        must(isLanguageTag(language), '§3.2.4 language: BCP 47');
      for (const format of list(body.format))
        must(
          typeof format === 'string' && /^[\w.+-]+\/[\w.+-]+$/.test(format),
          '§3.2.4 format: a media type',
        );
    }
    // §3.3.5 Purpose
    for (const purpose of list(body.purpose))
      must(isMotivation(purpose), '§3.3.5 purpose: a Motivation');
  }
  // §4 Specific Resource
  for (const target of list(item.target)) {
    if (!isObject(target)) {
      must(isIri(target), '§3.2 a target is an IRI or a resource');
      continue;
    }
    if (target.selector === undefined && target.source === undefined) {
      must(isIri(target.id), '§3.2 an external target has an IRI');
      continue;
    }
    must(list(target.source).length === 1, '§4 source: exactly 1');
    const source = isObject(target.source) ? target.source.id : target.source;
    must(isIri(source), '§4 source: an IRI (or a resource with one)');
    for (const selector of list(target.selector)) {
      must(
        isObject(selector) && list(selector.type).length === 1,
        '§4.2 a selector has exactly 1 type',
      );
      if (!isObject(selector)) continue;
      if (selector.type === 'TextQuoteSelector') {
        // §4.2.4 Text Quote Selector
        must(
          list(selector.exact).length === 1 && typeof selector.exact === 'string',
          '§4.2.4 exact: exactly 1 string',
        );
        must(list(selector.prefix).length <= 1, '§4.2.4 prefix: 0 or 1');
        must(list(selector.suffix).length <= 1, '§4.2.4 suffix: 0 or 1');
      }
      if (selector.type === 'TextPositionSelector') {
        // §4.2.5 Text Position Selector
        must(
          list(selector.start).length === 1 && isNonNegativeInteger(selector.start),
          '§4.2.5 start: exactly 1 non-negative integer',
        );
        must(
          list(selector.end).length === 1 && isNonNegativeInteger(selector.end),
          '§4.2.5 end: exactly 1 non-negative integer',
        );
        must(Number(selector.end) >= Number(selector.start), '§4.2.5 end not before start');
      }
    }
  }
  return failed;
}

describe.each(CASES)('the export of $name', (c) => {
  const collection = exportOf(c);
  const items = collection.first?.items ?? [];

  it('holds every annotation: highlights, a note with tags, a bookmark', () => {
    expect(items.map((item) => item.motivation)).toEqual([
      'highlighting',
      'commenting',
      'highlighting',
      'bookmarking',
    ]);
    expect(items[1]!.body?.map((body) => body.purpose)).toEqual([
      'commenting',
      'tagging',
      'tagging',
    ]);
  });

  it('meets every MUST of the Web Annotation Data Model', () => {
    expect(violations(collection)).toEqual([]);
    expect(violations(JSON.parse(JSON.stringify(collection)))).toEqual([]);
  });

  it('lets another consumer cut the quote out of the served text by code points', () => {
    const codePoints = [...c.text];
    for (const item of items) {
      const source = item.target.source;
      // The text the positions count in is named exactly.
      expect(source['report-viewer:sha256']).toBe(
        createHash('sha256').update(c.text, 'utf8').digest('hex'),
      );
      expect(source['report-viewer:length']).toBe(codePoints.length);
      const [quote, position] = item.target.selector;
      expect(position).toBeDefined();
      const { start, end } = position!;
      const codePointSlice = (from: number, to: number) => codePoints.slice(from, to).join('');
      expect(codePointSlice(start, end)).toBe(quote.exact);
      expect(codePointSlice(start - [...quote.prefix].length, start)).toBe(quote.prefix);
      expect(codePointSlice(end, end + [...quote.suffix].length)).toBe(quote.suffix);
    }
  });

  it('imports back into the same annotations', () => {
    const result = parseAnnotationCollection(JSON.stringify(collection), c.reportId, c.text);
    expect(result.ok && result.value).toEqual({ annotations: c.annotations, skipped: [] });
  });
});

it('the astral report really counts in code points, not UTF-16 units', () => {
  const [item] = exportOf(CASES[1]!).first!.items;
  const { start } = item!.target.selector[1]!;
  const utf16 = ASTRAL_SOURCE.indexOf('今年𠀀𠀁完成了😀');
  // The header's 𠀀 and the title's are two units each but one code point.
  expect(start).toBe([...ASTRAL_SOURCE.slice(0, utf16)].length);
  expect(start).toBe(utf16 - 2);
});

it('the checks catch what the export must not do', () => {
  const good = exportOf(CASES[0]!);
  const broken = JSON.parse(JSON.stringify(good)) as Json & { first: Json & { items: Json[] } };
  delete broken.id;
  delete broken.first.id;
  broken.first.items[0]!.motivation = 'liking';
  (broken.first.items[1]!.target as Json).selector = [
    { type: 'TextPositionSelector', start: -1, end: 2.5 },
  ];
  expect(violations(broken)).toEqual([
    '§5.1 id: exactly 1 IRI',
    '§5.2 id: exactly 1 IRI (page 0)',
    '§5.2 partOf names the collection (page 0)',
    '§3.3.5 motivation: a Motivation (page 0 item 0)',
    '§4.2.5 start: exactly 1 non-negative integer (page 0 item 1)',
    '§4.2.5 end: exactly 1 non-negative integer (page 0 item 1)',
  ]);
  const emptyPage = {
    ...good,
    total: 0,
    first: { id: 'urn:uuid:x', type: 'AnnotationPage', items: [] },
  };
  expect(violations(emptyPage)).toContain('§5.2 no page without annotations');
});

// ---- JSON-LD ----

const requested: string[] = [];
/** Serves the local copy of the W3C context; any other address is refused (no network). */
async function documentLoader(url: string): Promise<RemoteDocument> {
  requested.push(url);
  if (url !== W3C_ANNO_CONTEXT_URL) throw new Error(`no network in tests: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: JSON.parse(W3C_ANNO_CONTEXT_TEXT) };
}

/** Every property value as a list, so JSON-LD's one-value-or-array freedom does not count. */
function normalised(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalised);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === '@context' ? v : list(v).map(normalised),
    ]),
  );
}

describe('through a JSON-LD processor', () => {
  it.each([
    ...CASES.map((c) => [c.name, exportOf(c)] as const),
    ['no annotations', toAnnotationCollection({ id: 'x.txt', text: 'x' }, [])] as const,
  ])(
    'expands and compacts %s with the anno context without losing a property',
    async (_name, collection) => {
      const document = JSON.parse(JSON.stringify(collection)) as Json;
      const expanded = await jsonld.expand(document, { documentLoader });
      // The context by its address, as the export names it (the types only know inline contexts).
      const context = ANNO_CONTEXT as unknown as ContextDefinition;
      const compacted = await jsonld.compact(expanded, context, { documentLoader });
      expect(normalised(compacted)).toEqual(normalised(document));
      if (collection.total > 0) {
        // Our own properties came through as absolute IRIs, the model's as its own terms.
        expect(JSON.stringify(expanded)).toContain('"report-viewer:sha256"');
        expect(JSON.stringify(expanded)).toContain('http://www.w3.org/ns/oa#hasSelector');
      }
    },
  );

  it('would notice a lost property (a plain key JSON-LD has no IRI for)', async () => {
    const document = JSON.parse(JSON.stringify(exportOf(CASES[0]!))) as Json & {
      first: { items: Json[] };
    };
    // How points were written before this version: keys the context does not define.
    document.first.items[0]!['report-viewer:start'] = { paragraphId: 's1-p0', offset: 0 };
    const expanded = await jsonld.expand(document as JsonLdDocument, { documentLoader });
    const context = ANNO_CONTEXT as unknown as ContextDefinition;
    const compacted = await jsonld.compact(expanded, context, { documentLoader });
    expect(normalised(compacted)).not.toEqual(normalised(document));
  });

  it('fetches nothing: only the local context is asked for, and any other address fails', async () => {
    expect(new Set(requested)).toEqual(new Set([W3C_ANNO_CONTEXT_URL]));
    await expect(
      jsonld.expand(
        { '@context': 'https://example.org/other.jsonld', id: 'urn:x' },
        { documentLoader },
      ),
    ).rejects.toThrow();
    expect(requested).toContain('https://example.org/other.jsonld');
  });
});
