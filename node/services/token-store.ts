/**
 * Short-lived values under random, unguessable ids: print jobs waiting for their page, PDFs
 * waiting to be downloaded. Entries expire, so an abandoned job never stays in memory.
 */
import { randomBytes } from 'node:crypto';

export interface TokenStore<T> {
  /** Stores `value` and returns its new id (URL-safe). */
  put(value: T): string;
  get(id: string): T | undefined;
  /** Returns the value and forgets it: for what may be used once. */
  take(id: string): T | undefined;
  delete(id: string): void;
  readonly size: number;
}

export function createTokenStore<T>(options: { ttlMs: number; now?: () => number }): TokenStore<T> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: T; expires: number }>();

  const sweep = () => {
    const t = now();
    for (const [id, entry] of entries) if (entry.expires <= t) entries.delete(id);
  };
  const live = (id: string) => {
    sweep();
    return entries.get(id);
  };

  return {
    put(value) {
      sweep();
      const id = randomBytes(24).toString('base64url');
      entries.set(id, { value, expires: now() + options.ttlMs });
      return id;
    },
    get: (id) => live(id)?.value,
    take(id) {
      const entry = live(id);
      entries.delete(id);
      return entry?.value;
    },
    delete(id) {
      entries.delete(id);
    },
    get size() {
      sweep();
      return entries.size;
    },
  };
}
