/**
 * The user's annotations, one file per report: `<dataDir>/annotations/<safe name>.json`.
 * The notes are the user's own work, so losing them is the worst bug this app can have:
 *
 * - every change is on disk (atomic write, previous version kept as .bak) before the call
 *   resolves, and changes to one report are applied one at a time in arrival order;
 * - memory changes only after the write succeeded; a failed write leaves everything as it was
 *   and says so plainly ("批注没有保存：…");
 * - a damaged file is set aside (never overwritten), the backup is used, and the user is told
 *   where the old file is (returned with every listing of that report);
 * - records are validated one by one: one record this version cannot read (or one with a
 *   field a newer version added) hides nothing else. Unknown fields are kept and written back;
 *   unreadable records stay in the file untouched and are listed as `unreadable`;
 * - a file changed by someone else since we read it is merged, not overwritten (see
 *   json-document.ts), their version kept beside it.
 */
import path from 'node:path';
import { z } from 'zod';
import {
  MAX_ANNOTATIONS_PER_REPORT,
  type AnnotationListing,
  type ImportSummary,
} from '../../core/api/contract';
import { ViewerError } from '../../core/api/errors';
import {
  ANNOTATION_FILE_VERSION,
  annotationSchema,
  type Annotation,
} from '../../core/annotations/annotation-model';
import { mergeAnnotations } from '../../core/annotations/merge-annotations';
import type { DataFs } from './data-fs';
import { writeFailure, type FailedAction } from './io-failure';
import { openJsonDocument, type Change, type JsonDocument, type JsonWriter } from './json-document';
import type { ParseOutcome } from './load-with-backup';
import { safeFileName } from './safe-file-name';

export const ANNOTATIONS_FOLDER = 'annotations';

const UNCHANGED = { zh: '已保存的批注没有改变', en: 'The saved annotations are unchanged' };
/** How each action's failure starts, for the user. */
const NOT_DONE = {
  read: { zh: '批注无法读取', en: 'The annotations could not be read', unchanged: UNCHANGED },
  save: { zh: '批注没有保存', en: 'The annotation was not saved', unchanged: UNCHANGED },
  remove: { zh: '批注没有删除', en: 'The annotation was not deleted', unchanged: UNCHANGED },
  import: { zh: '批注没有导入', en: 'The annotations were not imported', unchanged: UNCHANGED },
} as const;
type Action = FailedAction;

/** A record in the file this version cannot read: kept in the file as it was, and shown. */
export interface UnreadableRecord {
  raw: unknown;
  reason: string;
}

/**
 * A report's file as loaded. Besides the annotations it keeps what this version does not
 * understand, so saving never drops it: fields a newer version added (per annotation and at
 * the top), the file's version number, and records that do not validate.
 */
export interface AnnotationFileState {
  annotations: Annotation[];
  /** Unknown fields by annotation id, written back beside the known ones. */
  extras: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  unreadable: readonly UnreadableRecord[];
  /** Unknown top-level fields. */
  fileFields: Readonly<Record<string, unknown>>;
  version: number;
}

const emptyState = (): AnnotationFileState => ({
  annotations: [],
  extras: new Map(),
  unreadable: [],
  fileFields: {},
  version: ANNOTATION_FILE_VERSION,
});

export interface AnnotationStore {
  list(reportId: string): Promise<AnnotationListing>;
  /** Inserts or replaces (by id) in the file of `annotation.reportId`; resolves once on disk. */
  save(annotation: Annotation): Promise<Annotation>;
  /** Resolves with what was deleted (null if there was no such annotation) once on disk. */
  remove(reportId: string, id: string): Promise<Annotation | null>;
  /** Merges a batch in (see mergeAnnotations) with a single write. */
  import(reportId: string, incoming: Annotation[]): Promise<ImportSummary>;
  /** Where a report's annotations are kept. */
  fileFor(reportId: string): string;
  /** What the user has been told about this report's file so far (in order; only grows). */
  noticesFor(reportId: string): Promise<readonly { message: string; messageEn: string }[]>;
  /** Resolves when every change queued so far has finished. */
  flush(): Promise<void>;
}

