/**
 * Turns what the reader selected (or the section they bookmarked) into an annotation target:
 * paragraph points, document position, and the quote with its context, so the annotation can
 * be found again in a corrected edition of the report.
 */
import type { ReportDocument } from '../report/report-model';
import {
  QUOTE_CONTEXT_LENGTH,
  QUOTE_MAX_LENGTH,
  type AnnotationTarget,
  type TextPoint,
} from './annotation-model';
import { fail, succeed, type AnnotationResult } from './annotation-error';
import { documentText, toDocumentOffset, toTextPoint, type DocumentText } from './document-text';

/**
 * The target for the document range [start, end), which the caller has checked is a non-empty
 * range inside the text. Shared by selections, bookmarks and re-anchoring.
 */
export function describeRange(doc: ReportDocument, start: number, end: number): AnnotationTarget {
  const text = documentText(doc);
  const startPoint = pointOrThrow(text, start);
  const endPoint = pointOrThrow(text, end);
  const paragraph = text.paragraphs[text.indexById.get(startPoint.paragraphId) ?? -1];
  return {
    sectionId: paragraph?.sectionId ?? null,
    start: startPoint,
    end: endPoint,
    position: { start, end },
    quote: {
      exact: text.text.slice(start, end),
      prefix: text.text.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
      suffix: text.text.slice(end, end + QUOTE_CONTEXT_LENGTH),
    },
  };
}

function pointOrThrow(text: DocumentText, offset: number): TextPoint {
  const point = toTextPoint(text, offset);
  // Only reachable for a document without paragraphs, where no range is non-empty.
  if (!point) throw new Error('describeRange: the document has no text');
  return point;
}

/** The document offset of a selection's end point, or why it is not in the document. */
function selectionOffset(text: DocumentText, point: TextPoint): AnnotationResult<number> {
  const offset = toDocumentOffset(text, point);
  if (offset !== null) return succeed(offset);
  return text.indexById.has(point.paragraphId)
    ? fail('offset-out-of-range', '选区超出了段落的范围，请重新选择。', JSON.stringify(point))
    : fail('unknown-paragraph', '选区所在的段落在这份报告里找不到。', point.paragraphId);
}

/** The target of a selection from `start` to `end`; it may cross paragraphs. */
export function describeSelection(
  doc: ReportDocument,
  start: TextPoint,
  end: TextPoint,
): AnnotationResult<AnnotationTarget> {
  const text = documentText(doc);
  const from = selectionOffset(text, start);
  if (!from.ok) return from;
  const to = selectionOffset(text, end);
  if (!to.ok) return to;
  const [startOffset, endOffset] = [from.value, to.value];
  if (endOffset < startOffset) {
    return fail(
      'reversed-selection',
      '选区的结尾在开头之前。',
      `start ${startOffset}, end ${endOffset}`,
    );
  }
  const exact = text.text.slice(startOffset, endOffset);
  if (exact.trim() === '') {
    return fail('empty-selection', '没有选中文字。', `range [${startOffset}, ${endOffset})`);
  }
  if (exact.length > QUOTE_MAX_LENGTH) {
    return fail(
      'selection-too-long',
      `选中的文字太长（最多 ${QUOTE_MAX_LENGTH} 个字）。`,
      `${exact.length} characters`,
    );
  }
  return succeed(describeRange(doc, startOffset, endOffset));
}

/** The target of a bookmark on a section: the heading part of its heading paragraph. */
export function describeSection(
  doc: ReportDocument,
  sectionId: string,
): AnnotationResult<AnnotationTarget> {
  const section = doc.flatSections.find((candidate) => candidate.id === sectionId);
  const heading = section?.paragraphs[0];
  if (!section || !heading) {
    return fail('unknown-section', '这一节在这份报告里找不到。', sectionId);
  }
  const headingLength = heading.headingLength ?? heading.text.length;
  return describeSelection(
    doc,
    { paragraphId: heading.id, offset: 0 },
    { paragraphId: heading.id, offset: headingLength },
  );
}
