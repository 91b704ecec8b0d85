/**
 * The reports the user imported, kept in `<dataDir>/library/`:
 *
 *   manifest.json          one entry per report (library-manifest.ts)
 *   <id>/original<.ext>    the file exactly as imported, byte for byte
 *   <id>/source.json       what the importer extracted (a ReportSource, text included)
 *
 * A report appears whole or not at all: its folder is written under a temporary name, flushed,
 * renamed into place, and only then added to the manifest. A failure at any step (a full
 * disk) removes what was written, so nothing half-written is ever left or listed.
 *
 * Removing never deletes: the report's folder and its annotations move to
 * `<dataDir>/removed/<id>-<time>/`, from where the user can put them back by hand.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ViewerError } from '../../core/api/errors';
import type { ReportSource } from '../../core/report/report-source';
import type { ImportedReport } from '../importers/importer';
import { importReportFile, type ReportFileImporter } from '../importers/registry';
import { notFound } from './bundled-reports';
import { errorMessage, isErrno } from './json-file';
import type { JsonDocument, JsonWriter } from './json-document';
import {
  fileTimeStamp,
  libraryIoFailure,
  moveIfExists,
  sha256,
  writeNewFileDurably,
} from './library-files';
import {
  LIBRARY_FOLDER,
  libraryIdFor,
  openLibraryManifest,
  reportFormatSchema,
  type LibraryEntry,
  type LibraryManifest,
} from './library-manifest';
import type { ReportDescription } from './report-description';

export const REMOVED_FOLDER = 'removed';
export const SOURCE_FILE = 'source.json';
const INCOMING_PREFIX = '.incoming-';

const NOT_DONE = {
  import: { zh: '报告没有导入', en: 'The report was not imported' },
  rename: { zh: '标题没有修改', en: 'The title was not changed' },
  remove: { zh: '报告没有移除', en: 'The report was not removed' },
  open: { zh: '报告无法打开', en: 'The report could not be opened' },
} as const;

/** What source.json must at least hold to be used; anything else means it is damaged. */
const storedSourceSchema = z.looseObject({ text: z.string(), format: reportFormatSchema });

export interface LibraryStore {
  /** Entries in import order. */
  entries(): readonly LibraryEntry[];
  find(id: string): LibraryEntry | undefined;
  findBySha(sha: string): LibraryEntry | undefined;
  /** The titles the user gave bundled reports. */
  bundledTitles(): Readonly<Record<string, string>>;
  /** What loading the manifest found wrong, for the user; null when it loaded cleanly. */
  readonly notice: { message: string; messageEn: string } | null;
  /** Stores a new report (original bytes + extracted source) and lists it. */
  add(
    bytes: Uint8Array,
    fileName: string,
    imported: ImportedReport,
    description: ReportDescription,
  ): Promise<LibraryEntry>;
  /**
   * The stored source; re-imported from the original if source.json is damaged. `textSha256`
   * is the manifest's hash of the text when the text was checked against it (source.json
   * intact), null when it was imported again (an importer of another version may extract
   * other text).
   */
  source(id: string): Promise<{ source: ReportSource; textSha256: string | null }>;
  setTitle(id: string, title: string | null): Promise<LibraryEntry>;
  setBundledTitle(id: string, title: string | null): Promise<void>;
  /**
   * Moves the report's folder to `<dataDir>/removed/<id>-<time>/report/` and takes it off the
   * manifest; `moveMore(dest)` moves whatever else belongs with it (its annotations). Resolves
   * with the folder it all went to. On failure everything is moved back.
   */
  remove(id: string, moveMore: (dest: string) => Promise<() => Promise<void>>): Promise<string>;
  flush(): Promise<void>;
}

export interface LibraryStoreOptions {
  /** Replaces the manifest's atomic writer; for tests that make the disk fail. */
  write?: JsonWriter;
  /**
   * The data-folder lock: every change first asks `beforeWrite` (which refuses in a read-only
   * process), and leftovers of interrupted imports are tidied only by the folder's writer.
   */
  writeAccess?: { beforeWrite: () => Promise<void>; mayTidy: () => boolean };
  /** Runs the importers (default: in this thread; Electron: on a worker thread). */
  importer?: ReportFileImporter;
}

