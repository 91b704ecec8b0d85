/**
 * Splits off the appendix parts at the end of a document (附件1…, 名词解释) and builds each as
 * one top-level section whose lines are all body paragraphs: a glossary's 1. 2. 3. entries and
 * an attachment's 一、二、 items are a list, not an outline.
 */
import { recognizeAppendix, type AppendixHeading } from './appendix';
import type { Paragraph, Section } from './report-model';
import { allocateSectionId } from './section-ids';
import { makeParagraph } from './section-tree';
import type { SourceBlock } from './source-blocks';

/** Index of the first appendix heading in `blocks` (never the first block), or blocks.length. */
export function appendixStart(blocks: readonly SourceBlock[]): number {
  const at = blocks.findIndex((b, i) => i > 0 && !b.rows && recognizeAppendix(b.text) !== null);
  return at < 0 ? blocks.length : at;
}

const halfWidth = (text: string): string =>
  text.replace(/\s/gu, '').replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10));

/** The appendix sections of `blocks` (which start with an appendix heading). */
export function buildAppendixSections(
  blocks: readonly SourceBlock[],
  takenIds: Set<string>,
): Section[] {
  const sections: Section[] = [];
  let current: { section: Section; heading: AppendixHeading } | null = null;
  for (const block of blocks) {
    const heading = block.rows ? null : recognizeAppendix(block.text);
    // "附件2" over "名词解释": the second line names the first part; it opens no new one.
    const namesCurrent =
      current !== null && current.heading.title === '' && current.section.paragraphs.length === 1;
    if (heading && !namesCurrent) {
      const section = appendixSection(block, heading, sections.length + 1, takenIds);
      sections.push(section);
      current = { section, heading };
      continue;
    }
    if (!current) continue;
    const { section } = current;
    if (section.title === '' && section.paragraphs.length === 1 && !block.rows) {
      section.title = block.text.length <= 60 ? block.text : '';
    }
    section.paragraphs.push(
      makeParagraph(`${section.id}-p${section.paragraphs.length}`, 'body', section.id, block),
    );
  }
  return sections;
}

function appendixSection(
  block: SourceBlock,
  heading: AppendixHeading,
  ordinal: number,
  takenIds: Set<string>,
): Section {
  const id = allocateSectionId(`a${ordinal}`, takenIds);
  const paragraph: Paragraph = {
    ...makeParagraph(`${id}-p0`, 'heading', id, block),
    headingLength: block.text.length,
  };
  const number = halfWidth(heading.marker);
  return {
    id,
    level: 1,
    marker: heading.marker,
    number,
    numberPath: number === '' ? heading.title : number,
    title: heading.title,
    runIn: false,
    headingParagraphId: paragraph.id,
    paragraphs: [paragraph],
    children: [],
    parentId: null,
    appendix: true,
  };
}
