/**
 * Finds a quote in a text that may have changed since the quote was taken, the way the
 * Hypothesis client does (src/annotator/anchoring/match-quote): every candidate is scored by
 * how closely it matches the quote, how well the text around it matches the stored prefix and
 * suffix, and how near it is to where the quote used to be.
 *
 * First exact occurrences; then approximate ones (approx-string-match, Myers' bit-parallel
 * algorithm) on the search-normalised text, where full- and half-width forms are equal, so a
 * "," that became "，" costs no error. Approximate search looks near the old place first, then
 * everywhere else, in both cases only where bigram-filter.ts says a match can be.
 */
import search from 'approx-string-match';
import { bigramIndex, candidateRanges, type BigramIndex, type TextRange } from './bigram-filter';
import {
  normalizeForSearch,
  toOriginalRange,
  type NormalizedText,
} from '../search/normalize-for-search';

export interface QuoteContext {
  prefix: string;
  suffix: string;
  /** Where the quote is expected to start, in the original text. */
  hint: number;
}

export interface QuoteMatch {
  /** Range in the original text. */
  start: number;
  end: number;
  /** 'exact': the text there equals the quote; 'fuzzy': it is close to it. */
  kind: 'exact' | 'fuzzy';
  /** Edit distance between the (normalised) quote and the (normalised) text matched. */
  errors: number;
}

/** A text prepared for matching; the normalised form and its index are built on first use. */
export interface SearchableText {
  text: string;
  normalized: () => NormalizedText;
  bigrams: () => BigramIndex;
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function searchableText(text: string): SearchableText {
  const normalized = once(() => normalizeForSearch(text));
  return { text, normalized, bigrams: once(() => bigramIndex(normalized().text)) };
}

/** Shorter quotes are found exactly or not at all: a few characters fit anywhere with an error. */
export const MIN_FUZZY_QUOTE_LENGTH = 4;
/** At most this share of a quote's characters may differ in an approximate match. */
export const MAX_ERROR_RATE = 0.25;
/**
 * And at most this many, as in Hypothesis: it bounds the cost of searching for a long quote
 * (which grows with the errors allowed), and a passage with more edits is rewritten, not moved.
 */
export const MAX_ERRORS = 256;
/**
 * A quote shorter than this needs its surroundings to agree before an approximate match is
 * accepted, or it would land on any similar phrase (reports repeat their set phrases a lot).
 */
export const CONTEXT_FREE_QUOTE_LENGTH = 32;
const MIN_CONTEXT_SCORE = 0.5;
/** Characters searched on each side of the expected place before searching everywhere. */
const NEAR_SLACK = 512;
/** Candidates scored per search; more are equally good places nothing can tell apart. */
const MAX_CANDIDATES = 500;

// Hypothesis's weights: the quote matters most, then its surroundings; position breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/** How well `pattern` matches somewhere in `text`, from 0 (not at all) to 1 (exactly). */
function similarity(text: string, pattern: string): number {
  // The common case, unchanged surroundings, needs no search.
  if (text === pattern) return 1;
  if (pattern === '' || text === '') return pattern === '' ? 1 : 0;
  const best = search(text, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

interface Scored extends Candidate {
  score: number;
  contextScore: number;
}

function scoreCandidate(
  text: string,
  candidate: Candidate,
  quoteLength: number,
  context: QuoteContext,
): Scored {
  const { prefix, suffix, hint } = context;
  const prefixScore = similarity(
    text.slice(Math.max(0, candidate.start - prefix.length), candidate.start),
    prefix,
  );
  const suffixScore = similarity(text.slice(candidate.end, candidate.end + suffix.length), suffix);
  const positionScore = 1 - Math.abs(candidate.start - hint) / Math.max(1, text.length);
  const quoteScore = 1 - candidate.errors / quoteLength;
  const score =
    QUOTE_WEIGHT * quoteScore +
    PREFIX_WEIGHT * prefixScore +
    SUFFIX_WEIGHT * suffixScore +
    POSITION_WEIGHT * positionScore;
  return { ...candidate, score, contextScore: (prefixScore + suffixScore) / 2 };
}

function hasExactContext(text: string, candidate: Candidate, context: QuoteContext): boolean {
  const { prefix, suffix } = context;
  return (
    text.slice(Math.max(0, candidate.start - prefix.length), candidate.start) === prefix &&
    text.slice(candidate.end, candidate.end + suffix.length) === suffix
  );
}

function bestOf(
  text: string,
  candidates: readonly Candidate[],
  quoteLength: number,
  context: QuoteContext,
): Scored | null {
  const considered = candidates.slice(0, MAX_CANDIDATES);
  // Among equally close candidates, one with its surroundings unchanged has the best possible
  // context score; only position can still decide between such ones. Checking that first
  // spares scoring every occurrence of a short, common quote.
  const errors = considered[0]?.errors;
  if (considered.every((candidate) => candidate.errors === errors)) {
    const intact = considered.filter((candidate) => hasExactContext(text, candidate, context));
    const nearest = intact.reduce<Candidate | null>(
      (best, candidate) =>
        !best || Math.abs(candidate.start - context.hint) < Math.abs(best.start - context.hint)
          ? candidate
          : best,
      null,
    );
    if (nearest) return scoreCandidate(text, nearest, quoteLength, context);
  }
  let best: Scored | null = null;
  for (const candidate of considered) {
    const scored = scoreCandidate(text, candidate, quoteLength, context);
    if (!best || scored.score > best.score) best = scored;
  }
  return best;
}

function exactOccurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1 && found.length < MAX_CANDIDATES;) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
    at = text.indexOf(quote, at + 1);
  }
  return found;
}

