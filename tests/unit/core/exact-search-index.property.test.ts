// The bigram-postings index (exact-search-index.ts) against the brute-force oracle on random
// units over a small, hostile alphabet: repeats ("aa" in "aaa"), case and width folds, an
// expansion (㈠ -> "(一)"), a surrogate pair, the joined text's own separator (U+0000) inside
// units, and empty units. Also: its serialised data loads to an index with the same answers,
// and damaged data is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigramKey, buildBigramPostings } from '../../../core/search/bigram-postings';
import {
  bruteForceSearch,
  createExactSearchIndex,
  createSearchIndexFromUnits,
  loadExactSearchIndex,
  type ExactIndexData,
  type SearchIndex,
  type SearchUnit,
} from '../../../core/search';
import { searchUnitsOf } from '../../fixtures/search-units';

const ALPHABET = ['a', 'a', 'b', 'A', 'Ａ', '一', '二', '㈠', '(', '𠀀', '\u0000', ' ', '。'];

const textArb = fc
  .array(fc.constantFrom(...ALPHABET), { minLength: 0, maxLength: 40 })
  .map((chars) => chars.join(''));

const unitsArb = fc
  .array(textArb, { minLength: 1, maxLength: 12 })
  .map((texts) => searchUnitsOf(texts, 3));

/** A query: a piece of one unit (so it usually occurs), or random characters. */
const queryArb = (units: SearchUnit[]) =>
  fc.oneof(
    fc
      .record({
        u: fc.nat(units.length - 1),
        at: fc.nat(40),
        length: fc.integer({ min: 1, max: 6 }),
      })
      .map(({ u, at, length }) => units[u]!.text.slice(at, at + length)),
    fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 4 }).map((c) => c.join('')),
  );

const key = (unitId: string, start: number, end: number): string => `${unitId}@${start}-${end}`;
const hitsOf = (index: Pick<SearchIndex, 'search'>, query: string): string[] =>
  index
    .search(query, { order: 'document' })
    .results.flatMap((r) => r.occurrences.map((o) => key(r.unitId, o.start, o.end)));
const oracleHits = (units: SearchUnit[], query: string): string[] =>
  bruteForceSearch(units, query).map((h) => key(h.unitId, h.start, h.end));

