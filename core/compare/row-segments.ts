/**
 * One row of a comparison as inline segments (unchanged, removed, added) for the inline view:
 * the old paragraph's text with each ranged change shown as its removed and added text.
 */
import type { Comparison, ParagraphRow } from './comparison-model';

export interface Segment {
  kind: 'equal' | 'removed' | 'added';
  text: string;
}

/**
 * The segments of `row`, given the texts of its paragraphs (null for a missing side). Joining
 * the equal and removed segments gives the old text; the equal and added ones, the new text.
 */
export function rowSegments(
  comparison: Comparison,
  row: ParagraphRow,
  oldText: string | null,
  newText: string | null,
): Segment[] {
  if (oldText === null) return newText ? [{ kind: 'added', text: newText }] : [];
  if (newText === null) return oldText ? [{ kind: 'removed', text: oldText }] : [];
  const ranged = row.changeIndexes
    .map((i) => comparison.changes[i]!)
    .filter((c) => c.oldRange !== null && c.newRange !== null)
    .sort((a, b) => a.oldRange!.start - b.oldRange!.start);
  const segments: Segment[] = [];
  const push = (kind: Segment['kind'], text: string): void => {
    if (text !== '') segments.push({ kind, text });
  };
  let at = 0;
  for (const change of ranged) {
    push('equal', oldText.slice(at, change.oldRange!.start));
    push('removed', change.oldText);
    push('added', change.newText);
    at = change.oldRange!.end;
  }
  push('equal', oldText.slice(at));
  return segments;
}
