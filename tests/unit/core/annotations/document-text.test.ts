import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  documentText,
  paragraphIndexAt,
  toDocumentOffset,
  toTextPoint,
} from '../../../../core/annotations/document-text';
import { parseReport } from '../../../../core/report/parse-report';
import { original } from './annotation-fixtures';

describe('documentText', () => {
  const text = documentText(original);

  it('joins the paragraphs with "\\n", whatever the source line breaks', () => {
    expect(text.text).toBe(original.paragraphs.map((p) => p.text).join('\n'));
    const crlf = parseReport(original.paragraphs.map((p) => p.text).join('\r\n\r\n'));
    expect(documentText(crlf).text).toBe(text.text);
  });

  it('is built once per document', () => {
    expect(documentText(original)).toBe(text);
  });

  it('maps paragraph points to document offsets and back', () => {
    const paragraph = original.paragraphs[5]!;
    const start = text.starts[5]!;
    expect(text.text.slice(start, start + paragraph.text.length)).toBe(paragraph.text);
    expect(toDocumentOffset(text, { paragraphId: paragraph.id, offset: 3 })).toBe(start + 3);
    expect(toTextPoint(text, start + 3)).toEqual({ paragraphId: paragraph.id, offset: 3 });
  });

  it('gives the "\\n" after a paragraph to that paragraph', () => {
    const first = original.paragraphs[0]!;
    const newline = first.text.length;
    expect(text.text[newline]).toBe('\n');
    expect(toTextPoint(text, newline)).toEqual({ paragraphId: first.id, offset: newline });
    expect(toTextPoint(text, newline + 1)).toEqual({
      paragraphId: original.paragraphs[1]!.id,
      offset: 0,
    });
  });

  it('refuses unknown paragraphs and offsets past the paragraph', () => {
    const paragraph = original.paragraphs[2]!;
    expect(toDocumentOffset(text, { paragraphId: 'nope', offset: 0 })).toBeNull();
    expect(
      toDocumentOffset(text, { paragraphId: paragraph.id, offset: paragraph.text.length + 1 }),
    ).toBeNull();
  });

  it('clamps offsets outside the text, and has no points in an empty document', () => {
    const last = original.paragraphs.at(-1)!;
    expect(toTextPoint(text, -5)).toEqual({ paragraphId: 'title', offset: 0 });
    expect(toTextPoint(text, 10 ** 9)).toEqual({ paragraphId: last.id, offset: last.text.length });
    expect(toTextPoint(documentText(parseReport('')), 0)).toBeNull();
  });

  it('round-trips every document offset through a point (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.text.length }), (offset) => {
        const point = toTextPoint(text, offset);
        expect(point).not.toBeNull();
        expect(toDocumentOffset(text, point!)).toBe(offset);
        const index = paragraphIndexAt(text, offset);
        expect(text.starts[index]!).toBeLessThanOrEqual(offset);
      }),
    );
  });
});
