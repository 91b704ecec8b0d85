// The building blocks of search, on their own: normaliser, query parser, occurrence finder,
// n-gram tokens and snippets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTokens, termBigrams } from '../../../core/search/char-ngram-tokenizer';
import { findOccurrences } from '../../../core/search/find-occurrences';
import { normalizeForSearch, toOriginalRange } from '../../../core/search/normalize-for-search';
import { parseQuery } from '../../../core/search/query-parser';
import { MEASURED_COSTS, planCandidates } from '../../../core/search/search-planner';
import { makeSnippet } from '../../../core/search/snippet';

describe('normalizeForSearch', () => {
  it('folds full width to half width and Latin to lower case', () => {
    expect(normalizeForSearch('（一）２０２３年ＡＢＣ％＋WTO').text).toBe('(一)2023年abc%+wto');
  });

  it('folds curly quotes, dashes and the ideographic space', () => {
    expect(normalizeForSearch('“a”‘b’2021—2025　x').text).toBe('"a"\'b\'2021-2025 x');
  });

  it('keeps Han text and needs no offset map when lengths are unchanged', () => {
    const n = normalizeForSearch('行政复议（一）１２.5％');
    expect(n.text).toBe('行政复议(一)12.5%');
    expect(n.map).toBeNull();
    expect(toOriginalRange(n, 4, 7)).toEqual({ start: 4, end: 7 });
  });

  it('maps every normalised index back to the character it came from when lengths change', () => {
    // ㈠ -> "(一)", ① -> "1", ㍻ -> "平成", 𠀀 is a surrogate pair kept as is.
    const source = 'a㈠b①㍻𠀀c';
    const n = normalizeForSearch(source);
    expect(n.text).toBe('a(一)b1平成𠀀c');
    const original = (needle: string): string => {
      const at = n.text.indexOf(needle);
      const range = toOriginalRange(n, at, at + needle.length);
      return source.slice(range.start, range.end);
    };
    expect(original('一')).toBe('㈠');
    expect(original('(一)b')).toBe('㈠b');
    expect(original('1')).toBe('①');
    expect(original('成')).toBe('㍻');
    expect(original('𠀀c')).toBe('𠀀c');
  });

  it('is compositional: the normal form of a substring is a substring of the normal form', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.nat(), fc.nat(), (s, a, b) => {
        const codePoints = Array.from(s);
        const from = a % (codePoints.length + 1);
        const part = codePoints.slice(from, from + (b % 10)).join('');
        expect(normalizeForSearch(s).text).toContain(normalizeForSearch(part).text);
      }),
    );
  });
});

describe('parseQuery', () => {
  const terms = (q: string): string[] => parseQuery(q).terms.map((t) => t.text);

  it('splits on whitespace, any width, and drops duplicates', () => {
    expect(terms('行政复议  应诉\u3000行政复议')).toEqual(['行政复议', '应诉']);
  });

  it('keeps quoted phrases together, with straight or curly quotes', () => {
    expect(terms('"rule of law" 法治')).toEqual(['rule of law', '法治']);
    expect(terms('“依法 行政” x')).toEqual(['依法 行政', 'x']);
    expect(parseQuery('"a b" c').terms.map((t) => t.quoted)).toEqual([true, false]);
  });

  it('runs an unclosed quote to the end and ignores empty phrases', () => {
    expect(terms('x "y z')).toEqual(['x', 'y z']);
    expect(terms('"" " " a')).toEqual(['a']);
  });

  it('normalises terms like the text', () => {
    expect(terms('（一） ＡＢ')).toEqual(['(一)', 'ab']);
  });

  it('gives no terms for an empty or blank query', () => {
    expect(terms('')).toEqual([]);
    expect(terms(' \t\u3000 ')).toEqual([]);
  });
});

describe('findOccurrences', () => {
  it('finds every non-overlapping occurrence left to right', () => {
    expect(findOccurrences('aaaa', 'aa')).toEqual([0, 2]);
    expect(findOccurrences('一二一二一', '一')).toEqual([0, 2, 4]);
    expect(findOccurrences('abc', '')).toEqual([]);
  });

  it('agrees with a position-by-position scan', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', '一') }),
        fc.string({ unit: fc.constantFrom('a', 'b', '一'), minLength: 1, maxLength: 3 }),
        (hay, needle) => {
          const expected: number[] = [];
          for (let i = 0; i + needle.length <= hay.length;) {
            if (hay.startsWith(needle, i)) {
              expected.push(i);
              i += needle.length;
            } else {
              i += 1;
            }
          }
          expect(findOccurrences(hay, needle)).toEqual(expected);
        },
      ),
    );
  });
});

describe('bigram tokens', () => {
  it('indexes every pair of adjacent code points, whatever the script', () => {
    expect(indexTokens('a1群%𠀀')).toEqual(['a1', '1群', '群%', '%𠀀']);
    expect(indexTokens('一')).toEqual([]);
  });

  it('gives every bigram of a term to any text that contains the term', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const codePoints = Array.from(text);
          const from = Math.min(a, b) % codePoints.length;
          const term = codePoints.slice(from, from + 1 + (Math.max(a, b) % 8)).join('');
          const tokens = new Set(indexTokens(text));
          for (const token of termBigrams(term)) expect(tokens).toContain(token);
        },
      ),
    );
  });

  it("lists a term's distinct bigrams once each", () => {
    expect(termBigrams('一一一二')).toEqual(['一一', '一二']);
  });
});

describe('planCandidates', () => {
  const counts: Record<string, number> = { 行政: 10, 政复: 3, 复议: 5, 议题: 0 };
  const index = { unitCount: 1000, maxLength: 50, unitsWith: (t: string) => counts[t] ?? 0 };

  it('looks up only the rarest bigram of a term', () => {
    expect(planCandidates('行政复议', index, MEASURED_COSTS)).toEqual({
      kind: 'lookup',
      token: '政复',
    });
  });

  it('answers at once when a bigram occurs nowhere or the term is longer than any unit', () => {
    expect(planCandidates('复议题', index, MEASURED_COSTS)).toEqual({ kind: 'none' });
    expect(planCandidates('行'.repeat(51), index, MEASURED_COSTS)).toEqual({ kind: 'none' });
  });

  it('scans for a one-character term, and where a lookup would cost more than a scan', () => {
    expect(planCandidates('行', index, MEASURED_COSTS)).toEqual({ kind: 'scan' });
    expect(planCandidates('行政', { ...index, unitCount: 40 }, MEASURED_COSTS)).toEqual({
      kind: 'scan',
    });
    expect(planCandidates('行政', index, { lookup: 0, posting: 100 })).toEqual({ kind: 'scan' });
  });
});

describe('makeSnippet', () => {
  it('cuts context on both sides and marks the cuts', () => {
    const text = '0123456789行政复议0123456789';
    expect(makeSnippet(text, 10, 14, 3)).toEqual({
      before: '…789',
      match: '行政复议',
      after: '012…',
    });
    expect(makeSnippet(text, 10, 14, 50)).toEqual({
      before: '0123456789',
      match: '行政复议',
      after: '0123456789',
    });
  });

  it('never splits a surrogate pair', () => {
    const snippet = makeSnippet('𠀀𠀀ab𠀀𠀀', 4, 6, 1);
    expect(snippet.before).toBe('…𠀀');
    expect(snippet.after).toBe('𠀀…');
  });
});
