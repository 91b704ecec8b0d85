/**
 * Annotations to and from the W3C Web Annotation Data Model (JSON-LD), the format other
 * annotation tools read and write. docs/annotation-export.md says the same for users.
 *
 * The collection (one embedded page, none when there are no annotations, §5.2):
 *   id          "urn:uuid:…" on the collection and on its page (a name-based UUID, version 8)
 *   generator   this app (type Software, its name and version) on every annotation
 *
 * Mapping (one Annotation per item):
 *   id          "urn:uuid:" + id
 *   motivation  bookmarking (bookmark), commenting (highlight with a note), highlighting
 *   body        TextualBody purpose commenting (the note, text/plain), one TextualBody purpose
 *               tagging per tag, each with its language when the text shows it (Han: zh, Latin
 *               letters only: en); absent when there is neither
 *   target      a SpecificResource: source { id "urn:report:" + the percent-encoded report id,
 *               type Text, format text/plain, "report-viewer:sha256" of the text's UTF-8 bytes,
 *               "report-viewer:length" in code points }, and selectors TextQuoteSelector
 *               {exact, prefix, suffix} and TextPositionSelector {start, end}. Both count in
 *               that text, the report's full text exactly as the host serves it (openReport: for
 *               a bundled .txt the whole file, information header included), positions in
 *               Unicode code points (§4.2.4): codePointSlice(text, start, end) === exact. An
 *               annotation that cannot be placed in that text (an orphan) has only its quote.
 *   created / modified   the annotation's created / updated
 *
 * What the model has no term for is kept in properties named "report-viewer:…" (compact IRIs
 * with no prefix in the context, which JSON-LD reads as absolute IRIs of that scheme, so other
 * tools keep or ignore them): on the annotation "report-viewer:color"; on the target
 * "report-viewer:sectionId" (absent when null), "report-viewer:start" and "report-viewer:end"
 * (the paragraph points, {"report-viewer:paragraphId", "report-viewer:offset"}).
 *
 * Reading is tolerant of the container (a collection, a page, a bare array or one annotation)
 * and strict about each item: it is converted, then validated by annotationSchema; an item that
 * fails is skipped with a reason in plain Chinese. Nothing here throws on bad input. Exports of
 * earlier versions (a string source, positions in UTF-16 units of the app's paragraph text,
 * points as {paragraphId, offset}) still import: their positions are only a hint, the quote
 * decides where an annotation goes.
 */
import { parseReport } from '../report/parse-report';
import type { ReportDocument } from '../report/report-model';
import { anchorAnnotations } from './anchor';
import {
  annotationSchema,
  QUOTE_CONTEXT_LENGTH,
  type Annotation,
  type AnnotationTarget,
  type HighlightColor,
  type TextPoint,
} from './annotation-model';
import { fail, succeed, type AnnotationResult } from './annotation-error';
import { codePointIndex, type CodePointIndex } from './code-points';
import { describeRange } from './describe-selection';
import { documentText, paragraphIndexAt, toDocumentOffset } from './document-text';
import { sha256Hex } from './sha256';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our own properties; see the module comment. */
export const EXTENSION_PREFIX = 'report-viewer:';
const COLOR_KEY = 'report-viewer:color';
const SECTION_KEY = 'report-viewer:sectionId';
const START_KEY = 'report-viewer:start';
const END_KEY = 'report-viewer:end';
const PARAGRAPH_KEY = 'report-viewer:paragraphId';
const OFFSET_KEY = 'report-viewer:offset';
const SHA256_KEY = 'report-viewer:sha256';
const LENGTH_KEY = 'report-viewer:length';
const VERSION_KEY = 'report-viewer:version';
const ID_PREFIX = 'urn:uuid:';
/** Items from other tools have no colour of ours. */
const DEFAULT_COLOR: HighlightColor = 'yellow';
const SOURCE_PREFIX = 'urn:report:';
/** Larger input is refused unread: no annotation file of a person comes near it. */
export const MAX_IMPORT_LENGTH = 20 * 1024 * 1024;
/** Pages followed through embedded "next" links, so a self-made cycle cannot hang the reader. */
const MAX_PAGES = 10_000;
const DEFAULT_GENERATOR = { name: '法治报告阅读器', version: '' };

export function reportSource(reportId: string): string {
  return SOURCE_PREFIX + encodeURIComponent(reportId);
}

type Json = Record<string, unknown>;

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format?: 'text/plain';
  /** BCP 47; only when the text shows it. */
  language?: 'zh' | 'en';
}

