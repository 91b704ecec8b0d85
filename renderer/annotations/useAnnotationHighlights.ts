/**
 * Paints the highlights with the CSS Custom Highlight API: one highlight per colour, plus one
 * for the annotation being edited. The text's DOM is never changed, and overlapping highlights
 * blend (translucent colours) so the text under them stays readable.
 */
import { useEffect, useMemo, type RefObject } from 'react';
import type { AnchorResult } from '../../core/annotations/anchor';
import { HIGHLIGHT_COLORS } from '../../core/annotations/annotation-model';
import type { ReportDocument } from '../../core/report/report-model';
import { supportsHighlights } from '../dom/custom-highlights';
import { pointsToRanges } from '../dom/text-points';

export const SELECTED_HIGHLIGHT = 'anno-selected';
export const highlightName = (color: string) => `anno-${color}`;

export function useAnnotationHighlights(
  scroller: RefObject<HTMLElement | null>,
  doc: ReportDocument,
  anchored: readonly AnchorResult[],
  selectedId: string | null,
  /** Changes whenever the drawn part of a large report changes: paint again. */
  drawn = 0,
): void {
  const paragraphIndex = useMemo(() => new Map(doc.paragraphs.map((p, i) => [p.id, i])), [doc]);

  useEffect(() => {
    const pane = scroller.current;
    if (!pane || !supportsHighlights()) return;
    const byColor = new Map<string, Range[]>(HIGHLIGHT_COLORS.map((c) => [c, []]));
    const selected: Range[] = [];
    for (const result of anchored) {
      if (result.status === 'orphan' || !result.start || !result.end) continue;
      if (result.annotation.kind !== 'highlight') continue;
      const ranges = pointsToRanges(pane, doc, paragraphIndex, result.start, result.end);
      byColor.get(result.annotation.color)?.push(...ranges);
      if (result.annotation.id === selectedId) selected.push(...ranges);
    }
    for (const [color, ranges] of byColor) {
      const highlight = new Highlight(...ranges);
      highlight.priority = 1;
      CSS.highlights.set(highlightName(color), highlight);
    }
    const selectedHighlight = new Highlight(...selected);
    selectedHighlight.priority = 2;
    CSS.highlights.set(SELECTED_HIGHLIGHT, selectedHighlight);
    return () => {
      for (const color of HIGHLIGHT_COLORS) CSS.highlights.delete(highlightName(color));
      CSS.highlights.delete(SELECTED_HIGHLIGHT);
    };
  }, [scroller, doc, paragraphIndex, anchored, selectedId, drawn]);
}
