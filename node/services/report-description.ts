/**
 * What the report list shows of a document without opening it: its title and, when the
 * document states them, its 发文字号 and its date. Computed once per file version (at import,
 * or when a bundled file first appears or changes) and kept in the manifest or the cache.
 */
import type { ReportSource } from '../../core/report/report-source';
import { loadReportDocument } from '../../core/report/load-report-document';

export interface ReportDescription {
  /** The document's own title; the file name without its ending when none is found. */
  title: string;
  documentNumber: string | null;
  date: string | null;
}

/** Labels in order of preference, in canonical form (no inner spaces). */
const NUMBER_LABELS = ['发文字号', '文号', '文件编号'];
const DATE_LABELS = ['成文日期', '发布日期', '发文日期', '生成日期', '印发日期', '日期'];

export function describeReport(source: ReportSource, fileName: string): ReportDescription {
  // The same parse the reader makes: its title already prefers a declared one (HTML
  // ArticleTitle, .docx dc:title) and never takes a salutation or a metadata line.
  const document = loadReportDocument(source);
  const fields = [
    ...document.metadata.map((f) => ({ label: f.label, value: f.value })),
    ...(source.declaredFields ?? []),
  ];
  const info = document.documentInfo;
  return {
    title: clean(document.title) ?? clean(source.declaredTitle) ?? withoutExtension(fileName),
    documentNumber: clean(info?.documentNumber) ?? firstField(fields, NUMBER_LABELS),
    date: clean(info?.issuedDate) ?? firstField(fields, DATE_LABELS),
  };
}

function firstField(
  fields: readonly { label: string; value: string }[],
  labels: readonly string[],
): string | null {
  for (const label of labels) {
    const found = fields.find((f) => canonical(f.label) === label && f.value.trim() !== '');
    if (found) return found.value.trim();
  }
  return null;
}

const canonical = (label: string): string => label.replace(/[\s:：]/gu, '');

function clean(title: string | null | undefined): string | null {
  const text = title?.replace(/\s+/gu, ' ').trim();
  return text ? text : null;
}

export function withoutExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}