export interface AnnotationStoreOptions {
  /** Replaces the atomic writer; for tests that make the disk fail. */
  write?: JsonWriter;
  /** Replaces the file system; for tests that make reads and writes fail. */
  fs?: DataFs;
  maxPerReport?: number;
  /** Runs before every write and may refuse it (the data folder is another process's). */
  beforeWrite?: () => Promise<void>;
  /**
   * Whether this process is the folder's only writer (it holds the data-folder lock), so it
   * may remove temp files killed writers left behind.
   */
  mayTidy?: () => boolean;
}

type Doc = JsonDocument<AnnotationFileState>;

export function createAnnotationStore(
  dataDir: string,
  options: AnnotationStoreOptions = {},
): AnnotationStore {
  const folder = path.join(dataDir, ANNOTATIONS_FOLDER);
  const maxPerReport = options.maxPerReport ?? MAX_ANNOTATIONS_PER_REPORT;
  // One document per report, opened on first use; sharing the promise means two first calls
  // arriving together load the file once and then queue on the same document.
  const documents = new Map<string, Promise<Doc>>();
  // Ids changed in this session, per report: where someone else also changed the file, ours
  // win for these and theirs for every other id.
  const touched = new Map<string, Set<string>>();
  const touchedIn = (reportId: string) => {
    let ids = touched.get(reportId);
    if (!ids) touched.set(reportId, (ids = new Set()));
    return ids;
  };

  const fileFor = (reportId: string) => path.join(folder, `${safeFileName(reportId)}.json`);

  function documentFor(reportId: string): Promise<Doc> {
    let doc = documents.get(reportId);
    if (!doc) {
      doc = openJsonDocument<AnnotationFileState>({
        file: fileFor(reportId),
        what: { zh: `批注（${reportId}）`, en: `annotations (${reportId})` },
        parse: (raw) => parseAnnotationFile(raw, reportId),
        empty: emptyState,
        toJson: (state) => annotationFileJson(state, reportId),
        mergeExternal: (theirs, ours) => mergeExternal(theirs, ours, touchedIn(reportId)),
        ...(options.write ? { write: options.write } : {}),
        ...(options.fs ? { fs: options.fs } : {}),
        ...(options.beforeWrite ? { beforeWrite: options.beforeWrite } : {}),
        ...(options.mayTidy ? { mayTidy: options.mayTidy } : {}),
      }).catch((err: unknown) => {
        // Not kept: the next call tries again (the disk may be back).
        documents.delete(reportId);
        if (err instanceof ViewerError) throw err;
        throw writeFailure(NOT_DONE.read, fileFor(reportId), err);
      });
      documents.set(reportId, doc);
    }
    return doc;
  }

  /** Runs a change on a report's document, turning a failed write into a plain io-error. */
  async function change<R>(
    reportId: string,
    action: Action,
    compute: (current: AnnotationFileState) => Change<AnnotationFileState, R> & { ids?: string[] },
  ): Promise<R> {
    const doc = await documentFor(reportId);
    try {
      return await doc.change((current) => {
        const decided = compute(current);
        // Only growth is refused: a file that is over the cap (from an older version, or
        // edited by hand) still loads, and its annotations can still be edited and deleted.
        const size = decided.next?.annotations.length ?? 0;
        if (size > maxPerReport && size > current.annotations.length) {
          throw new ViewerError(
            'too-large',
            `${action.zh}：一份报告最多只能有 ${maxPerReport} 条批注。`,
            `${action.en}: a report can hold at most ${maxPerReport} annotations.`,
            `${size} > ${maxPerReport} for ${reportId}`,
          );
        }
        const ids = decided.ids ?? [];
        return { ...decided, afterWrite: () => ids.forEach((id) => touchedIn(reportId).add(id)) };
      });
    } catch (err) {
      if (err instanceof ViewerError) throw err;
      throw writeFailure(action, fileFor(reportId), err);
    }
  }

  return {
    fileFor,

    async noticesFor(reportId) {
      return [...(await documentFor(reportId)).notices];
    },

    async list(reportId) {
      const doc = await documentFor(reportId);
      // A file changed elsewhere (another window, a sync tool) is shown as it now is, as long
      // as nothing was changed here this session (then the next save merges the two).
      // Queued, so it also waits for the changes asked for before it: a listing reflects them
      // (memory only ever holds what is on disk, so it never shows a change that might fail).
      await doc.refresh(() => touchedIn(reportId).size === 0);
      const state = doc.get();
      return {
        annotations: [...state.annotations],
        notices: [...doc.notices],
        unreadable: state.unreadable.map((u) => ({
          raw: JSON.stringify(u.raw, null, 2) ?? String(u.raw),
          reason: u.reason,
        })),
      };
    },

    async save(annotation) {
      const checked = checkIncoming(annotation, annotation.reportId, NOT_DONE.save);
      return change(checked.reportId, NOT_DONE.save, (current) => {
        const list = current.annotations;
        const at = list.findIndex((a) => a.id === checked.id);
        const annotations = at === -1 ? [...list, checked] : list.with(at, checked);
        return { next: { ...current, annotations }, result: checked, ids: [checked.id] };
      });
    },

    async remove(reportId, id) {
      return change(reportId, NOT_DONE.remove, (current) => {
        const found = current.annotations.find((a) => a.id === id);
        if (!found) return { result: null };
        const extras = new Map(current.extras);
        extras.delete(id);
        const annotations = current.annotations.filter((a) => a !== found);
        return { next: { ...current, annotations, extras }, result: found, ids: [id] };
      });
    },

    async import(reportId, incoming) {
      const skipped: ImportSummary['skipped'] = [];
      const ours: Annotation[] = [];
      for (const annotation of incoming) {
        if (annotation.reportId === reportId) {
          ours.push(checkIncoming(annotation, reportId, NOT_DONE.import));
        } else {
          skipped.push({
            id: annotation.id,
            reason: `属于另一份报告（${annotation.reportId}）`,
          });
        }
      }
      return change(reportId, NOT_DONE.import, (current) => {
        const merged = mergeAnnotations(current.annotations, ours);
        const result: ImportSummary = {
          added: merged.added,
          updated: merged.updated,
          skipped: [...skipped, ...merged.skipped],
        };
        const unchanged = merged.added.length === 0 && merged.updated.length === 0;
        if (unchanged) return { result };
        return {
          next: { ...current, annotations: merged.merged },
          result,
          ids: [...merged.added, ...merged.updated],
        };
      });
    },

    async flush() {
      const docs = await Promise.allSettled(documents.values());
      await Promise.all(docs.map((d) => (d.status === 'fulfilled' ? d.value.flush() : undefined)));
    },
  };
}

