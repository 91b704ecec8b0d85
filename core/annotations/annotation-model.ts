/**
 * A personal annotation: a highlight (with an optional note and tags) on a passage of a
 * report, or a bookmark on a section. Shared by the store (validated on every load and save),
 * the UI, anchoring and export/import.
 *
 * Where it points is kept three ways, as Hypothesis does, so it survives a corrected edition:
 * paragraph ids + offsets (fast path), the position in the document's text, and the exact
 * quote with 32 characters of context on each side.
 */
import { z } from 'zod';
import { reportIdSchema } from '../settings';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export const NOTE_MAX_LENGTH = 20_000;
export const TAG_MAX_LENGTH = 40;
export const TAGS_MAX_COUNT = 20;
/** Characters of context stored on each side of the quote. */
export const QUOTE_CONTEXT_LENGTH = 32;
/** A quote longer than this is not a selection a person makes in this app. */
export const QUOTE_MAX_LENGTH = 100_000;

const idSchema = z.string().min(1).max(100);
const isoDateSchema = z.iso.datetime({ offset: true });

/** A point in the text: a paragraph and a UTF-16 offset into its published text. */
export const textPointSchema = z
  .object({
    paragraphId: z.string().min(1).max(200),
    offset: z.number().int().min(0).max(QUOTE_MAX_LENGTH),
  })
  .strict();
export type TextPoint = z.infer<typeof textPointSchema>;

export const annotationTargetSchema = z
  .object({
    /** The section the passage starts in (null in the title/preamble). */
    sectionId: z.string().max(200).nullable(),
    start: textPointSchema,
    end: textPointSchema,
    /** Offsets in the document text (see document-text.ts): [start, end). */
    position: z
      .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
      .strict()
      .refine((p) => p.end >= p.start, 'end before start'),
    quote: z
      .object({
        exact: z.string().min(1).max(QUOTE_MAX_LENGTH),
        prefix: z.string().max(QUOTE_CONTEXT_LENGTH * 4),
        suffix: z.string().max(QUOTE_CONTEXT_LENGTH * 4),
      })
      .strict(),
  })
  .strict();
export type AnnotationTarget = z.infer<typeof annotationTargetSchema>;

export const tagSchema = z
  .string()
  .trim()
  .min(1, '标签不能为空')
  .max(TAG_MAX_LENGTH, `标签最长 ${TAG_MAX_LENGTH} 个字`);

export const annotationSchema = z
  .object({
    id: idSchema,
    reportId: reportIdSchema,
    kind: z.enum(['highlight', 'bookmark']),
    color: z.enum(HIGHLIGHT_COLORS),
    /** Plain text, shown as text (never as HTML). */
    note: z.string().max(NOTE_MAX_LENGTH, `批注最长 ${NOTE_MAX_LENGTH} 个字`),
    tags: z.array(tagSchema).max(TAGS_MAX_COUNT, `最多 ${TAGS_MAX_COUNT} 个标签`),
    target: annotationTargetSchema,
    created: isoDateSchema,
    updated: isoDateSchema,
  })
  .strict();
export type Annotation = z.infer<typeof annotationSchema>;

/** The file the store keeps per report. */
export const ANNOTATION_FILE_VERSION = 1;
export const annotationFileSchema = z
  .object({
    version: z.literal(ANNOTATION_FILE_VERSION),
    reportId: reportIdSchema,
    annotations: z.array(annotationSchema),
  })
  .strict();
export type AnnotationFile = z.infer<typeof annotationFileSchema>;
