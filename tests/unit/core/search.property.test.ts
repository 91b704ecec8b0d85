// Search recall and precision are exact: for random pieces of the report, the index finds the
// same hits, occurrence for occurrence, as a plain scan of the normalised text.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parse-report';
import {
  bruteForceSearch,
  createDocumentExactIndex,
  createExactSearchIndex,
  createSearchIndex,
  documentSearchUnits,
  loadExactSearchIndex,
  normalizeForSearch,
  toOriginalRange,
  type SearchIndex,
} from '../../../core/search';

const report = readFileSync(
  new URL(
    '../../../resources/reports/jiangning-2023-rule-of-law-government-report.txt',
    import.meta.url,
  ),
  'utf8',
);
const doc = parseReport(report);
const units = documentSearchUnits(doc);
const normalizedUnits = units.map((unit) => ({
  id: unit.id,
  normalized: normalizeForSearch(unit.text),
}));
const paragraphs = doc.paragraphs.map((p) => p.text);

type Hit = { unitId: string; start: number; end: number };
const key = (h: Hit): string => `${h.unitId}@${h.start}-${h.end}`;

/** Every hit of the index, as sorted keys. */
const hitsOf = (index: Pick<SearchIndex, 'search'>, query: string): string[] =>
  index
    .search(query)
    .results.flatMap((r) => r.occurrences.map((o) => key({ unitId: r.unitId, ...o })))
    .sort();

/**
 * The reference for a single term, written independently of the index and the oracle: compare
 * at every position of each normalised unit text, skip past a hit, map it to the original.
 */
function scanHits(term: string): string[] {
  const needle = normalizeForSearch(term).text;
  const hits: string[] = [];
  for (const { id, normalized } of normalizedUnits) {
    for (let i = 0; i + needle.length <= normalized.text.length;) {
      if (normalized.text.startsWith(needle, i)) {
        hits.push(key({ unitId: id, ...toOriginalRange(normalized, i, i + needle.length) }));
        i += needle.length;
      } else {
        i += 1;
      }
    }
  }
  return hits.sort();
}

const QUOTES = /["“”＂〝〞〟‟„]/u;
const isInteresting = (c: string): boolean => !/\p{Script=Han}/u.test(c);

/**
 * A random piece of a paragraph, 1 to 8 characters long. Half of the time it starts next to a
 * digit, Latin letter or punctuation mark, so run boundaries are well covered.
 */
const substringArb = fc
  .record({
    paragraph: fc.nat({ max: paragraphs.length - 1 }),
    position: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
    nearBoundary: fc.boolean(),
    shift: fc.integer({ min: -3, max: 1 }),
  })
  .map(({ paragraph, position, length, nearBoundary, shift }) => {
    const text = paragraphs[paragraph]!;
    let start = position % text.length;
    if (nearBoundary) {
      const boundaries = text.split('').flatMap((c, i) => (isInteresting(c) ? [i] : []));
      if (boundaries.length > 0) start = boundaries[position % boundaries.length]! + shift;
    }
    start = Math.max(0, Math.min(start, text.length - 1));
    return text.slice(start, start + length);
  })
  .filter((s) => s.trim() !== '');

// The planner scans all ~40 units of one report, so the index's lookups are forced here too.
const indexes: [string, Pick<SearchIndex, 'search'>][] = [
  ['as planned', createSearchIndex(doc)],
  ['with index lookups forced', createSearchIndex(doc, { costs: { lookup: 0, posting: 0 } })],
  ['with full scans forced', createSearchIndex(doc, { costs: { lookup: Infinity, posting: 0 } })],
  // The structure for large reports and libraries (exact-search-index.ts), each of its ways of
  // answering a one-character term forced, and after a round trip through its serialised form.
  ['by bigram postings', createDocumentExactIndex(doc)],
  [
    'by bigram postings, characters sorted',
    createExactSearchIndex(units, { sortedRunFraction: 2 }),
  ],
  [
    'by bigram postings, characters scanned',
    createExactSearchIndex(units, { sortedRunFraction: 0 }),
  ],
  [
    'by bigram postings, loaded from its data',
    loadExactSearchIndex(createDocumentExactIndex(doc, report).toData(), report),
  ],
];
describe('the bigram-postings index of a report', () => {
  it('returns exactly what the MiniSearch index returns: ranking, hits and snippets', () => {
    const exact = createDocumentExactIndex(doc, report);
    const old = createSearchIndex(doc);
    fc.assert(
      fc.property(substringArb, fc.constantFrom('relevance', 'document'), (piece, order) => {
        const query = /\s/u.test(piece) ? `"${piece}"` : piece;
        const options = { order: order as 'relevance' | 'document' };
        expect(exact.search(query, options)).toEqual(old.search(query, options));
      }),
      { numRuns: 300 },
    );
  });
});

describe.each(indexes)('search recall and precision on the bundled report, %s', (_, index) => {
  const indexHits = (query: string) => hitsOf(index, query);

  it('finds exactly the hits of a plain scan for 1,000 random substrings', () => {
    fc.assert(
      fc.property(substringArb, (piece) => {
        if (QUOTES.test(piece)) {
          // Quotes delimit phrases, so such a piece is several terms: hold it to the oracle.
          const expected = bruteForceSearch(units, piece).map(key).sort();
          expect(indexHits(piece)).toEqual(expected);
          return;
        }
        // Quoting keeps a piece with a space one term.
        const query = /\s/u.test(piece) ? `"${piece}"` : piece;
        const expected = scanHits(piece);
        expect(expected.length).toBeGreaterThan(0);
        expect(indexHits(query)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the same hits when the query is typed in full width or upper case', () => {
    const toWide = (c: string): string =>
      c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c;
    fc.assert(
      fc.property(
        substringArb.filter((s) => !QUOTES.test(s) && !/\s/u.test(s)),
        fc.boolean(),
        (piece, upper) => {
          const typed = [...(upper ? piece.toUpperCase() : piece)].map(toWide).join('');
          expect(indexHits(typed)).toEqual(scanHits(piece));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with the oracle on several words at once', () => {
    const wordArb = substringArb.filter((s) => !QUOTES.test(s) && !/\s/u.test(s));
    fc.assert(
      fc.property(fc.array(wordArb, { minLength: 2, maxLength: 3 }), (words) => {
        const query = words.join(' ');
        expect(indexHits(query)).toEqual(bruteForceSearch(units, query).map(key).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing for strings that do not occur', () => {
    const hanOfReport = [...new Set([...report].filter((c) => /\p{Script=Han}/u.test(c)))];
    const anyHan = fc.integer({ min: 0x4e00, max: 0x9fff }).map((cp) => String.fromCodePoint(cp));
    const absentArb = fc
      .array(fc.oneof(fc.constantFrom(...hanOfReport), anyHan, fc.constantFrom('1', '%', 'a')), {
        minLength: 1,
        maxLength: 6,
      })
      .map((chars) => chars.join(''))
      .filter((s) => scanHits(s).length === 0);
    fc.assert(
      fc.property(absentArb, (query) => {
        expect(index.search(query)).toMatchObject({ total: 0, units: 0, results: [] });
      }),
      { numRuns: 500 },
    );
  });
});