/** The text the selectors count in: the report's full text as the host serves it. */
export interface SourceText {
  id: string;
  type: 'Text';
  format: 'text/plain';
  [SHA256_KEY]: string;
  [LENGTH_KEY]: number;
}

export interface ExportedPoint {
  [PARAGRAPH_KEY]: string;
  [OFFSET_KEY]: number;
}

export type QuoteSelector = {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
};
export type PositionSelector = { type: 'TextPositionSelector'; start: number; end: number };

export interface WebAnnotationTarget {
  type: 'SpecificResource';
  source: SourceText;
  selector: [QuoteSelector, PositionSelector] | [QuoteSelector];
  [SECTION_KEY]?: string;
  [START_KEY]: ExportedPoint;
  [END_KEY]: ExportedPoint;
}

export interface Generator {
  type: 'Software';
  name: string;
  [VERSION_KEY]?: string;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting' | 'bookmarking';
  created: string;
  modified: string;
  generator: Generator;
  body?: TextualBody[];
  target: WebAnnotationTarget;
  [COLOR_KEY]: HighlightColor;
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: 0;
  items: WebAnnotation[];
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  /** Absent when there are no annotations: §5.2 allows no empty page. */
  first?: AnnotationPage;
  last?: string;
}

/** A report's full text as the host serves it (openReport), which an export counts in. */
export interface ReportText {
  id: string;
  text: string;
}

const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;
const NOT_LATIN_LETTER = /(?=\p{L})\P{Script=Latin}/u;

/** The language a note or tag shows: Chinese when it has Han characters, English when all its letters are Latin. */
export function textLanguage(text: string): 'zh' | 'en' | undefined {
  if (HAN.test(text)) return 'zh';
  if (LETTER.test(text) && !NOT_LATIN_LETTER.test(text)) return 'en';
  return undefined;
}

function textualBody(purpose: TextualBody['purpose'], value: string): TextualBody {
  const language = textLanguage(value);
  return {
    type: 'TextualBody',
    purpose,
    value,
    ...(purpose === 'commenting' ? { format: 'text/plain' as const } : {}),
    ...(language ? { language } : {}),
  };
}

function motivationOf(annotation: Annotation): WebAnnotation['motivation'] {
  if (annotation.kind === 'bookmark') return 'bookmarking';
  return annotation.note === '' ? 'highlighting' : 'commenting';
}

function exportedPoint(point: TextPoint): ExportedPoint {
  return { [PARAGRAPH_KEY]: point.paragraphId, [OFFSET_KEY]: point.offset };
}

/** The report text with what converting between it and the document needs, built once. */
interface SourceContext {
  text: string;
  doc: ReportDocument;
  index: CodePointIndex;
}

function sourceContext(text: string): SourceContext {
  return { text, doc: parseReport(text), index: codePointIndex(text) };
}

/** Where a document-text offset is in the source text (paragraphs are verbatim slices of it). */
function sourceOffset(context: SourceContext, documentOffset: number): number {
  const text = documentText(context.doc);
  const index = paragraphIndexAt(text, documentOffset);
  const paragraph = text.paragraphs[index];
  if (!paragraph) return 0;
  const within = Math.min(documentOffset - (text.starts[index] ?? 0), paragraph.text.length);
  return paragraph.start + within;
}

/**
 * Where a source offset is in the document text. An offset between paragraphs (line breaks,
 * the information header) moves to the next paragraph's start, or for an end to the previous
 * paragraph's end, so a range never grows over text the document does not have.
 */
function documentOffset(context: SourceContext, offset: number, side: 'start' | 'end'): number {
  const text = documentText(context.doc);
  const { paragraphs, starts } = text;
  let low = 0;
  let high = paragraphs.length;
  // The first paragraph that ends at or after the offset.
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((paragraphs[middle]?.end ?? 0) < offset) low = middle + 1;
    else high = middle;
  }
  const paragraph = paragraphs[low];
  if (!paragraph) return text.text.length;
  if (offset >= paragraph.start) return (starts[low] ?? 0) + offset - paragraph.start;
  if (side === 'start' || low === 0) return starts[low] ?? 0;
  return (starts[low - 1] ?? 0) + (paragraphs[low - 1]?.text.length ?? 0);
}

