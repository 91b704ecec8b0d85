/**
 * A synthetic library for the benchmark: `count` variants of one report's units, each with its
 * paragraphs shuffled, sentences swapped and digits changed by a seeded PRNG, so the corpus is
 * realistic Chinese government prose of the size a user's library might reach (~1.7 MB for
 * 100 reports) and repeats exactly from run to run.
 */
import type { SearchUnit } from '../core/search';
import type { Random } from './prng';

const DIGIT_CHANGE_RATE = 0.3;
const SENTENCE_SWAP_RATE = 0.5;

function changeDigits(text: string, random: Random): string {
  return text.replace(/[0-9]/g, (d) =>
    random.next() < DIGIT_CHANGE_RATE ? String(random.int(10)) : d,
  );
}

/** Shuffles the sentences after the first (the first holds a run-in heading, kept in front). */
function swapSentences(text: string, random: Random): string {
  const sentences = text.match(/[^。]+。?/g) ?? [text];
  if (sentences.length < 3 || random.next() >= SENTENCE_SWAP_RATE) return text;
  return [sentences[0]!, ...random.shuffle(sentences.slice(1))].join('');
}

export function generateLibrary(
  base: readonly SearchUnit[],
  count: number,
  random: Random,
): SearchUnit[] {
  const library: SearchUnit[] = [];
  for (let report = 0; report < count; report++) {
    const metadata = base.filter((u) => u.kind === 'metadata');
    const paragraphs = random.shuffle(base.filter((u) => u.kind !== 'metadata'));
    [...metadata, ...paragraphs].forEach((unit, i) => {
      // Digits are replaced by digits and the first sentence stays first, so a heading part
      // keeps its length.
      const text = changeDigits(swapSentences(unit.text, random), random);
      library.push({
        ...unit,
        id: `r${report}/${unit.id}`,
        text,
        order: report * 100_000 + i,
      });
    });
  }
  return library;
}
