/**
 * Annotations to and from the W3C Web Annotation Data Model (JSON-LD), the format other
 * annotation tools read and write.
 *
 * Mapping (one Annotation per item):
 *   id          "urn:uuid:" + id
 *   motivation  bookmarking (bookmark), commenting (highlight with a note), highlighting
 *   body        TextualBody purpose commenting (the note, text/plain), one TextualBody purpose
 *               tagging per tag; absent when there is neither
 *   target      source "urn:report:" + the percent-encoded report id; selectors
 *               TextQuoteSelector {exact, prefix, suffix} and TextPositionSelector {start, end},
 *               counted in UTF-16 units of the report's document text (document-text.ts)
 *   created / modified   the annotation's created / updated
 *
 * What the model has no term for is kept in properties named "report-viewer:…" (compact IRIs
 * with no prefix in the context, which JSON-LD reads as absolute IRIs of that scheme, so other
 * tools keep or ignore them): on the annotation "report-viewer:color"; on the target
 * "report-viewer:sectionId" (absent when null), "report-viewer:start" and "report-viewer:end"
 * (the paragraph points {paragraphId, offset}).
 *
 * Reading is tolerant of the container (a collection, a page, a bare array or one annotation)
 * and strict about each item: it is converted, then validated by annotationSchema; an item that
 * fails is skipped with a reason in plain Chinese. Nothing here throws on bad input.
 */
import type { ReportDocument } from '../report/report-model';
import {
  annotationSchema,
  type Annotation,
  type AnnotationTarget,
  type HighlightColor,
  type TextPoint,
} from './annotation-model';
import { fail, succeed, type AnnotationResult } from './annotation-error';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our own properties; see the module comment. */
export const EXTENSION_PREFIX = 'report-viewer:';
const COLOR_KEY = 'report-viewer:color';
const SECTION_KEY = 'report-viewer:sectionId';
const START_KEY = 'report-viewer:start';
const END_KEY = 'report-viewer:end';
const ID_PREFIX = 'urn:uuid:';
/** Items from other tools have no colour of ours. */
const DEFAULT_COLOR: HighlightColor = 'yellow';
const SOURCE_PREFIX = 'urn:report:';
/** Larger input is refused unread: no annotation file of a person comes near it. */
export const MAX_IMPORT_LENGTH = 20 * 1024 * 1024;
/** Pages followed through embedded "next" links, so a self-made cycle cannot hang the reader. */
const MAX_PAGES = 10_000;

export function reportSource(reportId: string): string {
  return SOURCE_PREFIX + encodeURIComponent(reportId);
}

type Json = Record<string, unknown>;

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format?: 'text/plain';
}

