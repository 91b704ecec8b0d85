/**
 * Builds the section tree from the body's blocks (after the title). Numbering decides:
 * - levels: by the order in which the document starts its numbering families (usually
 *   第一部分, 一、, (一), 1., (1), ①), so a report that starts at (一) has (一) at level 1;
 * - sequence: a heading continues its siblings of the same family under the same parent (the
 *   first is 1, the next one more), so an inline 一、 in a paragraph run or a restarted 1. 2. 3.
 *   list is body text, not a heading;
 * - context: a part titled 名词解释 holds a list, not sections; a 目录 lists headings, it has none.
 * A heading becomes a child of the nearest open heading of a smaller level.
 */
import { isGlossaryTitle } from './appendix';
import { recognizeHeading, type HeadingMatch } from './heading';
import { isContentsHeading } from './line-shapes';
import { joinNumberPath, type NumberFamily } from './numbering';
import type { HeadingLevel, Paragraph, ParagraphKind, Section } from './report-model';
import { allocateSectionId, baseSectionId } from './section-ids';
import type { SourceBlock } from './source-blocks';

export interface SectionTree {
  /** Paragraphs before the first heading. */
  preamble: Paragraph[];
  sections: Section[];
  flatSections: Section[];
  /** Every paragraph in document order. */
  paragraphs: Paragraph[];
}

export function makeParagraph(
  id: string,
  kind: ParagraphKind,
  sectionId: string | null,
  block: SourceBlock,
): Paragraph {
  const paragraph: Paragraph = {
    id,
    kind: block.rows ? 'table' : kind,
    sectionId,
    text: block.text,
    start: block.start,
    end: block.end,
  };
  if (block.rows) paragraph.rows = block.rows;
  return paragraph;
}

/**
 * The level of each family, by the order in which the document starts them (a family never
 * numbered 1 has no headings): 第一部分 before 一、 before 第一条 makes 第一条 level 3.
 */
function familyLevels(
  candidates: readonly (HeadingMatch | null)[],
): Map<NumberFamily, HeadingLevel> {
  const levels = new Map<NumberFamily, HeadingLevel>();
  for (const candidate of candidates) {
    if (candidate?.value !== 1 || candidate.weak) continue;
    if (levels.has(candidate.family) || levels.size >= 9) continue;
    levels.set(candidate.family, (levels.size + 1) as HeadingLevel);
  }
  return levels;
}

/** Indexes of the blocks of a 目录 (its heading and entries), which are never headings. */
function contentsBlocks(
  blocks: readonly SourceBlock[],
  candidates: readonly (HeadingMatch | null)[],
): Set<number> {
  const skip = new Set<number>();
  const at = blocks.findIndex((b, i) => i < 40 && isContentsHeading(b.text));
  if (at < 0) return skip;
  const firstEntry = candidates.slice(at + 1).find((c) => c !== null);
  skip.add(at);
  for (let i = at + 1; i < blocks.length; i += 1) {
    const c = candidates[i];
    const repeatsFirst =
      c &&
      firstEntry &&
      i > at + 1 &&
      c.family === firstEntry.family &&
      c.value === firstEntry.value;
    if (repeatsFirst || (blocks[i]?.text.length ?? 0) > 60) break;
    skip.add(i);
  }
  return skip;
}

function makeSection(
  heading: HeadingMatch,
  level: HeadingLevel,
  block: SourceBlock,
  parent: Section | null,
  takenIds: Set<string>,
): Section {
  const id = allocateSectionId(baseSectionId(parent?.id ?? null, heading.value), takenIds);
  const headingParagraph: Paragraph = {
    ...makeParagraph(`${id}-p0`, 'heading', id, block),
    headingLength: heading.headingLength,
  };
  const section: Section = {
    id,
    level,
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
  if (isGlossaryTitle(heading.title)) section.appendix = true;
  return section;
}

/** Sorts non-empty blocks into the preamble and a tree of numbered sections. */
export function buildSectionTree(
  blocks: readonly SourceBlock[],
  takenIds: Set<string> = new Set(),
): SectionTree {
  const tree: SectionTree = { preamble: [], sections: [], flatSections: [], paragraphs: [] };
  const candidates = blocks.map((b) => (b.rows ? null : recognizeHeading(b.text, b.boldLength)));
  const contents = contentsBlocks(blocks, candidates);
  const levels = familyLevels(candidates.filter((_, i) => !contents.has(i)));
  // The open sections from the root down to the current one.
  const stack: Section[] = [];
  // How each section was numbered (the model itself does not keep the family).
  const numbering = new Map<Section, HeadingMatch>();

  for (const [i, block] of blocks.entries()) {
    const heading = contents.has(i) ? null : candidates[i];
    const level = heading ? levels.get(heading.family) : undefined;
    if (heading && level !== undefined) {
      let depth = stack.length;
      while (depth > 0 && (stack[depth - 1]?.level ?? 0) >= level) depth -= 1;
      const parent = stack[depth - 1] ?? null;
      const inGlossary = stack.slice(0, depth).some((open) => open.appendix);
      const previous = lastOfFamily(parent?.children ?? tree.sections, heading.family, numbering);
      // A weak candidate (a long numbered sentence) only continues a sequence, never starts one.
      const continues =
        previous === null ? heading.value === 1 && !heading.weak : heading.value === previous + 1;
      if (!inGlossary && continues) {
        stack.length = depth;
        const section = makeSection(heading, level, block, parent, takenIds);
        numbering.set(section, heading);
        (parent?.children ?? tree.sections).push(section);
        tree.flatSections.push(section);
        tree.paragraphs.push(...section.paragraphs);
        stack.push(section);
        continue;
      }
    }
    const current = stack.at(-1);
    const paragraph = current
      ? makeParagraph(`${current.id}-p${current.paragraphs.length}`, 'body', current.id, block)
      : makeParagraph(`pre-p${tree.preamble.length + 1}`, 'preamble', null, block);
    (current?.paragraphs ?? tree.preamble).push(paragraph);
    tree.paragraphs.push(paragraph);
  }
  return tree;
}

/** The value of the last sibling numbered in `family`, or null when there is none. */
function lastOfFamily(
  siblings: readonly Section[],
  family: NumberFamily,
  numbering: ReadonlyMap<Section, HeadingMatch>,
): number | null {
  for (let i = siblings.length - 1; i >= 0; i -= 1) {
    const known = numbering.get(siblings[i] as Section);
    if (known?.family === family) return known.value;
  }
  return null;
}
