/**
 * Going somewhere in the reading pane: a section's heading, or a paragraph with a character
 * range that is marked (CSS Custom Highlight 'go-to-target') until the next jump.
 */
import type { GoToTarget } from './reader-context';
import { supportsHighlights } from '../dom/custom-highlights';
import { rangesInElement } from '../dom/text-ranges';
import { sectionElementId } from '../components/ReportView';

const TARGET_HIGHLIGHT = 'go-to-target';

export function goToInPane(pane: HTMLElement | null, target: GoToTarget): string | null {
  if (!pane) return null;
  if ('sectionId' in target) {
    const el = document.getElementById(sectionElementId(target.sectionId));
    if (!el) return null;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
    return target.sectionId;
  }
  const el = pane.querySelector<HTMLElement>(`[data-pid="${CSS.escape(target.paragraphId)}"]`);
  if (!el) return null;
  pane.scrollTop +=
    el.getBoundingClientRect().top - pane.getBoundingClientRect().top - pane.clientHeight / 4;
  if (supportsHighlights()) {
    CSS.highlights.delete(TARGET_HIGHLIGHT);
    if (target.start !== undefined && target.end !== undefined && target.end > target.start) {
      CSS.highlights.set(
        TARGET_HIGHLIGHT,
        new Highlight(...rangesInElement(el, target.start, target.end)),
      );
    }
  }
  return null;
}
