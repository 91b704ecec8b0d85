/**
 * How alike two pieces of Chinese text are: the Dice coefficient of their character bigrams,
 * on the search-normalised text without punctuation or spaces. Cheap (linear) and good enough to
 * tell a retitled heading or an edited paragraph from a different one.
 */
import { normalizeForSearch } from '../search/normalize-for-search';

/** Long texts are compared on a prefix: enough to recognise an edited paragraph, and bounded. */
const MAX_COMPARED_LENGTH = 2000;

/** The text as compared: normalised (width, case), punctuation and spaces removed. */
export function comparisonKey(text: string): string {
  return normalizeForSearch(text.slice(0, MAX_COMPARED_LENGTH)).text.replace(
    /[\s\p{P}\p{S}]/gu,
    '',
  );
}

/**
 * The key for telling whether two paragraphs are one edited paragraph: numbers masked, since the
 * typical edit between editions is the same sentence with new figures ("2024年1月20日" and
 * "2025年1月18日" are one closing date, not a removal and an addition).
 */
export function contentKey(text: string): string {
  return comparisonKey(text).replace(/[0-9]+(?:[.,][0-9]+)*/gu, '0');
}

function bigrams(key: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < key.length; i++) {
    const gram = key.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Dice similarity in [0, 1] of two comparison keys; 1 for equal keys. */
export function keySimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const left = bigrams(a);
  const right = bigrams(b);
  let shared = 0;
  for (const [gram, count] of left) shared += Math.min(count, right.get(gram) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

export function textSimilarity(a: string, b: string): number {
  return keySimilarity(comparisonKey(a), comparisonKey(b));
}
