/** Whether the first line of a report's body is its title. */
import { recognizeHeading } from './heading';

/** Titles are one short line; a longer one is a paragraph of the preamble. */
export const MAX_TITLE_LENGTH = 80;

/** A title is short, is no numbered heading and does not end like a sentence. */
export function looksLikeTitle(text: string): boolean {
  return (
    text !== '' &&
    text.length <= MAX_TITLE_LENGTH &&
    !/[。；;，,]$/u.test(text) &&
    recognizeHeading(text) === null
  );
}
