/**
 * Shared by the annotation tests: the bundled report, a revised edition of it, and helpers to
 * make annotations on passages found by their text.
 */
import { readFileSync } from 'node:fs';
import type { Annotation, AnnotationTarget } from '../../../../core/annotations/annotation-model';
import { describeRange } from '../../../../core/annotations/describe-selection';
import { documentText } from '../../../../core/annotations/document-text';
import { parseReport } from '../../../../core/report/parse-report';
import type { ReportDocument } from '../../../../core/report/report-model';

export const REPORT_ID = 'jiangning-2023-rule-of-law-government-report';

export const originalSource = readFileSync(
  new URL(`../../../../resources/reports/${REPORT_ID}.txt`, import.meta.url),
  'utf8',
);
/**
 * The report with the edits a corrected edition brings: a paragraph added to the preamble and
 * one to 三、, sentences inserted before and inside passages, numbers changed, the paragraph of
 * 一、(三) 5. deleted, commas and brackets turned full width in places, a phrase reworded.
 */
export const revisedSource = readFileSync(
  new URL('../../../fixtures/reports/revised-jiangning.txt', import.meta.url),
  'utf8',
);

export const original = parseReport(originalSource);
export const revised = parseReport(revisedSource);

/** The target of the `occurrence`-th (0-based) occurrence of `quote` in the document text. */
export function targetOf(doc: ReportDocument, quote: string, occurrence = 0): AnnotationTarget {
  const { text } = documentText(doc);
  let at = text.indexOf(quote);
  for (let n = 0; n < occurrence && at !== -1; n += 1) at = text.indexOf(quote, at + 1);
  if (at === -1) throw new Error(`not in the document: ${quote}`);
  return describeRange(doc, at, at + quote.length);
}

const CREATED = '2024-03-05T09:30:00+08:00';

export function annotation(
  id: string,
  target: AnnotationTarget,
  fields: Partial<Omit<Annotation, 'id' | 'target'>> = {},
): Annotation {
  return {
    id,
    reportId: REPORT_ID,
    kind: 'highlight',
    color: 'yellow',
    note: '',
    tags: [],
    target,
    created: CREATED,
    updated: CREATED,
    ...fields,
  };
}

/** Levenshtein distance, the plain quadratic way: the oracle for fuzzy matches. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
