/**
 * A unit with its normalised text computed once, so neither the index nor the brute-force
 * oracle normalises a unit per query.
 */
import { normalizeForSearch, type NormalizedText } from './normalize-for-search';
import type { SearchUnit } from './search-unit';

export interface PreparedUnit {
  unit: SearchUnit;
  normalized: NormalizedText;
  /** Where the heading part ends in the normalised text. */
  headingEnd: number;
  /** Insertion sequence: breaks ties between equal `order`s. */
  seq: number;
}

export function prepareUnit(unit: SearchUnit, seq: number): PreparedUnit {
  const normalized = normalizeForSearch(unit.text);
  // Normalisation is per code point, so the heading's normalised form is a prefix of the text's.
  const headingEnd =
    unit.headingLength > 0
      ? normalizeForSearch(unit.text.slice(0, unit.headingLength)).text.length
      : 0;
  return { unit, normalized, headingEnd, seq };
}

export function compareDocumentOrder(a: PreparedUnit, b: PreparedUnit): number {
  return a.unit.order - b.unit.order || a.seq - b.seq;
}
