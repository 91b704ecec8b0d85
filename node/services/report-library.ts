/**
 * Every report the app can open, in one list: the bundled ones (bundled-reports.ts: the files
 * of the reports folder, listed from a cache) and the ones the user imported (library-store.ts:
 * copies in the user data dir, listed from the manifest). Listing never imports a report.
 *
 * Importing goes through the importer registry, the only code that knows file formats; the
 * same bytes imported twice are found by their sha256 and not stored again.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  MAX_IMPORT_FILE_BYTES,
  MAX_TITLE_LENGTH,
  type ChosenReportsImport,
  type ImportedReportFile,
  type OpenedReport,
  type RemovedReport,
  type ReportSummary,
  type UserMessage,
} from '../../core/api/contract';
import { ViewerError } from '../../core/api/errors';
import type { ImportedReport } from '../importers/importer';
import { importReportFile, type ReportFileImporter } from '../importers/registry';
import type { AnnotationStores } from './annotation-stores';
import {
  BUNDLED_CACHE_FILE,
  createBundledReports,
  notFound,
  type BundledListing,
  type BundledReport,
} from './bundled-reports';
import { errorMessage } from './json-file';
import { libraryIoFailure, moveIfExists, sha256 } from './library-files';
import { LIBRARY_FOLDER, type LibraryEntry } from './library-manifest';
import { openLibraryStore, type LibraryStoreOptions } from './library-store';
import { describeReport } from './report-description';
import { SerialQueue } from './serial-queue';

export interface ReportLibraryOptions extends LibraryStoreOptions {
  reportsDir: string;
  dataDir: string;
  annotations: Pick<AnnotationStores, 'list' | 'fileFor' | 'release'>;
  /** Electron: the native open dialog's chosen paths, or null when cancelled. */
  chooseFiles?: () => Promise<string[] | null>;
}

export interface ReportLibrary {
  list(): Promise<{ reports: ReportSummary[]; notices: UserMessage[] }>;
  open(id: string): Promise<OpenedReport>;
  /**
   * The same, with the SHA-256 of the text when the library has just checked it against the
   * hash recorded at import (an imported report whose stored text is intact), else null:
   * what the search index cache is keyed by, so it need not hash the text again.
   */
  openWithTextHash(id: string): Promise<OpenedReport & { textSha256: string | null }>;
  importFile(bytes: Uint8Array, fileName: string): Promise<ImportedReportFile>;
  /** Electron: asks for files with the native dialog and imports each one. */
  chooseAndImport(): Promise<ChosenReportsImport>;
  /** Sets the title the user sees; empty (or the document's own) goes back to the document's. */
  rename(id: string, title: string): Promise<ReportSummary>;
  /** Library reports only; files and annotations are moved aside, never deleted. */
  remove(id: string): Promise<RemovedReport>;
  flush(): Promise<void>;
}

