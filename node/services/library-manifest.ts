/**
 * The library's manifest, `<dataDir>/library/manifest.json`: one entry per imported report
 * (what the list shows, and the hashes that find duplicates), plus the titles the user gave
 * bundled reports. The report list is read from here, never by opening every report.
 *
 * It is a user-data JSON document like the settings (json-document.ts): written atomically
 * with the previous version kept as .bak, changed one change at a time, a damaged file set
 * aside and the backup used, with a notice for the user.
 */
import path from 'node:path';
import { z } from 'zod';
import type { ReportFormat } from '../../core/report/report-source';
import { openJsonDocument, type JsonDocument, type JsonWriter } from './json-document';
import type { ParseOutcome } from './load-with-backup';

export const LIBRARY_FOLDER = 'library';
export const MANIFEST_FILE = 'manifest.json';
const MANIFEST_VERSION = 1;

const REPORT_FORMATS = [
  'txt',
  'docx',
  'doc',
  'html',
  'pdf',
] as const satisfies readonly ReportFormat[];
// A format the importers gain must be added above, or its reports could not be kept.
const everyFormatKept: ReportFormat extends (typeof REPORT_FORMATS)[number] ? true : never = true;
void everyFormatKept;
export const reportFormatSchema = z.enum(REPORT_FORMATS);

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/** `lib-` + the first 16 hex digits of the original file's sha256: stable, safe as a name. */
export const libraryIdSchema = z.string().regex(/^lib-[0-9a-f]{16}$/);

export function libraryIdFor(sha256: string): string {
  return `lib-${sha256.slice(0, 16)}`;
}

export const libraryEntrySchema = z.object({
  id: libraryIdSchema,
  /** The document's own title (from the parsed document, else the file name). */
  title: z.string(),
  /** The title the user gave it; null: the document's own. */
  userTitle: z.string().nullable(),
  format: reportFormatSchema,
  encoding: z.string().nullable(),
  /** The file's name as the user had it. */
  sourceFileName: z.string(),
  /** The copy of the original in the report's folder: `original` + the file's ending. */
  originalFile: z.string().regex(/^original(\.[a-z0-9]{1,10})?$/),
  /** Size of the original in bytes. */
  size: z.number().int().nonnegative(),
  /** ISO 8601. */
  importedAt: z.string(),
  /** Of the original bytes: the same file imported twice is found by it. */
  sha256: sha256Schema,
  /** Of the extracted text (source.json's text): shows whether source.json is intact. */
  textSha256: sha256Schema,
  documentNumber: z.string().nullable(),
  date: z.string().nullable(),
});
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;

const manifestSchema = z.object({
  version: z.literal(MANIFEST_VERSION),
  reports: z.array(libraryEntrySchema),
  /** Titles the user gave bundled reports, by report id (the file name). */
  bundledTitles: z.record(z.string(), z.string()),
});
export type LibraryManifest = z.infer<typeof manifestSchema>;

export function manifestFile(dataDir: string): string {
  return path.join(dataDir, LIBRARY_FOLDER, MANIFEST_FILE);
}

export function openLibraryManifest(
  dataDir: string,
  write?: JsonWriter,
  access?: { beforeWrite: () => Promise<void>; mayTidy: () => boolean },
): Promise<JsonDocument<LibraryManifest>> {
  return openJsonDocument<LibraryManifest>({
    file: manifestFile(dataDir),
    what: { zh: '报告库清单', en: 'library manifest' },
    parse: parseManifest,
    empty: () => ({ version: MANIFEST_VERSION, reports: [], bundledTitles: {} }),
    toJson: (manifest) => manifest,
    ...(write ? { write } : {}),
    ...(access ? { beforeWrite: access.beforeWrite, mayTidy: access.mayTidy } : {}),
  });
}

function parseManifest(raw: unknown): ParseOutcome<LibraryManifest> {
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error).slice(0, 500) };
  const ids = new Set<string>();
  for (const entry of parsed.data.reports) {
    if (ids.has(entry.id)) return { ok: false, reason: `duplicate report id ${entry.id}` };
    ids.add(entry.id);
  }
  return { ok: true, value: parsed.data };
}