export interface WebAnnotationTarget {
  source: string;
  selector: [
    { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
    { type: 'TextPositionSelector'; start: number; end: number },
  ];
  [SECTION_KEY]?: string;
  [START_KEY]: TextPoint;
  [END_KEY]: TextPoint;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting' | 'bookmarking';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: WebAnnotationTarget;
  [COLOR_KEY]: HighlightColor;
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

function motivationOf(annotation: Annotation): WebAnnotation['motivation'] {
  if (annotation.kind === 'bookmark') return 'bookmarking';
  return annotation.note === '' ? 'highlighting' : 'commenting';
}

function toWebAnnotation(reportId: string, annotation: Annotation): WebAnnotation {
  const { target } = annotation;
  const comment: TextualBody[] =
    annotation.note === ''
      ? []
      : [
          {
            type: 'TextualBody',
            purpose: 'commenting',
            value: annotation.note,
            format: 'text/plain',
          },
        ];
  const tags = annotation.tags.map((tag): TextualBody => ({
    type: 'TextualBody',
    purpose: 'tagging',
    value: tag,
  }));
  const body = [...comment, ...tags];
  return {
    id: ID_PREFIX + annotation.id,
    type: 'Annotation',
    motivation: motivationOf(annotation),
    created: annotation.created,
    modified: annotation.updated,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: reportSource(reportId),
      selector: [
        { type: 'TextQuoteSelector', ...target.quote },
        { type: 'TextPositionSelector', ...target.position },
      ],
      ...(target.sectionId === null ? {} : { [SECTION_KEY]: target.sectionId }),
      [START_KEY]: target.start,
      [END_KEY]: target.end,
    },
    [COLOR_KEY]: annotation.color,
  };
}

export interface CollectionOptions {
  /** The collection's label; defaults to "《报告名》批注". */
  label?: string;
  /** When the collection was generated; defaults to now. */
  now?: Date;
}

export function toAnnotationCollection(
  doc: ReportDocument,
  reportId: string,
  annotations: readonly Annotation[],
  options: CollectionOptions = {},
): AnnotationCollection {
  return {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: options.label ?? `《${doc.title ?? reportId}》批注`,
    total: annotations.length,
    generated: (options.now ?? new Date()).toISOString(),
    first: {
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map((annotation) => toWebAnnotation(reportId, annotation)),
    },
  };
}

// ---- Reading untrusted JSON ----

export interface SkippedItem {
  /** The item's id when it had one. */
  id: string | null;
  /** Why it was not imported, in plain Chinese. */
  reason: string;
}

export interface ParsedAnnotations {
  annotations: Annotation[];
  skipped: SkippedItem[];
}

function asRecord(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : null;
}

/** JSON-LD lets any property hold one value or an array of them. */
function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function hasType(record: Json, type: string): boolean {
  return asList(record.type).includes(type);
}

/** A value quoted in a reason, cut short so a hostile file cannot flood the message. */
function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

/** The items of a collection (following embedded pages), a page, an array or one annotation. */
function itemsOf(root: unknown): unknown[] | null {
  if (Array.isArray(root)) return root;
  const record = asRecord(root);
  if (!record) return null;
  if (hasType(record, 'Annotation')) return [record];
  const isCollection = hasType(record, 'AnnotationCollection');
  // An empty collection may have no first page at all.
  if (isCollection && record.first === undefined) return [];
  let page = isCollection ? asRecord(record.first) : record;
  if (!page || !Array.isArray(page.items)) return null;
  const items: unknown[] = [];
  for (let count = 0; page && count < MAX_PAGES; count += 1) {
    // Not push(...items): spreading a very large array overflows the call stack.
    for (const item of asList(page.items)) items.push(item);
    page = asRecord(page.next);
  }
  return items;
}

type Converted = { ok: true; annotation: unknown } | { ok: false; reason: string };

const skip = (reason: string): Converted => ({ ok: false, reason });

function idOf(item: Json): string | null {
  if (typeof item.id !== 'string' || item.id === '') return null;
  return item.id.startsWith(ID_PREFIX) ? item.id.slice(ID_PREFIX.length) : item.id;
}

/** The report id a source names, or null when it names no report of this app. */
function reportIdOf(source: string): string | null {
  if (!source.startsWith(SOURCE_PREFIX)) return null;
  try {
    return decodeURIComponent(source.slice(SOURCE_PREFIX.length));
  } catch {
    return null;
  }
}

function findTarget(item: Json, reportId: string): { target: Json } | { reason: string } {
  const targets = asList(item.target)
    .map(asRecord)
    .filter((target) => target !== null);
  const ours = targets.find((target) => target.source === reportSource(reportId));
  if (ours) return { target: ours };
  const source = targets[0]?.source;
  if (typeof source !== 'string') return { reason: '缺少批注的对象（target 或 source）' };
  const other = reportIdOf(source);
  return other === null
    ? { reason: `不是这份报告的批注（来源：${shown(source)}）` }
    : { reason: `属于另一份报告（${shown(other)}）` };
}

function selectorOf(target: Json, type: string): Json | null {
  return (
    asList(target.selector)
      .map(asRecord)
      .find((selector) => selector !== null && hasType(selector, type)) ?? null
  );
}

function bodyText(item: Json): { note: unknown; tags: unknown[] } {
  const notes: unknown[] = [];
  const tags: unknown[] = [];
  for (const body of asList(item.body).map(asRecord)) {
    if (!body || !('value' in body)) continue;
    (asList(body.purpose).includes('tagging') ? tags : notes).push(body.value);
  }
  // Several comment bodies (from other tools) become paragraphs of one note; a value that is
  // not text is passed on as it is, for validation to refuse.
  const notText = notes.find((value) => typeof value !== 'string');
  return { note: notText === undefined ? notes.join('\n\n') : notText, tags };
}

function convertItem(raw: unknown, reportId: string): Converted {
  const item = asRecord(raw);
  if (!item) return skip('不是一条批注（格式不对）');
  if (item.type !== undefined && !hasType(item, 'Annotation')) {
    return skip(`不是批注（类型是 ${shown(JSON.stringify(item.type) ?? '')}）`);
  }
  const id = idOf(item);
  if (id === null) return skip('缺少编号（id）');
  const found = findTarget(item, reportId);
  if ('reason' in found) return skip(found.reason);
  const { target } = found;
  const quote = selectorOf(target, 'TextQuoteSelector');
  if (!quote) return skip('缺少引文（TextQuoteSelector）');
  const position = selectorOf(target, 'TextPositionSelector');
  if (!position) return skip('缺少位置（TextPositionSelector）');
  if (target[START_KEY] === undefined || target[END_KEY] === undefined) {
    return skip('缺少段落位置（不是本阅读器导出的批注）');
  }
  if (item.created === undefined) return skip('缺少创建时间（created）');

  const { note, tags } = bodyText(item);
  const annotationTarget: Record<keyof AnnotationTarget, unknown> = {
    sectionId: target[SECTION_KEY] ?? null,
    start: target[START_KEY],
    end: target[END_KEY],
    position: { start: position.start, end: position.end },
    quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
  };
  const annotation: Record<keyof Annotation, unknown> = {
    id,
    reportId,
    kind: asList(item.motivation).includes('bookmarking') ? 'bookmark' : 'highlight',
    color: item[COLOR_KEY] ?? DEFAULT_COLOR,
    note,
    tags,
    target: annotationTarget,
    created: item.created,
    updated: item.modified ?? item.created,
  };
  return { ok: true, annotation };
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  id: '编号',
  kind: '类型',
  color: '颜色',
  note: '批注内容',
  tags: '标签',
  target: '位置或引文',
  created: '创建时间',
  updated: '修改时间',
};

const HAS_CHINESE = /\p{Script=Han}/u;

function validated(candidate: unknown): { annotation: Annotation } | { reason: string } {
  const result = annotationSchema.safeParse(candidate);
  if (result.success) return { annotation: result.data };
  const issue = result.error.issues[0];
  const field = FIELD_NAMES[String(issue?.path[0])] ?? '内容';
  const message = issue && HAS_CHINESE.test(issue.message) ? `：${issue.message}` : '';
  return { reason: `${field}不符合要求${message}` };
}

/**
 * Reads annotations for `reportId` from JSON text. Fails as a whole only when the text is too
 * large, is not JSON, or holds no annotation list; otherwise returns what could be imported and
 * why each other item was skipped.
 */
export function parseAnnotationCollection(
  json: string,
  reportId: string,
): AnnotationResult<ParsedAnnotations> {
  if (json.length > MAX_IMPORT_LENGTH) {
    return fail(
      'too-large',
      `文件太大（超过 ${MAX_IMPORT_LENGTH / 1024 / 1024} MB），没有导入。`,
      `${json.length} characters`,
    );
  }
  let root: unknown;
  try {
    root = JSON.parse(json.replace(/^\uFEFF/u, ''));
  } catch (error) {
    return fail('invalid-json', '文件不是有效的 JSON，无法导入批注。', String(error));
  }
  const items = itemsOf(root);
  if (!items) {
    return fail(
      'not-annotations',
      '文件里没有找到批注（应为 W3C Web Annotation 格式）。',
      `root: ${shown(JSON.stringify(root) ?? String(root))}`,
    );
  }

  const parsed: ParsedAnnotations = { annotations: [], skipped: [] };
  const seen = new Set<string>();
  for (const item of items) {
    const record = asRecord(item);
    const id = record ? idOf(record) : null;
    const converted = convertItem(item, reportId);
    const checked = converted.ok ? validated(converted.annotation) : { reason: converted.reason };
    if ('reason' in checked) {
      parsed.skipped.push({ id, reason: checked.reason });
    } else if (seen.has(checked.annotation.id)) {
      parsed.skipped.push({ id, reason: '与前面一条批注的编号重复' });
    } else {
      seen.add(checked.annotation.id);
      parsed.annotations.push(checked.annotation);
    }
  }
  return succeed(parsed);
}
