/** Where a change is in the open report: its first paragraph on the open side, and the span. */
import type { Change } from '../../core/compare';
import type { GoToTarget } from '../shell/reader-context';

export function changeTarget(change: Change, openIsNew: boolean): GoToTarget | null {
  const paragraphId = (openIsNew ? change.newParagraphIds : change.oldParagraphIds)[0];
  if (paragraphId) {
    const range = openIsNew ? change.newRange : change.oldRange;
    return range ? { paragraphId, start: range.start, end: range.end } : { paragraphId };
  }
  const sectionId = openIsNew ? change.newSectionId : change.oldSectionId;
  return sectionId ? { sectionId } : null;
}
