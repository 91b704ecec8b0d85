/**
 * The one API contract between the UI and its host (Electron IPC or the browser host's HTTP).
 *
 * Each channel has a request validator (zod) and a response type. Both transports bind this
 * same map: adding a call means adding one entry to `requestSchemas` and `ApiResponses`, and
 * the compiler points at every place that must handle it.
 */
import { z } from 'zod';
import { annotationSchema, type Annotation } from '../annotations/annotation-model';
import type { Command } from '../commands';
import {
  printJobIdSchema,
  printRequestSchema,
  type ExportPdfResult,
  type PrintJob,
} from '../print/print-options';
import type { ReportFormat, ReportSource } from '../report/report-source';
import {
  librarySearchRequestSchema,
  type LibrarySearchResponse,
} from '../search/library-search-contract';
import { reportIdSchema, settingsPatchSchema, type Settings } from '../settings';
import { CHANNEL_NAMES, ipcChannel, type ChannelName } from './channels';
import type { ApiError, ApiResult } from './errors';

const empty = z.object({}).strict();

/**
 * Most annotations one report may have. Far beyond what a person writes; it keeps one report's
 * file (rewritten whole on every save) at a size that saves in well under a second.
 */
export const MAX_ANNOTATIONS_PER_REPORT = 50_000;

/**
 * Largest report file the import transports carry (the upload route, the IPC channel), in
 * bytes: at least the largest size limit of any importer, which refuses with its own message
 * what is over its own limit. Far above the 2 MB of an ordinary request.
 */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;

/** A report's title as the user sets it; empty means "the document's own title again". */
export const MAX_TITLE_LENGTH = 200;

export const requestSchemas = {
  getAppInfo: empty,
  listReports: empty,
  openReport: z.object({ reportId: reportIdSchema }).strict(),
  getSettings: empty,
  updateSettings: z.object({ patch: settingsPatchSchema }).strict(),
  listAnnotations: z.object({ reportId: reportIdSchema }).strict(),
  /** Insert or replace by id; the annotation's reportId decides where it is kept. */
  saveAnnotation: z.object({ annotation: annotationSchema }).strict(),
  deleteAnnotation: z.object({ reportId: reportIdSchema, id: annotationSchema.shape.id }).strict(),
  importAnnotations: z
    .object({
      reportId: reportIdSchema,
      annotations: z.array(annotationSchema).max(MAX_ANNOTATIONS_PER_REPORT),
    })
    .strict(),
  /** Makes a PDF of the chosen sections; see ExportPdfResult for what each host answers. */
  exportPdf: printRequestSchema,
  /** The print page's job, by the id in its address. */
  getPrintJob: z.object({ jobId: printJobIdSchema }).strict(),
  /** Electron only: the same pages to a system printer, through the system print dialog. */
  printPages: printRequestSchema,
  /** Electron only: shows a PDF this session wrote in the file manager. */
  showInFolder: z.object({ path: z.string().min(1).max(4096) }).strict(),
  /**
   * Copies one file into the library and imports it. The bytes travel as binary: in Electron
   * as a Uint8Array over IPC, in the browser host through the upload route (see web-host.ts),
   * never inside the JSON API (whose 2 MB cap is too small for reports).
   */
  importReportFile: z
    .object({
      /** The file's name as the user had it; only its last path segment is used. */
      fileName: z
        .string()
        .min(1)
        .max(1024)
        .refine((s) => !s.includes('\0'), 'no NUL in a file name'),
      /** Its size is checked by the transports and the library, to answer too-large plainly. */
      bytes: z.instanceof(Uint8Array),
    })
    .strict(),
  /** Electron only: the native open dialog (in main), then imports every chosen file. */
  chooseAndImportReports: empty,
  /** Sets the title the user sees; an empty title goes back to the document's own. */
  renameReport: z
    .object({ reportId: reportIdSchema, title: z.string().max(MAX_TITLE_LENGTH) })
    .strict(),
  /** Library reports only: the report's files and its annotations are moved aside, not deleted. */
  removeReport: z.object({ reportId: reportIdSchema }).strict(),
  /** One query over every report and the user's notes, a page at a time (see its file). */
  searchLibrary: librarySearchRequestSchema,
} as const;

export type Channel = keyof typeof requestSchemas;
export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;
export { ipcChannel };

/** Something the user is told, in both languages. */
export interface Notice {
  message: string;
  messageEn: string;
}

export interface AppInfo {
  name: string;
  version: string;
  /** Which host runs the UI. */
  host: 'electron' | 'web';
  /** Where user data (settings, annotations) is kept, to tell the user. */
  dataDir: string;
  /** Problems met while loading user data, in plain words, to show once. */
  notices: { message: string; messageEn: string }[];
  /**
   * True when another window or host has the data folder: everything can be read, every save
   * is refused (error code 'read-only'). `notices` then says so in plain words.
   */
  readOnly: boolean;
  /** The file endings the host's importers read, without the dot (for the file chooser). */
  reportFileEndings: string[];
}

/** A message for the user, in Chinese and English. */
export interface UserMessage {
  message: string;
  messageEn: string;
}

/** Bundled: a file in the reports folder (resources/reports or --reports-dir). Library: imported. */
export type ReportOrigin = 'bundled' | 'library';

