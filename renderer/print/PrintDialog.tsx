/**
 * 打印到 PDF: choose sections and options, then export a PDF (Electron: a native save dialog,
 * then "在文件夹中显示"; browser host: a download) or, in Electron, print on a system printer.
 * A modal <dialog>: the page behind is inert, Tab cycles inside, Esc closes, and focus goes
 * back to where it was.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AppInfo } from '../../core/api/contract';
import type { ApiError } from '../../core/api/errors';
import {
  DEFAULT_PRINT_OPTIONS,
  PAPER_SIZES,
  PRINT_ANNOTATION_MODES,
  PRINT_LAYOUTS,
  type PrintAnnotationMode,
  type PrintLayout,
  type PrintOptions,
  type PrintRequest,
} from '../../core/print/print-options';
import { printableIds } from '../../core/print/print-selection';
import type { ReportDocument } from '../../core/report/report-model';
import { callHost } from '../api/host-api';
import { errorOf } from '../hooks/useHostSettings';
import { localMessage, useI18n, type MessageKey } from '../i18n';
import { exportPdfFile } from './export-pdf';
import { SectionChecklist } from './SectionChecklist';
import './print-dialog.css';

const LAYOUT_LABELS: Record<PrintLayout, [MessageKey, MessageKey]> = {
  gongwen: ['printLayoutGongwen', 'printLayoutGongwenHint'],
  reading: ['printLayoutReading', 'printLayoutReadingHint'],
};
const ANNOTATION_LABELS: Record<PrintAnnotationMode, MessageKey> = {
  none: 'printAnnotationsNone',
  highlights: 'printAnnotationsHighlights',
  notes: 'printAnnotationsNotes',
};

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; action: 'export' | 'print' }
  | { kind: 'saved'; path: string }
  | { kind: 'downloaded'; fileName: string }
  | { kind: 'printed' }
  | { kind: 'error'; error: ApiError | MessageKey };

export function PrintDialog({
  reportId,
  doc,
  initialIds,
  onClose,
}: {
  reportId: string;
  doc: ReportDocument;
  /** Chosen when the dialog opens (the current section and its subsections). */
  initialIds: readonly string[];
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [selected, setSelected] = useState<Set<string>>(() => new Set(initialIds));
  const [options, setOptions] = useState<PrintOptions>(DEFAULT_PRINT_OPTIONS);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [host, setHost] = useState<AppInfo['host'] | null>(null);
  const allIds = useMemo(() => printableIds(doc), [doc]);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

  useEffect(() => {
    callHost('getAppInfo', {})
      .then((info) => setHost(info.host))
      .catch(() => setHost(null));
  }, []);

  const set = <K extends keyof PrintOptions>(key: K, value: PrintOptions[K]) =>
    setOptions((o) => ({ ...o, [key]: value }));

  const busy = status.kind === 'working';

  const run = async (action: 'export' | 'print') => {
    const sectionIds = allIds.filter((id) => selected.has(id));
    if (sectionIds.length === 0) {
      setStatus({ kind: 'error', error: 'printNothingChosen' });
      return;
    }
    const request: PrintRequest = { reportId, sectionIds, options, language };
    setStatus({ kind: 'working', action });
    try {
      if (action === 'print') {
        const { printed } = await callHost('printPages', request);
        setStatus(printed ? { kind: 'printed' } : { kind: 'idle' });
        return;
      }
      const outcome = await exportPdfFile(request);
      setStatus(outcome.kind === 'cancelled' ? { kind: 'idle' } : outcome);
    } catch (err) {
      setStatus({ kind: 'error', error: errorOf(err) });
    }
  };

  const showInFolder = (path: string) => {
    callHost('showInFolder', { path }).catch((err: unknown) =>
      setStatus({ kind: 'error', error: errorOf(err) }),
    );
  };

  // Keep Tab inside the dialog: from the last control to the first and back.
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || !dialog.current) return;
    const focusable = [
      ...dialog.current.querySelectorAll<HTMLElement>('button, input, select, [tabindex="0"]'),
    ].filter((el) => !el.hasAttribute('disabled') && el.offsetParent !== null);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="print-dialog"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // Esc: close through React, so the parent unmounts the dialog.
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run('export');
        }}
      >
        <h2 id={titleId} className="print-dialog-title">
          {t('printDialogTitle')}
        </h2>
        <div className="print-dialog-body">
          <fieldset className="print-sections">
            <legend>{t('printSections')}</legend>
            <div className="print-sections-actions">
              <button type="button" onClick={() => setSelected(new Set(allIds))}>
                {t('printSelectAll')}
              </button>
              <button type="button" onClick={() => setSelected(new Set())}>
                {t('printClear')}
              </button>
              <span className="print-count" aria-live="polite">
                {t('printChosenCount', { n: allIds.filter((id) => selected.has(id)).length })}
              </span>
            </div>
            <SectionChecklist doc={doc} selected={selected} onChange={setSelected} />
          </fieldset>
          <div className="print-options">
            <fieldset>
              <legend>{t('printLayout')}</legend>
              {PRINT_LAYOUTS.map((layout) => (
                <label key={layout} className="print-choice" title={t(LAYOUT_LABELS[layout][1])}>
                  <input
                    type="radio"
                    name="print-layout"
                    checked={options.layout === layout}
                    onChange={() => set('layout', layout)}
                  />
                  <span>
                    {t(LAYOUT_LABELS[layout][0])}
                    <small>{t(LAYOUT_LABELS[layout][1])}</small>
                  </span>
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('printPaper')}</legend>
              {PAPER_SIZES.map((paper) => (
                <label key={paper} className="print-choice inline">
                  <input
                    type="radio"
                    name="print-paper"
                    checked={options.paper === paper}
                    onChange={() => set('paper', paper)}
                  />
                  <span>{paper}</span>
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('printAnnotations')}</legend>
              {PRINT_ANNOTATION_MODES.map((mode) => (
                <label key={mode} className="print-choice">
                  <input
                    type="radio"
                    name="print-annotations"
                    checked={options.annotations === mode}
                    onChange={() => set('annotations', mode)}
                  />
                  <span>{t(ANNOTATION_LABELS[mode])}</span>
                </label>
              ))}
            </fieldset>
            <label className="print-choice">
              <input
                type="checkbox"
                checked={options.metadata}
                onChange={(e) => set('metadata', e.target.checked)}
              />
              <span>{t('printMetadata')}</span>
            </label>
            <label className="print-choice" title={t('printFiguresHint')}>
              <input
                type="checkbox"
                checked={options.figures === true}
                onChange={(e) => set('figures', e.target.checked)}
              />
              <span>{t('printFigures')}</span>
            </label>
          </div>
        </div>
        <StatusLine
          status={status}
          onShowInFolder={host === 'electron' ? showInFolder : undefined}
          message={(m) => (typeof m === 'string' ? t(m) : localMessage(language, m))}
        />
        <div className="print-dialog-actions">
          {host === 'electron' ? (
            <button type="button" disabled={busy} onClick={() => void run('print')}>
              {t('printToPrinter')}
            </button>
          ) : null}
          <span className="spacer" />
          <button type="button" disabled={busy} onClick={onClose}>
            {t('printCancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('printExport')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function StatusLine({
  status,
  onShowInFolder,
  message,
}: {
  status: Status;
  onShowInFolder: ((path: string) => void) | undefined;
  message: (m: ApiError | MessageKey) => string;
}) {
  const { t } = useI18n();
  if (status.kind === 'error') {
    return (
      <p className="print-status error" role="alert">
        {message(status.error)}
      </p>
    );
  }
  let text = '';
  if (status.kind === 'working') {
    text = t(status.action === 'print' ? 'printSending' : 'printWorking');
  } else if (status.kind === 'saved') text = t('printSaved', { path: status.path });
  else if (status.kind === 'downloaded') text = t('printDownloaded', { name: status.fileName });
  else if (status.kind === 'printed') text = t('printSent');
  return (
    <p className="print-status" role="status">
      {text}
      {status.kind === 'saved' && onShowInFolder ? (
        <button type="button" onClick={() => onShowInFolder(status.path)}>
          {t('printShowInFolder')}
        </button>
      ) : null}
    </p>
  );
}
