/**
 * What every parse must satisfy, whatever the input: shared by the example tests and the
 * property tests so both check the same contract.
 */
import { expect } from 'vitest';
import type { ReportDocument, Section } from '../../../core/report/report-model';

/** The text without whitespace (JavaScript's \s, the parser's definition of whitespace). */
export const nonWhitespace = (text: string): string => text.replace(/\s/gu, '');

function preOrder(sections: readonly Section[]): Section[] {
  return sections.flatMap((section) => [section, ...preOrder(section.children)]);
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
  }

  // Nothing after the header is lost or reordered.
  expect(nonWhitespace(doc.paragraphs.map((p) => p.text).join(''))).toBe(
    nonWhitespace(source.slice(bodyStart)),
  );

  // Ids are unique and references resolve.
  const sectionIds = new Set(doc.flatSections.map((s) => s.id));
  expect(sectionIds.size).toBe(doc.flatSections.length);
  expect(new Set(doc.paragraphs.map((p) => p.id)).size).toBe(doc.paragraphs.length);
  for (const paragraph of doc.paragraphs) {
    if (paragraph.sectionId !== null) expect(sectionIds.has(paragraph.sectionId)).toBe(true);
    const outsideSections = paragraph.kind === 'title' || paragraph.kind === 'preamble';
    expect(paragraph.sectionId === null).toBe(outsideSections);
  }

  // The tree, the flat list and the paragraph list agree.
  expect(preOrder(doc.sections)).toEqual(doc.flatSections);
  const fromTree = [
    ...(doc.titleParagraph ? [doc.titleParagraph] : []),
    ...doc.preamble,
    ...doc.flatSections.flatMap((s) => s.paragraphs),
  ];
  expect(fromTree).toEqual(doc.paragraphs);
  for (const section of doc.flatSections) {
    const [heading, ...body] = section.paragraphs;
    expect(heading?.id).toBe(section.headingParagraphId);
    expect(heading?.kind).toBe('heading');
    expect(heading?.headingLength).toBeGreaterThan(0);
    expect(heading?.headingLength).toBeLessThanOrEqual(heading?.text.length ?? 0);
    expect(body.every((p) => p.kind === 'body' && p.sectionId === section.id)).toBe(true);
    for (const child of section.children) {
      expect(child.parentId).toBe(section.id);
      expect(child.level).toBeGreaterThan(section.level);
    }
  }
  expect(doc.sections.every((s) => s.parentId === null)).toBe(true);
}
