/**
 * The text form search matches on: each code point NFKC-normalised and lower-cased, plus a few
 * folds NFKC leaves alone. It is for matching only; what the user sees stays as published, so
 * the normalised text keeps a map from each of its UTF-16 indexes back to the original offsets.
 *
 * Normalising code point by code point (not the whole string at once) keeps the map exact and
 * makes normalisation compositional: the normalised form of a substring is a substring of the
 * normalised text, which is what lets a query typed in any width find the published text.
 */

/**
 * Folds NFKC does not do but a reader expects: curly quotes and dash variants to the ASCII
 * ones a keyboard types (so "2021-2025" finds 2021—2025), middle dots to one form.
 */
const EXTRA_FOLDS: ReadonlyMap<number, string> = new Map([
  ...[0x201c, 0x201d, 0x201e, 0x201f, 0x301d, 0x301e, 0x301f].map((cp) => [cp, '"'] as const),
  ...[0x2018, 0x2019, 0x201a, 0x201b].map((cp) => [cp, "'"] as const),
  ...[0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212].map((cp) => [cp, '-'] as const),
  ...[0x30fb, 0x2027, 0x2219].map((cp) => [cp, '\u00b7'] as const),
  [0x301c, '~'],
]);

export interface NormalizedText {
  /** The text to match on. */
  text: string;
  /**
   * For each UTF-16 index of `text`, the original [start, end) of the code point it came from.
   * Null when every code point kept its UTF-16 length, so indexes are the same in both texts
   * (the common case; it saves two arrays per unit).
   */
  map: { starts: Uint32Array; ends: Uint32Array } | null;
}

const foldCache = new Map<number, string>();

function foldCodePoint(cp: number, char: string): string {
  // Fast paths for what reports are made of: ASCII and the CJK ideograph blocks, where NFKC is
  // the identity.
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : char;
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) return char;
  let folded = foldCache.get(cp);
  if (folded === undefined) {
    folded = EXTRA_FOLDS.get(cp) ?? char.normalize('NFKC').toLowerCase();
    // NFKC can yield a character that has an extra fold of its own (e.g. U+FF65 -> U+30FB).
    folded = Array.from(folded, (c) => EXTRA_FOLDS.get(c.codePointAt(0) ?? 0) ?? c).join('');
    foldCache.set(cp, folded);
  }
  return folded;
}

export function normalizeForSearch(text: string): NormalizedText {
  const parts: string[] = [];
  let sameLength = true;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp, width === 1 ? text[i]! : text.slice(i, i + 2));
    if (folded.length !== width) sameLength = false;
    parts.push(folded);
    i += width;
  }
  const normalized = parts.join('');
  if (sameLength) return { text: normalized, map: null };

  const starts = new Uint32Array(normalized.length);
  const ends = new Uint32Array(normalized.length);
  let out = 0;
  let source = 0;
  for (const part of parts) {
    const width = (text.codePointAt(source) ?? 0) > 0xffff ? 2 : 1;
    for (let k = 0; k < part.length; k++, out++) {
      starts[out] = source;
      ends[out] = source + width;
    }
    source += width;
  }
  return { text: normalized, map: { starts, ends } };
}

/**
 * Maps a non-empty [start, end) range of the normalised text to the original text: from the
 * start of the code point that produced `start` to the end of the one that produced `end - 1`,
 * so a hit inside an expansion (一 inside ㈠ -> "(一)") highlights the whole original character.
 */
export function toOriginalRange(
  normalized: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const { map } = normalized;
  if (!map) return { start, end };
  return { start: map.starts[start] ?? 0, end: map.ends[end - 1] ?? 0 };
}
