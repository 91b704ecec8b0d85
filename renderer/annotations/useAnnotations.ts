/**
 * The user's annotations on the open report: loaded from the host, re-anchored on the text,
 * changed only through the host (the screen shows a change once it is on disk), with an undo
 * and redo history of those changes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { anchorAnnotations, type AnchorResult } from '../../core/annotations/anchor';
import type {
  Annotation,
  AnnotationTarget,
  HighlightColor,
} from '../../core/annotations/annotation-model';
import type { AnnotationListing, Notice } from '../../core/api/contract';
import type { ApiError } from '../../core/api/errors';
import type { ReportDocument } from '../../core/report/report-model';
import { callHost } from '../api/host-api';
import { errorOf } from '../hooks/useHostSettings';
import { takeAnnotationListing } from './annotation-prefetch';

export interface NewAnnotation {
  kind: Annotation['kind'];
  color: HighlightColor;
  target: AnnotationTarget;
  note?: string;
  tags?: string[];
}

export type AnnotationPatch = Partial<Pick<Annotation, 'color' | 'note' | 'tags'>>;

interface HistoryEntry {
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

export interface AnnotationsApi {
  annotations: Annotation[];
  /** Where each annotation landed in the text (or that it is an orphan), in document order. */
  anchored: AnchorResult[];
  loaded: boolean;
  /** Number of changes sent to the host and not yet confirmed. */
  pending: number;
  create: (input: NewAnnotation) => Promise<Annotation | null>;
  update: (id: string, patch: AnnotationPatch) => Promise<boolean>;
  remove: (id: string) => Promise<Annotation | null>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  canUndo: boolean;
  canRedo: boolean;
  /** Records in the file this version could not read; kept there untouched. */
  unreadable: AnnotationListing['unreadable'];
  /** Replaces the list after an import (the host merged and saved it). */
  reload: () => Promise<void>;
}

