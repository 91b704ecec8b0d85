// Short-lived values under random ids: unguessable, expiring, and one-time when taken.
import { describe, expect, it } from 'vitest';
import { createTokenStore } from '../../../../node/services/token-store';

describe('token store', () => {
  it('gives long random URL-safe ids, and take() works once', () => {
    const store = createTokenStore<string>({ ttlMs: 1000 });
    const a = store.put('a');
    const b = store.put('b');
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a).not.toBe(b);
    expect(store.get(a)).toBe('a');
    expect(store.take(a)).toBe('a');
    expect(store.take(a)).toBeUndefined();
    expect(store.size).toBe(1);
  });

  it('forgets entries when they expire', () => {
    let now = 0;
    const store = createTokenStore<string>({ ttlMs: 1000, now: () => now });
    const id = store.put('x');
    now = 999;
    expect(store.get(id)).toBe('x');
    now = 1000;
    expect(store.get(id)).toBeUndefined();
    expect(store.size).toBe(0);
  });
});
