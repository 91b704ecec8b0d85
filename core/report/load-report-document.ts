/**
 * The only way from an imported source to the shared document model: header, front matter,
 * title, preamble, numbered sections, the closing 落款 block and the appendix parts, with
 * tables as table paragraphs. Never throws and never loses or reorders a character: every
 * non-whitespace character after the header lands in exactly one paragraph, and shapes it does
 * not recognise degrade to plain paragraphs.
 */
import { appendixStart, buildAppendixSections } from './appendix-sections';
import { findClosing } from './closing-block';
import { cleanDeclaredTitle, declaredMetadata } from './declared-title';
import { readDocumentInfo } from './document-info';
import { headerFields, readMetadataHeader } from './metadata-header';
import type { MetadataField, Paragraph, ReportDocument } from './report-model';
import type { ReportSource } from './report-source';
import { buildSectionTree, makeParagraph } from './section-tree';
import { splitBlocks, type SourceBlock } from './source-blocks';
import { findTitle } from './title-line';

/** The title paragraph over one or more lines: the verbatim slice from first to last. */
function titleParagraph(text: string, lines: readonly SourceBlock[]): Paragraph | null {
  const first = lines[0];
  const last = lines.at(-1);
  if (!first || !last) return null;
  return {
    id: 'title',
    kind: 'title',
    sectionId: null,
    text: text.slice(first.start, last.end),
    start: first.start,
    end: last.end,
  };
}

/** Title lines joined as one title: no separator between CJK, a space between Latin words. */
export function joinTitleLines(lines: readonly string[]): string {
  return lines.reduce((joined, line) =>
    /[A-Za-z0-9]$/u.test(joined) && /^[A-Za-z0-9]/u.test(line)
      ? `${joined} ${line}`
      : joined + line,
  );
}

const fieldValue = (fields: readonly MetadataField[], label: string): string | undefined =>
  fields.find((field) => field.label === label && field.value !== '')?.value;

/** The file name without its folder and extension, as the last-resort title. */
function fileTitle(fileName: string | undefined): string | null {
  const base = (fileName ?? '').split(/[\\/]/u).pop() ?? '';
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/u, '').trim();
  return stem === '' ? null : stem;
}

/**
 * The header's fields, then those of label lines in the text and those the format declared,
 * each only for a label not given before (the header is the fullest published form).
 */
function mergeFields(...lists: readonly MetadataField[][]): MetadataField[] {
  const [first = [], ...rest] = lists;
  const merged = [...first];
  const known = new Set(first.map((field) => field.label));
  for (const field of rest.flat()) {
    if (known.has(field.label)) continue;
    known.add(field.label);
    merged.push(field);
  }
  return merged;
}

/** The fields of a «label：value» line outside the header (it stays a paragraph too). */
const lineFields = (block: SourceBlock): MetadataField[] =>
  block.rows ? [] : (headerFields(block) ?? []);

/**
 * The label lines right under the title ("来源：北京日报"), before the text's first sentence:
 * they are document information as well as paragraphs.
 */
function openingInfo(rest: readonly SourceBlock[]): SourceBlock[] {
  const lines: SourceBlock[] = [];
  for (const block of rest.slice(0, 4)) {
    if (lineFields(block).length > 0) lines.push(block);
    else if (/[。！？]/u.test(block.text)) break;
  }
  return lines;
}

export interface LoadOptions {
  /** Called with the fraction done after each stage (a large report takes a moment). */
  onProgress?: (fraction: number) => void;
}

/** Parses an imported report into the document model; never throws. */
export function loadReportDocument(
  source: ReportSource,
  options: LoadOptions = {},
): ReportDocument {
  const text = typeof source.text === 'string' ? source.text : '';
  const blocks = splitBlocks({ ...source, text });
  options.onProgress?.(0.5);
  const header = readMetadataHeader(blocks);
  const body = blocks.slice(header.blockCount).filter((block) => block.text !== '');

  const declaredTitle = cleanDeclaredTitle(source.declaredTitle ?? '');
  const fieldTitle = fieldValue(header.fields, '标题');
  const declared = [fieldTitle, declaredTitle, fieldValue(header.fields, '信息名称')].filter(
    (title): title is string => title !== undefined && title !== '',
  );
  const place = findTitle(body, declared);
  const frontBlocks = body.slice(0, place.frontCount);
  const titleLines = body.slice(place.frontCount, place.frontCount + place.titleCount);
  const rest = body.slice(place.frontCount + place.titleCount);

  const appendixAt = appendixStart(rest);
  const main = rest.slice(0, appendixAt);
  const closingFacts = findClosing(main);
  const takenIds = new Set<string>();
  const tree = buildSectionTree(main.slice(0, closingFacts.start), takenIds);
  const appendices = buildAppendixSections(rest.slice(appendixAt), takenIds);
  options.onProgress?.(0.9);

  const front = frontBlocks.map((block, i) =>
    makeParagraph(`front-p${i + 1}`, 'front', null, block),
  );
  const title = titleParagraph(text, titleLines);
  const closing = main
    .slice(closingFacts.start)
    .map((block, i) => makeParagraph(`end-p${i + 1}`, 'closing', null, block));
  const appendixParagraphs = appendices.flatMap((section) => section.paragraphs);

  const metadata = mergeFields(
    header.fields,
    [...frontBlocks, ...openingInfo(rest)].flatMap(lineFields),
    declaredMetadata(source.declaredFields ?? []),
  );
  const titleText =
    fieldTitle ??
    (declaredTitle !== '' && (source.format === 'html' || !title) ? declaredTitle : undefined) ??
    (title ? joinTitleLines(titleLines.map((line) => line.text)) : undefined) ??
    fieldValue(metadata, '信息名称') ??
    fileTitle(source.fileName);

  return {
    metadata,
    title: titleText ?? null,
    titleParagraph: title,
    preamble: tree.preamble,
    sections: [...tree.sections, ...appendices],
    paragraphs: [
      ...front,
      ...(title ? [title] : []),
      ...tree.paragraphs,
      ...closing,
      ...appendixParagraphs,
    ],
    flatSections: [...tree.flatSections, ...appendices],
    bodyStart: header.end,
    front,
    closing,
    documentInfo: readDocumentInfo(metadata, frontBlocks, rest, closingFacts),
  };
}