/**
 * Checked again here although the contract validated it: the store is also called directly,
 * and one invalid annotation written to the file would make the whole file fail to load.
 */
function checkIncoming(annotation: Annotation, reportId: string, action: Action): Annotation {
  const parsed = annotationSchema.safeParse(annotation);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new ViewerError(
      'bad-request',
      `${action.zh}：${issue?.message ?? '格式不正确'}`,
      `${action.en}: it is not valid${where ? ` (${where})` : ''}.`,
      z.prettifyError(parsed.error).slice(0, 2000),
    );
  }
  if (parsed.data.reportId !== reportId) {
    throw new ViewerError(
      'bad-request',
      `${action.zh}：它属于另一份报告。`,
      `${action.en}: it belongs to another report.`,
      `${parsed.data.reportId} !== ${reportId}`,
    );
  }
  return parsed.data;
}

const KNOWN_FIELDS = new Set(Object.keys(annotationSchema.shape));
const FILE_FIELDS = new Set(['version', 'reportId', 'annotations']);

/**
 * Reads a report's file record by record: every record that validates is loaded, fields it
 * does not know are kept beside it, and only records that do not validate are set apart (kept
 * in the file as they are, and shown to the user). The file as a whole is only refused when
 * it is not an annotation file of this report at all.
 */
