/**
 * What search indexes: units of text with their place in the document. A paragraph, a heading
 * paragraph, a metadata field, and later a user's note are all units, so adding a kind is
 * adding units, not changing the index.
 */
export type SearchUnitKind = 'paragraph' | 'heading' | 'metadata' | 'note';

export interface SearchUnit {
  /** Unique across all kinds, e.g. "paragraph:s1-2-p0", "metadata:4", "note:<id>". */
  id: string;
  kind: SearchUnitKind;
  /** The text as published (or as the user wrote it); hits are offsets into it. */
  text: string;
  /** Position in document order; ties keep the order units were added in. */
  order: number;
  /** The paragraph the unit is, or is attached to; null for metadata. */
  paragraphId: string | null;
  sectionId: string | null;
  /** Canonical section numbers, e.g. "一、(二) 6.", for citing the hit. */
  numberPath: string | null;
  /** Length of the heading part at the start of `text`; hits there weigh more. 0 for none. */
  headingLength: number;
}
