/**
 * Everything the UI can ask of its host, implemented once in Node for both hosts (Electron's
 * IPC and the browser host's HTTP). Electron-specific parts come in as options.
 */
import { mkdirSync } from 'node:fs';
import type { ApiHandlers } from '../../core/api/contract';
import { createAnnotationStores } from './annotation-stores';
import { lockDataFolder } from './data-folder-lock';
import { createPdfExport, type PdfExport, type PrintHost } from './pdf-export';
import { createLibrarySearch, type LibrarySearchDeps } from './library-search';
import { buildReportIndex } from './report-index';
import { createReportLibrary } from './report-library';
import { createSearchIndexCache } from './search-index-cache';
import { openSettingsStore } from './settings-store';
import { supportedReportEndings } from './report-file-types';
import type { ReportFileImporter } from '../importers/registry';

export interface HostServicesOptions {
  reportsDir: string;
  dataDir: string;
  host: 'electron' | 'web';
  appName: string;
  appVersion: string;
  /** How this host prints (see pdf-export.ts); without it PDF export says it is unavailable. */
  print?: PrintHost;
  /**
   * Electron: shows the native open dialog for reports and resolves with the chosen paths (null
   * when cancelled). Without it chooseAndImportReports says it is unavailable.
   */
  chooseReportFiles?: () => Promise<string[] | null>;
  /** Runs the importers; Electron passes one that uses a worker thread (import-worker.ts). */
  importer?: ReportFileImporter;
  /**
   * Builds a report's search index for the library search when the cache has none; both hosts
   * pass one that builds large reports' on a worker thread (index-in-worker.ts).
   */
  buildIndex?: LibrarySearchDeps['buildIndex'];
}

export interface HostServices {
  handlers: ApiHandlers;
  dataDir: string;
  /** For the browser host's one-time PDF downloads. */
  pdf: PdfExport;
  /** Resolves when every acknowledged write is on disk; call before quitting. */
  flush(): Promise<void>;
  /** Flushes, then gives up the data-folder lock (another window may then write). */
  close(): Promise<void>;
}

export async function createHostServices(options: HostServicesOptions): Promise<HostServices> {
  mkdirSync(options.dataDir, { recursive: true });
  // One writer per data folder; a second window or host on the same folder works read-only.
  const lock = await lockDataFolder(options.dataDir);
  const writeAccess = {
    beforeWrite: () => lock.ensureWritable(),
    mayTidy: () => lock.held,
  };
  const settings = await openSettingsStore(options.dataDir, writeAccess);
  const annotations = createAnnotationStores(options.dataDir, writeAccess);
  const library = await createReportLibrary({
    reportsDir: options.reportsDir,
    dataDir: options.dataDir,
    annotations,
    writeAccess,
    ...(options.chooseReportFiles ? { chooseFiles: options.chooseReportFiles } : {}),
    ...(options.importer ? { importer: options.importer } : {}),
  });
  const pdf = createPdfExport({
    openReport: (reportId) => library.open(reportId),
    loadAnnotations: async (reportId) => (await annotations.list(reportId)).annotations,
    host: options.print,
  });
  const librarySearch = createLibrarySearch({
    listReports: async () => (await library.list()).reports,
    openReport: (reportId) => library.openWithTextHash(reportId),
    listAnnotations: async (reportId) => (await annotations.list(reportId)).annotations,
    ...(options.buildIndex ? { buildIndex: options.buildIndex } : {}),
    // Only the folder's one writer writes the cache; a read-only window still reads it.
    cache: createSearchIndexCache({
      dataDir: options.dataDir,
      build: buildReportIndex,
      mayWrite: () => lock.held,
    }),
  });

  const handlers: ApiHandlers = {
    getAppInfo: async () => ({
      name: options.appName,
      version: options.appVersion,
      host: options.host,
      dataDir: options.dataDir,
      notices: [...(lock.notice() ? [lock.notice()!] : []), ...settings.notices],
      readOnly: !lock.held,
      reportFileEndings: supportedReportEndings(),
    }),
    listReports: async () => {
      const { reports, notices } = await library.list();
      const last = settings.get().lastReportId;
      const initialReportId = reports.some((r) => r.id === last) ? last : (reports[0]?.id ?? null);
      return { reports, initialReportId, notices };
    },
    openReport: async ({ reportId }) => library.open(reportId),
    getSettings: async () => settings.get(),
    updateSettings: async ({ patch }) => settings.update(patch),
    listAnnotations: async ({ reportId }) => annotations.list(reportId),
    saveAnnotation: async ({ annotation }) => {
      const told = (await annotations.noticesFor(annotation.reportId)).length;
      const saved = await annotations.save(annotation);
      const notices = (await annotations.noticesFor(annotation.reportId)).slice(told);
      return { annotation: saved, notices };
    },
    deleteAnnotation: async ({ reportId, id }) => {
      const told = (await annotations.noticesFor(reportId)).length;
      const deleted = await annotations.remove(reportId, id);
      return { deleted, notices: (await annotations.noticesFor(reportId)).slice(told) };
    },
    importAnnotations: async ({ reportId, annotations: incoming }) =>
      annotations.import(reportId, incoming),
    exportPdf: (request) => pdf.exportPdf(request),
    getPrintJob: async ({ jobId }) => pdf.getPrintJob(jobId),
    printPages: (request) => pdf.printPages(request),
    showInFolder: async ({ path }) => {
      pdf.showInFolder(path);
      return { shown: true };
    },
    importReportFile: ({ fileName, bytes }) => library.importFile(bytes, fileName),
    chooseAndImportReports: () => library.chooseAndImport(),
    renameReport: async ({ reportId, title }) => ({
      report: await library.rename(reportId, title),
    }),
    removeReport: ({ reportId }) => library.remove(reportId),
    searchLibrary: (request) => librarySearch.search(request),
  };

  const flush = async () => {
    await Promise.all([settings.flush(), annotations.flush(), library.flush()]);
  };
  const close = async () => {
    await flush();
    await lock.release();
  };
  return { handlers, dataDir: options.dataDir, pdf, flush, close };
}
