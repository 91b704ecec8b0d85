/**
 * The key figures (关键数据) printed after the chosen parts of a report: those of the chosen
 * sections and, when the preamble is chosen, of its paragraphs, in document order.
 */
import { extractFigures } from '../figures/extract-figures';
import type { Figure } from '../figures/figure-model';
import type { ReportDocument } from '../report/report-model';
import { PREAMBLE_ID } from './print-options';

export function printedFigures(doc: ReportDocument, sectionIds: readonly string[]): Figure[] {
  const chosen = new Set(sectionIds);
  // The preamble's paragraphs have no section; the title and the closing block are never printed.
  const preamble = new Set(chosen.has(PREAMBLE_ID) ? doc.preamble.map((p) => p.id) : []);
  return extractFigures(doc).filter((figure) =>
    figure.sectionId === null ? preamble.has(figure.paragraphId) : chosen.has(figure.sectionId),
  );
}