export async function createReportLibrary(options: ReportLibraryOptions): Promise<ReportLibrary> {
  const { dataDir, annotations } = options;
  const importer = options.importer ?? importReportFile;
  const store = await openLibraryStore(dataDir, { ...options, importer });
  const bundled = createBundledReports(
    options.reportsDir,
    path.join(dataDir, LIBRARY_FOLDER, BUNDLED_CACHE_FILE),
    importer,
  );
  // One import at a time: two imports of the same bytes must find each other.
  const imports = new SerialQueue();

  async function annotationCount(id: string): Promise<number> {
    try {
      return (await annotations.list(id)).annotations.length;
    } catch {
      // The file cannot be read now; opening the report says why. The list still shows.
      return 0;
    }
  }

  async function bundledSummary(report: BundledReport): Promise<ReportSummary> {
    const userTitle = store.bundledTitles()[report.id] ?? null;
    return {
      id: report.id,
      title: userTitle ?? report.title,
      documentTitle: report.title,
      userTitle,
      size: report.size,
      format: report.format,
      encoding: report.encoding,
      origin: 'bundled',
      documentNumber: report.documentNumber,
      date: report.date,
      annotationCount: await annotationCount(report.id),
      sourceFileName: report.id,
      importedAt: null,
    };
  }

  async function librarySummary(entry: LibraryEntry): Promise<ReportSummary> {
    return {
      id: entry.id,
      title: entry.userTitle ?? entry.title,
      documentTitle: entry.title,
      userTitle: entry.userTitle,
      size: entry.size,
      format: entry.format,
      encoding: entry.encoding,
      origin: 'library',
      documentNumber: entry.documentNumber,
      date: entry.date,
      annotationCount: await annotationCount(entry.id),
      sourceFileName: entry.sourceFileName,
      importedAt: entry.importedAt,
    };
  }

  /** The bundled listing; a folder that cannot be read hides only its own reports. */
  async function listBundled(save = false): Promise<BundledListing> {
    try {
      return await bundled.list({ save });
    } catch (err) {
      if (!(err instanceof ViewerError)) throw err;
      return { reports: [], notices: [{ message: err.message, messageEn: err.messageEn }] };
    }
  }

  async function list(): Promise<{ reports: ReportSummary[]; notices: UserMessage[] }> {
    const fromFolder = await listBundled(true);
    const reports = [
      ...(await Promise.all(fromFolder.reports.map(bundledSummary))),
      ...(await Promise.all(store.entries().map(librarySummary))),
    ];
    const notices = [...(store.notice ? [store.notice] : []), ...fromFolder.notices];
    return { reports, notices };
  }

  async function openWithTextHash(
    id: string,
  ): Promise<OpenedReport & { textSha256: string | null }> {
    const entry = store.find(id);
    if (entry) {
      const { source, textSha256 } = await store.source(id);
      return { id, title: entry.userTitle ?? entry.title, source, text: source.text, textSha256 };
    }
    const opened = await bundled.open(id);
    const title = store.bundledTitles()[id] ?? opened.report.title;
    // A bundled file's text comes from importing it now; only hashing it tells which it is.
    return { id, title, source: opened.source, text: opened.source.text, textSha256: null };
  }

  async function open(id: string): Promise<OpenedReport> {
    const { textSha256: _, ...opened } = await openWithTextHash(id);
    return opened;
  }

  async function importFile(bytes: Uint8Array, fileName: string): Promise<ImportedReportFile> {
    const name = lastSegment(fileName);
    if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) throw tooLarge(name, bytes.byteLength);
    return imports.run(async () => {
      const hash = sha256(bytes);
      const inLibrary = store.findBySha(hash);
      if (inLibrary) return duplicate(await librarySummary(inLibrary));
      // The importer first: a file it refuses is refused before anything else is looked at.
      const imported = await runImporter(importer, bytes, name);
      const inFolder = (await listBundled()).reports.find((r) => r.sha256 === hash);
      if (inFolder) return duplicate(await bundledSummary(inFolder));
      const entry = await store.add(bytes, name, imported, describeReport(imported.source, name));
      return {
        report: await librarySummary(entry),
        duplicate: false,
        notices: importNotices(imported),
      };
    });
  }

  async function chooseAndImport(): Promise<ChosenReportsImport> {
    if (!options.chooseFiles) {
      throw new ViewerError(
        'unavailable',
        '这里没有文件对话框；请用“导入报告”按钮选择文件。',
        'There is no file dialog here; use the “导入报告” (import) button to choose files.',
        'chooseAndImportReports without a native dialog',
      );
    }
    const paths = await options.chooseFiles();
    if (paths === null) return { canceled: true, imported: [], failed: [] };
    const result: ChosenReportsImport = { canceled: false, imported: [], failed: [] };
    for (const file of paths) {
      const fileName = path.basename(file);
      try {
        result.imported.push(await importFile(await readChosenFile(file), fileName));
      } catch (err) {
        const error =
          err instanceof ViewerError
            ? err.toApiError()
            : libraryIoFailure(
                { zh: `“${fileName}”没有导入`, en: `“${fileName}” was not imported` },
                file,
                err,
              ).toApiError();
        result.failed.push({ fileName, error });
      }
    }
    return result;
  }

  async function rename(id: string, title: string): Promise<ReportSummary> {
    const wanted = title.replace(/\s+/gu, ' ').trim().slice(0, MAX_TITLE_LENGTH);
    const entry = store.find(id);
    if (entry) {
      const updated = await store.setTitle(
        id,
        wanted === '' || wanted === entry.title ? null : wanted,
      );
      return librarySummary(updated);
    }
    const report = (await listBundled()).reports.find((r) => r.id === id);
    if (!report) throw notFound(id, 'the report list');
    await store.setBundledTitle(id, wanted === '' || wanted === report.title ? null : wanted);
    return bundledSummary(report);
  }

  async function remove(id: string): Promise<RemovedReport> {
    const entry = store.find(id);
    if (!entry) {
      const isBundled = (await listBundled()).reports.some((r) => r.id === id);
      if (!isBundled) throw notFound(id, 'the library');
      throw new ViewerError(
        'bad-request',
        '随程序附带的报告不能移除。',
        'Reports that come with the app cannot be removed.',
        `removeReport ${id}: bundled`,
      );
    }
    const title = entry.userTitle ?? entry.title;
    const movedTo = await annotations.release(id, () =>
      store.remove(id, (dest) => moveAnnotationsInto(annotations.fileFor(id), dest)),
    );
    return {
      movedTo,
      message: `已将《${title}》移出报告库。原文件、提取的文本和批注都没有删除，已移到：${movedTo}（需要时可手动恢复）`,
      messageEn: `“${title}” was removed from the library. Its original file, extracted text and annotations were not deleted; they were moved to: ${movedTo} (restorable by hand).`,
    };
  }

  return {
    list,
    open,
    openWithTextHash,
    importFile,
    chooseAndImport,
    rename,
    remove,
    flush: () => Promise.all([imports.idle(), store.flush()]).then(() => undefined),
  };
}

