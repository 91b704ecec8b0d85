/**
 * The report as a flat list of things to show (card, lines, headings, paragraphs, tables) in
 * reading order, cut into blocks of a few thousand characters. The reading view renders whole
 * blocks, and only those near the screen when the report is large; blocks also carry what
 * navigation needs to find a paragraph or section without the DOM.
 */
import { documentParts } from '../../core/report/document-parts';
import type { Paragraph, ReportDocument, Section } from '../../core/report/report-model';

export type ReadingItem =
  | { kind: 'card' }
  | { kind: 'title'; paragraph: Paragraph }
  | { kind: 'fallback-title'; text: string }
  | { kind: 'line'; paragraph: Paragraph; role: 'front' | 'closing' | 'body' }
  | { kind: 'heading'; section: Section; paragraph: Paragraph };

export interface ReadingBlock {
  index: number;
  items: ReadingItem[];
  /** Characters of text in the block, for its estimated height. */
  chars: number;
  /** Paragraphs (incl. tables) in the block: each counts for one line's margin. */
  paragraphs: number;
  /** The section the block's first item belongs to (for scroll-spy above the first heading). */
  sectionId: string | null;
}

export interface ReadingLayoutModel {
  blocks: ReadingBlock[];
  blockOfParagraph: ReadonlyMap<string, number>;
  blockOfSection: ReadonlyMap<string, number>;
  totalChars: number;
}

/** Blocks end at a heading once they hold this many characters, and in any case at twice it. */
const BLOCK_CHARS = 3000;

export function readingItems(doc: ReportDocument): ReadingItem[] {
  const items: ReadingItem[] = [];
  const parts = documentParts(doc);
  const card: ReadingItem[] = doc.metadata.length > 0 ? [{ kind: 'card' }] : [];
  if (!parts.some((part) => part.kind === 'title')) {
    if (doc.title) items.push({ kind: 'fallback-title', text: doc.title });
    items.push(...card);
  }
  const addSection = (section: Section) => {
    const [heading, ...body] = section.paragraphs;
    if (heading) items.push({ kind: 'heading', section, paragraph: heading });
    for (const p of body) items.push({ kind: 'line', paragraph: p, role: 'body' });
    for (const child of section.children) addSection(child);
  };
  for (const part of parts) {
    switch (part.kind) {
      case 'front':
      case 'closing':
        for (const p of part.paragraphs)
          items.push({ kind: 'line', paragraph: p, role: part.kind });
        break;
      case 'title':
        items.push({ kind: 'title', paragraph: part.paragraph }, ...card);
        break;
      case 'preamble':
        for (const p of part.paragraphs) items.push({ kind: 'line', paragraph: p, role: 'body' });
        break;
      case 'section':
        addSection(part.section);
        break;
    }
  }
  return items;
}

function itemChars(item: ReadingItem): number {
  if (item.kind === 'card') return 200;
  if (item.kind === 'fallback-title') return item.text.length;
  return item.paragraph.text.length;
}

export function readingLayoutModel(
  doc: ReportDocument,
  blockChars = BLOCK_CHARS,
): ReadingLayoutModel {
  const blocks: ReadingBlock[] = [];
  let current: ReadingBlock | null = null;
  let section: string | null = null;
  for (const item of readingItems(doc)) {
    const starts = item.kind === 'heading';
    if (!current || (starts && current.chars >= blockChars) || current.chars >= blockChars * 2) {
      current = { index: blocks.length, items: [], chars: 0, paragraphs: 0, sectionId: section };
      blocks.push(current);
    }
    if (item.kind === 'heading') section = item.section.id;
    else if (item.kind === 'line' && item.paragraph.sectionId) section = item.paragraph.sectionId;
    if (current.items.length === 0)
      current.sectionId = item.kind === 'heading' ? item.section.id : section;
    current.items.push(item);
    current.chars += itemChars(item);
    current.paragraphs += 1;
  }
  const blockOfParagraph = new Map<string, number>();
  const blockOfSection = new Map<string, number>();
  let totalChars = 0;
  for (const block of blocks) {
    totalChars += block.chars;
    for (const item of block.items) {
      if (item.kind === 'title' || item.kind === 'line' || item.kind === 'heading') {
        blockOfParagraph.set(item.paragraph.id, block.index);
      }
      if (item.kind === 'heading') blockOfSection.set(item.section.id, block.index);
    }
  }
  return { blocks, blockOfParagraph, blockOfSection, totalChars };
}
