import search from 'approx-string-match';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorAnnotations } from '../../../../core/annotations/anchor';
import type { AnnotationTarget } from '../../../../core/annotations/annotation-model';
import { bigramIndex, candidateRanges } from '../../../../core/annotations/bigram-filter';
import { describeSelection } from '../../../../core/annotations/describe-selection';
import { documentText, toTextPoint } from '../../../../core/annotations/document-text';
import { parseReport } from '../../../../core/report/parse-report';
import type { ReportDocument } from '../../../../core/report/report-model';
import { annotation, original, originalSource } from './annotation-fixtures';

const text = documentText(original);

/** A selection of 1–300 characters that is not only whitespace, as document offsets. */
const selectionArbitrary = fc
  .tuple(fc.nat({ max: text.text.length - 1 }), fc.integer({ min: 1, max: 300 }))
  .map(([start, length]) => [start, Math.min(text.text.length, start + length)] as const)
  .filter(([start, end]) => text.text.slice(start, end).trim() !== '');

function select(doc: ReportDocument, start: number, end: number): AnnotationTarget {
  const docText = documentText(doc);
  const result = describeSelection(doc, toTextPoint(docText, start)!, toTextPoint(docText, end)!);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Characters that cannot turn a paragraph into a heading or split it. */
const insertionArbitrary = fc.string({
  unit: fc.constantFrom('新', '增', '内', '容', '一', '，', '。', 'a', 'Z', '“', '”'),
  minLength: 1,
  maxLength: 40,
});

/**
 * A place to insert text without changing the report's structure: inside a paragraph's body
 * (past a heading's heading part, never at its very start), never in the title line.
 */
const insertionPlaces = original.paragraphs.flatMap((paragraph) => {
  if (paragraph.kind === 'title') return [];
  const from = Math.max(1, paragraph.headingLength ?? 0);
  if (from >= paragraph.text.length) return [];
  return [{ paragraph, from }];
});
const placeArbitrary = fc
  .tuple(fc.nat({ max: insertionPlaces.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([index, fraction]) => {
    const { paragraph, from } = insertionPlaces[index]!;
    const offset = from + Math.floor(fraction * (paragraph.text.length - from));
    return { paragraph, sourceOffset: paragraph.start + offset };
  });

function insert(source: string, at: number, inserted: string): ReportDocument {
  return parseReport(source.slice(0, at) + inserted + source.slice(at));
}

describe('anchoring properties', () => {
  it('re-anchors any selection on the same edition exactly where it was', () => {
    fc.assert(
      fc.property(selectionArbitrary, ([start, end]) => {
        const target = select(original, start, end);
        const [result] = anchorAnnotations(original, [annotation('a', target)]);
        expect(result).toMatchObject({
          status: 'exact-position',
          start: target.start,
          end: target.end,
          position: { start, end },
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a selection at its paragraph points when text is inserted in another paragraph', () => {
    fc.assert(
      fc.property(selectionArbitrary, placeArbitrary, insertionArbitrary, (range, place, added) => {
        const target = select(original, ...range);
        const placeIndex = text.indexById.get(place.paragraph.id)!;
        fc.pre(
          placeIndex < text.indexById.get(target.start.paragraphId)! ||
            placeIndex > text.indexById.get(target.end.paragraphId)!,
        );
        const edited = insert(originalSource, place.sourceOffset, added);
        const [result] = anchorAnnotations(edited, [annotation('a', target)]);
        expect(result).toMatchObject({
          status: 'exact-position',
          start: target.start,
          end: target.end,
        });
        const editedText = documentText(edited).text;
        expect(editedText.slice(result!.position!.start, result!.position!.end)).toBe(
          target.quote.exact,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('finds the quote verbatim when text is inserted anywhere outside it', () => {
    fc.assert(
      fc.property(selectionArbitrary, placeArbitrary, insertionArbitrary, (range, place, added) => {
        const target = select(original, ...range);
        // The selection's extent in the source, which the insertion must not fall inside.
        const startParagraph = original.paragraphs.find((p) => p.id === target.start.paragraphId)!;
        const endParagraph = original.paragraphs.find((p) => p.id === target.end.paragraphId)!;
        const sourceStart = startParagraph.start + target.start.offset;
        const sourceEnd = endParagraph.start + target.end.offset;
        fc.pre(place.sourceOffset <= sourceStart || place.sourceOffset >= sourceEnd);
        const edited = insert(originalSource, place.sourceOffset, added);
        const [result] = anchorAnnotations(edited, [annotation('a', target)]);
        expect(['exact-position', 'quote']).toContain(result?.status);
        const editedText = documentText(edited).text;
        expect(editedText.slice(result!.position!.start, result!.position!.end)).toBe(
          target.quote.exact,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('never filters out an approximate match (bigram filter against a full search)', () => {
    const index = bigramIndex(text.text);
    const editArbitrary = fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('delete', 'insert', 'replace'),
        fc.constantFrom('法', 'x'),
      ),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(selectionArbitrary, editArbitrary, ([start, end], edits) => {
        let pattern = text.text.slice(start, end);
        for (const [at, edit, char] of edits) {
          const i = at % (pattern.length + 1);
          const cut = edit === 'insert' ? 0 : 1;
          pattern = pattern.slice(0, i) + (edit === 'delete' ? '' : char) + pattern.slice(i + cut);
        }
        fc.pre(pattern.length >= 4);
        const maxErrors = Math.max(1, Math.floor(pattern.length / 4));
        const ranges = candidateRanges(index, pattern, maxErrors);
        for (const match of search(text.text, pattern, maxErrors)) {
          const covered = ranges.some(([from, to]) => from <= match.start && match.end <= to);
          expect(covered).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
