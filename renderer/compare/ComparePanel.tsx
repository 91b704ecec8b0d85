/**
 * 对照结果: every change between the two editions, one list item each, in reading order — the
 * kind of change, where, and the text before and after (inline or side by side) with each
 * edition's highlights, the annotations the change touches on either side, and the figures that
 * changed. F7 / Shift+F7 or a click go to a change in the open report.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  changeKindLabel,
  comparisonNotes,
  comparisonToMarkdown,
  type Change,
} from '../../core/compare';
import { figureChangeParts } from '../../core/print/print-comparison';
import { DEFAULT_PRINT_OPTIONS } from '../../core/print/print-options';
import { bilingual } from '../../core/i18n/messages';
import { downloadText } from '../annotations/download-text';
import { errorOf } from '../hooks/useHostSettings';
import { exportPdfFile } from '../print/export-pdf';
import { useI18n } from '../i18n';
import { useReader } from '../shell/reader-context';
import { changeTarget } from './compare-navigation';
import { ChangeNotes, ChangeText, comparedSide, type ComparedSides } from './ChangeText';
import './compare.css';

export function ComparePanel() {
  const { t, language } = useI18n();
  const { compare, goTo, doc, reportId, notify, onError, notes } = useReader();
  const [exporting, setExporting] = useState(false);
  const [view, setView] = useState<'inline' | 'side'>('inline');
  const list = useRef<HTMLUListElement>(null);
  const { computation, current, openIsNew, other, otherDoc, otherAnchored } = compare;
  const openAnchored = notes.api.anchored;
  // Each edition with its own annotations: the open report's as the reader has them (they
  // follow edits at once), the other one's read-only.
  const sides = useMemo<ComparedSides | null>(() => {
    if (!otherDoc) return null;
    const open = comparedSide({ doc, anchored: openAnchored }, false);
    const theirs = comparedSide({ doc: otherDoc, anchored: otherAnchored }, true);
    return openIsNew ? { old: theirs, new: open } : { old: open, new: theirs };
  }, [doc, openAnchored, otherDoc, otherAnchored, openIsNew]);

  useEffect(() => {
    if (current === null) return;
    list.current?.querySelector(`[data-change="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  if (!other) return null;
  const comparison = computation.status === 'done' ? computation.result : null;
  const changes = comparison
    ? comparison.changes.filter((c) => compare.showCosmetic || !c.cosmetic)
    : [];
  const cosmetic = comparison ? comparison.changes.filter((c) => c.cosmetic).length : 0;
  const otherNoteCount = otherAnchored.filter(
    (a) => a.status !== 'orphan' && a.annotation.kind === 'highlight',
  ).length;
  const oldTitle = openIsNew ? other.title : (doc.title ?? '');
  const newTitle = openIsNew ? (doc.title ?? '') : other.title;

  const open = (change: Change) => {
    compare.select(change.index);
    const target = changeTarget(change, openIsNew);
    if (target) goTo(target);
  };

  return (
    <section className="compare-panel" aria-label={t('compareResults')}>
      <div className="panel-head">
        <h2>{t('compareResults')}</h2>
        <p className="compare-editions">
          <span>{t('compareOld')}</span> {oldTitle}
          <br />
          <span>{t('compareNew')}</span> {newTitle}
          {otherNoteCount > 0 ? (
            <>
              <br />
              {t('compareOtherNotes', { n: otherNoteCount })}
            </>
          ) : null}
        </p>
        <div className="sidebar-actions">
          <button type="button" onClick={() => stepAndGo(-1)} aria-keyshortcuts="Shift+F7">
            {t('cmdPreviousChange')}
          </button>
          <button type="button" onClick={() => stepAndGo(1)} aria-keyshortcuts="F7">
            {t('cmdNextChange')}
          </button>
          <button
            type="button"
            disabled={!comparison}
            onClick={() =>
              comparison &&
              downloadText(
                `${t('compareFilePrefix')}-${oldTitle}-${newTitle}.md`.slice(0, 150),
                comparisonToMarkdown(
                  comparison,
                  language,
                  sides ? comparisonNotes(comparison, sides.old, sides.new) : undefined,
                ),
                'text/markdown',
              )
            }
          >
            {t('compareExportMarkdown')}
          </button>
          <button
            type="button"
            disabled={!comparison || exporting}
            onClick={() => {
              setExporting(true);
              // The new edition is the report printed; the old one is compared against it.
              exportPdfFile({
                reportId: openIsNew ? reportId : other.id,
                sectionIds: [],
                options: DEFAULT_PRINT_OPTIONS,
                compare: { oldReportId: openIsNew ? other.id : reportId },
                language,
              })
                .then((outcome) => {
                  if (outcome.kind === 'saved')
                    notify(bilingual('printSaved', { path: outcome.path }));
                  else if (outcome.kind === 'downloaded')
                    notify(bilingual('printDownloaded', { name: outcome.fileName }));
                })
                .catch((err: unknown) => onError(errorOf(err)))
                .finally(() => setExporting(false));
            }}
          >
            {exporting ? t('printWorking') : t('compareExportPdf')}
          </button>
          <button type="button" onClick={compare.close}>
            {t('compareClose')}
          </button>
        </div>
        <div className="sidebar-filters">
          <div role="radiogroup" aria-label={t('compareView')} className="compare-view">
            {(['inline', 'side'] as const).map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name="compare-view"
                  checked={view === v}
                  onChange={() => setView(v)}
                />
                {t(v === 'inline' ? 'compareInline' : 'compareSideBySide')}
              </label>
            ))}
          </div>
          {cosmetic > 0 ? (
            <label>
              <input
                type="checkbox"
                checked={compare.showCosmetic}
                onChange={(e) => compare.setShowCosmetic(e.target.checked)}
              />
              {t('compareShowCosmetic', { n: cosmetic })}
            </label>
          ) : null}
        </div>
      </div>
      {computation.status === 'running' ? (
        <div className="figures-progress" role="status">
          {t('compareWorking')}
          <progress max={1} value={computation.progress} aria-label={t('compareWorking')} />
        </div>
      ) : null}
      {computation.status === 'failed' ? <p role="alert">{t('compareFailed')}</p> : null}
      {comparison ? (
        <p className="search-total" aria-live="polite">
          {changes.length === 0 ? t('compareNone') : t('compareCount', { n: changes.length })}
          {comparison.figureChanges.length > 0
            ? ` ${t('compareFigureCount', { n: comparison.figureChanges.length })}`
            : ''}
        </p>
      ) : null}
      <ul className={`compare-list view-${view}`} ref={list}>
        {changes.map((change) => (
          <li
            key={change.index}
            data-change={change.index}
            className={change.index === current ? 'current' : undefined}
            aria-current={change.index === current ? 'true' : undefined}
          >
            <button type="button" className="compare-item" onClick={() => open(change)}>
              <span className="compare-kind">{changeKindLabel(change.kind, language)}</span>
              <span className="compare-place">
                {[change.sectionPath, change.sectionTitle].filter(Boolean).join(' ')}
              </span>
            </button>
            {sides ? (
              <>
                <ChangeText change={change} view={view} sides={sides} />
                <ChangeNotes change={change} sides={sides} onOpen={(a) => notes.open(a)} />
              </>
            ) : null}
            {change.figureChanges.length > 0 ? (
              <div className="compare-figures">
                {change.figureChanges.map((f, i) => (
                  <p key={i}>
                    {f.subject || f.unit}: {f.old.raw} → {f.new.raw} (
                    {[
                      figureChangeParts(f, t('printComparePoints')).delta,
                      figureChangeParts(f, t('printComparePoints')).percent,
                    ]
                      .filter(Boolean)
                      .join('，')}
                    )
                  </p>
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );

  function stepAndGo(direction: 1 | -1) {
    const index = compare.step(direction);
    const change = index === null ? undefined : comparison?.changes[index];
    const target = change ? changeTarget(change, openIsNew) : null;
    if (target) goTo(target);
  }
}