export async function openLibraryStore(
  dataDir: string,
  options: LibraryStoreOptions = {},
): Promise<LibraryStore> {
  const importer = options.importer ?? importReportFile;
  const folder = path.join(dataDir, LIBRARY_FOLDER);
  await fs.mkdir(folder, { recursive: true });
  const access = options.writeAccess;
  if (access?.mayTidy() ?? true) await removeUnfinishedImports(folder);
  const manifest: JsonDocument<LibraryManifest> = await openLibraryManifest(
    dataDir,
    options.write,
    access,
  );
  const reportFolder = (id: string) => path.join(folder, id);

  function find(id: string): LibraryEntry | undefined {
    return manifest.get().reports.find((e) => e.id === id);
  }

  function existing(id: string): LibraryEntry {
    const entry = find(id);
    if (!entry) throw notFound(id, folder);
    return entry;
  }

  async function add(
    bytes: Uint8Array,
    fileName: string,
    imported: ImportedReport,
    description: ReportDescription,
  ): Promise<LibraryEntry> {
    await access?.beforeWrite();
    const hash = sha256(bytes);
    const id = libraryIdFor(hash);
    if (find(id)) {
      // Another file whose sha256 starts alike (2^-64): never replace that report's folder.
      throw new ViewerError(
        'io-error',
        `${NOT_DONE.import.zh}：报告库中已有编号相同的另一份报告。`,
        `${NOT_DONE.import.en}: another report in the library has the same id.`,
        `id ${id} taken by sha256 ${find(id)?.sha256} (new ${hash})`,
      );
    }
    const entry: LibraryEntry = {
      id,
      title: description.title,
      userTitle: null,
      format: imported.source.format,
      encoding: imported.encoding,
      sourceFileName: fileName,
      originalFile: `original${safeExtension(fileName)}`,
      size: bytes.byteLength,
      importedAt: new Date().toISOString(),
      sha256: hash,
      textSha256: sha256(imported.source.text),
      documentNumber: description.documentNumber,
      date: description.date,
    };
    const source: ReportSource = { ...imported.source, fileName };
    const incoming = path.join(folder, `${INCOMING_PREFIX}${randomBytes(8).toString('hex')}`);
    const target = reportFolder(id);
    try {
      await fs.mkdir(incoming);
      await writeNewFileDurably(path.join(incoming, entry.originalFile), bytes);
      await writeNewFileDurably(path.join(incoming, SOURCE_FILE), JSON.stringify(source));
      // A folder of this id that the manifest does not list is what a crash between rename and
      // manifest write left behind: the same bytes (same hash), never listed, so replaced.
      await fs.rm(target, { recursive: true, force: true });
      await fs.rename(incoming, target);
    } catch (err) {
      await fs.rm(incoming, { recursive: true, force: true }).catch(() => undefined);
      throw libraryIoFailure(NOT_DONE.import, incoming, err);
    }
    try {
      await manifest.change((current) => ({
        next: { ...current, reports: [...current.reports, entry] },
        result: undefined,
      }));
    } catch (err) {
      await fs.rm(target, { recursive: true, force: true }).catch(() => undefined);
      throw libraryIoFailure(NOT_DONE.import, manifestPath(), err);
    }
    return entry;
  }

  async function source(id: string): Promise<{ source: ReportSource; textSha256: string | null }> {
    const entry = existing(id);
    const dir = reportFolder(id);
    try {
      const raw: unknown = JSON.parse(await fs.readFile(path.join(dir, SOURCE_FILE), 'utf8'));
      const stored = storedSourceSchema.parse(raw);
      if (sha256(stored.text) === entry.textSha256) {
        return { source: stored as ReportSource, textSha256: entry.textSha256 };
      }
    } catch {
      // Damaged or missing: the original is still there to import again (below).
    }
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(path.join(dir, entry.originalFile));
    } catch (err) {
      throw new ViewerError(
        'io-error',
        `${NOT_DONE.open.zh}：它在报告库中的文件不见了或已损坏。`,
        `${NOT_DONE.open.en}: its files in the library are missing or damaged.`,
        `${dir}: ${errorMessage(err)}`,
      );
    }
    return {
      source: { ...(await importer(bytes, entry.sourceFileName)).source },
      textSha256: null,
    };
  }

  async function setTitle(id: string, title: string | null): Promise<LibraryEntry> {
    existing(id);
    try {
      return await manifest.change((current) => {
        const at = current.reports.findIndex((e) => e.id === id);
        const found = current.reports[at];
        if (!found) throw notFound(id, folder);
        const updated = { ...found, userTitle: title };
        return {
          next: { ...current, reports: current.reports.with(at, updated) },
          result: updated,
        };
      });
    } catch (err) {
      if (err instanceof ViewerError) throw err;
      throw libraryIoFailure(NOT_DONE.rename, manifestPath(), err);
    }
  }

  async function setBundledTitle(id: string, title: string | null): Promise<void> {
    try {
      await manifest.change((current) => {
        const bundledTitles = { ...current.bundledTitles };
        if (title === null) delete bundledTitles[id];
        else bundledTitles[id] = title;
        return { next: { ...current, bundledTitles }, result: undefined };
      });
    } catch (err) {
      throw libraryIoFailure(NOT_DONE.rename, manifestPath(), err);
    }
  }

  async function remove(
    id: string,
    moveMore: (dest: string) => Promise<() => Promise<void>>,
  ): Promise<string> {
    const entry = existing(id);
    await access?.beforeWrite();
    const dest = await uniqueFolder(path.join(dataDir, REMOVED_FOLDER), `${id}-${fileTimeStamp()}`);
    const undo: (() => Promise<void>)[] = [];
    try {
      await fs.mkdir(dest, { recursive: true });
      // Never a recursive delete: if moving something back failed, it stays here, not lost.
      undo.push(async () => {
        await fs.rm(path.join(dest, 'entry.json'), { force: true });
        await fs.rmdir(dest);
      });
      // The manifest entry goes along: title, source name and hashes, for whoever restores it.
      await writeNewFileDurably(
        path.join(dest, 'entry.json'),
        `${JSON.stringify(entry, null, 2)}\n`,
      );
      const report = path.join(dest, 'report');
      if (await moveIfExists(reportFolder(id), report)) {
        undo.push(() => fs.rename(report, reportFolder(id)));
      }
      undo.push(await moveMore(dest));
      await manifest.change((current) => ({
        next: { ...current, reports: current.reports.filter((e) => e.id !== id) },
        result: undefined,
      }));
    } catch (err) {
      for (const step of undo.reverse()) await step().catch(() => undefined);
      if (err instanceof ViewerError) throw err;
      throw libraryIoFailure(NOT_DONE.remove, dest, err);
    }
    return dest;
  }

  function manifestPath(): string {
    return path.join(folder, 'manifest.json');
  }

  return {
    entries: () => manifest.get().reports,
    find,
    findBySha: (sha) => manifest.get().reports.find((e) => e.sha256 === sha),
    bundledTitles: () => manifest.get().bundledTitles,
    notice: manifest.notices[0] ?? null,
    add,
    source,
    setTitle,
    setBundledTitle,
    remove,
    flush: () => manifest.flush(),
  };
}

/** The file's ending, lower case, when it is a plain one (".docx"); else none. */
function safeExtension(fileName: string): string {
  const ext = path.extname(fileName).toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? ext : '';
}

/** `<parent>/<name>`, or with -2, -3… when that exists already. */
async function uniqueFolder(parent: string, name: string): Promise<string> {
  let candidate = path.join(parent, name);
  for (
    let n = 2;
    await fs.lstat(candidate).then(
      () => true,
      () => false,
    );
    n++
  ) {
    candidate = path.join(parent, `${name}-${n}`);
  }
  return candidate;
}

/** Folders of imports a crash interrupted: never listed, never complete, so removed. */
async function removeUnfinishedImports(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return;
    throw err;
  }
  for (const name of names) {
    if (!name.startsWith(INCOMING_PREFIX)) continue;
    await fs.rm(path.join(folder, name), { recursive: true, force: true }).catch(() => undefined);
  }
}
