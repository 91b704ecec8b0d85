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

/**
 * Heading levels, 1 at the top. A document's numbering families (第一部分, 一、, (一), 1., (1), ①…)
 * take levels in their customary order, counting only the families the document uses: in a
 * report numbered 一、/(一)/1. they are 1/2/3; in one that starts at (一), (一) is 1.
 */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * 'front': a line above the title that is neither header nor title (a 发文机关标志 such as
 * "…办公厅文件", a 发文字号 above the title, web chrome, a 来源 line). 'table': a whole table,
 * wherever it stands (in the front matter, the preamble, a section or the closing block).
 * 'closing': the 落款 block after the text (signing body, date, （此件公开发布）, 抄送/印发).
 */
export type ParagraphKind =
  'title' | 'preamble' | 'heading' | 'body' | 'table' | 'front' | 'closing';

/** One cell of a table paragraph: a verbatim slice of the source (never contains \t or \n). */
export interface TableCell {
  text: string;
  start: number;
  end: number;
}

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
  /** For a 'table' paragraph: its rows of cells in order; `text` is the whole table's text. */
  rows?: TableCell[][];
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
  /**
   * True for an appendix or glossary part (附件, 附件2 名词解释, 名词、术语注释, 附表, or a numbered
   * part titled 名词解释): a top-level section whose numbered entries are body paragraphs (a
   * list), not sections. Appendix sections come after the main sections and `closing`.
   */
  appendix?: boolean;
}

/**
 * The 公文 fields recognised in the text or the header (each as published, trimmed), for the
 * 文件信息 card and the library. Absent when not found.
 */
export interface DocumentInfo {
  /** 发文字号, e.g. "穗府办规〔2021〕7号". */
  documentNumber?: string;
  /** 主送机关, without the closing colon, e.g. "各区人民政府，市政府各部门". */
  addressee?: string;
  /** 成文日期, e.g. "2021年4月13日". */
  issuedDate?: string;
  /** 发文机关 (the signing body of the 落款, or the header field). */
  issuer?: string;
}

export interface ReportDocument {
  /** The header fields in published order; empty when the report has no header. */
  metadata: MetadataField[];
  /**
   * The report's title: the 标题 field, the declared title (web page, minus the site's suffix),
   * the title paragraph's lines joined, the 信息名称 field, or the file name without extension.
   */
  title: string | null;
  /**
   * The title paragraph, if a title was found in the body. A 公文 title spans 2–3 lines: then
   * `text` is the verbatim slice over those lines (line breaks included; show it pre-line).
   */
  titleParagraph: Paragraph | null;
  /** Paragraphs between the title and the first heading. */
  preamble: Paragraph[];
  /** Top-level sections (usually the 一、 level), then the appendix parts (`appendix: true`). */
  sections: Section[];
  /**
   * Every paragraph of the body in document order: front, title, preamble, the main sections'
   * paragraphs, closing, then the appendix sections' paragraphs.
   */
  paragraphs: Paragraph[];
  /** Every section in document order (pre-order), for lookups and navigation. */
  flatSections: Section[];
  /**
   * Offset in the source where the body starts: just after the line break of the header's last
   * line, or 0 when there is no header. Every non-whitespace character of `source.slice(bodyStart)`
   * is in exactly one paragraph; `source.slice(0, bodyStart)` is the metadata header.
   */
  bodyStart?: number;
  /** Lines above the title that are not the header (kind 'front'), in order. */
  front?: Paragraph[];
  /** The 落款 block after the main text (kind 'closing'), in order; before any appendix. */
  closing?: Paragraph[];
  /** 发文字号, 主送机关, 成文日期, 发文机关 where recognised. */
  documentInfo?: DocumentInfo;
}
