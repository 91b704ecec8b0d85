/**
 * Builds the section tree from the body's paragraphs (after the title). A heading becomes a
 * child of the nearest preceding heading of a smaller level, so skipped levels (一、 followed
 * by 1.) nest under the nearest smaller level, and a (一) before any 一、 is top level.
 */
import { recognizeHeading, type HeadingMatch } from './heading';
import { joinNumberPath } from './numbering';
import type { Paragraph, ParagraphKind, Section } from './report-model';
import { allocateSectionId, baseSectionId } from './section-ids';
import type { SourceLine } from './source-lines';

export interface SectionTree {
  /** Paragraphs before the first heading. */
  preamble: Paragraph[];
  sections: Section[];
  flatSections: Section[];
  /** Every paragraph in document order. */
  paragraphs: Paragraph[];
}

function makeParagraph(
  id: string,
  kind: ParagraphKind,
  sectionId: string | null,
  line: SourceLine,
): Paragraph {
  return { id, kind, sectionId, text: line.text, start: line.start, end: line.end };
}

function makeSection(
  heading: HeadingMatch,
  line: SourceLine,
  parent: Section | null,
  takenIds: Set<string>,
): Section {
  const id = allocateSectionId(baseSectionId(parent?.id ?? null, heading.value), takenIds);
  const headingParagraph: Paragraph = {
    ...makeParagraph(`${id}-p0`, 'heading', id, line),
    headingLength: heading.headingLength,
  };
  return {
    id,
    level: heading.level,
    marker: heading.marker,
    number: heading.number,
    numberPath: joinNumberPath(parent?.numberPath ?? null, heading.number),
    title: heading.title,
    runIn: heading.runIn,
    headingParagraphId: headingParagraph.id,
    paragraphs: [headingParagraph],
    children: [],
    parentId: parent?.id ?? null,
  };
}

/** Sorts non-empty lines into the preamble and a tree of numbered sections. */
export function buildSectionTree(lines: readonly SourceLine[]): SectionTree {
  const tree: SectionTree = { preamble: [], sections: [], flatSections: [], paragraphs: [] };
  const takenIds = new Set<string>();
  // The open sections from the root down to the current one.
  const stack: Section[] = [];

  for (const line of lines) {
    const heading = recognizeHeading(line.text);
    if (heading) {
      while ((stack.at(-1)?.level ?? 0) >= heading.level) stack.pop();
      const parent = stack.at(-1) ?? null;
      const section = makeSection(heading, line, parent, takenIds);
      (parent?.children ?? tree.sections).push(section);
      tree.flatSections.push(section);
      tree.paragraphs.push(...section.paragraphs);
      stack.push(section);
      continue;
    }
    const current = stack.at(-1);
    const paragraph = current
      ? makeParagraph(`${current.id}-p${current.paragraphs.length}`, 'body', current.id, line)
      : makeParagraph(`pre-p${tree.preamble.length + 1}`, 'preamble', null, line);
    (current?.paragraphs ?? tree.preamble).push(paragraph);
    tree.paragraphs.push(paragraph);
  }
  return tree;
}
