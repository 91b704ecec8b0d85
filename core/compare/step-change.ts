/**
 * Next / previous change (F7 / Shift+F7): the index of the change after or before the current
 * one, wrapping around at the ends, optionally skipping width-only changes.
 */
import type { Change } from './comparison-model';

export interface StepOptions {
  /** Skip changes that differ only in width or spacing. */
  skipCosmetic?: boolean;
}

/**
 * The change to go to from `current` (null: nothing selected yet, so the first or the last) in
 * `direction`, or null when there is none to go to.
 */
export function stepChange(
  changes: readonly Change[],
  current: number | null,
  direction: 1 | -1,
  options: StepOptions = {},
): number | null {
  const count = changes.length;
  if (count === 0) return null;
  const start = current === null ? (direction === 1 ? count - 1 : 0) : current;
  for (let step = 1; step <= count; step++) {
    const index = (((start + direction * step) % count) + count) % count;
    if (!options.skipCosmetic || !changes[index]!.cosmetic) return index;
  }
  return null;
}
