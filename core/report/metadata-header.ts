/**
 * Reads the disclosure page's header: the leading lines of label/value pairs in any of their
 * published forms —
 *   "索 引 号:    013053208/2024-16073 主题分类:    公安、安全、司法"   (several pairs a line)
 *   "索引号\t013053208\t主题分类\t公安"                                  (tab-separated)
 *   "索 引 号 | 013053208 | 主题分类 | 公安"                              (a pipe table)
 * and a table from the importer whose cells are labels and values.
 */
import type { MetadataField } from './report-model';
import type { SourceBlock } from './source-blocks';

/** The labels of government information headers, in canonical form. */
export const METADATA_LABELS: readonly string[] = [
  '索引号',
  '信息索引号',
  '主题分类',
  '组配分类',
  '体裁分类',
  '服务对象分类',
  '发布机构',
  '发布单位',
  '发文机关',
  '发文单位',
  '成文日期',
  '发文日期',
  '生成日期',
  '发布日期',
  '发布时间',
  '实施日期',
  '生效日期',
  '废止日期',
  '有效性',
  '效力状态',
  '信息名称',
  '标题',
  '名称',
  '发文字号',
  '文号',
  '主题词',
  '关键词',
  '内容概览',
  '内容概述',
  '公开方式',
  '公开范围',
  '来源',
  '信息来源',
  '在线链接地址',
  '文件下载',
];

export interface MetadataHeader {
  fields: MetadataField[];
  /** How many leading blocks the header spans (0 when there is none). */
  blockCount: number;
  /** Offset just after the line break of the header's last line; 0 when there is no header. */
  end: number;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/*
 * A label may be spread with spaces, U+3000 or NBSP ("索 引 号", "文  号") and is followed by a
 * half- or full-width colon. A label only counts at the start of a line or after whitespace, so
 * a value that merely contains a label's characters is not split.
 */
const LABEL_SOURCE = [...METADATA_LABELS]
  .sort((a, b) => b.length - a.length)
  .map((label) => [...label].map(escapeRegExp).join('[^\\S\\n\\t]*'))
  .join('|');
const LABEL_AT_START = new RegExp(`^(?:${LABEL_SOURCE})\\s*[:：]`, 'u');
const LABEL_ANYWHERE = new RegExp(`(?<=^|\\s)(${LABEL_SOURCE})\\s*[:：]`, 'gu');
/** A cell that is only a label, with or without its colon ("索 引 号", "发文机关："). */
const LABEL_CELL = new RegExp(`^(${LABEL_SOURCE})\\s*[:：]?$`, 'u');

export const canonicalLabel = (rawLabel: string): string => rawLabel.replace(/\s/gu, '');

/** True when a trimmed line starts with a known label and its colon. */
export function startsWithLabel(text: string): boolean {
  return LABEL_AT_START.test(text);
}

/** The label/value pairs of one «label：value» line, in order. */
export function parseHeaderLine(text: string): MetadataField[] {
  const labels = [...text.matchAll(LABEL_ANYWHERE)];
  return labels.map((match, i) => {
    const rawLabel = match[1] ?? '';
    const valueStart = match.index + match[0].length;
    const valueEnd = labels[i + 1]?.index ?? text.length;
    return {
      label: canonicalLabel(rawLabel),
      rawLabel,
      value: text.slice(valueStart, valueEnd).trim(),
    };
  });
}

/**
 * Fields from a row of cells: a label cell takes the next cell as its value; a «label：value»
 * cell is read as such. Null when the first non-empty cell is no label (not a header row).
 */
export function fieldsFromCells(cells: readonly string[]): MetadataField[] | null {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  const fields: MetadataField[] = [];
  for (let i = 0; i < filled.length; i += 1) {
    const cell = filled[i] as string;
    const label = LABEL_CELL.exec(cell);
    if (label) {
      const rawLabel = label[1] ?? '';
      const next = filled[i + 1];
      const value = next !== undefined && !LABEL_CELL.test(next) ? next : '';
      if (value !== '') i += 1;
      fields.push({ label: canonicalLabel(rawLabel), rawLabel, value });
      continue;
    }
    if (startsWithLabel(cell)) {
      fields.push(...parseHeaderLine(cell));
      continue;
    }
    if (fields.length === 0) return null;
    // A stray cell between pairs joins the previous value (a value split across cells).
    const last = fields.at(-1) as MetadataField;
    last.value = last.value === '' ? cell : `${last.value} ${cell}`;
  }
  return fields.length > 0 ? fields : null;
}

/** The fields of one header line or table, or null when it is not part of a header. */
export function headerFields(block: SourceBlock): MetadataField[] | null {
  if (block.rows) return tableFields(block);
  const { text } = block;
  if (/[\t|｜]/u.test(text)) {
    const cells = text.replace(/^[|｜]|[|｜]$/gu, '').split(/[\t|｜]/u);
    const fields = fieldsFromCells(cells);
    if (fields) return fields;
  }
  return startsWithLabel(text) ? parseHeaderLine(text) : null;
}

/** A table is header when every row with text starts with a label (so no cell is dropped). */
function tableFields(block: SourceBlock): MetadataField[] | null {
  const rows = (block.rows ?? []).filter((row) => row.some((cell) => cell.text !== ''));
  const perRow = rows.map((row) => fieldsFromCells(row.map((cell) => cell.text)));
  if (rows.length === 0 || perRow.some((fields) => fields === null)) return null;
  return perRow.flatMap((fields) => fields ?? []);
}

/** The header at the top of the source: label lines and tables, blank lines among them. */
export function readMetadataHeader(blocks: readonly SourceBlock[]): MetadataHeader {
  let blockCount = 0;
  let end = 0;
  const fields: MetadataField[] = [];
  for (const [i, block] of blocks.entries()) {
    if (block.text === '') continue;
    const found = headerFields(block);
    if (!found) break;
    fields.push(...found);
    blockCount = i + 1;
    end = block.next;
  }
  return { fields, blockCount, end };
}