export function parseAnnotationFile(
  raw: unknown,
  reportId: string,
): ParseOutcome<AnnotationFileState> {
  if (!isPlainObject(raw)) return { ok: false, reason: 'not an object' };
  const { version, reportId: fileReportId, annotations: records } = raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: `no valid version (${JSON.stringify(version)})` };
  }
  if (fileReportId !== reportId) {
    return { ok: false, reason: `file is for ${JSON.stringify(fileReportId)}` };
  }
  if (!Array.isArray(records)) return { ok: false, reason: 'annotations is not a list' };

  const annotations: Annotation[] = [];
  const extras = new Map<string, Record<string, unknown>>();
  const unreadable: UnreadableRecord[] = [];
  const ids = new Set<string>();
  for (const record of records as unknown[]) {
    const read = readRecord(record, reportId, ids);
    if (!read.ok) {
      unreadable.push({ raw: record, reason: read.reason });
      continue;
    }
    ids.add(read.annotation.id);
    annotations.push(read.annotation);
    if (Object.keys(read.extra).length > 0) extras.set(read.annotation.id, read.extra);
  }
  const fileFields = Object.fromEntries(Object.entries(raw).filter(([k]) => !FILE_FIELDS.has(k)));
  return { ok: true, value: { annotations, extras, unreadable, fileFields, version } };
}

function readRecord(
  record: unknown,
  reportId: string,
  ids: ReadonlySet<string>,
):
  | { ok: true; annotation: Annotation; extra: Record<string, unknown> }
  | { ok: false; reason: string } {
  if (!isPlainObject(record)) return { ok: false, reason: '不是一条批注记录（not a record）' };
  const known: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (KNOWN_FIELDS.has(key)) known[key] = value;
    else extra[key] = value;
  }
  const parsed = annotationSchema.safeParse(known);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, reason: `${where}${issue?.message ?? 'invalid'}`.slice(0, 300) };
  }
  const annotation = parsed.data;
  if (annotation.reportId !== reportId) {
    return { ok: false, reason: `属于另一份报告（${annotation.reportId}）` };
  }
  if (ids.has(annotation.id)) {
    return { ok: false, reason: `编号重复（duplicate id ${annotation.id}）` };
  }
  return { ok: true, annotation, extra };
}

/** The JSON stored for a report: what was read and not understood goes back as it was. */
function annotationFileJson(state: AnnotationFileState, reportId: string): unknown {
  const annotations: unknown[] = state.annotations.map((a) => {
    const extra = state.extras.get(a.id);
    return extra ? { ...a, ...extra } : a;
  });
  for (const u of state.unreadable) annotations.push(u.raw);
  return {
    ...state.fileFields,
    version: state.version,
    reportId,
    annotations,
  };
}

/**
 * Someone else changed the file while we had it open: their records are kept, new and
 * changed ones included, and for the ids changed in this session ours are applied on top
 * (including deletions).
 */
export function mergeExternal(
  theirs: AnnotationFileState,
  ours: AnnotationFileState,
  touchedIds: ReadonlySet<string>,
): AnnotationFileState {
  const oursById = new Map(ours.annotations.map((a) => [a.id, a]));
  const annotations: Annotation[] = [];
  const extras = new Map(theirs.extras);
  const inTheirs = new Set<string>();
  for (const a of theirs.annotations) {
    inTheirs.add(a.id);
    if (!touchedIds.has(a.id)) {
      annotations.push(a);
      continue;
    }
    const mine = oursById.get(a.id);
    extras.delete(a.id);
    if (mine) annotations.push(mine); // else: deleted here
  }
  for (const a of ours.annotations) {
    if (touchedIds.has(a.id) && !inTheirs.has(a.id)) annotations.push(a);
  }
  for (const a of annotations) {
    const extra = ours.extras.get(a.id);
    if (touchedIds.has(a.id) && extra) extras.set(a.id, extra);
  }
  const theirBad = new Set(theirs.unreadable.map((u) => JSON.stringify(u.raw)));
  const unreadable = [
    ...theirs.unreadable,
    ...ours.unreadable.filter((u) => !theirBad.has(JSON.stringify(u.raw))),
  ];
  return { ...theirs, annotations, extras, unreadable };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