/** The index in the normalised text of an offset in the original text. */
function toNormalizedOffset(normalized: NormalizedText, offset: number): number {
  const starts = normalized.map?.starts;
  if (!starts) return offset;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] ?? 0) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The best approximate matches of `pattern` in text[from, to), in whole-text offsets. */
function approximateMatches(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
): Candidate[] {
  const start = Math.max(0, from);
  return search(text.slice(start, Math.min(text.length, to)), pattern, maxErrors).map((m) => ({
    start: m.start + start,
    end: m.end + start,
    errors: m.errors,
  }));
}

function overlaps([start, end]: TextRange, [from, to]: TextRange): boolean {
  return start < to && end > from;
}

function fuzzyMatch(
  source: SearchableText,
  quote: string,
  context: QuoteContext,
): QuoteMatch | null {
  const normalized = source.normalized();
  const text = normalized.text;
  const pattern = normalizeForSearch(quote).text;
  if (pattern.length < MIN_FUZZY_QUOTE_LENGTH) return null;
  const maxErrors = Math.min(MAX_ERRORS, Math.max(1, Math.floor(pattern.length * MAX_ERROR_RATE)));

  const hint = toNormalizedOffset(normalized, context.hint);
  const normalizedContext: QuoteContext = {
    prefix: normalizeForSearch(context.prefix).text,
    suffix: normalizeForSearch(context.suffix).text,
    hint,
  };
  // Near the expected place first: a match can start up to maxErrors before or after it.
  const slack = NEAR_SLACK + maxErrors;
  const near: TextRange = [hint - slack, hint + pattern.length + slack];
  const ranges = candidateRanges(source.bigrams(), pattern, maxErrors);
  const passes = [
    ranges.filter((range) => overlaps(range, near)),
    ranges.filter((range) => !overlaps(range, near)),
  ];

  for (const pass of passes) {
    const candidates = pass.flatMap(([from, to]) =>
      approximateMatches(text, pattern, maxErrors, from, to),
    );
    const best = bestOf(text, candidates, pattern.length, normalizedContext);
    if (!best) continue;
    const trusted =
      best.errors === 0 ||
      pattern.length >= CONTEXT_FREE_QUOTE_LENGTH ||
      best.contextScore >= MIN_CONTEXT_SCORE;
    if (!trusted) continue;
    const range = toOriginalRange(normalized, best.start, best.end);
    return { ...range, kind: 'fuzzy', errors: best.errors };
  }
  return null;
}

/** The best place for `quote` in the text, exact if it occurs verbatim, else approximate. */
export function matchQuote(
  source: SearchableText,
  quote: string,
  context: QuoteContext,
): QuoteMatch | null {
  const occurrences = exactOccurrences(source.text, quote);
  // A single occurrence needs no scoring: nothing competes with it and no threshold applies.
  const exact =
    occurrences.length === 1
      ? occurrences[0]
      : bestOf(source.text, occurrences, quote.length, context);
  if (exact) return { start: exact.start, end: exact.end, kind: 'exact', errors: 0 };
  return fuzzyMatch(source, quote, context);
}
