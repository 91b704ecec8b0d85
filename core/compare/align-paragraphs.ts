/**
 * Aligns the paragraphs of two corresponding sections: an LCS of identical paragraphs (jsdiff's
 * array diff), then, inside each run of removed and added paragraphs, edited paragraphs paired
 * in order by similarity. Each section is aligned on its own, so the cost stays proportional to
 * the size of the sections, never to the product of the whole documents.
 */
import { diffArrays } from 'diff';
import type { Paragraph } from '../report/report-model';
import { contentKey, keySimilarity } from './text-similarity';

export interface ParagraphPair {
  old: Paragraph | null;
  new: Paragraph | null;
}

/** Paragraphs at least this alike are one edited paragraph rather than a removal and an addition. */
const EDITED_PARAGRAPH_SIMILARITY = 0.5;
/** How far ahead an edited paragraph's new version is looked for (bounds the cost of a rewrite). */
const MAX_LOOKAHEAD = 20;
/** Past this many paragraph edits in one section, the LCS gives up and pairs by position. */
const MAX_PARAGRAPH_EDITS = 5000;

/** Pairs edited paragraphs inside one run of removed (`olds`) and added (`news`) paragraphs. */
function pairRun(olds: readonly Paragraph[], news: readonly Paragraph[]): ParagraphPair[] {
  const pairs: ParagraphPair[] = [];
  const newKeys = news.map((p) => contentKey(p.text));
  let next = 0;
  for (const o of olds) {
    const key = contentKey(o.text);
    let found = -1;
    for (let j = next; j < Math.min(news.length, next + MAX_LOOKAHEAD); j++) {
      if (keySimilarity(key, newKeys[j]!) >= EDITED_PARAGRAPH_SIMILARITY) {
        found = j;
        break;
      }
    }
    if (found < 0) {
      pairs.push({ old: o, new: null });
      continue;
    }
    for (; next < found; next++) pairs.push({ old: null, new: news[next]! });
    pairs.push({ old: o, new: news[found]! });
    next = found + 1;
  }
  for (; next < news.length; next++) pairs.push({ old: null, new: news[next]! });
  return pairs;
}

export function alignParagraphs(
  olds: readonly Paragraph[],
  news: readonly Paragraph[],
): ParagraphPair[] {
  const pairs: ParagraphPair[] = [];
  let oldStart = 0;
  let newStart = 0;
  // A section's heading always pairs with the other heading: its edits are a rename or a move.
  if (olds[0]?.kind === 'heading' && news[0]?.kind === 'heading') {
    pairs.push({ old: olds[0], new: news[0] });
    oldStart = 1;
    newStart = 1;
  }
  const oldRest = olds.slice(oldStart);
  const newRest = news.slice(newStart);
  const parts = diffArrays(
    oldRest.map((p) => p.text),
    newRest.map((p) => p.text),
    { maxEditLength: MAX_PARAGRAPH_EDITS },
  ) ?? [
    { value: [], added: false, removed: true, count: oldRest.length },
    { value: [], added: true, removed: false, count: newRest.length },
  ];

  let i = 0;
  let j = 0;
  let removed: Paragraph[] = [];
  let added: Paragraph[] = [];
  const flush = (): void => {
    pairs.push(...pairRun(removed, added));
    removed = [];
    added = [];
  };
  for (const part of parts) {
    if (part.removed) {
      removed.push(...oldRest.slice(i, i + part.count));
      i += part.count;
    } else if (part.added) {
      added.push(...newRest.slice(j, j + part.count));
      j += part.count;
    } else {
      flush();
      for (let k = 0; k < part.count; k++) {
        pairs.push({ old: oldRest[i + k]!, new: newRest[j + k]! });
      }
      i += part.count;
      j += part.count;
    }
  }
  flush();
  return pairs;
}
