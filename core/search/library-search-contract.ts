/**
 * The `searchLibrary` call: one query over every report of the library and the user's notes,
 * answered by the host a page at a time so the UI can show the first reports' hits while the
 * rest are searched. A page ends after the report in which `maxHits` hits were reached (or
 * after `maxReports` reports); `nextCursor` then continues where it stopped, null at the end.
 */
import { z } from 'zod';
import { reportIdSchema } from '../settings';
import type { SearchUnitKind } from './search-unit';
import type { Snippet } from './snippet';

export const LIBRARY_QUERY_MAX_LENGTH = 200;
export const LIBRARY_HITS_PER_REPORT = 20;
export const LIBRARY_PAGE_HITS = 200;

export const librarySearchRequestSchema = z
  .object({
    query: z.string().min(1).max(LIBRARY_QUERY_MAX_LENGTH),
    /** Hits listed per report, and note hits per report (all are counted); default 20. */
    limitPerReport: z.number().int().min(1).max(1000).optional(),
    /** Only these reports, in library order; default every report. */
    reportIds: z.array(reportIdSchema).max(10_000).optional(),
    /** From a previous page's nextCursor, with the same query and scope. */
    cursor: z.string().max(100).optional(),
    /** End the page after the report in which this many hits (text + notes) were counted. */
    maxHits: z.number().int().min(1).max(1_000_000).optional(),
    /** End the page after this many reports were searched. */
    maxReports: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

export type LibrarySearchRequest = z.output<typeof librarySearchRequestSchema>;

export interface LibrarySearchSection {
  id: string;
  /** Canonical section numbers, e.g. "一、(二) 6.". */
  numberPath: string;
  /** The heading's title as published. */
  title: string;
}

export interface LibrarySearchHit {
  kind: SearchUnitKind;
  /** The search unit, e.g. "paragraph:s1-2-p0", "metadata:4", "note:<annotation id>". */
  unitId: string;
  /** The paragraph hit, or the one the note's annotation starts in; null for metadata. */
  paragraphId: string | null;
  /**
   * [start, end) of the hit in the paragraph's published text (for a note: in the note's
   * text; for metadata: in "label:value"), what the reader highlights.
   */
  start: number;
  end: number;
  /** The section the hit is in, to cite it; null in the title, preamble and metadata. */
  section: LibrarySearchSection | null;
  snippet: Snippet;
  /** For a hit in a note: the annotation it belongs to. */
  annotationId: string | null;
}

export interface LibrarySearchGroup {
  reportId: string;
  title: string;
  /** Hits in the report's text, all counted. */
  hitCount: number;
  /** Hits in the user's notes on this report, all counted. */
  noteHitCount: number;
  /** The first `limitPerReport` hits in the text, in document order. */
  hits: LibrarySearchHit[];
  /** The first `limitPerReport` hits in notes, in document order of their annotations. */
  noteHits: LibrarySearchHit[];
}

export interface LibrarySearchResponse {
  query: string;
  /** Reports of this page with at least one hit, in library order. */
  groups: LibrarySearchGroup[];
  /** Reports searched so far, this page included, and how many are in scope. */
  searchedReports: number;
  totalReports: number;
  /** Pass as `cursor` for the next page; null when every report has been searched. */
  nextCursor: string | null;
  /** Reports that could not be searched (cannot be opened), with why; the others are. */
  skipped: { reportId: string; message: string; messageEn: string }[];
}
