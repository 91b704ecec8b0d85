/**
 * The user's notes as search units, so one search covers the report and what the user wrote
 * about it. A note sorts right after the paragraph its annotation starts in; a note whose
 * annotation could not be placed sorts at the end.
 */
import type { ReportDocument } from '../report/report-model';
import type { SearchUnit } from '../search/search-unit';
import type { AnchorResult } from './anchor';

export function noteUnitId(annotationId: string): string {
  return `note:${annotationId}`;
}

/** The annotation id of a note unit's id, or null for any other unit. */
export function annotationIdOfUnit(unitId: string): string | null {
  return unitId.startsWith('note:') ? unitId.slice('note:'.length) : null;
}

export function noteSearchUnits(
  doc: ReportDocument,
  anchored: readonly AnchorResult[],
): SearchUnit[] {
  const paragraphIndex = new Map(doc.paragraphs.map((p, i) => [p.id, i]));
  const numberPaths = new Map(doc.flatSections.map((s) => [s.id, s.numberPath]));
  // Paragraph units come after the metadata units (see search/document-units.ts).
  const firstParagraphOrder = doc.metadata.length;
  const afterEverything = firstParagraphOrder + doc.paragraphs.length + 1;
  return anchored
    .filter((r) => r.annotation.note.trim() !== '')
    .map((r): SearchUnit => {
      const paragraph = r.start
        ? doc.paragraphs[paragraphIndex.get(r.start.paragraphId) ?? -1]
        : undefined;
      const sectionId = paragraph?.sectionId ?? null;
      return {
        id: noteUnitId(r.annotation.id),
        kind: 'note',
        text: r.annotation.note,
        order: paragraph
          ? firstParagraphOrder + paragraphIndex.get(paragraph.id)! + 0.5
          : afterEverything,
        paragraphId: paragraph?.id ?? null,
        sectionId,
        numberPath: sectionId ? (numberPaths.get(sectionId) ?? null) : null,
        headingLength: 0,
      };
    });
}
