/**
 * Offsets in Unicode code points, the unit the Web Annotation Data Model counts text in
 * (§4.2.4: "the selection of the text MUST be in terms of unicode code points"), while a
 * JavaScript string counts UTF-16 units: a character outside the BMP (𠀀, an emoji) is one code
 * point but two units. A lone surrogate counts as one code point, as `[...text]` does.
 */

const BLOCK = 1024;

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Whether the unit at `index` starts a code point (it is not the second half of a pair). */
function startsCodePoint(text: string, index: number): boolean {
  return !(index > 0 && isLow(text.charCodeAt(index)) && isHigh(text.charCodeAt(index - 1)));
}

export interface CodePointIndex {
  /** Code points in the whole text. */
  readonly length: number;
  /** The code point offset of a UTF-16 offset (inside a pair: the pair's own code point). */
  toCodePoint(utf16Offset: number): number;
  /** The UTF-16 offset of a code point offset (clamped to the text). */
  toUtf16(codePointOffset: number): number;
}

/**
 * Converts offsets both ways in one text. A count is kept every 1024 units, so each conversion
 * walks at most one block: an export of many annotations on a long report stays linear.
 */
export function codePointIndex(text: string): CodePointIndex {
  // counts[k]: code points that start before UTF-16 offset k * BLOCK.
  const counts: number[] = [0];
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (i > 0 && i % BLOCK === 0) counts.push(count);
    if (startsCodePoint(text, i)) count += 1;
  }
  const length = count;

  function toCodePoint(utf16Offset: number): number {
    const offset = Math.min(Math.max(utf16Offset, 0), text.length);
    const block = Math.min(Math.floor(offset / BLOCK), counts.length - 1);
    let result = counts[block] ?? 0;
    for (let i = block * BLOCK; i < offset; i += 1) if (startsCodePoint(text, i)) result += 1;
    return result;
  }

  function toUtf16(codePointOffset: number): number {
    if (codePointOffset <= 0) return 0;
    if (codePointOffset >= length) return text.length;
    // The last block that starts at or before the wanted code point.
    let low = 0;
    let high = counts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((counts[middle] ?? 0) <= codePointOffset) low = middle;
      else high = middle - 1;
    }
    let seen = counts[low] ?? 0;
    let i = low * BLOCK;
    for (; i < text.length; i += 1) {
      if (startsCodePoint(text, i)) {
        if (seen === codePointOffset) return i;
        seen += 1;
      }
    }
    return text.length;
  }

  return { length, toCodePoint, toUtf16 };
}

/** The text between two code point offsets, as another Web Annotation consumer would cut it. */
export function codePointSlice(text: string, start: number, end: number): string {
  const index = codePointIndex(text);
  return text.slice(index.toUtf16(start), index.toUtf16(end));
}