/** Moves a report's annotation file (and its backup) into `dest`; returns how to undo it. */
async function moveAnnotationsInto(file: string, dest: string): Promise<() => Promise<void>> {
  const moves: [string, string][] = [
    [file, path.join(dest, 'annotations.json')],
    [`${file}.bak`, path.join(dest, 'annotations.json.bak')],
  ];
  const done: [string, string][] = [];
  const undo = async () => {
    for (const [from, to] of done.reverse()) await fs.rename(to, from);
  };
  try {
    for (const [from, to] of moves) if (await moveIfExists(from, to)) done.push([from, to]);
  } catch (err) {
    await undo().catch(() => undefined);
    throw err;
  }
  return undo;
}

async function runImporter(
  importer: ReportFileImporter,
  bytes: Uint8Array,
  fileName: string,
): Promise<ImportedReport> {
  try {
    return await importer(bytes, fileName);
  } catch (err) {
    if (err instanceof ViewerError) throw err;
    // The importers promise plain errors only; anything else still reaches the user plainly.
    throw new ViewerError(
      'bad-request',
      `无法导入“${fileName}”：文件无法读取，可能已损坏。`,
      `“${fileName}” cannot be imported: the file could not be read and may be damaged.`,
      `importer failed: ${errorMessage(err)}`,
    );
  }
}

async function readChosenFile(file: string): Promise<Buffer> {
  const stat = await fs.stat(file);
  if (stat.size > MAX_IMPORT_FILE_BYTES) throw tooLarge(path.basename(file), stat.size);
  return fs.readFile(file);
}

function duplicate(report: ReportSummary): ImportedReportFile {
  return {
    report,
    duplicate: true,
    notices: [
      {
        message: `这份文件已经在报告库中（《${report.title}》），没有重复导入。`,
        messageEn: `This file is already in the library (“${report.title}”); it was not imported again.`,
      },
    ],
  };
}

function importNotices(imported: ImportedReport): UserMessage[] {
  const notices: UserMessage[] = [];
  if (imported.encoding) {
    notices.push({
      message: `文字编码：${imported.encoding}`,
      messageEn: `Text encoding: ${imported.encoding}`,
    });
  }
  for (const dropped of imported.dropped) {
    notices.push({ message: `导入时略去了：${dropped.zh}`, messageEn: `Left out: ${dropped.en}` });
  }
  return notices;
}

function tooLarge(fileName: string, size: number): ViewerError {
  const limit = `${MAX_IMPORT_FILE_BYTES / (1024 * 1024)} MB`;
  return new ViewerError(
    'too-large',
    `无法导入“${fileName}”：文件超过 ${limit}。`,
    `“${fileName}” cannot be imported: the file is over ${limit}.`,
    `${size} bytes > ${MAX_IMPORT_FILE_BYTES}`,
  );
}

/** The name without any folders, as a browser or a path may give it. */
function lastSegment(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop()?.trim() ?? '';
  return name === '' ? 'report' : name;
}
