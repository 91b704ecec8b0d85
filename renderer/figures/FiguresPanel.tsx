/**
 * 关键数据: every quantity in the open report, with its subject and section; filter by section,
 * unit and words, sort, click to jump to it (marked in the text), copy as a table or export as
 * CSV for Excel. Extraction runs off the UI thread.
 */
import { useMemo, useState } from 'react';
import {
  figuresToCsv,
  figuresToTsv,
  figureSectionLabel,
  figureUnits,
  filterFigures,
  sectionAndDescendants,
  sortFigures,
  type Figure,
  type FigureSortOrder,
} from '../../core/figures';
import { bilingual } from '../../core/i18n/messages';
import { copyText } from '../annotations/copy-text';
import { downloadText } from '../annotations/download-text';
import { useComputation } from '../compute/useComputation';
import { useI18n, type MessageKey } from '../i18n';
import { useReader } from '../shell/reader-context';
import './figures.css';
import { sectionLabel } from '../../core/report/section-label';

const SORTS: readonly [FigureSortOrder, MessageKey][] = [
  ['document', 'figuresSortDocument'],
  ['value-descending', 'figuresSortValueDown'],
  ['value-ascending', 'figuresSortValueUp'],
  ['subject', 'figuresSortSubject'],
  ['unit', 'figuresSortUnit'],
];

export function FiguresPanel() {
  const { t, language } = useI18n();
  const { doc, source, goTo, notify, reportId } = useReader();
  const task = useMemo(() => ({ type: 'figures' as const, source }), [source]);
  const computation = useComputation(task);
  const [sectionId, setSectionId] = useState('');
  const [unit, setUnit] = useState('');
  const [text, setText] = useState('');
  const [order, setOrder] = useState<FigureSortOrder>('document');
  const [selected, setSelected] = useState<string | null>(null);

  const figures = useMemo<Figure[]>(
    () => (computation.status === 'done' ? computation.result : []),
    [computation],
  );
  const units = useMemo(() => figureUnits(figures), [figures]);
  const shown = useMemo(() => {
    const filtered = filterFigures(figures, {
      ...(sectionId ? { sectionIds: sectionAndDescendants(doc, sectionId) } : {}),
      ...(unit ? { units: [unit === '-' ? '' : unit] } : {}),
      text,
    });
    return sortFigures(filtered, order);
  }, [figures, sectionId, unit, text, order, doc]);
  const sections = doc.flatSections.filter((s) => s.level <= 2);

  const open = (figure: Figure) => {
    setSelected(figure.id);
    goTo({ paragraphId: figure.paragraphId, start: figure.start, end: figure.end });
  };

  return (
    <section className="figures-panel" aria-label={t('figures')}>
      <div className="panel-head">
        <h2>
          {t('figures')}{' '}
          {computation.status === 'done' ? (
            <span className="sidebar-count">{t('figuresCount', { n: shown.length })}</span>
          ) : null}
        </h2>
        <div className="sidebar-actions">
          <button
            type="button"
            disabled={shown.length === 0}
            onClick={() =>
              void copyText(figuresToTsv(shown, language)).then((ok) =>
                notify(bilingual(ok ? 'figuresCopied' : 'toastCopyFailed')),
              )
            }
          >
            {t('figuresCopy')}
          </button>
          <button
            type="button"
            disabled={shown.length === 0}
            onClick={() =>
              downloadText(
                `${doc.title ?? reportId}-${t('figures')}.csv`,
                figuresToCsv(shown, language),
                'text/csv;charset=utf-8',
              )
            }
          >
            {t('figuresExportCsv')}
          </button>
        </div>
      </div>
      <div className="sidebar-filters">
        <label>
          <span className="visually-hidden">{t('figuresSection')}</span>
          <select value={sectionId} onChange={(e) => setSectionId(e.target.value)}>
            <option value="">{t('figuresAllSections')}</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {`${s.level > 1 ? '\u3000' : ''}${sectionLabel(s)}`.slice(0, 40)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('figuresUnit')}</span>
          <select value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">{t('figuresAllUnits')}</option>
            {units.map((u) => (
              <option key={u.unit || '-'} value={u.unit || '-'}>
                {`${u.unit || t('figuresNoUnit')} (${u.count})`}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('figuresSort')}</span>
          <select value={order} onChange={(e) => setOrder(e.target.value as FigureSortOrder)}>
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          aria-label={t('figuresFilter')}
          placeholder={t('figuresFilter')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {computation.status === 'running' ? (
        <div className="figures-progress" role="status">
          {t('figuresWorking')}
          <progress max={1} value={computation.progress} aria-label={t('figuresWorking')} />
        </div>
      ) : null}
      {computation.status === 'failed' ? <p role="alert">{t('figuresFailed')}</p> : null}
      {computation.status === 'done' && shown.length === 0 ? (
        <p className="search-hint">
          {t(figures.length === 0 ? 'figuresNone' : 'figuresNoneMatch')}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <table className="figures-table">
          <thead>
            <tr>
              <th scope="col">{t('figuresColValue')}</th>
              <th scope="col">{t('figuresColSubject')}</th>
              <th scope="col">{t('figuresColSection')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((figure) => (
              <tr
                key={figure.id}
                className={figure.id === selected ? 'selected' : undefined}
                title={figure.snippet}
              >
                <td>
                  <button type="button" className="figure-jump" onClick={() => open(figure)}>
                    {figure.raw}
                  </button>
                  {figure.kind === 'change' && figure.changeWord ? (
                    <span className="figure-change">{figure.changeWord}</span>
                  ) : null}
                </td>
                <td>{figure.subject}</td>
                <td className="figure-section">{figureSectionLabel(figure)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
