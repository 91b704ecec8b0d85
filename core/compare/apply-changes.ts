/**
 * The patch semantics of a comparison, written down as code: walking `rows` in order, a row
 * with both sides is the old paragraph with every ranged change of that row applied (right to
 * left); a row with only a new side takes its text from the added paragraph's or section's
 * change (`newTexts`); a row with only an old side is dropped. The result is the new edition's paragraph
 * texts, in order; tests hold the comparison to that.
 */
import type { ReportDocument } from '../report/report-model';
import type { Comparison } from './comparison-model';

export function applyChanges(oldDoc: ReportDocument, comparison: Comparison): string[] {
  const oldText = new Map(oldDoc.paragraphs.map((p) => [p.id, p.text]));
  const texts: string[] = [];
  for (const row of comparison.rows) {
    if (row.newParagraphId === null) continue;
    const changes = row.changeIndexes.map((i) => comparison.changes[i]!);
    if (row.oldParagraphId === null) {
      const added = changes.find((c) => c.kind === 'paragraph-added' || c.kind === 'section-added');
      const at = added?.newParagraphIds.indexOf(row.newParagraphId) ?? -1;
      texts.push(at < 0 ? '' : (added!.newTexts[at] ?? ''));
      continue;
    }
    let text = oldText.get(row.oldParagraphId) ?? '';
    const ranged = changes
      .filter((c) => c.oldRange !== null && c.newRange !== null)
      .sort((a, b) => b.oldRange!.start - a.oldRange!.start);
    for (const change of ranged) {
      text =
        text.slice(0, change.oldRange!.start) + change.newText + text.slice(change.oldRange!.end);
    }
    texts.push(text);
  }
  return texts;
}
