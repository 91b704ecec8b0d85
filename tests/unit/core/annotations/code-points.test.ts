import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointIndex, codePointSlice } from '../../../../core/annotations/code-points';
import { sha256Hex } from '../../../../core/annotations/sha256';

/** Text with CJK, characters outside the BMP and lone surrogates, long enough to span blocks. */
const text = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom('法治', '𠀀𠀁', '😀', '\ud800', '\udc00', 'a\r\n', '\ud83d'),
    ),
    { maxLength: 200 },
  )
  .map((parts) => parts.join(''));

describe('codePointIndex', () => {
  it('counts as [...text] does, both ways', () => {
    fc.assert(
      fc.property(text, fc.nat(), (value, pick) => {
        const points = [...value];
        const index = codePointIndex(value);
        expect(index.length).toBe(points.length);
        const cp = pick % (points.length + 1);
        const utf16 = points.slice(0, cp).join('').length;
        expect(index.toUtf16(cp)).toBe(utf16);
        expect(index.toCodePoint(utf16)).toBe(cp);
      }),
      { numRuns: 300 },
    );
  });

  it('slices as another consumer would', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (value, a, b) => {
        const points = [...value];
        const start = a % (points.length + 1);
        const end = start + (b % (points.length - start + 1));
        expect(codePointSlice(value, start, end)).toBe(points.slice(start, end).join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('counts a character outside the BMP once', () => {
    const value = '𠀀法'.repeat(2000);
    expect(value.length).toBe(6000);
    expect(codePointIndex(value).length).toBe(4000);
    expect(codePointIndex(value).toCodePoint(3000)).toBe(2000);
    expect(codePointSlice(value, 3999, 4000)).toBe('法');
  });
});

describe('sha256Hex', () => {
  it('agrees with node:crypto on the UTF-8 bytes', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    fc.assert(
      fc.property(text, (value) => {
        expect(sha256Hex(value)).toBe(createHash('sha256').update(value, 'utf8').digest('hex'));
      }),
      { numRuns: 200 },
    );
    const long = '法治政府建设'.repeat(50_000);
    expect(sha256Hex(long)).toBe(createHash('sha256').update(long, 'utf8').digest('hex'));
  });
});
