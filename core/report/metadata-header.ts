/**
 * Reads the disclosure page's header: the leading lines of label/value pairs
 * ("索 引 号:    013053208/2024-16073 主题分类:    公安、安全、司法").
 */
import type { MetadataField } from './report-model';
import type { SourceLine } from './source-lines';

/** The labels of the government information disclosure header, in canonical form. */
export const METADATA_LABELS: readonly string[] = [
  '索引号',
  '主题分类',
  '组配分类',
  '体裁分类',
  '发布机构',
  '生成日期',
  '生效日期',
  '废止日期',
  '信息名称',
  '文号',
  '关键词',
  '内容概览',
  '在线链接地址',
  '文件下载',
];

export interface MetadataHeader {
  fields: MetadataField[];
  /** How many leading lines the header spans (0 when there is none). */
  lineCount: number;
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
  .map((label) => [...label].map(escapeRegExp).join('\\s*'))
  .join('|');
const LABEL_AT_START = new RegExp(`^(?:${LABEL_SOURCE})\\s*[:：]`, 'u');
const LABEL_ANYWHERE = new RegExp(`(?<=^|\\s)(${LABEL_SOURCE})\\s*[:：]`, 'gu');

const canonicalLabel = (rawLabel: string): string => rawLabel.replace(/\s/gu, '');

/** True when a trimmed line starts with a known label and its colon. */
export function startsWithLabel(text: string): boolean {
  return LABEL_AT_START.test(text);
}

/** The label/value pairs of one header line, in order. */
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

/** The header at the top of the source: lines starting with a label, blank lines among them. */
export function readMetadataHeader(lines: readonly SourceLine[]): MetadataHeader {
  let lineCount = 0;
  let end = 0;
  const fields: MetadataField[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.text === '') continue;
    if (!startsWithLabel(line.text)) break;
    fields.push(...parseHeaderLine(line.text));
    lineCount = i + 1;
    end = line.next;
  }
  return { fields, lineCount, end };
}
