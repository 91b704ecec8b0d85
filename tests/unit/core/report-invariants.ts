/**
 * What every parse must satisfy, whatever the input: shared by the example tests and the
 * property tests so both check the same contract.
 */
import { expect } from 'vitest';
import type { Paragraph, ReportDocument, Section } from '../../../core/report/report-model';

/** The text without whitespace (JavaScript's \s, the parser's definition of whitespace). */
export const nonWhitespace = (text: string): string => text.replace(/\s/gu, '');

function preOrder(sections: readonly Section[]): Section[] {
  return sections.flatMap((section) => [section, ...preOrder(section.children)]);
}

/** Kinds of paragraphs outside any section. */
const OUTSIDE_SECTIONS = new Set(['title', 'preamble', 'front', 'closing']);

function expectTableCells(source: string, paragraph: Paragraph): void {
  expect(paragraph.rows?.length).toBeGreaterThan(0);
  for (const row of paragraph.rows ?? []) {
    for (const cell of row) {
      expect(source.slice(cell.start, cell.end)).toBe(cell.text);
      expect(cell.text).not.toMatch(/[\t\n\r]/u);
      expect(cell.text.trim()).toBe(cell.text);
      expect(cell.start).toBeGreaterThanOrEqual(paragraph.start);
      expect(cell.end).toBeLessThanOrEqual(paragraph.end);
    }
  }
}

export function expectReportInvariants(source: string, doc: ReportDocument): void {
  const bodyStart = doc.bodyStart ?? 0;
  expect(bodyStart).toBeGreaterThanOrEqual(0);
  expect(bodyStart).toBeLessThanOrEqual(source.length);

  // Every paragraph is a verbatim, trimmed, non-empty slice; in order and non-overlapping.
  let previousEnd = bodyStart;
  for (const paragraph of doc.paragraphs) {
    expect(source.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
    expect(paragraph.text).not.toBe('');
    expect(paragraph.text.trim()).toBe(paragraph.text);
    expect(paragraph.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = paragraph.end;
    if (paragraph.kind === 'table') expectTableCells(source, paragraph);
    else expect(paragraph.rows).toBeUndefined();
  }

  // Nothing after the header is lost or reordered.
  expect(nonWhitespace(doc.paragraphs.map((p) => p.text).join(''))).toBe(
    nonWhitespace(source.slice(bodyStart)),
  );

  // Ids are unique and references resolve.
  const sectionIds = new Set(doc.flatSections.map((s) => s.id));
  expect(sectionIds.size).toBe(doc.flatSections.length);
  expect(new Set(doc.paragraphs.map((p) => p.id)).size).toBe(doc.paragraphs.length);
  const front = doc.front ?? [];
  const closing = doc.closing ?? [];
  const outside = new Set([
    ...front,
    ...(doc.titleParagraph ? [doc.titleParagraph] : []),
    ...doc.preamble,
    ...closing,
  ]);
  for (const paragraph of doc.paragraphs) {
    if (paragraph.sectionId !== null) expect(sectionIds.has(paragraph.sectionId)).toBe(true);
    expect(paragraph.sectionId === null).toBe(outside.has(paragraph));
    if (paragraph.kind !== 'table') {
      expect(OUTSIDE_SECTIONS.has(paragraph.kind)).toBe(paragraph.sectionId === null);
    }
  }
  // A table keeps its kind wherever it stands (makeParagraph), in the front matter and the
  // closing block as in the preamble.
  expect(front.every((p) => p.kind === 'front' || p.kind === 'table')).toBe(true);
  expect(closing.every((p) => p.kind === 'closing' || p.kind === 'table')).toBe(true);
  expect(doc.preamble.every((p) => p.kind === 'preamble' || p.kind === 'table')).toBe(true);
  if (doc.titleParagraph) {
    expect(doc.titleParagraph.kind).toBe('title');
    expect(doc.title).not.toBeNull();
  }

  // The tree, the flat list and the paragraph list agree (parts in document order).
  expect(preOrder(doc.sections)).toEqual(doc.flatSections);
  const fromParts = [...outside, ...doc.flatSections.flatMap((s) => s.paragraphs)].sort(
    (a, b) => a.start - b.start,
  );
  expect(fromParts).toEqual(doc.paragraphs);
  for (const section of doc.flatSections) {
    const [heading, ...body] = section.paragraphs;
    expect(heading?.id).toBe(section.headingParagraphId);
    expect(heading?.kind).toBe('heading');
    expect(heading?.headingLength).toBeGreaterThan(0);
    expect(heading?.headingLength).toBeLessThanOrEqual(heading?.text.length ?? 0);
    expect(
      body.every((p) => (p.kind === 'body' || p.kind === 'table') && p.sectionId === section.id),
    ).toBe(true);
    if (section.appendix) expect(section.children).toEqual([]);
    for (const child of section.children) {
      expect(child.parentId).toBe(section.id);
      expect(child.level).toBeGreaterThan(section.level);
    }
  }
  expect(doc.sections.every((s) => s.parentId === null)).toBe(true);
}