export interface ReportSummary {
  /**
   * Stable across runs, safe as a file name: a bundled report's file name in the reports
   * folder; an imported report's `lib-` + the first 16 hex digits of its file's sha256.
   */
  id: string;
  /** The title to show: the user's own title if set, else `documentTitle`. */
  title: string;
  /** The document's own title (from the parsed document, else the file name). */
  documentTitle: string;
  /** The title the user gave it (renameReport), or null. */
  userTitle: string | null;
  /** Size of the original file in bytes. */
  size: number;
  format: ReportFormat;
  /** The text encoding used ('UTF-8', 'GB18030', …); null for binary formats. */
  encoding: string | null;
  origin: ReportOrigin;
  /** 发文字号 (or 文号) when the document states one. */
  documentNumber: string | null;
  /** 成文日期 / 发布日期 (or the like) as published, when the document states one. */
  date: string | null;
  /** How many annotations (highlights, notes, bookmarks) the user has in this report. */
  annotationCount: number;
  /** The file's name as the user had it (bundled: its name in the reports folder). */
  sourceFileName: string;
  /** When it was imported (ISO 8601); null for bundled reports. */
  importedAt: string | null;
}

export interface ReportListing {
  reports: ReportSummary[];
  /** The report to open first: the last one read if it still exists, else the only/first one. */
  initialReportId: string | null;
  /**
   * What listing met that the user should know, once: a damaged library manifest (and which
   * backup was used), a reports folder that cannot be read, a file there that cannot be opened.
   */
  notices: UserMessage[];
}

export interface OpenedReport {
  id: string;
  /** The title to show (the user's own if set). */
  title: string;
  /** What the importer extracted; `source.text` is the source of truth for display. */
  source: ReportSource;
  /** The same as `source.text`; kept while the renderer still reads it from here. */
  text: string;
}

export interface ImportedReportFile {
  report: ReportSummary;
  /** True when the same bytes were already in the library (or bundled): nothing was added. */
  duplicate: boolean;
  /** What the user should know: the encoding used, what the importer dropped, a duplicate. */
  notices: UserMessage[];
}

export interface ChosenReportsImport {
  /** True when the user closed the dialog without choosing. */
  canceled: boolean;
  imported: ImportedReportFile[];
  /** Files that could not be imported, each with the reason to show. */
  failed: { fileName: string; error: ApiError }[];
}

export interface RemovedReport {
  /** Where the report's files and annotations were moved (restorable by hand). */
  movedTo: string;
  /** What happened, and where things are now, to show. */
  message: string;
  messageEn: string;
}

export interface AnnotationListing {
  annotations: Annotation[];
  /**
   * Problems met loading this report's annotations (a damaged file set aside and the backup
   * used, with where the old file is). Returned with every listing in this run; show once.
   */
  notices: { message: string; messageEn: string }[];
  /**
   * Records in the file this version could not read (未能读取的批注): kept in the file
   * untouched, shown to the user with their raw text (JSON) and why they were not read.
   */
  unreadable: { raw: string; reason: string }[];
}

export interface ImportSummary {
  /** Ids of annotations that were new. */
  added: string[];
  /** Ids of annotations that replaced an older version. */
  updated: string[];
  /** Annotations left out, each with why. */
  skipped: { id: string; reason: string }[];
}

export interface ApiResponses {
  getAppInfo: AppInfo;
  listReports: ReportListing;
  openReport: OpenedReport;
  getSettings: Settings;
  updateSettings: Settings;
  listAnnotations: AnnotationListing;
  /**
   * `notices`: what this change brought to light (the file had been changed by another program
   * and the two were merged); the UI shows them and lists the annotations again.
   */
  saveAnnotation: { annotation: Annotation; notices: Notice[] };
  deleteAnnotation: { deleted: Annotation | null; notices: Notice[] };
  importAnnotations: ImportSummary;
  exportPdf: ExportPdfResult;
  getPrintJob: PrintJob;
  printPages: { printed: boolean };
  showInFolder: { shown: true };
  importReportFile: ImportedReportFile;
  chooseAndImportReports: ChosenReportsImport;
  renameReport: { report: ReportSummary };
  removeReport: RemovedReport;
  searchLibrary: LibrarySearchResponse;
}

// Compile-time checks that the channel list and both maps name the same channels.
const namesAgree: SameKeys<Record<ChannelName, true>, typeof requestSchemas> = true;
void namesAgree;
type SameKeys<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? true
    : never
  : never;
const channelsAgree: SameKeys<typeof requestSchemas, ApiResponses> = true;
void channelsAgree;

export type ApiRequest<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
export type ApiValidRequest<C extends Channel> = z.output<(typeof requestSchemas)[C]>;
export type ApiResponse<C extends Channel> = ApiResponses[C];

/** What a host implements: one async function per channel, given a validated request. */
export type ApiHandlers = {
  [C in Channel]: (request: ApiValidRequest<C>) => Promise<ApiResponses[C]>;
};

/** What the UI calls: one function per channel, returning the result envelope. */
export type ViewerApi = {
  [C in Channel]: (request: ApiRequest<C>) => Promise<ApiResult<ApiResponses[C]>>;
};

/** Subscribes to the commands of the app's menus; returns the unsubscribe function. */
export type CommandSubscription = (listener: (command: Command) => void) => () => void;

/**
 * What `window.viewer` is: the contract's calls, plus (in Electron only) the commands of the
 * native menus. The browser host has no menus, so the UI must treat onCommand as optional.
 */
export type ViewerBridge = ViewerApi & { onCommand?: CommandSubscription };

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, name);
}

/** Largest request body either transport accepts, in bytes (notes later need room). */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
