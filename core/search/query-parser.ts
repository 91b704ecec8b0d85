/**
 * Turns what the user typed into search terms. Every term must occur in the same unit, and
 * each of its occurrences is a hit. Whitespace separates terms; double quotes (" or “ ”, which
 * normalise to ") keep a phrase with spaces together. An unclosed quote runs to the end.
 *
 * Terms are in normalised form (see normalize-for-search), so they compare directly with
 * normalised unit texts. Because quotes delimit phrases, a literal quote character cannot be
 * searched for; the text's “ ” are still shown as published.
 */
import { normalizeForSearch } from './normalize-for-search';

export interface QueryTerm {
  /** Normalised text to find; never empty, never only whitespace. */
  text: string;
  /** True when the term came from a quoted phrase (it may then contain spaces). */
  quoted: boolean;
}

export interface ParsedQuery {
  /** The query as typed. */
  raw: string;
  /** Distinct terms in the order typed; empty for an empty or whitespace-only query. */
  terms: QueryTerm[];
}

const WHITESPACE = /\s/u;

export function parseQuery(raw: string): ParsedQuery {
  const text = normalizeForSearch(raw).text;
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const push = (term: string, quoted: boolean): void => {
    if (term.trim() === '' || seen.has(term)) return;
    seen.add(term);
    terms.push({ text: term, quoted });
  };

  let current = '';
  let inQuotes = false;
  for (const char of text) {
    if (char === '"') {
      push(current, inQuotes);
      current = '';
      inQuotes = !inQuotes;
    } else if (!inQuotes && WHITESPACE.test(char)) {
      push(current, false);
      current = '';
    } else {
      current += char;
    }
  }
  push(current, inQuotes);
  return { raw, terms };
}
