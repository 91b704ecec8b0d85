/**
 * The reports that come with the app (resources/reports, or the folder of `--reports-dir`):
 * every file there that an importer supports, by name. A report's id is its file name, so
 * settings and annotations keyed by it survive every version of the app.
 *
 * - A symlink is followed only when its target lies inside the folder: a link to /etc/passwd
 *   is neither listed nor opened.
 * - Listing must not import every file every time (a folder of large PDFs would take seconds):
 *   what a file says of itself (title, 发文字号, date, format, encoding, sha256) is kept in a
 *   cache file keyed by (real path, size, mtime). An unchanged folder is listed from the cache
 *   alone; only a new or changed file is read, once.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MAX_IMPORT_FILE_BYTES, type UserMessage } from '../../core/api/contract';
import { ViewerError } from '../../core/api/errors';
import type { ReportSource } from '../../core/report/report-source';
import { reportIdSchema } from '../../core/settings';
import {
  importReportFile,
  isSupportedFileName,
  type ReportFileImporter,
} from '../importers/registry';
import type { ImportedReport } from '../importers/importer';
import { errorMessage, writeJsonFileAtomic } from './json-file';
import { isInside, sha256 } from './library-files';
import { reportFormatSchema } from './library-manifest';
import { describeReport } from './report-description';
import { SerialQueue } from './serial-queue';

export const BUNDLED_CACHE_FILE = 'bundled-cache.json';
const CACHE_VERSION = 1;

const cachedFileSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    size: z.number(),
    mtimeMs: z.number(),
    title: z.string(),
    format: reportFormatSchema,
    encoding: z.string().nullable(),
    documentNumber: z.string().nullable(),
    date: z.string().nullable(),
    sha256: z.string(),
  }),
  // A file the importer refused: remembered too, so it is not read again until it changes.
  z.object({
    ok: z.literal(false),
    size: z.number(),
    mtimeMs: z.number(),
    message: z.string(),
    messageEn: z.string(),
  }),
]);
type CachedFile = z.infer<typeof cachedFileSchema>;

export interface BundledReport {
  id: string;
  /** The real path of the file (a symlink resolved). */
  file: string;
  size: number;
  title: string;
  format: ReportSource['format'];
  encoding: string | null;
  documentNumber: string | null;
  date: string | null;
  sha256: string;
}

interface ResolvedFile {
  file: string;
  size: number;
  mtimeMs: number;
}

export interface BundledListing {
  reports: BundledReport[];
  notices: UserMessage[];
}

export interface BundledReports {
  /**
   * Every supported file of the folder, sorted by name. With `save`, what changed in the cache
   * is written to its file; without, it is kept in memory for the next listing that saves (so
   * a call that is then refused, such as removing an unknown report, changes no file).
   */
  list(options?: { save?: boolean }): Promise<BundledListing>;
  /** Imports a listed file afresh; not-found for any other name. */
  open(id: string): Promise<ImportedReport & { report: BundledReport }>;
}

