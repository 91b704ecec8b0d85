/**
 * What the printed comparison (对照) shows beyond the comparison itself: the counts worth
 * stating, the changes split into those printed in full and the width-or-spacing-only ones
 * listed compactly at the end, where a moved or renumbered section was, and signed numbers.
 */
import { CHANGE_KINDS } from '../compare/compare-reports';
import type {
  FigureChange,
  Change,
  ChangeKind,
  Comparison,
  SectionRef,
} from '../compare/comparison-model';
import { formatNumber } from '../figures/format-figure';
import { sectionLabel } from '../report/section-label';

/** The kinds that occur, in the fixed order of CHANGE_KINDS, with how many of each. */
export function changeCounts(comparison: Comparison): { kind: ChangeKind; count: number }[] {
  return CHANGE_KINDS.map((kind) => ({ kind, count: comparison.counts[kind] ?? 0 })).filter(
    ({ count }) => count > 0,
  );
}

/** The changes in reading order, split: printed in full, and width-or-spacing-only. */
export function splitCosmetic(changes: readonly Change[]): {
  substantive: Change[];
  cosmetic: Change[];
} {
  return {
    substantive: changes.filter((change) => !change.cosmetic),
    cosmetic: changes.filter((change) => change.cosmetic),
  };
}

/** "一、(二) 3. 执法监督", or '' for no section. */
export function sectionRefLabel(section: SectionRef | null): string {
  return section ? sectionLabel(section) : '';
}

/**
 * For a section's move, renumbering or rename: the section in each edition (its numbering
 * path and title there), from the comparison's section alignment; null for other changes.
 */
export function sectionPlaces(
  comparison: Comparison,
  change: Change,
): { old: SectionRef; new: SectionRef } | null {
  if (!change.kind.startsWith('section-') || !change.newSectionId || !change.oldSectionId) {
    return null;
  }
  const alignment = comparison.sections.find(
    (s) => s.new?.id === change.newSectionId && s.old?.id === change.oldSectionId,
  );
  return alignment?.old && alignment.new ? { old: alignment.old, new: alignment.new } : null;
}

/**
 * How a changed figure is told: the difference in its unit (for a percentage, in points:
 * `pointsWord` is 个百分点 / " points") and the relative change, rounded to one decimal.
 */
export function figureChangeParts(
  change: Pick<FigureChange, 'delta' | 'unit' | 'percentChange'>,
  pointsWord: string,
): { delta: string; percent: string | null } {
  return {
    delta: signedNumber(change.delta) + (change.unit === '%' ? pointsWord : change.unit),
    percent:
      change.percentChange === null
        ? null
        : `${signedNumber(Number(change.percentChange.toFixed(1)))}%`,
  };
}

/** "+36", "−1.3", "±0": a difference as a signed number (U+2212 minus, as in print). */
export function signedNumber(value: number): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${formatNumber(Math.abs(value))}`;
}
