/**
 * Turns verified term occurrences in a unit into the hits the user sees: ranges in the
 * unit's original text, sorted, with ranges that map to the same characters reported once.
 */
import { toOriginalRange } from './normalize-for-search';
import type { PreparedUnit } from './prepared-unit';

export interface Occurrence {
  /** [start, end) in the unit's original text. */
  start: number;
  end: number;
}

/** The normalised start indexes of one term in a unit, with the term's normalised length. */
export interface TermHits {
  starts: readonly number[];
  length: number;
}

export function toOccurrences(prepared: PreparedUnit, terms: readonly TermHits[]): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const { starts, length } of terms) {
    for (const start of starts) {
      occurrences.push(toOriginalRange(prepared.normalized, start, start + length));
    }
  }
  if (terms.length === 1 && !prepared.normalized.map) return occurrences;
  occurrences.sort((a, b) => a.start - b.start || a.end - b.end);
  return occurrences.filter(
    (o, i) => i === 0 || o.start !== occurrences[i - 1]!.start || o.end !== occurrences[i - 1]!.end,
  );
}
