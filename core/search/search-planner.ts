/**
 * Decides how to find the units a query term may occur in. Checking one unit for a term is a
 * fast native substring search, so the index only pays where it skips many units: it is used
 * for a term whose rarest bigram is in few enough units, and then only for that bigram (every
 * further bigram would cost MiniSearch more than verifying the extra candidates saves). All
 * three plans are exact, because verification follows (see char-ngram-tokenizer).
 */
import { termBigrams } from './char-ngram-tokenizer';

/** Costs in units of "checking one unit for the term". */
export interface LookupCosts {
  /** A MiniSearch lookup's fixed cost. */
  lookup: number;
  /** Each posting MiniSearch returns, including verifying that unit. */
  posting: number;
}

/**
 * Measured on the benchmark's 1.7 MB library (Node 20, x64): a lookup ~8 µs, a posting
 * ~0.3-0.45 µs, checking a unit ~0.03 µs. So a single report (~40 units) is always scanned,
 * and in a library the index serves terms whose rarest bigram is in under ~8% of the units.
 */
export const MEASURED_COSTS: LookupCosts = { lookup: 250, posting: 12 };

export type CandidatePlan =
  /** The term cannot occur: it is longer than any unit, or one of its bigrams occurs nowhere. */
  | { kind: 'none' }
  /** Check every unit. */
  | { kind: 'scan' }
  /** Check the units indexed under this bigram. */
  | { kind: 'lookup'; token: string };

export function planCandidates(
  term: string,
  index: { unitCount: number; maxLength: number; unitsWith(token: string): number },
  costs: LookupCosts,
): CandidatePlan {
  if (term.length > index.maxLength) return { kind: 'none' };
  // No lookup can beat a scan of so few units (a single report): skip the planning too.
  if (costs.lookup >= index.unitCount) return { kind: 'scan' };
  let rarest: string | null = null;
  let rarestCount = Infinity;
  for (const bigram of termBigrams(term)) {
    const count = index.unitsWith(bigram);
    if (count === 0) return { kind: 'none' };
    if (count < rarestCount) [rarest, rarestCount] = [bigram, count];
  }
  if (rarest === null || costs.lookup + costs.posting * rarestCount >= index.unitCount) {
    return { kind: 'scan' };
  }
  return { kind: 'lookup', token: rarest };
}
