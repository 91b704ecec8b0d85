import { describe, expect, it } from 'vitest';
import {
  annotationTargetSchema,
  QUOTE_CONTEXT_LENGTH,
} from '../../../../core/annotations/annotation-model';
import {
  describeSection,
  describeSelection,
} from '../../../../core/annotations/describe-selection';
import { documentText } from '../../../../core/annotations/document-text';
import { original } from './annotation-fixtures';

const text = documentText(original).text;

describe('describeSelection', () => {
  it('describes a selection inside one paragraph', () => {
    const result = describeSelection(
      original,
      { paragraphId: 's1-2-6-p0', offset: 2 },
      { paragraphId: 's1-2-6-p0', offset: 14 },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const target = result.value;
    expect(annotationTargetSchema.parse(target)).toEqual(target);
    expect(target.sectionId).toBe('s1-2-6');
    expect(target.quote.exact).toBe('切实提高行政复议应诉水平');
    expect(text.slice(target.position.start, target.position.end)).toBe(target.quote.exact);
    expect(target.quote.prefix).toHaveLength(QUOTE_CONTEXT_LENGTH);
    expect(text.slice(0, target.position.start).endsWith(target.quote.prefix)).toBe(true);
    expect(target.quote.prefix.endsWith('\n6.')).toBe(true);
    expect(target.quote.suffix).toBe(
      text.slice(target.position.end, target.position.end + QUOTE_CONTEXT_LENGTH),
    );
  });

  it('crosses paragraphs, with "\\n" in the quote', () => {
    const result = describeSelection(
      original,
      { paragraphId: 's1-2-p0', offset: 14 },
      { paragraphId: 's1-2-1-p0', offset: 8 },
    );
    expect(result.ok && result.value.quote.exact).toBe('完善政府治理体系\n1.坚持党的领导');
    expect(result.ok && result.value.sectionId).toBe('s1-2');
  });

  it('clips the context at the ends of the document', () => {
    const first = describeSelection(
      original,
      { paragraphId: 'title', offset: 0 },
      { paragraphId: 'title', offset: 6 },
    );
    expect(first.ok && first.value.quote).toMatchObject({ exact: '南京市江宁区', prefix: '' });
    expect(first.ok && first.value.sectionId).toBeNull();
    const lastParagraph = original.paragraphs.at(-1)!;
    const length = lastParagraph.text.length;
    const last = describeSelection(
      original,
      { paragraphId: lastParagraph.id, offset: length - 6 },
      { paragraphId: lastParagraph.id, offset: length },
    );
    expect(last.ok && last.value.quote).toMatchObject({ exact: '江宁路径”。', suffix: '' });
  });

  it('refuses empty, whitespace-only and reversed selections with a Chinese message', () => {
    const at = (offset: number, paragraphId = 's2-p1') => ({ paragraphId, offset });
    const empty = describeSelection(original, at(5), at(5));
    expect(empty).toMatchObject({ ok: false, error: { code: 'empty-selection' } });
    const newlineOnly = describeSelection(original, at(15, 's2-p0'), at(0, 's2-p1'));
    expect(newlineOnly).toMatchObject({ ok: false, error: { code: 'empty-selection' } });
    const reversed = describeSelection(original, at(9), at(5));
    expect(reversed).toMatchObject({ ok: false, error: { code: 'reversed-selection' } });
    if (!reversed.ok) expect(reversed.error.message).toMatch(/\p{Script=Han}/u);
  });

  it('refuses points outside the document', () => {
    expect(
      describeSelection(original, { paragraphId: 'x', offset: 0 }, { paragraphId: 'x', offset: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'unknown-paragraph', detail: 'x' } });
    expect(
      describeSelection(
        original,
        { paragraphId: 'title', offset: 0 },
        { paragraphId: 'title', offset: 999 },
      ),
    ).toMatchObject({ ok: false, error: { code: 'offset-out-of-range' } });
  });
});

describe('describeSection', () => {
  it("targets the heading part of a run-in heading's paragraph", () => {
    const result = describeSection(original, 's1-2-6');
    expect(result.ok && result.value.quote.exact).toBe('6.切实提高行政复议应诉水平。');
    expect(result.ok && result.value.start).toEqual({ paragraphId: 's1-2-6-p0', offset: 0 });
    expect(result.ok && result.value.sectionId).toBe('s1-2-6');
  });

  it('targets the whole paragraph of a standalone heading', () => {
    const result = describeSection(original, 's2');
    expect(result.ok && result.value.quote.exact).toBe('二、推进法治政府建设存在的不足');
  });

  it('refuses an unknown section', () => {
    expect(describeSection(original, 's9')).toMatchObject({
      ok: false,
      error: { code: 'unknown-section' },
    });
  });
});
