/**
 * How many units each index token occurs in. The search planner uses it to look up a term's
 * rarest bigram only (the others would cost MiniSearch more than they save in verification),
 * to answer at once when a bigram occurs nowhere, and to scan all units instead when even the
 * rarest bigram is in so many units that the index cannot narrow the search.
 */
import { indexTokens } from './char-ngram-tokenizer';

export class TokenFrequencies {
  private readonly counts = new Map<string, number>();

  add(normalized: string): void {
    for (const token of new Set(indexTokens(normalized))) {
      this.counts.set(token, (this.counts.get(token) ?? 0) + 1);
    }
  }

  remove(normalized: string): void {
    for (const token of new Set(indexTokens(normalized))) {
      const count = (this.counts.get(token) ?? 0) - 1;
      if (count > 0) this.counts.set(token, count);
      else this.counts.delete(token);
    }
  }

  get(token: string): number {
    return this.counts.get(token) ?? 0;
  }
}
