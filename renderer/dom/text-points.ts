/**
 * Between the DOM and the document model: a DOM selection becomes paragraph ids and offsets
 * into the published text, and a span of the model becomes DOM ranges to highlight. Paragraph
 * elements carry `data-pid` and contain exactly their paragraph's text (nothing else), so text
 * offsets inside them are offsets into the model's text.
 */
import type { TextPoint } from '../../core/annotations/annotation-model';
import type { ReportDocument } from '../../core/report/report-model';
import { rangesInElement } from './text-ranges';

const PARAGRAPH_SELECTOR = '[data-pid]';

function paragraphElement(node: Node | null): HTMLElement | null {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  return el?.closest<HTMLElement>(PARAGRAPH_SELECTOR) ?? null;
}

/** Text offset of a DOM boundary point (node, offset) inside `root`. */
function textOffsetWithin(root: Element, node: Node, offset: number): number {
  const probe = document.createRange();
  probe.selectNodeContents(root);
  probe.setEnd(node, offset);
  return probe.toString().length;
}

/**
 * The model span a DOM range covers, snapped to paragraphs: a boundary outside any paragraph
 * (a margin, the metadata card) moves to the nearest paragraph inside the range. Null if the
 * range holds no paragraph text.
 */
export function rangeToPoints(
  pane: Element,
  range: Range,
): { start: TextPoint; end: TextPoint } | null {
  const inside = Array.from(pane.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR)).filter((el) =>
    range.intersectsNode(el),
  );
  const first = inside[0];
  const last = inside[inside.length - 1];
  if (!first || !last) return null;
  const startEl = paragraphElement(range.startContainer);
  const endEl = paragraphElement(range.endContainer);
  const start: TextPoint = {
    paragraphId: first.dataset.pid!,
    offset:
      startEl === first ? textOffsetWithin(first, range.startContainer, range.startOffset) : 0,
  };
  const end: TextPoint = {
    paragraphId: last.dataset.pid!,
    offset:
      endEl === last
        ? textOffsetWithin(last, range.endContainer, range.endOffset)
        : (last.textContent ?? '').length,
  };
  if (start.paragraphId === end.paragraphId && start.offset >= end.offset) return null;
  return { start, end };
}

/** The paragraph point under the mouse, for clicks on highlights (which are not elements). */
export function pointAt(x: number, y: number): TextPoint | null {
  const caret = document.caretPositionFromPoint?.(x, y);
  if (!caret) return null;
  const el = paragraphElement(caret.offsetNode);
  if (!el?.dataset.pid) return null;
  return {
    paragraphId: el.dataset.pid,
    offset: textOffsetWithin(el, caret.offsetNode, caret.offset),
  };
}

/** DOM ranges covering the model span [start, end), which may run across paragraphs. */
export function pointsToRanges(
  pane: Element,
  doc: ReportDocument,
  paragraphIndex: ReadonlyMap<string, number>,
  start: TextPoint,
  end: TextPoint,
): Range[] {
  const from = paragraphIndex.get(start.paragraphId);
  const to = paragraphIndex.get(end.paragraphId);
  if (from === undefined || to === undefined || to < from) return [];
  const ranges: Range[] = [];
  for (let i = from; i <= to; i++) {
    const paragraph = doc.paragraphs[i]!;
    const el = pane.querySelector(`[data-pid="${CSS.escape(paragraph.id)}"]`);
    if (!el) continue;
    const a = i === from ? start.offset : 0;
    const b = i === to ? end.offset : paragraph.text.length;
    if (b > a) ranges.push(...rangesInElement(el, a, b));
  }
  return ranges;
}