function quoteAround(context: SourceContext, start: number, end: number): QuoteSelector {
  const { text, index } = context;
  const before = index.toUtf16(Math.max(0, index.toCodePoint(start) - QUOTE_CONTEXT_LENGTH));
  const after = index.toUtf16(index.toCodePoint(end) + QUOTE_CONTEXT_LENGTH);
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(before, start),
    suffix: text.slice(end, after),
  };
}

function toWebAnnotation(
  context: SourceContext,
  source: SourceText,
  generator: Generator,
  annotation: Annotation,
  placed: { start: number; end: number } | null,
): WebAnnotation {
  const { target } = annotation;
  const body = [
    ...(annotation.note === '' ? [] : [textualBody('commenting', annotation.note)]),
    ...annotation.tags.map((tag) => textualBody('tagging', tag)),
  ];
  let selector: WebAnnotationTarget['selector'];
  if (placed) {
    const start = sourceOffset(context, placed.start);
    const end = sourceOffset(context, placed.end);
    selector = [
      quoteAround(context, start, end),
      {
        type: 'TextPositionSelector',
        start: context.index.toCodePoint(start),
        end: context.index.toCodePoint(end),
      },
    ];
  } else {
    // Not in this text any more: the quote as it was made is all another tool could use.
    selector = [{ type: 'TextQuoteSelector', ...target.quote }];
  }
  return {
    id: ID_PREFIX + annotation.id,
    type: 'Annotation',
    motivation: motivationOf(annotation),
    created: annotation.created,
    modified: annotation.updated,
    generator,
    ...(body.length > 0 ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source,
      selector,
      ...(target.sectionId === null ? {} : { [SECTION_KEY]: target.sectionId }),
      [START_KEY]: exportedPoint(target.start),
      [END_KEY]: exportedPoint(target.end),
    },
    [COLOR_KEY]: annotation.color,
  };
}

