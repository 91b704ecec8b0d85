/**
 * Benchmark queries: pieces of the corpus of each length, cut at random positions (so they
 * start and end mid-word, with digits and punctuation as they come), plus strings that occur
 * nowhere. Pieces with whitespace or quote marks are skipped: those are query syntax.
 */
import type { BruteForceSearcher, SearchUnit } from '../core/search';
import type { Random } from './prng';

export interface BenchQuery {
  text: string;
  /** Length in characters; 0 marks the absent queries. */
  length: number;
}

const SYNTAX = /[\s"“”＂]/u;

export function sampleQueries(
  units: readonly SearchUnit[],
  random: Random,
  options: {
    lengths: readonly number[];
    perLength: number;
    absent: number;
    oracle: BruteForceSearcher;
  },
): BenchQuery[] {
  const queries: BenchQuery[] = [];
  for (const length of options.lengths) {
    for (let n = 0; n < options.perLength;) {
      const chars = Array.from(random.pick(units).text);
      if (chars.length < length) continue;
      const start = random.int(chars.length - length + 1);
      const text = chars.slice(start, start + length).join('');
      if (SYNTAX.test(text)) continue;
      queries.push({ text, length });
      n++;
    }
  }
  const han = [...new Set(units.flatMap((u) => Array.from(u.text)))].filter((c) =>
    /\p{Script=Han}/u.test(c),
  );
  while (queries.filter((q) => q.length === 0).length < options.absent) {
    const text = Array.from({ length: 2 + random.int(5) }, () => random.pick(han)).join('');
    if (options.oracle(text).length === 0) queries.push({ text, length: 0 });
  }
  return queries;
}
