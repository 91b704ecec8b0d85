/**
 * The search engines the benchmark compares, behind one shape: build an index from units,
 * answer a query (the timed part), and only then, untimed, tell which units and hits it found.
 */
import { Charset, Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import { encodeIndexFile } from '../node/services/search-index-file';
import {
  createBruteForceSearcher,
  createExactSearchIndex,
  createSearchIndexFromUnits,
  type SearchResults,
  type SearchUnit,
} from '../core/search';

export interface Answer {
  unitIds(): string[];
  /** "unitId@start-end" per hit, for engines that report hits. */
  hitKeys?(): string[];
}

export interface BuiltEngine {
  search(query: string): Answer;
  /** Bytes of the serialised index, or null when there is nothing to serialise. */
  serializedBytes(): number | null;
}

export interface Engine {
  name: string;
  /** False when the engine returns only some results by design, so recall does not apply. */
  complete: boolean;
  build(units: readonly SearchUnit[]): BuiltEngine;
}

export const hitKey = (unitId: string, start: number, end: number): string =>
  `${unitId}@${start}-${end}`;

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

function ourAnswer(results: SearchResults): Answer {
  return {
    unitIds: () => results.results.map((r) => r.unitId),
    hitKeys: () =>
      results.results.flatMap((r) => r.occurrences.map((o) => hitKey(r.unitId, o.start, o.end))),
  };
}

const ours: Engine = {
  name: 'ours (n-grams + verify)',
  complete: true,
  build(units) {
    const index = createSearchIndexFromUnits(units);
    return {
      search: (query) => ourAnswer(index.search(query)),
      serializedBytes: () => jsonBytes(index),
    };
  },
};

/** The structure for large reports and libraries (docs/search-at-scale.md). */
const bigramPostings: Engine = {
  name: 'bigram postings (exact index)',
  complete: true,
  build(units) {
    const index = createExactSearchIndex(units);
    return {
      search: (query) => ourAnswer(index.search(query)),
      // Units are stored inline here (no report text to point into), as the cache would.
      serializedBytes: () => encodeIndexFile('', null, index.toData()).length,
    };
  },
};

/** What a results list in the UI asks for: the 100 best, all hits still counted. */
const oursTop100: Engine = {
  name: 'ours, limit 100',
  complete: false,
  build(units) {
    const index = createSearchIndexFromUnits(units);
    return {
      search: (query) => ourAnswer(index.search(query, { limit: 100 })),
      serializedBytes: () => jsonBytes(index),
    };
  },
};

const bruteForce: Engine = {
  name: 'brute-force scan',
  complete: true,
  build(units) {
    const search = createBruteForceSearcher(units);
    return {
      search(query) {
        const hits = search(query);
        return {
          unitIds: () => [...new Set(hits.map((h) => h.unitId))],
          hitKeys: () => hits.map((h) => hitKey(h.unitId, h.start, h.end)),
        };
      },
      serializedBytes: () => null,
    };
  },
};

const miniSearchDefault: Engine = {
  name: 'MiniSearch, default tokenizer',
  complete: true,
  build(units) {
    const index = new MiniSearch<SearchUnit>({ fields: ['text'] });
    index.addAll(units);
    return {
      search(query) {
        const results = index.search(query);
        return { unitIds: () => results.map((r) => r.id as string) };
      },
      serializedBytes: () => jsonBytes(index),
    };
  },
};

function flexSearch(name: string, options: ConstructorParameters<typeof Index>[0]): Engine {
  return {
    name,
    complete: true,
    build(units) {
      const index = new Index(options);
      units.forEach((unit, i) => index.add(i, unit.text));
      // FlexSearch returns 100 results unless told otherwise; recall needs them all.
      const limit = units.length;
      return {
        search(query) {
          const ids = index.search(query, { limit }) as number[];
          return { unitIds: () => ids.map((i) => units[i]!.id) };
        },
        serializedBytes() {
          let bytes = 0;
          index.export((key, data) => {
            bytes += Buffer.byteLength(key, 'utf8') + Buffer.byteLength(data ?? '', 'utf8');
          });
          return bytes;
        },
      };
    },
  };
}

export const ENGINES: readonly Engine[] = [
  ours,
  oursTop100,
  bigramPostings,
  bruteForce,
  miniSearchDefault,
  // Per FlexSearch 0.8's docs: the CJK charset splits text into single characters...
  flexSearch('FlexSearch, Charset.CJK', { encoder: Charset.CJK }),
  // ...and a context index also scores neighbouring characters, which CJK phrases need.
  flexSearch('FlexSearch, Charset.CJK + context', {
    encoder: Charset.CJK,
    context: { depth: 1, bidirectional: true, resolution: 3 },
  }),
];