/** A name-based UUID (RFC 9562 version 8) from a SHA-256, so an export needs no random source. */
export function uuidFrom(name: string): string {
  const hex = sha256Hex(name).slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface CollectionOptions {
  /** The collection's label; defaults to "《报告名》批注". */
  label?: string;
  /** When the collection was generated; defaults to now. */
  now?: Date;
  /** This app, as the annotations' generator. */
  generator?: { name: string; version: string };
}

/**
 * The collection of `annotations` on `report`, whose text is the report's full text exactly as
 * the host serves it: every position and quote in the export counts in that text.
 */
export function toAnnotationCollection(
  report: ReportText,
  annotations: readonly Annotation[],
  options: CollectionOptions = {},
): AnnotationCollection {
  const context = sourceContext(report.text);
  const sha256 = sha256Hex(report.text);
  const generated = (options.now ?? new Date()).toISOString();
  const source: SourceText = {
    id: reportSource(report.id),
    type: 'Text',
    format: 'text/plain',
    [SHA256_KEY]: sha256,
    [LENGTH_KEY]: context.index.length,
  };
  const app = options.generator ?? DEFAULT_GENERATOR;
  const generator: Generator = {
    type: 'Software',
    name: app.name,
    ...(app.version === '' ? {} : { [VERSION_KEY]: app.version }),
  };
  // Placed in this text as the reader would place them (stored points, position, quote).
  const anchored = anchorAnnotations(context.doc, annotations);
  const items = annotations.map((annotation, i) => {
    const place = anchored[i];
    const placed = place && place.status !== 'orphan' ? place.position : null;
    return toWebAnnotation(context, source, generator, annotation, placed);
  });
  const id =
    ID_PREFIX +
    uuidFrom(
      `collection\n${report.id}\n${sha256}\n${generated}\n${annotations.map((a) => a.id).join('\n')}`,
    );
  const pageId = ID_PREFIX + uuidFrom(`page 0\n${id}`);
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.label ?? `《${context.doc.title ?? report.id}》批注`,
    total: items.length,
    generated,
    ...(items.length === 0
      ? {}
      : {
          first: { id: pageId, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
          last: pageId,
        }),
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

/** A target's source IRI: a string (earlier exports, other tools) or an object's id. */
function sourceIdOf(target: Json): unknown {
  return typeof target.source === 'string' ? target.source : asRecord(target.source)?.id;
}

function findTarget(item: Json, reportId: string): { target: Json } | { reason: string } {
  const targets = asList(item.target)
    .map(asRecord)
    .filter((target) => target !== null);
  const ours = targets.find((target) => sourceIdOf(target) === reportSource(reportId));
  if (ours) return { target: ours };
  const source = targets[0] ? sourceIdOf(targets[0]) : undefined;
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

/** A paragraph point as exported now ({report-viewer:paragraphId, …}) or before ({paragraphId, …}). */
function pointOf(value: unknown): unknown {
  const record = asRecord(value);
  if (!record || !(PARAGRAPH_KEY in record)) return value;
  return { paragraphId: record[PARAGRAPH_KEY], offset: record[OFFSET_KEY] };
}

/**
 * Where a quote is in the source text, as a document range: at the hinted code point range if
 * the text there is the quote, else at the occurrence nearest the hint. The quote decides;
 * null when it is nowhere in the document's paragraphs.
 */
function placeQuote(
  context: SourceContext,
  exact: string,
  hint: { start: number; end: number } | null,
): { start: number; end: number } | null {
  const { text, index } = context;
  let found = -1;
  const near = hint ? index.toUtf16(hint.start) : 0;
  if (hint && text.slice(near, index.toUtf16(hint.end)) === exact) found = near;
  for (
    let at = found === -1 ? text.indexOf(exact) : -1;
    at !== -1;
    at = text.indexOf(exact, at + 1)
  ) {
    if (found === -1 || Math.abs(at - near) < Math.abs(found - near)) found = at;
    if (at > near) break;
  }
  if (found === -1 || exact === '') return null;
  const start = documentOffset(context, found, 'start');
  const end = documentOffset(context, found + exact.length, 'end');
  return end > start ? { start, end } : null;
}

/** An earlier export's position (UTF-16 units of the document text) in code points of the source. */
function oldHint(
  context: SourceContext,
  hint: { start: number; end: number } | null,
): { start: number; end: number } | null {
  if (!hint) return null;
  const start = context.index.toCodePoint(sourceOffset(context, hint.start));
  const end = context.index.toCodePoint(sourceOffset(context, hint.end));
  return end >= start ? { start, end } : null;
}

/** Whether a target's positions count in code points of a served text (this version's export). */
function countsInSourceText(target: Json): boolean {
  return typeof asRecord(target.source)?.[SHA256_KEY] === 'string';
}

function naturalNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

function convertItem(raw: unknown, reportId: string, context: SourceContext | null): Converted {
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
  if (item.created === undefined) return skip('缺少创建时间（created）');
  const start = naturalNumber(position?.start);
  const end = naturalNumber(position?.end);
  const hint = start !== null && end !== null && end >= start ? { start, end } : null;

  let annotationTarget: Record<keyof AnnotationTarget, unknown>;
  const placed =
    context && typeof quote.exact === 'string'
      ? placeQuote(context, quote.exact, countsInSourceText(target) ? hint : oldHint(context, hint))
      : null;
  if (context && placed) {
    // Rebuilt from the text, so the quote and points are the document's own.
    annotationTarget = describeRange(context.doc, placed.start, placed.end);
  } else {
    if (target[START_KEY] === undefined || target[END_KEY] === undefined) {
      return skip(
        context && countsInSourceText(target)
          ? '在这份报告里找不到这段引文'
          : '缺少段落位置（不是本阅读器导出的批注）',
      );
    }
    const points = { start: pointOf(target[START_KEY]), end: pointOf(target[END_KEY]) };
    // Positions of an earlier export count in the document text: a hint, the quote decides.
    // Positions of this version's export count elsewhere; without the text, the points say.
    let documentRange = countsInSourceText(target) ? null : hint;
    if (!documentRange && context) {
      const from = toDocumentOffset(documentText(context.doc), points.start as TextPoint);
      const to = toDocumentOffset(documentText(context.doc), points.end as TextPoint);
      if (from !== null && to !== null && to >= from) documentRange = { start: from, end: to };
    }
    annotationTarget = {
      sectionId: target[SECTION_KEY] ?? null,
      start: points.start,
      end: points.end,
      position: documentRange ?? { start: 0, end: 0 },
      quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    };
  }

  const { note, tags } = bodyText(item);
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
 * why each other item was skipped. `sourceText` is the report's full text as the host serves
 * it, in which this version's exports count their positions; without it those positions are
 * not used (the paragraph points and the quote still place each annotation).
 */
export function parseAnnotationCollection(
  json: string,
  reportId: string,
  sourceText?: string,
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
  const context = sourceText === undefined ? null : sourceContext(sourceText);
  for (const item of items) {
    const record = asRecord(item);
    const id = record ? idOf(record) : null;
    const converted = convertItem(item, reportId, context);
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
