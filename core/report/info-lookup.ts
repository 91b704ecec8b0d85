/**
 * Reads a piece of document information by what it means rather than by one label: the same
 * fact is published under different labels (发布机构 on a disclosure page, 发文机关 on a 公文).
 */
import type { ReportDocument } from './report-model';

export type InfoKind = 'publisher' | 'date' | 'index' | 'documentNumber';

/** The labels each kind is published under, most specific first. */
export const INFO_LABELS: Record<InfoKind, readonly string[]> = {
  publisher: ['发布机构', '发文机关', '发文单位', '来源'],
  date: ['成文日期', '生成日期', '发布日期', '发文日期'],
  index: ['索引号'],
  documentNumber: ['发文字号', '文号'],
};

/** The first non-empty value published under one of the kind's labels, or null. */
export function infoValue(doc: Pick<ReportDocument, 'metadata'>, kind: InfoKind): string | null {
  for (const label of INFO_LABELS[kind]) {
    const value = doc.metadata.find((field) => field.label === label)?.value;
    if (value) return value;
  }
  return null;
}