export function useAnnotations(
  reportId: string,
  doc: ReportDocument,
  onError: (error: ApiError) => void,
  onNotice: (notice: { message: string; messageEn: string }) => void,
): AnnotationsApi {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [unreadable, setUnreadable] = useState<AnnotationListing['unreadable']>([]);
  const [pending, setPending] = useState(0);
  // The history lives in refs so an undo offered earlier (a toast's 撤销) acts on the history as
  // it is when clicked; `historySize` only re-renders for canUndo/canRedo.
  const undoStack = useRef<HistoryEntry[]>([]);
  const redoStack = useRef<HistoryEntry[]>([]);
  const [historySize, setHistorySize] = useState({ undo: 0, redo: 0 });
  const syncHistory = useCallback(
    () => setHistorySize({ undo: undoStack.current.length, redo: redoStack.current.length }),
    [],
  );
  const handlers = useRef({ onError, onNotice });
  useEffect(() => {
    handlers.current = { onError, onNotice };
  }, [onError, onNotice]);

  // The first listing may already be on its way (asked for with the report: annotation-prefetch).
  const firstListing = useRef(true);
  const reload = useCallback(async () => {
    try {
      const first = firstListing.current;
      firstListing.current = false;
      const result = first
        ? await takeAnnotationListing(reportId)
        : await callHost('listAnnotations', { reportId });
      setAnnotations(result.annotations);
      setUnreadable(result.unreadable);
      for (const notice of result.notices) handlers.current.onNotice(notice);
    } catch (err) {
      handlers.current.onError(errorOf(err));
    } finally {
      setLoaded(true);
    }
  }, [reportId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const anchored = useMemo(() => anchorAnnotations(doc, annotations), [doc, annotations]);

  /** Runs one host call; local state follows only when it succeeded. */
  const run = useCallback(async <T>(call: () => Promise<T>): Promise<T | null> => {
    setPending((n) => n + 1);
    try {
      return await call();
    } catch (err) {
      handlers.current.onError(errorOf(err));
      return null;
    } finally {
      setPending((n) => n - 1);
    }
  }, []);

  // A change that found the file changed by another program merged the two on disk: say so,
  // and show the merged list.
  const afterChange = useCallback(
    (notices: readonly Notice[]) => {
      if (notices.length === 0) return;
      for (const notice of notices) handlers.current.onNotice(notice);
      void reload();
    },
    [reload],
  );

  const put = useCallback(
    async (annotation: Annotation): Promise<boolean> => {
      const saved = await run(() => callHost('saveAnnotation', { annotation }));
      if (!saved) return false;
      setAnnotations((list) => upsert(list, saved.annotation));
      afterChange(saved.notices);
      return true;
    },
    [afterChange, run],
  );

  const drop = useCallback(
    async (id: string): Promise<Annotation | null> => {
      const result = await run(() => callHost('deleteAnnotation', { reportId, id }));
      if (!result) return null;
      setAnnotations((list) => list.filter((a) => a.id !== id));
      afterChange(result.notices);
      return result.deleted;
    },
    [afterChange, reportId, run],
  );

  const record = useCallback(
    (entry: HistoryEntry) => {
      undoStack.current = [...undoStack.current.slice(-99), entry];
      redoStack.current = [];
      syncHistory();
    },
    [syncHistory],
  );

  const create = useCallback(
    async (input: NewAnnotation): Promise<Annotation | null> => {
      const now = new Date().toISOString();
      const annotation: Annotation = {
        id: crypto.randomUUID(),
        reportId,
        kind: input.kind,
        color: input.color,
        note: input.note ?? '',
        tags: input.tags ?? [],
        target: input.target,
        created: now,
        updated: now,
      };
      if (!(await put(annotation))) return null;
      record({
        undo: async () => void (await drop(annotation.id)),
        redo: async () => void (await put(annotation)),
      });
      return annotation;
    },
    [drop, put, record, reportId],
  );

  const latest = useRef(annotations);
  useEffect(() => {
    latest.current = annotations;
  }, [annotations]);

  const update = useCallback(
    async (id: string, patch: AnnotationPatch): Promise<boolean> => {
      const before = latest.current.find((a) => a.id === id);
      if (!before) return false;
      const after: Annotation = { ...before, ...patch, updated: new Date().toISOString() };
      if (!(await put(after))) return false;
      record({
        undo: async () => void (await put(before)),
        redo: async () => void (await put(after)),
      });
      return true;
    },
    [put, record],
  );

  const remove = useCallback(
    async (id: string): Promise<Annotation | null> => {
      const deleted = await drop(id);
      if (deleted) {
        record({
          undo: async () => void (await put(deleted)),
          redo: async () => void (await drop(id)),
        });
      }
      return deleted;
    },
    [drop, put, record],
  );

  // Undo and redo move their entry between the stacks at once (so a quick second key press sees
  // the new state) and run one after another, in the order pressed.
  const historyQueue = useRef<Promise<void>>(Promise.resolve());
  const travel = useCallback(
    (
      from: { current: HistoryEntry[] },
      to: { current: HistoryEntry[] },
      run: (e: HistoryEntry) => Promise<void>,
    ) => {
      const entry = from.current.pop();
      if (!entry) return historyQueue.current;
      to.current.push(entry);
      syncHistory();
      historyQueue.current = historyQueue.current.then(() => run(entry));
      return historyQueue.current;
    },
    [syncHistory],
  );
  const undo = useCallback(() => travel(undoStack, redoStack, (e) => e.undo()), [travel]);
  const redo = useCallback(() => travel(redoStack, undoStack, (e) => e.redo()), [travel]);

  return {
    annotations,
    anchored,
    loaded,
    pending,
    create,
    update,
    remove,
    undo,
    redo,
    canUndo: historySize.undo > 0,
    canRedo: historySize.redo > 0,
    reload,
    unreadable,
  };
}

function upsert(list: Annotation[], annotation: Annotation): Annotation[] {
  const i = list.findIndex((a) => a.id === annotation.id);
  if (i < 0) return [...list, annotation];
  const next = [...list];
  next[i] = annotation;
  return next;
}
