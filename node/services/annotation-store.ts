/**
 * The user's annotations, one file per report: `<dataDir>/annotations/<safe name>.json`.
 * The notes are the user's own work, so losing them is the worst bug this app can have:
 *
 * - every change is on disk (atomic write, previous version kept as .bak) before the call
 *   resolves, and changes to one report are applied one at a time in arrival order;
 * - memory changes only after the write succeeded; a failed write leaves everything as it was
 *   and says so plainly ("批注没有保存：…");
 * - a damaged or invalid file is set aside (never overwritten), the backup is used, and the
 *   user is told where the old file is (returned with every listing of that report).
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
  annotationFileSchema,
  annotationSchema,
  type Annotation,
} from '../../core/annotations/annotation-model';
import { mergeAnnotations } from '../../core/annotations/merge-annotations';
import { errorMessage, isErrno } from './json-file';
import { openJsonDocument, type Change, type JsonDocument, type JsonWriter } from './json-document';
import type { ParseOutcome } from './load-with-backup';
import { safeFileName } from './safe-file-name';

export const ANNOTATIONS_FOLDER = 'annotations';

/** How each action's failure starts, for the user. */
const NOT_DONE = {
  read: { zh: '批注无法读取', en: 'The annotations could not be read' },
  save: { zh: '批注没有保存', en: 'The annotation was not saved' },
  remove: { zh: '批注没有删除', en: 'The annotation was not deleted' },
  import: { zh: '批注没有导入', en: 'The annotations were not imported' },
} as const;
type Action = (typeof NOT_DONE)[keyof typeof NOT_DONE];

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
  /** Resolves when every change queued so far has finished. */
  flush(): Promise<void>;
}

export interface AnnotationStoreOptions {
  /** Replaces the atomic writer; for tests that make the disk fail. */
  write?: JsonWriter;
  maxPerReport?: number;
}

type Doc = JsonDocument<Annotation[]>;

export function createAnnotationStore(
  dataDir: string,
  options: AnnotationStoreOptions = {},
): AnnotationStore {
  const folder = path.join(dataDir, ANNOTATIONS_FOLDER);
  const maxPerReport = options.maxPerReport ?? MAX_ANNOTATIONS_PER_REPORT;
  // One document per report, opened on first use; sharing the promise means two first calls
  // arriving together load the file once and then queue on the same document.
  const documents = new Map<string, Promise<Doc>>();

  const fileFor = (reportId: string) => path.join(folder, `${safeFileName(reportId)}.json`);

  function documentFor(reportId: string): Promise<Doc> {
    let doc = documents.get(reportId);
    if (!doc) {
      doc = openJsonDocument<Annotation[]>({
        file: fileFor(reportId),
        what: { zh: `批注（${reportId}）`, en: `annotations (${reportId})` },
        parse: (raw) => parseAnnotationFile(raw, reportId),
        empty: () => [],
        toJson: (annotations) => ({ version: ANNOTATION_FILE_VERSION, reportId, annotations }),
        ...(options.write ? { write: options.write } : {}),
      }).catch((err: unknown) => {
        // Not kept: the next call tries again (the disk may be back).
        documents.delete(reportId);
        throw failure(NOT_DONE.read, fileFor(reportId), err);
      });
      documents.set(reportId, doc);
    }
    return doc;
  }

  /** Runs a change on a report's document, turning a failed write into a plain io-error. */
  async function change<R>(
    reportId: string,
    action: Action,
    compute: (current: Annotation[]) => Change<Annotation[], R>,
  ): Promise<R> {
    const doc = await documentFor(reportId);
    try {
      return await doc.change((current) => {
        const decided = compute(current);
        // Only growth is refused: a file that is over the cap (from an older version, or
        // edited by hand) still loads, and its annotations can still be edited and deleted.
        const size = decided.next?.length ?? 0;
        if (size > maxPerReport && size > current.length) {
          throw new ViewerError(
            'too-large',
            `${action.zh}：一份报告最多只能有 ${maxPerReport} 条批注。`,
            `${action.en}: a report can hold at most ${maxPerReport} annotations.`,
            `${size} > ${maxPerReport} for ${reportId}`,
          );
        }
        return decided;
      });
    } catch (err) {
      if (err instanceof ViewerError) throw err;
      throw failure(action, fileFor(reportId), err);
    }
  }

  return {
    fileFor,

    async list(reportId) {
      const doc = await documentFor(reportId);
      // Waits for the changes asked for before it, so a listing reflects them (memory only
      // ever holds what is on disk, so it never shows a change that might still fail).
      await doc.flush();
      return { annotations: [...doc.get()], notices: doc.notice ? [doc.notice] : [] };
    },

    async save(annotation) {
      const checked = checkIncoming(annotation, annotation.reportId, NOT_DONE.save);
      return change(checked.reportId, NOT_DONE.save, (current) => {
        const at = current.findIndex((a) => a.id === checked.id);
        const next = at === -1 ? [...current, checked] : current.with(at, checked);
        return { next, result: checked };
      });
    },

    async remove(reportId, id) {
      return change(reportId, NOT_DONE.remove, (current) => {
        const found = current.find((a) => a.id === id);
        if (!found) return { result: null };
        return { next: current.filter((a) => a !== found), result: found };
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
        const merged = mergeAnnotations(current, ours);
        const result: ImportSummary = {
          added: merged.added,
          updated: merged.updated,
          skipped: [...skipped, ...merged.skipped],
        };
        const unchanged = merged.added.length === 0 && merged.updated.length === 0;
        return unchanged ? { result } : { next: merged.merged, result };
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

function parseAnnotationFile(raw: unknown, reportId: string): ParseOutcome<Annotation[]> {
  const parsed = annotationFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error).slice(0, 500) };
  const file = parsed.data;
  // Only this store writes these files, so any of these means the file is not what we wrote.
  if (file.reportId !== reportId) return { ok: false, reason: `file is for ${file.reportId}` };
  const ids = new Set<string>();
  for (const a of file.annotations) {
    if (a.reportId !== reportId)
      return { ok: false, reason: `annotation ${a.id} is for ${a.reportId}` };
    if (ids.has(a.id)) return { ok: false, reason: `duplicate annotation id ${a.id}` };
    ids.add(a.id);
  }
  return { ok: true, value: file.annotations };
}

/** A failed read or write in plain words: what was not done, why, and that nothing changed. */
function failure(action: Action, file: string, err: unknown): ViewerError {
  const why = plainCause(err);
  return new ViewerError(
    'io-error',
    `${action.zh}：${why.zh}。已保存的批注没有改变。`,
    `${action.en}: ${why.en}. The saved annotations are unchanged.`,
    `${file}: ${errorMessage(err)}`,
  );
}

function plainCause(err: unknown): { zh: string; en: string } {
  if (isErrno(err, 'ENOSPC') || isErrno(err, 'EDQUOT')) {
    return { zh: '磁盘已满', en: 'the disk is full' };
  }
  if (isErrno(err, 'EACCES') || isErrno(err, 'EPERM') || isErrno(err, 'EROFS')) {
    return { zh: '没有使用数据文件夹的权限', en: 'there is no permission to use the data folder' };
  }
  return {
    zh: '数据文件夹中的文件无法读写',
    en: 'a file in the data folder could not be read or written',
  };
}
