/**
 * Citations for quoted passages: "《南京市江宁区2023年度法治政府建设工作报告》一、(二) 6. 第2段".
 *
 * Paragraphs are numbered within their own section (children's paragraphs excluded), counting
 * what a reader sees as paragraphs of text: a run-in heading's paragraph ("6.切实提高…。开展…")
 * is 第1段 because body text follows on the same line; a standalone heading is not counted, so
 * the paragraph after it is 第1段. A passage inside a heading itself (a bookmark) is cited by the
 * section's number alone. The title is 标题; paragraphs before the first heading are 前言 第N段.
 * A passage over several paragraphs is 第2—3段, or "A 至 B" when it crosses sections.
 * No space follows 、 ("二、第1段"), as in the section number paths themselves.
 */
import { joinNumberPath } from '../report/numbering';
import type { Paragraph, ReportDocument, Section } from '../report/report-model';
import type { AnnotationTarget } from './annotation-model';
import { documentText } from './document-text';

/** What a citation needs of a target; an anchoring result's points fit too. */
export type CitedRange = Pick<AnnotationTarget, 'start' | 'end' | 'sectionId'>;

const UNTITLED = '未命名报告';

interface ParagraphPlace {
  /** "一、(二) 6.", "前言" or "" (the title). */
  path: string;
  /** 2 for 第2段, null when the paragraph is a heading or the title. */
  number: number | null;
  /** "第2段", "标题" or "" (a heading, cited by its path alone). */
  label: string;
}

function sectionById(doc: ReportDocument, id: string | null): Section | undefined {
  return id === null ? undefined : doc.flatSections.find((section) => section.id === id);
}

function placeOf(doc: ReportDocument, paragraph: Paragraph): ParagraphPlace {
  if (paragraph.kind === 'title') return { path: '', number: null, label: '标题' };
  const section = sectionById(doc, paragraph.sectionId);
  const [siblings, path, headingCounts] = section
    ? [section.paragraphs, section.numberPath, section.runIn]
    : [doc.preamble, '前言', true];
  const index = siblings.findIndex((sibling) => sibling.id === paragraph.id);
  const number = headingCounts ? index + 1 : index;
  if (number < 1) return { path, number: null, label: '' };
  return { path, number, label: `第${number}段` };
}

/** "一、(二) 6. 第2段", "二、第1段" (no space after 、, as in section number paths), "标题". */
function joinPlace(path: string, label: string): string {
  if (path === '' || label === '') return path + label;
  return joinNumberPath(path, label);
}

/** Where in the report a range is, without the report's name: "一、(二) 6. 第2段". */
export function citeLocation(doc: ReportDocument, range: CitedRange): string {
  const text = documentText(doc);
  const startIndex = text.indexById.get(range.start.paragraphId);
  const endIndex = text.indexById.get(range.end.paragraphId);
  const first = startIndex === undefined ? undefined : text.paragraphs[startIndex];
  if (startIndex === undefined || endIndex === undefined || first === undefined) {
    // Points from another edition: the section, if it still exists, is the best we can say.
    return sectionById(doc, range.sectionId)?.numberPath ?? '';
  }
  // A range that ends at the very start of a paragraph ends in the one before (at its end).
  const endsBefore = endIndex > startIndex && range.end.offset === 0;
  const last = text.paragraphs[endsBefore ? endIndex - 1 : endIndex] ?? first;
  const endOffset = endsBefore ? last.text.length : range.end.offset;

  const start = placeOf(doc, first);
  const inHeadingPart =
    first.kind === 'heading' &&
    last === first &&
    endOffset <= (first.headingLength ?? first.text.length);
  if (inHeadingPart) return start.path;
  if (last === first) return joinPlace(start.path, start.label);

  const end = placeOf(doc, last);
  if (first.sectionId !== last.sectionId || first.kind === 'title' || last.kind === 'title') {
    return `${joinPlace(start.path, start.label)} 至 ${joinPlace(end.path, end.label)}`;
  }
  const labels =
    start.number !== null && end.number !== null
      ? `第${start.number}—${end.number}段`
      : `${start.label || '标题'}—${end.label}`;
  return joinPlace(start.path, labels);
}

/** "《报告名》一、(二) 6. 第2段". */
export function citeAnnotation(doc: ReportDocument, range: CitedRange): string {
  return `《${doc.title ?? UNTITLED}》${citeLocation(doc, range)}`;
}

/**
 * What "copy with citation" puts on the clipboard: the quote as published, then on its own
 * line "——" and the citation, the way a quotation is attributed in Chinese writing.
 */
export function copyWithCitation(doc: ReportDocument, target: AnnotationTarget): string {
  return `${target.quote.exact}\n——${citeAnnotation(doc, target)}`;
}
