/**
 * The document model every layer shares: what the parser produces from a published report's
 * plain text, what the reader renders, what search indexes and what annotations point at.
 *
 * The published text is the source of truth: every string here is a verbatim slice of the
 * source (`source.slice(start, end) === text`), so nothing the user reads is ever rewritten.
 */

/** One label/value pair of the disclosure page's header (索引号, 发布机构, …). */
export interface MetadataField {
  /** Canonical label: inner spaces, U+3000 and NBSP removed ("索 引 号" -> "索引号"). */
  label: string;
  /** The label exactly as published, e.g. "索 引 号". */
  rawLabel: string;
  /** The value as published, trimmed; may be empty. */
  value: string;
}

/** Heading levels by numbering style: 一、=1, (一)=2, 1.=3, (1)=4. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export type ParagraphKind = 'title' | 'preamble' | 'heading' | 'body';

export interface Paragraph {
  /** Stable id: derived from the section's numbering and the paragraph's place in it. */
  id: string;
  kind: ParagraphKind;
  /** Id of the section this paragraph belongs to; null for the title and the preamble. */
  sectionId: string | null;
  /** The paragraph's text exactly as published (the line, trimmed of surrounding whitespace). */
  text: string;
  /** Offsets of `text` in the source string. */
  start: number;
  end: number;
  /**
   * For a heading paragraph: the length of the heading part of `text` (marker + title +
   * closing 。 of a run-in heading). `text.slice(0, headingLength)` is shown bold and
   * `text.slice(headingLength)` is the run-in body. Equal to text.length for a standalone heading.
   */
  headingLength?: number;
}

export interface Section {
  /** Stable id, e.g. "s1", "s1-2", "s1-2-6". */
  id: string;
  level: HeadingLevel;
  /** The number marker exactly as published, e.g. "一、", "（二）", "6．". */
  marker: string;
  /** The marker in canonical half-width form, e.g. "一、", "(二)", "6.". */
  number: string;
  /** Canonical numbers from the root down, e.g. "一、(二) 6." — for citations. */
  numberPath: string;
  /** The heading's title exactly as published, without the marker or a closing 。. */
  title: string;
  /** True when the heading is run in: its paragraph continues with body text. */
  runIn: boolean;
  /** Id of the heading paragraph (the first paragraph of the section). */
  headingParagraphId: string;
  /** The section's own paragraphs in order, heading paragraph first; children's excluded. */
  paragraphs: Paragraph[];
  children: Section[];
  /** Id of the parent section, or null at the top level. */
  parentId: string | null;
}

export interface ReportDocument {
  /** The header fields in published order; empty when the report has no header. */
  metadata: MetadataField[];
  /** The report's title as published (the title line, or the 信息名称 field), or null. */
  title: string | null;
  /** The title paragraph, if a title line was found in the body. */
  titleParagraph: Paragraph | null;
  /** Paragraphs between the title and the first heading. */
  preamble: Paragraph[];
  /** Top-level sections (usually the 一、 level). */
  sections: Section[];
  /** Every paragraph of the body in document order (title, preamble, headings, bodies). */
  paragraphs: Paragraph[];
  /** Every section in document order (pre-order), for lookups and navigation. */
  flatSections: Section[];
  /**
   * Offset in the source where the body starts: just after the line break of the header's last
   * line, or 0 when there is no header. Every non-whitespace character of `source.slice(bodyStart)`
   * is in exactly one paragraph; `source.slice(0, bodyStart)` is the metadata header.
   */
  bodyStart?: number;
}
