/**
 * Filtering and sorting for the key-figures table: by section (with its subsections), unit,
 * kind and words, and in document order, by value or by subject.
 */
import type { ReportDocument } from '../report/report-model';
import type { Figure, FigureKind } from './figure-model';

export interface FigureFilter {
  /** Keep figures in these sections (see `sectionAndDescendants`); all when absent. */
  sectionIds?: ReadonlySet<string>;
  /** Keep figures with one of these units ('' for no unit); all when absent or empty. */
  units?: readonly string[];
  kind?: FigureKind;
  /** Keep figures whose subject, raw text or snippet contains these words (case-insensitive). */
  text?: string;
}

export type FigureSortOrder =
  'document' | 'value-descending' | 'value-ascending' | 'subject' | 'unit';

export function filterFigures(figures: readonly Figure[], filter: FigureFilter): Figure[] {
  const units = filter.units && filter.units.length > 0 ? new Set(filter.units) : null;
  const needle = filter.text?.trim().toLowerCase() ?? '';
  return figures.filter(
    (figure) =>
      (!filter.sectionIds ||
        (figure.sectionId !== null && filter.sectionIds.has(figure.sectionId))) &&
      (!units || units.has(figure.unit)) &&
      (!filter.kind || figure.kind === filter.kind) &&
      (needle === '' ||
        [figure.subject, figure.raw, figure.snippet].some((field) =>
          field.toLowerCase().includes(needle),
        )),
  );
}

/** The id of a section and of every section under it, for a section filter. */
export function sectionAndDescendants(doc: ReportDocument, sectionId: string): Set<string> {
  const ids = new Set<string>([sectionId]);
  // flatSections is pre-order, so a parent is always seen before its children.
  for (const section of doc.flatSections) {
    if (section.parentId !== null && ids.has(section.parentId)) ids.add(section.id);
  }
  return ids;
}

/** The units present, most frequent first, with their counts (for the unit filter's menu). */
export function figureUnits(figures: readonly Figure[]): { unit: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const figure of figures) counts.set(figure.unit, (counts.get(figure.unit) ?? 0) + 1);
  return [...counts]
    .map(([unit, count]) => ({ unit, count }))
    .sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit, 'zh-CN'));
}

/** A sorted copy; ties keep document order (Array.prototype.sort is stable). */
export function sortFigures(figures: readonly Figure[], order: FigureSortOrder): Figure[] {
  const copy = figures.slice();
  switch (order) {
    case 'document':
      return copy;
    case 'value-descending':
      return copy.sort((a, b) => b.value - a.value);
    case 'value-ascending':
      return copy.sort((a, b) => a.value - b.value);
    case 'subject':
      return copy.sort((a, b) => a.subject.localeCompare(b.subject, 'zh-CN'));
    case 'unit':
      return copy.sort((a, b) => a.unit.localeCompare(b.unit, 'zh-CN') || b.value - a.value);
  }
}
