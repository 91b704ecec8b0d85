/**
 * Exports a report's annotations as Markdown a person can read anywhere:
 *
 *   # 《报告名》批注（导出于 2024年3月5日）
 *   ## 一、(二) 6. 切实提高行政复议应诉水平        (sections in document order)
 *   ### 《报告名》一、(二) 6. 第1段                 (one per annotation: its citation)
 *   > the passage                                   (as it reads in this edition)
 *   the note
 *   - 标签：#复议 #应诉 / 颜色：黄 / 创建：… / 更新：…
 *   ## 未能定位                                      (orphans, with their stored quotes)
 *
 * Annotations are anchored in `doc` first, so sections and citations are those of the edition
 * being read. User text is escaped (markdown-text.ts) so it cannot break this structure.
 */
import type { ReportDocument } from '../report/report-model';
import type { Annotation, HighlightColor } from './annotation-model';
import { anchorAnnotations, type AnchoredResult, type OrphanResult } from './anchor';
import { citeAnnotation, citeLocation } from './citation';
import { documentText } from './document-text';
import { escapeMarkdownLines, markdownBlockquote } from './markdown-text';
import { sectionLabel } from '../report/section-label';

export interface ExportMarkdownOptions {
  /** The export date in the title line; defaults to the current time. */
  now?: Date;
  /** Time zone for dates (IANA name); defaults to the system's. */
  timeZone?: string;
}

export const COLOR_NAMES: Readonly<Record<HighlightColor, string>> = {
  yellow: '黄',
  green: '绿',
  blue: '蓝',
  pink: '粉',
  purple: '紫',
};

interface DateFormats {
  day: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
}

function dateFormats(timeZone: string | undefined): DateFormats {
  const zone = timeZone === undefined ? {} : { timeZone };
  return {
    day: new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', ...zone }),
    time: new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeStyle: 'short', ...zone }),
  };
}

/** "#法治 #复议": a space inside a tag would end it, so it becomes "_". */
function tagList(tags: readonly string[]): string {
  return tags.map((tag) => `#${tag.trim().replace(/\s+/gu, '_')}`).join(' ');
}

function details(annotation: Annotation, formats: DateFormats): string {
  const lines = [
    annotation.tags.length > 0 ? `- 标签：${tagList(annotation.tags)}` : null,
    `- 颜色：${COLOR_NAMES[annotation.color]}`,
    `- 创建：${formats.time.format(new Date(annotation.created))}`,
    `- 更新：${formats.time.format(new Date(annotation.updated))}`,
  ];
  return lines.filter((line) => line !== null).join('\n');
}

/** One annotation: heading, the passage (not for bookmarks: it is the section heading), note. */
function annotationBlock(
  heading: string,
  annotation: Annotation,
  passage: string,
  formats: DateFormats,
): string {
  const parts = [`### ${heading}`];
  if (annotation.kind === 'highlight') parts.push(markdownBlockquote(passage));
  if (annotation.note.trim() !== '') parts.push(escapeMarkdownLines(annotation.note).join('\n'));
  parts.push(details(annotation, formats));
  return parts.join('\n\n');
}

function sectionHeading(doc: ReportDocument, sectionId: string | null): string {
  const section = doc.flatSections.find((candidate) => candidate.id === sectionId);
  return section ? `## ${sectionLabel(section)}` : '## 标题与前言';
}

function anchoredBlock(doc: ReportDocument, result: AnchoredResult, formats: DateFormats): string {
  const citation = citeAnnotation(doc, {
    ...result,
    sectionId: result.annotation.target.sectionId,
  });
  const heading = result.annotation.kind === 'bookmark' ? `书签：${citation}` : citation;
  const passage = documentText(doc).text.slice(result.position.start, result.position.end);
  return annotationBlock(heading, result.annotation, passage, formats);
}

function orphanBlock(doc: ReportDocument, result: OrphanResult, formats: DateFormats): string {
  const { target } = result.annotation;
  const place = citeLocation(doc, target);
  const heading = place === '' ? '原位置不明' : `原位于 ${place}`;
  return annotationBlock(heading, result.annotation, target.quote.exact, formats);
}

export function exportMarkdown(
  doc: ReportDocument,
  annotations: readonly Annotation[],
  options: ExportMarkdownOptions = {},
): string {
  const formats = dateFormats(options.timeZone);
  const title = doc.title ?? '未命名报告';
  const blocks = [`# 《${title}》批注（导出于 ${formats.day.format(options.now ?? new Date())}）`];
  if (annotations.length === 0) blocks.push('（没有批注。）');

  const results = anchorAnnotations(doc, annotations);
  const anchored = results
    .filter((result): result is AnchoredResult => result.status !== 'orphan')
    .sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end);
  const text = documentText(doc);
  let currentSection: string | null | undefined;
  for (const result of anchored) {
    const paragraph = text.paragraphs[text.indexById.get(result.start.paragraphId) ?? -1];
    const sectionId = paragraph?.sectionId ?? null;
    if (sectionId !== currentSection) {
      blocks.push(sectionHeading(doc, sectionId));
      currentSection = sectionId;
    }
    blocks.push(anchoredBlock(doc, result, formats));
  }

  const orphans = results.filter((result): result is OrphanResult => result.status === 'orphan');
  if (orphans.length > 0) {
    blocks.push('## 未能定位', '以下批注的原文在这一版报告中找不到了，这里保留当初引用的文字。');
    for (const orphan of orphans) blocks.push(orphanBlock(doc, orphan, formats));
  }
  return `${blocks.join('\n\n')}\n`;
}
