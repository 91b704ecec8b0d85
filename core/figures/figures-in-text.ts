/**
 * The figures in one run of text (a paragraph, a table cell), with offsets into that text and
 * a snippet around each for a list row.
 */
import type { Figure } from './figure-model';
import { readSubjects } from './figure-subject';
import { scanQuantities } from './scan-quantities';

/** Where a run of text sits in the report, for the figures found in it. */
export interface FigureContext {
  paragraphId: string;
  sectionId: string | null;
  sectionPath: string;
  sectionTitle: string;
}

/** Characters of context on each side of a figure in its snippet. */
const SNIPPET_REACH = 30;
const SENTENCE_ENDERS = '。！？!?；;';
const isSentenceEnd = (char: string | undefined): boolean =>
  char !== undefined && char !== '' && SENTENCE_ENDERS.includes(char);

function snippetAround(
  text: string,
  start: number,
  end: number,
): { snippet: string; offset: number } {
  let from = Math.max(0, start - SNIPPET_REACH);
  for (let i = start - 1; i >= from; i--) {
    if (isSentenceEnd(text[i])) {
      from = i + 1;
      break;
    }
  }
  let to = Math.min(text.length, end + SNIPPET_REACH);
  for (let i = end; i < to; i++) {
    if (isSentenceEnd(text[i])) {
      to = i + 1;
      break;
    }
  }
  const lead = from > 0 && !isSentenceEnd(text[from - 1]) ? '…' : '';
  const trail = to < text.length && !isSentenceEnd(text[to - 1]) ? '…' : '';
  return {
    snippet: lead + text.slice(from, to).trim() + trail,
    offset: lead.length + start - from,
  };
}

/**
 * The figures in one run of text. `from` skips a prefix that holds no figures (a heading's
 * number marker); offsets are into `text`.
 */
export function figuresInText(text: string, context: FigureContext, from = 0): Figure[] {
  const quantities = scanQuantities(text, from);
  const subjects = readSubjects(text, quantities);
  return quantities.map((quantity, i) => {
    const reading = subjects[i]!;
    const { snippet, offset } = snippetAround(text, quantity.start, quantity.end);
    return {
      id: `${context.paragraphId}@${quantity.start}`,
      ...context,
      start: quantity.start,
      end: quantity.end,
      raw: text.slice(quantity.start, quantity.end),
      subject: reading.subject,
      kind: reading.kind,
      changeWord: reading.changeWord,
      direction: reading.direction,
      value: quantity.value,
      valueHigh: quantity.valueHigh,
      approximation: quantity.approximation,
      unit: quantity.unit,
      snippet,
      snippetOffset: offset,
    };
  });
}
