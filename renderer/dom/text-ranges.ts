/**
 * Turns hits, given as [start, end) offsets into a unit's published text, into DOM Ranges over
 * the reading pane's text nodes, without changing the DOM (for the CSS Custom Highlight API).
 */
import { METADATA_SEPARATOR, type SearchUnit } from '../../core/search';

/** Ranges covering [start, end) of the text inside `root`, one per text node touched. */
export function rangesInElement(root: Element, start: number, end: number): Range[] {
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue?.length ?? 0;
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + length);
    if (from < to) {
      const range = document.createRange();
      range.setStart(node, from - offset);
      range.setEnd(node, to - offset);
      ranges.push(range);
    }
    offset += length;
    if (offset >= end) break;
  }
  return ranges;
}

/** The element that shows a unit's text in the reading pane, or null. */
export function unitElements(
  pane: Element,
  unit: SearchUnit,
): { label?: Element; value: Element } | null {
  if (unit.kind === 'metadata') {
    const row = pane.querySelector(`[data-unit-id="${CSS.escape(unit.id)}"]`);
    const label = row?.querySelector('dt');
    const value = row?.querySelector('dd');
    return label && value ? { label, value } : null;
  }
  if (!unit.paragraphId) return null;
  const el = pane.querySelector(`[data-pid="${CSS.escape(unit.paragraphId)}"]`);
  return el ? { value: el } : null;
}

/** DOM ranges for one hit of a unit. A metadata unit is "label:value" shown in two cells. */
export function rangesForHit(pane: Element, unit: SearchUnit, start: number, end: number): Range[] {
  const elements = unitElements(pane, unit);
  if (!elements) return [];
  if (unit.kind !== 'metadata' || !elements.label)
    return rangesInElement(elements.value, start, end);
  const labelLength = unit.text.indexOf(METADATA_SEPARATOR);
  const valueStart = labelLength + METADATA_SEPARATOR.length;
  const ranges: Range[] = [];
  if (start < labelLength)
    ranges.push(...rangesInElement(elements.label, start, Math.min(end, labelLength)));
  if (end > valueStart) {
    ranges.push(
      ...rangesInElement(elements.value, Math.max(0, start - valueStart), end - valueStart),
    );
  }
  return ranges;
}
