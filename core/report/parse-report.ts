/**
 * Parses a published report's plain text into the shared document model: metadata header,
 * title, preamble and the numbered section tree. Never throws and never loses or reorders a
 * character: every non-whitespace character after the header lands in exactly one paragraph,
 * and shapes it does not recognise degrade to plain paragraphs.
 */
import { readMetadataHeader } from './metadata-header';
import type { MetadataField, Paragraph, ReportDocument } from './report-model';
import { buildSectionTree } from './section-tree';
import { splitLines, type SourceLine } from './source-lines';
import { looksLikeTitle } from './title-line';

function titleParagraph(line: SourceLine): Paragraph {
  return {
    id: 'title',
    kind: 'title',
    sectionId: null,
    text: line.text,
    start: line.start,
    end: line.end,
  };
}

/** The 信息名称 field's value, the fallback title when the body has no title line. */
function publishedName(metadata: readonly MetadataField[]): string | null {
  return metadata.find((field) => field.label === '信息名称')?.value || null;
}

/** Parses a report's plain text (any line endings, optional BOM); never throws. */
export function parseReport(source: string): ReportDocument {
  const lines = splitLines(source);
  const header = readMetadataHeader(lines);
  const bodyLines = lines.slice(header.lineCount).filter((line) => line.text !== '');

  const first = bodyLines[0];
  const title = first && looksLikeTitle(first.text) ? titleParagraph(first) : null;
  const tree = buildSectionTree(title ? bodyLines.slice(1) : bodyLines);

  return {
    metadata: header.fields,
    title: title?.text ?? publishedName(header.fields),
    titleParagraph: title,
    preamble: tree.preamble,
    sections: tree.sections,
    paragraphs: title ? [title, ...tree.paragraphs] : tree.paragraphs,
    flatSections: tree.flatSections,
    bodyStart: header.end,
  };
}
