/**
 * The top-level parts of a document in reading order, for whatever shows or prints it whole:
 * front matter, title, preamble, each top-level section, the 落款 block — and the appendix
 * parts, which in a 公文 follow the 落款. One place decides the order, so the reader, print and
 * export agree.
 */
import type { Paragraph, ReportDocument, Section } from './report-model';

export type DocumentPart =
  | { kind: 'front'; paragraphs: Paragraph[] }
  | { kind: 'title'; paragraph: Paragraph }
  | { kind: 'preamble'; paragraphs: Paragraph[] }
  | { kind: 'section'; section: Section }
  | { kind: 'closing'; paragraphs: Paragraph[] };

function startOf(part: DocumentPart): number {
  switch (part.kind) {
    case 'title':
      return part.paragraph.start;
    case 'section':
      return part.section.paragraphs[0]?.start ?? 0;
    default:
      return part.paragraphs[0]?.start ?? 0;
  }
}

/** The document's non-empty parts, in the order they stand in the source. */
export function documentParts(doc: ReportDocument): DocumentPart[] {
  const parts: DocumentPart[] = [];
  if (doc.front && doc.front.length > 0) parts.push({ kind: 'front', paragraphs: doc.front });
  if (doc.titleParagraph) parts.push({ kind: 'title', paragraph: doc.titleParagraph });
  if (doc.preamble.length > 0) parts.push({ kind: 'preamble', paragraphs: doc.preamble });
  for (const section of doc.sections) parts.push({ kind: 'section', section });
  if (doc.closing && doc.closing.length > 0)
    parts.push({ kind: 'closing', paragraphs: doc.closing });
  // Stable: parts never overlap, so their first offsets order them as published.
  return parts.sort((a, b) => startOf(a) - startOf(b));
}