describe('bigram postings', () => {
  it('list every position once, grouped by pair and ascending within a pair', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const { positions, keys, offsets } = buildBigramPostings(text);
        expect([...positions].sort((a, b) => a - b)).toEqual(
          Array.from({ length: Math.max(0, text.length - 1) }, (_, i) => i),
        );
        for (let k = 0; k < keys.length; k++) {
          const run = [...positions.subarray(offsets[k], offsets[k + 1])];
          expect(run).toEqual([...run].sort((a, b) => a - b));
          for (const p of run) expect(bigramKey(text, p)).toBe(keys[k]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('exact index on random units', () => {
  const ways = [
    ['as planned', {}],
    ['characters from sorted runs', { sortedRunFraction: 2 }],
    ['characters scanned', { sortedRunFraction: 0 }],
  ] as const;

  it.each(ways)('finds exactly the oracle hits (%s)', (_, options) => {
    fc.assert(
      fc.property(
        unitsArb.chain((units) =>
          fc.tuple(fc.constant(units), fc.array(queryArb(units), { minLength: 1, maxLength: 5 })),
        ),
        ([units, queries]) => {
          const index = createExactSearchIndex(units, options);
          for (const query of queries) {
            const expected = oracleHits(units, query);
            expect(hitsOf(index, query)).toEqual(expected);
            expect(index.search(query).total).toBe(expected.length);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds the oracle hits for several terms at once, ranked as the MiniSearch index ranks them', () => {
    fc.assert(
      fc.property(
        unitsArb.chain((units) =>
          fc.tuple(fc.constant(units), fc.array(queryArb(units), { minLength: 2, maxLength: 3 })),
        ),
        ([units, words]) => {
          const query = words.map((w) => `"${w}"`).join(' ');
          const index = createExactSearchIndex(units);
          expect(hitsOf(index, query)).toEqual(oracleHits(units, query));
          const old = createSearchIndexFromUnits(units);
          // Every result, and the best one or two (chosen without sorting them all).
          for (const limit of [undefined, 1, 2]) {
            const ranked = (i: Pick<SearchIndex, 'search'>) =>
              i.search(query, { limit }).results.map((r) => [r.unitId, r.score, r.occurrences]);
            expect(ranked(index)).toEqual(ranked(old));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ranks one term as the MiniSearch index does, also when only the best few are asked for', () => {
    fc.assert(
      fc.property(
        unitsArb.chain((units) => fc.tuple(fc.constant(units), queryArb(units))),
        fc.integer({ min: 0, max: 4 }),
        ([units, query], limit) => {
          const ranked = (i: Pick<SearchIndex, 'search'>) =>
            i.search(query, { limit }).results.map((r) => [r.unitId, r.score]);
          expect(ranked(createExactSearchIndex(units))).toEqual(
            ranked(createSearchIndexFromUnits(units)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('answers the same after a round trip through its data, with texts as source ranges', () => {
    fc.assert(
      fc.property(
        unitsArb.chain((units) =>
          fc.tuple(fc.constant(units), fc.array(queryArb(units), { minLength: 1, maxLength: 5 })),
        ),
        ([units, queries]) => {
          // The source: every unit's text, one after another, as a report's paragraphs are.
          const source = units.map((u) => u.text).join('\n');
          const at = new Map<string, [number, number]>();
          let offset = 0;
          for (const unit of units) {
            at.set(unit.id, [offset, offset + unit.text.length]);
            offset += unit.text.length + 1;
          }
          const built = createExactSearchIndex(units, {
            source: { text: source, rangeOf: (unit) => at.get(unit.id) ?? null },
          });
          const data = built.toData();
          expect(data.units.every((u) => u.source && u.text === undefined)).toBe(true);
          const loaded = loadExactSearchIndex(data, source);
          for (const query of queries) expect(hitsOf(loaded, query)).toEqual(hitsOf(built, query));
          for (const unit of units) expect(loaded.getUnit(unit.id)).toEqual(unit);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps added units (notes) searchable and drops removed ones', () => {
    fc.assert(
      fc.property(unitsArb, unitsArb, textArb, (units, notes, query) => {
        fc.pre(query.trim() !== '');
        const noteUnits = notes.map((n) => ({ ...n, id: `note:${n.id}`, kind: 'note' as const }));
        const index = createExactSearchIndex(units);
        index.addUnits(noteUnits);
        const removed = units.filter((_, i) => i % 2 === 0);
        index.removeUnits(removed.map((u) => u.id));
        const kept = [...units.filter((_, i) => i % 2 === 1), ...noteUnits];
        expect(hitsOf(index, query).sort()).toEqual(oracleHits(kept, query).sort());
        expect(index.unitCount).toBe(kept.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('loading damaged data', () => {
  const units: SearchUnit[] = ['第一段文字，Ａ一', '第二段：㈠再说', ''].map((text, i) => ({
    id: `u${i}`,
    kind: 'paragraph',
    text,
    order: i,
    paragraphId: `p${i}`,
    sectionId: null,
    numberPath: null,
    headingLength: 0,
  }));
  const good = () => createExactSearchIndex(units).toData();
  const damage: [string, (d: ExactIndexData) => ExactIndexData][] = [
    ['another format', (d) => ({ ...d, format: d.format + 1 })],
    ['a shorter text', (d) => ({ ...d, text: d.text.slice(1) })],
    [
      'a changed unit text',
      (d) => ({ ...d, units: d.units.map((u) => ({ ...u, text: `${u.text}x` })) }),
    ],
    ['a unit missing', (d) => ({ ...d, units: d.units.slice(1) })],
    [
      'a position out of range',
      (d) => {
        const positions = d.postings.positions.slice();
        positions[0] = d.text.length + 5;
        return { ...d, postings: { ...d.postings, positions } };
      },
    ],
    [
      'runs out of order',
      (d) => ({ ...d, postings: { ...d.postings, keys: d.postings.keys.slice().reverse() } }),
    ],
    [
      'a range and no source',
      (d) => ({
        ...d,
        units: d.units.map((u) => ({ ...u, text: undefined, source: [0, 1] as [number, number] })),
      }),
    ],
  ];
  it.each(damage)('refuses data with %s', (_, change) => {
    expect(() => loadExactSearchIndex(change(good()), null)).toThrow();
  });
  it('loads the undamaged data', () => {
    expect(loadExactSearchIndex(good(), null).search('㈠').total).toBe(1);
  });
});
