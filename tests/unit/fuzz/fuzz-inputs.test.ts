// The fuzzers' own generator: a mutation never throws, whatever it is applied to.
import { describe, expect, it } from 'vitest';
import { mutate } from './fuzz-inputs';

describe('mutate', () => {
  it('adds no index-like key to a typed array (it would throw), and replaces it instead', () => {
    // The importReportFile request's bytes: "0" and "-0" are canonical numeric keys.
    for (const key of ['0', '-0', '1', 'x']) {
      const request = { fileName: 'a.txt', bytes: new Uint8Array(0) };
      const mutated = mutate(request, 2, 'extra-key', 'replacement', key) as Record<
        string,
        unknown
      >;
      expect(mutated.bytes).toBe('replacement');
      expect(request.bytes).toBeInstanceOf(Uint8Array);
    }
  });

  it('still adds the key to a plain object', () => {
    const mutated = mutate({ a: 1 }, 0, 'extra-key', 2, '0') as Record<string, unknown>;
    expect(mutated).toEqual({ a: 1, '0': 2 });
  });
});
