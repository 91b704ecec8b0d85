// An index loaded from its file, positions left in the file and read a run at a time (block
// by block, runs crossing block boundaries), answers exactly as the index it was written from,
// on random units over a small alphabet (long runs of one pair, a pair split across blocks,
// folds and an expansion). And a run read from a file damaged anywhere in its positions is
// refused, never answered from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createExactSearchIndex,
  loadExactSearchIndex,
  type PositionReader,
} from '../../../../core/search';
import {
  encodeIndexFile,
  POSITIONS_PER_BLOCK,
  readIndexFileSync,
  SearchIndexFileError,
} from '../../../../node/services/search-index-file';
import { searchUnitsOf } from '../../../fixtures/search-units';

const ALPHABET = ['执', '法', '执', '监', '督', 'a', 'A', 'Ａ', '㈠', '。', '1'];

/** Units of up to 5,000 characters: a report of several blocks of positions. */
const unitsArb = fc
  .array(
    fc
      .array(fc.constantFrom(...ALPHABET), { minLength: 0, maxLength: 5000, size: 'max' })
      .map((c) => c.join('')),
    { minLength: 1, maxLength: 6, size: 'max' },
  )
  .map((texts) => searchUnitsOf(texts));

const queryArb = fc
  .array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 4 })
  .map((c) => c.join(''));

function fromFile(file: Buffer) {
  const reads: number[] = [];
  const contents = readIndexFileSync((position, into) => {
    reads.push(position);
    const piece = file.subarray(position, position + into.length);
    into.set(piece);
    return piece.length;
  }, file.length);
  return { contents, reads };
}

describe('an index loaded from its file, positions read as queries need them', () => {
  it('answers as the index it was written from', () => {
    let acrossBlocks = 0;
    fc.assert(
      fc.property(
        unitsArb,
        fc.array(queryArb, { minLength: 1, maxLength: 8 }),
        (units, queries) => {
          const built = createExactSearchIndex(units);
          const { contents } = fromFile(encodeIndexFile('k', null, built.toData()));
          const loaded = loadExactSearchIndex(contents.data, null);
          for (const query of queries) {
            expect(loaded.firstHits(query, Infinity)).toEqual(built.firstHits(query, Infinity));
            expect(loaded.search(query)).toEqual(built.search(query));
          }
          // Any run, across block boundaries, is the run the built index holds.
          const positions = contents.data.postings.positions as PositionReader;
          if (positions.length > POSITIONS_PER_BLOCK) acrossBlocks++;
          const all = built.toData().postings.positions;
          for (const [from, to] of [
            [0, positions.length],
            [POSITIONS_PER_BLOCK - 3, POSITIONS_PER_BLOCK + 3],
            [positions.length >> 1, positions.length],
          ] as const) {
            const a = Math.min(from, positions.length);
            const b = Math.min(Math.max(a, to), positions.length);
            expect(positions.read(a, b)).toEqual(all.subarray(a, b));
          }
        },
      ),
      { numRuns: 60 },
    );
    // Most reports generated span several blocks (the point of the test).
    expect(acrossBlocks).toBeGreaterThan(30);
  });

  it('refuses a run from positions damaged anywhere, and reads only the blocks a run needs', () => {
    const text = Array.from({ length: 3 * POSITIONS_PER_BLOCK }, (_, i) => ALPHABET[i % 7]).join(
      '',
    );
    const units = searchUnitsOf([text]);
    const file = encodeIndexFile('k', null, createExactSearchIndex(units).toData());
    const positionBytes = 4 * (text.length + 1 - 1);
    const positionsAt = file.length - positionBytes;
    fc.assert(
      fc.property(fc.nat(positionBytes - 1), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const damaged = Buffer.from(file);
        damaged[positionsAt + at]! ^= flip;
        const { contents, reads } = fromFile(damaged);
        const positions = contents.data.postings.positions as PositionReader;
        const block = Math.floor(at / 4 / POSITIONS_PER_BLOCK);
        // The damaged block is refused; a run in another block is read without it.
        const from = block * POSITIONS_PER_BLOCK;
        expect(() => positions.read(from, from + 1)).toThrow(SearchIndexFileError);
        const other = ((block + 1) % 3) * POSITIONS_PER_BLOCK;
        reads.length = 0;
        expect(positions.read(other, other + 10)).toHaveLength(10);
        expect(reads).toEqual([positionsAt + other * 4]);
      }),
      { numRuns: 200 },
    );
  });
});
