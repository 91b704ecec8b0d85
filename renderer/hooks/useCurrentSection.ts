/**
 * Tracks the section being read: the last heading at or above a line near the top of the
 * reading pane (at the very bottom, the last heading on screen). Updated once per frame.
 */
import { useEffect, useState, type RefObject } from 'react';
import type { ReportDocument } from '../../core/report/report-model';
import { onPaneFrames } from '../dom/pane-frames';

/** A heading this far below the pane's top already counts as "being read". */
const READING_LINE_PX = 96;

export function useCurrentSection(
  scroller: RefObject<HTMLElement | null>,
  doc: ReportDocument,
  drawn = 0,
): { currentId: string | null; setCurrentId: (id: string) => void } {
  const [currentId, setCurrentId] = useState<string | null>(null);

  useEffect(() => {
    const pane = scroller.current;
    if (!pane) return;
    setCurrentId(currentSectionAt(pane));
    return onPaneFrames(pane, () => setCurrentId(currentSectionAt(pane)));
  }, [scroller, doc, drawn]);

  return { currentId, setCurrentId };
}

function currentSectionAt(pane: HTMLElement): string | null {
  const headings = Array.from(pane.querySelectorAll<HTMLElement>('[data-section-id]'));
  const paneRect = pane.getBoundingClientRect();
  const atBottom = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 2;
  const line = atBottom ? paneRect.bottom : paneRect.top + READING_LINE_PX;
  // Headings are in document order, so their tops increase: binary search the last one above the line.
  let lo = 0;
  let hi = headings.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid]!.getBoundingClientRect().top <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found >= 0) return headings[found]!.dataset.sectionId ?? null;
  // A large report draws only some blocks: above its first heading, the section the first
  // drawn block belongs to.
  return pane.querySelector<HTMLElement>('[data-block-section]')?.dataset.blockSection || null;
}
