/**
 * What the reading screen does with annotations: turn a selection into a highlight or a note,
 * copy a passage with its citation, open the annotation under a click, toggle bookmarks, and
 * export or import the collection. (Undo/redo keys are commands: see ReaderScreen.)
 */
import { useCallback, useMemo, useState } from 'react';
import type { AnchorResult } from '../../core/annotations/anchor';
import type {
  Annotation,
  HighlightColor,
  TextPoint,
} from '../../core/annotations/annotation-model';
import { copyWithCitation } from '../../core/annotations/citation';
import { describeSection, describeSelection } from '../../core/annotations/describe-selection';
import { exportMarkdown } from '../../core/annotations/export-markdown';
import {
  parseAnnotationCollection,
  toAnnotationCollection,
} from '../../core/annotations/web-annotation';
import type { ApiError } from '../../core/api/errors';
import { bilingual, translator } from '../../core/i18n/messages';
import type { ReportDocument } from '../../core/report/report-model';
import { useI18n } from '../i18n';
import { callHost } from '../api/host-api';
import { errorOf } from '../hooks/useHostSettings';
import { pointAt } from '../dom/text-points';
import { copyText } from './copy-text';
import { downloadText } from './download-text';
import type { Selected } from './SelectionToolbar';
import { useAnnotations, type AnnotationsApi } from './useAnnotations';

export interface Toast {
  id: number;
  message: string;
  messageEn: string;
  undo?: () => void;
}

let toastCounter = 0;

export interface AnnotationUi {
  api: AnnotationsApi;
  selectedId: string | null;
  focusNote: boolean;
  sidebarOpen: boolean;
  setSidebarOpen: (open: boolean) => void;
  lastColor: HighlightColor;
  toast: Toast | null;
  dismissToast: () => void;
  open: (annotation: Annotation, focusNote?: boolean) => void;
  close: () => void;
  highlight: (selected: Selected, color: HighlightColor) => Promise<void>;
  addNote: (selected: Selected) => Promise<void>;
  copyCitation: (selected: Selected) => Promise<void>;
  onPaneClick: (x: number, y: number) => void;
  toggleBookmark: (sectionId: string) => Promise<void>;
  bookmarkedSections: ReadonlySet<string>;
  countsBySection: ReadonlyMap<string, number>;
  deleteSelected: () => Promise<void>;
  exportMarkdownFile: () => void;
  exportJsonFile: () => void;
  importFile: (file: File) => Promise<void>;
}

