/**
 * The changed spans between two versions of a paragraph: a character diff (the right unit for
 * Chinese, which has no spaces between words) by jsdiff, cleaned so changes read as words and
 * whole numbers: spans separated by one or two unchanged characters are merged ("419件" ->
 * "502件" is one change, not three), and a span that cuts a number is widened to the whole
 * number ("41<9>" -> "<419>").
 */
import { diffArrays } from 'diff';

/** One changed span: old[oldStart, oldEnd) became new[newStart, newEnd). */
export interface Hunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** Unchanged runs this short between two changes are folded into one change. */
const MAX_SHORT_GAP = 2;
/** Runs up to this long are folded too when both changes around them are longer than twice the run. */
const MAX_RELATIVE_GAP = 6;
/** Past this many edits the texts are treated as rewritten: one change for the differing middle. */
const MAX_EDIT_LENGTH = 2000;
/** ...or past this share of the two texts' tokens, whichever is smaller. */
const MAX_EDIT_SHARE = 0.5;
const MIN_EDIT_LENGTH = 100;

/**
 * Diff tokens: one per character, except that a number ("12.5%", "1,234") or a Latin word is
 * one token. Same result as jsdiff's diffChars for Chinese text, but a changed number is one
 * edit instead of several, which makes the diff about eight times faster on reports.
 */
const TOKEN = /[0-9０-９]+(?:[.．,，][0-9０-９]+)*[%％]?|[A-Za-z]+|[\s\S]/gu;

const DIGIT = /[0-9０-９]/u;
/** Characters inside a number: a separator or point between digits, a per-cent sign after one. */
const isDigit = (char: string | undefined): boolean => char !== undefined && DIGIT.test(char);
function inNumber(text: string, index: number): boolean {
  const char = text[index];
  if (char === undefined) return false;
  if (isDigit(char)) return true;
  if ('.．,，'.includes(char)) return isDigit(text[index - 1]) && isDigit(text[index + 1]);
  return '%％'.includes(char) && isDigit(text[index - 1]);
}

/** Raw hunks: common prefix and suffix trimmed first (cheap), jsdiff on the middle. */
function rawHunks(oldText: string, newText: string): Hunk[] {
  let prefix = 0;
  const shorter = Math.min(oldText.length, newText.length);
  while (prefix < shorter && oldText[prefix] === newText[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    oldText[oldText.length - 1 - suffix] === newText[newText.length - 1 - suffix]
  ) {
    suffix++;
  }
  const oldMiddle = oldText.slice(prefix, oldText.length - suffix);
  const newMiddle = newText.slice(prefix, newText.length - suffix);
  if (oldMiddle === '' && newMiddle === '') return [];
  const whole: Hunk = {
    oldStart: prefix,
    oldEnd: prefix + oldMiddle.length,
    newStart: prefix,
    newEnd: prefix + newMiddle.length,
  };
  if (oldMiddle === '' || newMiddle === '') return [whole];
  const oldTokens = oldMiddle.match(TOKEN) ?? [];
  const newTokens = newMiddle.match(TOKEN) ?? [];
  const maxEditLength = Math.min(
    MAX_EDIT_LENGTH,
    Math.max(MIN_EDIT_LENGTH, Math.ceil((oldTokens.length + newTokens.length) * MAX_EDIT_SHARE)),
  );
  const parts = diffArrays(oldTokens, newTokens, { maxEditLength });
  if (!parts) return [whole];

  const hunks: Hunk[] = [];
  let oldAt = prefix;
  let newAt = prefix;
  let open: Hunk | null = null;
  for (const part of parts) {
    const length = part.value.reduce((sum, token) => sum + token.length, 0);
    if (!part.added && !part.removed) {
      if (open) hunks.push(open);
      open = null;
      oldAt += length;
      newAt += length;
      continue;
    }
    open ??= { oldStart: oldAt, oldEnd: oldAt, newStart: newAt, newEnd: newAt };
    if (part.removed) {
      oldAt += length;
      open.oldEnd = oldAt;
    } else {
      newAt += length;
      open.newEnd = newAt;
    }
  }
  if (open) hunks.push(open);
  return hunks;
}

const size = (hunk: Hunk): number =>
  Math.max(hunk.oldEnd - hunk.oldStart, hunk.newEnd - hunk.newStart);

/**
 * Widens a hunk over the rest of a number it cuts, within the unchanged runs beside it (which
 * are the same on both sides), never past the old-side bounds `[low, high)` of those runs.
 */
function widenOverNumbers(hunk: Hunk, oldText: string, low: number, high: number): Hunk {
  let { oldStart, oldEnd, newStart, newEnd } = hunk;
  while (oldStart > low && inNumber(oldText, oldStart - 1)) {
    oldStart--;
    newStart--;
  }
  while (oldEnd < high && inNumber(oldText, oldEnd)) {
    oldEnd++;
    newEnd++;
  }
  return { oldStart, oldEnd, newStart, newEnd };
}

/** True when a side of the hunk begins or ends with a digit, or it is an insertion after one. */
function touchesNumber(hunk: Hunk, oldText: string, newText: string): boolean {
  const edge = (text: string, start: number, end: number): boolean =>
    start === end
      ? isDigit(text[start - 1]) || isDigit(text[start])
      : isDigit(text[start]) || isDigit(text[end - 1]);
  return edge(oldText, hunk.oldStart, hunk.oldEnd) || edge(newText, hunk.newStart, hunk.newEnd);
}

/** The cleaned changed spans between two texts, in order, not overlapping. */
export function diffText(oldText: string, newText: string): Hunk[] {
  const raw = rawHunks(oldText, newText);
  const hunks = raw.map((hunk, i) =>
    touchesNumber(hunk, oldText, newText)
      ? widenOverNumbers(
          hunk,
          oldText,
          raw[i - 1]?.oldEnd ?? 0,
          raw[i + 1]?.oldStart ?? oldText.length,
        )
      : hunk,
  );
  const merged: Hunk[] = [];
  for (const hunk of hunks) {
    const last = merged.at(-1);
    if (last) {
      const gap = hunk.oldStart - last.oldEnd;
      const short =
        gap <= MAX_SHORT_GAP ||
        (gap <= MAX_RELATIVE_GAP && 2 * gap <= Math.min(size(last), size(hunk)));
      if (short) {
        last.oldEnd = Math.max(last.oldEnd, hunk.oldEnd);
        last.newEnd = Math.max(last.newEnd, hunk.newEnd);
        continue;
      }
    }
    merged.push({ ...hunk });
  }
  return merged;
}
