/**
 * Which figures changed value between two editions of a section: figures in the same changed
 * span with the same unit first ("受理…419件" -> "…502件"), then figures with the same subject,
 * unit and kind anywhere in the changed paragraphs of the section.
 */
import { comparableQuantity } from '../figures/figure-units';
import type { Figure } from '../figures/figure-model';
import type { Hunk } from './char-diff';
import type { FigureChange } from './comparison-model';
import { comparisonKey } from './text-similarity';

/** An edited paragraph pair and its changed spans, for matching figures by place. */
export interface EditedPair {
  oldParagraphId: string;
  newParagraphId: string;
  hunks: readonly Hunk[];
}

function baseUnit(figure: Figure): string {
  return comparableQuantity(figure.value, figure.unit).unit;
}

function figureKey(figure: Figure): string {
  return `${comparisonKey(figure.subject)}|${baseUnit(figure)}|${figure.kind}`;
}

const overlaps = (figure: Figure, start: number, end: number): boolean =>
  figure.start < Math.max(end, start + 1) && figure.end > start;

function changeOf(old: Figure, next: Figure): Omit<FigureChange, 'changeIndex'> | null {
  const before = comparableQuantity(old.value, old.unit);
  const after = comparableQuantity(next.value, next.unit);
  const sameValue =
    before.value === after.value &&
    (old.valueHigh ?? null) === (next.valueHigh ?? null) &&
    old.unit === next.unit;
  if (sameValue) return null;
  // The difference in the new figure's own unit (万元 stays 万元).
  const scale = comparableQuantity(1, next.unit).value;
  const delta = (after.value - before.value) / scale;
  return {
    subject: next.subject || old.subject,
    unit: next.unit,
    old,
    new: next,
    delta,
    percentChange:
      before.value === 0 ? null : ((after.value - before.value) / Math.abs(before.value)) * 100,
  };
}

/** Figure changes of one section pair, in the new edition's order. */
export function matchFigureChanges(
  oldFigures: readonly Figure[],
  newFigures: readonly Figure[],
  edited: readonly EditedPair[],
): Omit<FigureChange, 'changeIndex'>[] {
  const used = new Set<Figure>();
  const pairs: [Figure, Figure][] = [];

  for (const pair of edited) {
    const olds = oldFigures.filter((f) => f.paragraphId === pair.oldParagraphId);
    const news = newFigures.filter((f) => f.paragraphId === pair.newParagraphId);
    for (const hunk of pair.hunks) {
      const inOld = olds.filter((f) => !used.has(f) && overlaps(f, hunk.oldStart, hunk.oldEnd));
      const inNew = news.filter((f) => !used.has(f) && overlaps(f, hunk.newStart, hunk.newEnd));
      for (const next of inNew) {
        const old = inOld.find((f) => !used.has(f) && baseUnit(f) === baseUnit(next));
        if (!old) continue;
        used.add(old).add(next);
        pairs.push([old, next]);
      }
    }
  }

  const count = (figures: readonly Figure[]): Map<string, Figure[]> => {
    const byKey = new Map<string, Figure[]>();
    for (const figure of figures) {
      if (used.has(figure) || figure.subject === '') continue;
      const list = byKey.get(figureKey(figure)) ?? [];
      list.push(figure);
      byKey.set(figureKey(figure), list);
    }
    return byKey;
  };
  const oldByKey = count(oldFigures);
  for (const [key, news] of count(newFigures)) {
    const olds = oldByKey.get(key);
    if (olds?.length === 1 && news.length === 1) pairs.push([olds[0]!, news[0]!]);
  }

  const newOrder = new Map(newFigures.map((f, i) => [f, i]));
  return pairs
    .sort((a, b) => newOrder.get(a[1])! - newOrder.get(b[1])!)
    .map(([old, next]) => changeOf(old, next))
    .filter((change) => change !== null);
}