/** The largest import file read into memory; matches the parser's own limit. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function useAnnotationUi(
  reportId: string,
  doc: ReportDocument,
  onError: (error: ApiError) => void,
  onNotice: (notice: { message: string; messageEn: string }) => void,
): AnnotationUi {
  const api = useAnnotations(reportId, doc, onError, onNotice);
  const { t } = useI18n();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusNote, setFocusNote] = useState(false);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [lastColor, setLastColor] = useState<HighlightColor>('yellow');
  const [toast, setToast] = useState<Toast | null>(null);

  const showToast = useCallback(
    (t: Omit<Toast, 'id'>) => setToast({ ...t, id: ++toastCounter }),
    [],
  );
  const fail = useCallback(
    (message: string) => onError({ code: 'bad-request', message, messageEn: message }),
    [onError],
  );

  const open = useCallback((annotation: Annotation, withNote = false) => {
    setSelectedId(annotation.id);
    setFocusNote(withNote);
    setSidebarOpen(true);
  }, []);
  const close = useCallback(() => {
    setSelectedId(null);
    setFocusNote(false);
  }, []);

  const targetOf = useCallback(
    (selected: Selected) => {
      const result = describeSelection(doc, selected.start, selected.end);
      if (!result.ok) fail(result.error.message);
      return result.ok ? result.value : null;
    },
    [doc, fail],
  );

  const highlight = useCallback(
    async (selected: Selected, color: HighlightColor) => {
      const target = targetOf(selected);
      if (!target) return;
      setLastColor(color);
      const created = await api.create({ kind: 'highlight', color, target });
      if (created) document.getSelection()?.removeAllRanges();
    },
    [api, targetOf],
  );

  const addNote = useCallback(
    async (selected: Selected) => {
      const target = targetOf(selected);
      if (!target) return;
      const created = await api.create({ kind: 'highlight', color: lastColor, target });
      if (created) {
        document.getSelection()?.removeAllRanges();
        open(created, true);
      }
    },
    [api, lastColor, open, targetOf],
  );

  const copyCitation = useCallback(
    async (selected: Selected) => {
      const target = targetOf(selected);
      if (!target) return;
      const ok = await copyText(copyWithCitation(doc, target));
      showToast(ok ? bilingual('toastCitationCopied') : bilingual('toastCopyFailed'));
    },
    [doc, showToast, targetOf],
  );

  const order = useMemo(() => new Map(doc.paragraphs.map((p, i) => [p.id, i])), [doc]);

  const onPaneClick = useCallback(
    (x: number, y: number) => {
      if (!document.getSelection()?.isCollapsed) return;
      const point = pointAt(x, y);
      if (!point) return;
      const hit = smallestCovering(api.anchored, point, order);
      if (hit) open(hit.annotation);
    },
    [api.anchored, open, order],
  );

  const bookmarks = useMemo(
    () => api.annotations.filter((a) => a.kind === 'bookmark' && a.target.sectionId !== null),
    [api.annotations],
  );
  const bookmarkedSections = useMemo(
    () => new Set(bookmarks.map((b) => b.target.sectionId!)),
    [bookmarks],
  );

  const toggleBookmark = useCallback(
    async (sectionId: string) => {
      const existing = bookmarks.find((b) => b.target.sectionId === sectionId);
      if (existing) {
        const deleted = await api.remove(existing.id);
        if (deleted)
          showToast({
            ...bilingual('toastBookmarkRemoved'),
            undo: () => void api.undo(),
          });
        return;
      }
      const target = describeSection(doc, sectionId);
      if (!target.ok) return fail(target.error.message);
      await api.create({ kind: 'bookmark', color: 'yellow', target: target.value });
    },
    [api, bookmarks, doc, fail, showToast],
  );

  const countsBySection = useMemo(() => {
    const paragraphSection = new Map(doc.paragraphs.map((p) => [p.id, p.sectionId]));
    const counts = new Map<string, number>();
    for (const r of api.anchored) {
      const sectionId = r.start ? paragraphSection.get(r.start.paragraphId) : null;
      if (sectionId) counts.set(sectionId, (counts.get(sectionId) ?? 0) + 1);
    }
    return counts;
  }, [api.anchored, doc]);

  const deleteSelected = useCallback(async () => {
    if (!selectedId) return;
    const deleted = await api.remove(selectedId);
    if (deleted) {
      close();
      showToast({
        ...bilingual('toastAnnotationDeleted'),
        undo: () => void api.undo(),
      });
    }
  }, [api, close, selectedId, showToast]);

  const baseName = `${doc.title ?? reportId.replace(/\.[a-z]+$/i, '')}-${t('annotationsFileSuffix')}`;
  const exportMarkdownFile = useCallback(() => {
    downloadText(`${baseName}.md`, exportMarkdown(doc, api.annotations), 'text/markdown');
  }, [api.annotations, baseName, doc]);
  const exportJson = useCallback(async () => {
    try {
      // Positions count in the report's text as the host serves it (see web-annotation.ts).
      const [report, app] = await Promise.all([
        callHost('openReport', { reportId }),
        callHost('getAppInfo', {}),
      ]);
      const collection = toAnnotationCollection(report, api.annotations, {
        label: t('annotationsExportLabel', { title: doc.title ?? reportId }),
        generator: { name: app.name, version: app.version },
      });
      downloadText(
        `${baseName}.jsonld`,
        JSON.stringify(collection, null, 2),
        'application/ld+json',
      );
    } catch (err) {
      onError(errorOf(err));
    }
  }, [api.annotations, baseName, doc, onError, reportId, t]);
  const exportJsonFile = useCallback(() => {
    void exportJson();
  }, [exportJson]);

  const importFile = useCallback(
    async (file: File) => {
      if (file.size > MAX_IMPORT_BYTES)
        return onError({ code: 'too-large', ...bilingual('importTooLarge') });
      let sourceText: string | undefined;
      try {
        sourceText = (await callHost('openReport', { reportId })).text;
      } catch {
        // Without the text the paragraph points and quotes still place what is imported.
      }
      const parsed = parseAnnotationCollection(await file.text(), reportId, sourceText);
      if (!parsed.ok) return fail(parsed.error.message);
      try {
        const result = await callHost('importAnnotations', {
          reportId,
          annotations: parsed.value.annotations,
        });
        await api.reload();
        const skipped = [...parsed.value.skipped, ...result.skipped];
        const reasons = [...new Set(skipped.map((s) => s.reason))].join(t('reasonSeparator'));
        const counts = {
          added: result.added.length,
          updated: result.updated.length,
          skipped: skipped.length,
        };
        showToast({
          ...bilingual('importFinished', {
            ...counts,
            reasons: reasons ? translator('zh-CN')('importReasons', { reasons }) : '',
          }),
          messageEn: translator('en')('importFinished', {
            ...counts,
            reasons: reasons ? translator('en')('importReasons', { reasons }) : '',
          }),
        });
      } catch (err) {
        onError(errorOf(err));
      }
    },
    [api, fail, onError, reportId, showToast, t],
  );

  return {
    api,
    selectedId,
    focusNote,
    sidebarOpen,
    setSidebarOpen,
    lastColor,
    toast,
    dismissToast: () => setToast(null),
    open,
    close,
    highlight,
    addNote,
    copyCitation,
    onPaneClick,
    toggleBookmark,
    bookmarkedSections,
    countsBySection,
    deleteSelected,
    exportMarkdownFile,
    exportJsonFile,
    importFile,
  };
}

/** The shortest highlight that covers a point (the most specific one under the mouse). */
function smallestCovering(
  anchored: readonly AnchorResult[],
  point: TextPoint,
  order: ReadonlyMap<string, number>,
): AnchorResult | null {
  const at = (p: TextPoint) => [order.get(p.paragraphId) ?? -1, p.offset] as const;
  const cmp = (a: readonly [number, number], b: readonly [number, number]) =>
    a[0] - b[0] || a[1] - b[1];
  const here = at(point);
  let best: AnchorResult | null = null;
  for (const r of anchored) {
    if (!r.start || !r.end || r.annotation.kind !== 'highlight') continue;
    if (cmp(at(r.start), here) <= 0 && cmp(here, at(r.end)) < 0) {
      if (!best || r.position!.end - r.position!.start < best.position!.end - best.position!.start)
        best = r;
    }
  }
  return best;
}
