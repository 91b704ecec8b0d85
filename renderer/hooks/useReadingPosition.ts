/**
 * Remembers where the reader was (the paragraph at the top of the pane and how far into it)
 * and brings them back there when the report is opened again, also after fonts settle. In a
 * large report, drawn a few blocks at a time, `reveal` draws the paragraph's block first.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { ReadingPosition, SettingsPatch } from '../../core/settings';

const SAVE_DELAY_MS = 400;

export function useReadingPosition(
  scroller: RefObject<HTMLElement | null>,
  reportId: string,
  saved: ReadingPosition | undefined,
  updateSettings: (patch: SettingsPatch) => void,
  /** A large report: draws a paragraph's block (VirtualReport.reveal). */
  reveal?: (paragraphId: string) => Promise<void>,
): void {
  const initial = useRef(saved);
  const revealRef = useRef(reveal);

  // Restore once, before the first paint, and again when the bundled fonts have loaded.
  useLayoutEffect(() => {
    const pane = scroller.current;
    const position = initial.current;
    if (!pane || !position) return;
    let cancelled = false;
    const drawn = () =>
      pane.querySelector<HTMLElement>(`[data-pid="${CSS.escape(position.paragraphId)}"]`);
    const restore = () => {
      const el = drawn();
      if (el) pane.scrollTop = topWithin(pane, el) + position.offset;
      else if (revealRef.current) {
        // Not drawn yet: draw its block, then come back here (once: if it still is not drawn,
        // it is not in this report any more).
        void revealRef.current(position.paragraphId).then(() => {
          if (!cancelled && drawn()) restore();
        });
      }
    };
    restore();
    void document.fonts.ready.then(() => {
      if (!cancelled) restore();
    });
    return () => {
      cancelled = true;
    };
  }, [scroller]);

  useEffect(() => {
    const pane = scroller.current;
    if (!pane) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      const position = positionOf(pane);
      if (position) updateSettings({ positions: { [reportId]: position } });
    };
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    };
    pane.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      pane.removeEventListener('scroll', onScroll);
      clearTimeout(timer);
    };
  }, [scroller, reportId, updateSettings]);
}

function topWithin(pane: HTMLElement, el: HTMLElement): number {
  return el.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
}

/** The first paragraph whose bottom is below the pane's top, and how far it is scrolled past. */
function positionOf(pane: HTMLElement): ReadingPosition | null {
  const paragraphs = Array.from(pane.querySelectorAll<HTMLElement>('[data-pid]'));
  const top = pane.getBoundingClientRect().top;
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.getBoundingClientRect().bottom > top + 1) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  const el = paragraphs[found];
  const paragraphId = el?.dataset.pid;
  if (!el || !paragraphId) return null;
  const offset = Math.max(0, Math.round(top - el.getBoundingClientRect().top));
  return { paragraphId, offset };
}
