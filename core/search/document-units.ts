/**
 * The units a report contributes to search: one per metadata field, then one per paragraph in
 * document order (title, preamble, headings, bodies). A run-in heading stays one unit with its
 * body, so a phrase that runs from the heading into the body is still found; only hits inside
 * its heading part get the heading boost.
 */
import type { MetadataField, Paragraph, ReportDocument } from '../report/report-model';
import type { SearchUnit } from './search-unit';

/** Between a metadata field's label and value in its unit text: the value starts after it. */
export const METADATA_SEPARATOR = ':';

/**
 * A metadata field's unit text: canonical label, separator, value ("发布机构:江宁区司法局"), so
 * both are searchable. A hit at offset < label.length is in the label; one at offset
 * >= label.length + 1 is at (offset - label.length - 1) in the value.
 */
export function metadataUnitText(field: MetadataField): string {
  return field.label + METADATA_SEPARATOR + field.value;
}

export function paragraphUnitId(paragraphId: string): string {
  return `paragraph:${paragraphId}`;
}

export function metadataUnitId(index: number): string {
  return `metadata:${index}`;
}

function headingLength(paragraph: Paragraph): number {
  if (paragraph.kind === 'title') return paragraph.text.length;
  if (paragraph.kind === 'heading') return paragraph.headingLength ?? paragraph.text.length;
  return 0;
}

export function documentSearchUnits(doc: ReportDocument): SearchUnit[] {
  const numberPaths = new Map(doc.flatSections.map((s) => [s.id, s.numberPath]));
  const metadata = doc.metadata.map((field, index): SearchUnit => ({
    id: metadataUnitId(index),
    kind: 'metadata',
    text: metadataUnitText(field),
    order: index,
    paragraphId: null,
    sectionId: null,
    numberPath: null,
    headingLength: 0,
  }));
  const paragraphs = doc.paragraphs.map((paragraph, index): SearchUnit => ({
    id: paragraphUnitId(paragraph.id),
    kind: paragraph.kind === 'title' || paragraph.kind === 'heading' ? 'heading' : 'paragraph',
    text: paragraph.text,
    order: metadata.length + index,
    paragraphId: paragraph.id,
    sectionId: paragraph.sectionId,
    numberPath:
      paragraph.sectionId === null ? null : (numberPaths.get(paragraph.sectionId) ?? null),
    headingLength: headingLength(paragraph),
  }));
  return [...metadata, ...paragraphs];
}