export function createBundledReports(
  reportsDir: string,
  cacheFile: string,
  /** Runs the importers (default: in this thread; Electron: on a worker thread). */
  importer: ReportFileImporter = importReportFile,
): BundledReports {
  let cache: Map<string, CachedFile> | null = null;
  /** True when the cache in memory differs from its file. */
  let unsaved = false;
  const queue = new SerialQueue();

  async function loadCache(): Promise<Map<string, CachedFile>> {
    if (cache) return cache;
    cache = new Map();
    let raw: unknown;
    try {
      raw = JSON.parse(await fs.readFile(cacheFile, 'utf8'));
    } catch {
      return cache; // Missing or damaged: a cache is never trusted, only rebuilt.
    }
    const files = (raw as { version?: unknown; files?: unknown } | null)?.files;
    if ((raw as { version?: unknown }).version !== CACHE_VERSION) return cache;
    if (typeof files !== 'object' || files === null) return cache;
    for (const [file, entry] of Object.entries(files)) {
      const parsed = cachedFileSchema.safeParse(entry);
      if (parsed.success) cache.set(file, parsed.data);
    }
    return cache;
  }

  async function saveCache(entries: Map<string, CachedFile>): Promise<void> {
    try {
      await writeJsonFileAtomic(cacheFile, {
        version: CACHE_VERSION,
        files: Object.fromEntries(entries),
      });
    } catch {
      // Only a cache: the next listing reads the changed files again. Nothing is lost.
    }
  }

  async function realFolder(): Promise<string> {
    try {
      return await fs.realpath(reportsDir);
    } catch (err) {
      throw new ViewerError(
        'io-error',
        '找不到报告文件夹，无法列出其中的报告。',
        'The reports folder could not be read.',
        `${reportsDir}: ${errorMessage(err)}`,
      );
    }
  }

  /**
   * The real path and size of a plain file named `id` in the folder, or null: not a supported
   * name, not a file, or a symlink whose target lies outside the folder.
   */
  async function resolve(realDir: string, id: string): Promise<ResolvedFile | null> {
    if (!reportIdSchema.safeParse(id).success || !isSupportedFileName(id)) return null;
    const file = path.join(realDir, id);
    const link = await fs.lstat(file).catch(() => null);
    if (!link) return null;
    let real = file;
    if (link.isSymbolicLink()) {
      real = await fs.realpath(file).catch(() => '');
      if (!real || !isInside(realDir, real)) return null;
    }
    const stat = link.isSymbolicLink() ? await fs.stat(real).catch(() => null) : link;
    return stat?.isFile() ? { file: real, size: stat.size, mtimeMs: stat.mtimeMs } : null;
  }

  async function describe(file: string, id: string, size: number, mtimeMs: number) {
    const base = { size, mtimeMs };
    if (size > MAX_IMPORT_FILE_BYTES) {
      return {
        ...base,
        ok: false as const,
        message: `报告文件夹中的“${id}”太大，无法打开。`,
        messageEn: `“${id}” in the reports folder is too large to open.`,
      };
    }
    try {
      const bytes = await fs.readFile(file);
      const imported = await importer(bytes, id);
      const description = describeReport(imported.source, id);
      return {
        ...base,
        ok: true as const,
        ...description,
        format: imported.source.format,
        encoding: imported.encoding,
        sha256: sha256(bytes),
      };
    } catch (err) {
      const plain = err instanceof ViewerError;
      return {
        ...base,
        ok: false as const,
        message: plain ? err.message : `报告文件夹中的“${id}”无法读取。`,
        messageEn: plain ? err.messageEn : `“${id}” in the reports folder could not be read.`,
      };
    }
  }

  async function listNow(save: boolean): Promise<BundledListing> {
    const realDir = await realFolder();
    let names: string[];
    try {
      names = await fs.readdir(realDir);
    } catch (err) {
      throw new ViewerError(
        'io-error',
        '报告文件夹无法读取，无法列出其中的报告。',
        'The reports folder could not be read.',
        `${realDir}: ${errorMessage(err)}`,
      );
    }
    const entries = await loadCache();
    const seen = new Set<string>();
    const reports: BundledReport[] = [];
    const notices: UserMessage[] = [];
    for (const id of names.sort()) {
      const found = await resolve(realDir, id);
      if (!found) continue;
      const { file, size, mtimeMs } = found;
      seen.add(file);
      let entry = entries.get(file);
      if (!entry || entry.size !== size || entry.mtimeMs !== mtimeMs) {
        entry = await describe(file, id, size, mtimeMs);
        entries.set(file, entry);
        unsaved = true;
      }
      if (!entry.ok) {
        // Which file it is, in front of why it is not listed.
        const named = (text: string) => (text.includes(id) ? text : `${id}: ${text}`);
        notices.push({ message: named(entry.message), messageEn: named(entry.messageEn) });
        continue;
      }
      const { title, format, encoding, documentNumber, date } = entry;
      reports.push({
        id,
        file,
        size,
        title,
        format,
        encoding,
        documentNumber,
        date,
        sha256: entry.sha256,
      });
    }
    // Forget files of this folder that are gone; entries of other folders stay.
    for (const file of entries.keys()) {
      if (isInside(realDir, file) && !seen.has(file)) {
        entries.delete(file);
        unsaved = true;
      }
    }
    if (save && unsaved) {
      unsaved = false;
      await saveCache(entries);
    }
    return { reports, notices };
  }

  async function open(id: string): Promise<ImportedReport & { report: BundledReport }> {
    const { reports } = await list();
    const report = reports.find((r) => r.id === id);
    const file = report ? (await resolve(await realFolder(), id))?.file : null;
    if (!report || !file) throw notFound(id, reportsDir);
    const bytes = await fs.readFile(file).catch((err: unknown) => {
      throw new ViewerError(
        'io-error',
        '这份报告的文件无法读取。',
        'The file of this report could not be read.',
        `${file}: ${errorMessage(err)}`,
      );
    });
    if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) {
      throw new ViewerError(
        'too-large',
        '这份报告文件太大，无法打开。',
        'This report file is too large to open.',
        `${file}: ${bytes.byteLength} bytes`,
      );
    }
    return { ...(await importer(bytes, id)), report };
  }

  const list = (options: { save?: boolean } = {}) =>
    queue.run(() => listNow(options.save ?? false));
  return { list, open };
}

export function notFound(id: string, where: string): ViewerError {
  return new ViewerError(
    'not-found',
    '找不到这份报告，它可能已被移动或删除。',
    'This report could not be found; it may have been moved or deleted.',
    `report id ${JSON.stringify(id)} not in ${where}`,
  );
}
