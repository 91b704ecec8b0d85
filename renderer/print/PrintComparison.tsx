/**
 * The printed comparison (对照) of two editions: a title naming both, the counts of each kind
 * of change, the figures whose values changed (old → new), then every change in reading order
 * with removed text struck through and added text underlined (marks that survive a black-and-
 * white printer) and, under a change, each edition's annotations its text touches; at the end,
 * compactly, the changes of character width or spacing only.
 */
import { createContext, useContext } from 'react';
import {
  annotationQuote,
  changeKindLabel,
  type Change,
  type ChangeNotes,
  type Comparison,
  type FigureChange,
} from '../../core/compare';
import { formatFigureValue } from '../../core/figures';
import {
  changeCounts,
  sectionPlaces,
  sectionRefLabel,
  figureChangeParts,
  splitCosmetic,
} from '../../core/print/print-comparison';
import type { PrintOptions } from '../../core/print/print-options';
import type { ReportDocument } from '../../core/report/report-model';
import { useI18n } from '../i18n';

/** The texts of both editions' paragraphs by id, to tell whether a change's context is cut. */
interface Paragraphs {
  old: ReadonlyMap<string, string>;
  new: ReadonlyMap<string, string>;
}
const ParagraphsContext = createContext<Paragraphs>({ old: new Map(), new: new Map() });
/** The annotations of both editions each change touches. */
const NotesContext = createContext<ChangeNotes>(new Map());

const textsById = (doc: ReportDocument): Map<string, string> =>
  new Map(doc.paragraphs.map((p) => [p.id, p.text]));

export function PrintComparison({
  comparison,
  notes = new Map(),
  oldDoc,
  newDoc,
  options,
}: {
  comparison: Comparison;
  notes?: ChangeNotes;
  oldDoc: ReportDocument;
  newDoc: ReportDocument;
  options: PrintOptions;
}) {
  const { t } = useI18n();
  const paragraphs: Paragraphs = { old: textsById(oldDoc), new: textsById(newDoc) };
  const { substantive, cosmetic } = splitCosmetic(comparison.changes);
  const untitled = t('printCompareUntitled');
  return (
    <ParagraphsContext.Provider value={paragraphs}>
      <NotesContext.Provider value={notes}>
        <article
          className={`print-doc print-compare ${options.layout} paper-${options.paper}`}
          lang="zh-CN"
        >
          <h1 className="print-title">
            {t('printCompareTitle', {
              old: comparison.oldTitle ?? untitled,
              new: comparison.newTitle ?? untitled,
            })}
          </h1>
          <Summary comparison={comparison} cosmetic={cosmetic.length} />
          {comparison.figureChanges.length > 0 ? (
            <FigureChanges changes={comparison.figureChanges} />
          ) : null}
          {substantive.length > 0 ? (
            <section className="print-appendix compare-changes">
              <h2 className="print-appendix-title">{t('printCompareChanges')}</h2>
              <ol>
                {substantive.map((change) => (
                  <ChangeItem key={change.index} change={change} comparison={comparison} />
                ))}
              </ol>
            </section>
          ) : null}
          {cosmetic.length > 0 ? (
            <section className="print-appendix compare-cosmetic">
              <h2 className="print-appendix-title">
                {t('printCompareCosmetic', { n: cosmetic.length })}
              </h2>
              <ol>
                {cosmetic.map((change) => (
                  <li key={change.index} value={change.index + 1}>
                    <span className="compare-where">
                      {whereOf(change, t('printCompareOpening'))}
                    </span>{' '}
                    <InlineChange change={change} />
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </article>
      </NotesContext.Provider>
    </ParagraphsContext.Provider>
  );
}

function Summary({ comparison, cosmetic }: { comparison: Comparison; cosmetic: number }) {
  const { t, language } = useI18n();
  if (comparison.changes.length === 0) {
    return <p className="compare-summary">{t('printCompareNone')}</p>;
  }
  const counts = changeCounts(comparison)
    .map(({ kind, count }) =>
      t('printCompareCount', { kind: changeKindLabel(kind, language), n: count }),
    )
    .join(t('printCompareCountSeparator'));
  return (
    <>
      <p className="compare-summary">
        {t('printCompareSummary', { n: comparison.changes.length })}
        {counts}
        {cosmetic > 0 ? t('printCompareCosmeticCount', { n: cosmetic }) : null}
      </p>
      <p className="compare-legend">
        <del>{t('printCompareLegendRemoved')}</del>
        {t('printCompareCountSeparator')}
        <ins>{t('printCompareLegendAdded')}</ins>
      </p>
    </>
  );
}

function FigureChanges({ changes }: { changes: readonly FigureChange[] }) {
  const { t } = useI18n();
  const headers = [
    t('printCompareColSection'),
    t('printCompareColSubject'),
    t('printCompareColOld'),
    t('printCompareColNew'),
    t('printCompareColDelta'),
    t('printCompareColPercent'),
  ];
  return (
    <section className="print-appendix compare-figures">
      <h2 className="print-appendix-title">{t('printCompareFigures')}</h2>
      <table className="print-table figure-changes-table">
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {changes.map((change, i) => (
            <tr key={`${change.new.id}-${i}`}>
              <td>{change.new.sectionPath || t('printCompareOpening')}</td>
              <td>{change.subject}</td>
              <td className="number">{formatFigureValue(change.old) + change.old.unit}</td>
              <td className="number">{formatFigureValue(change.new) + change.new.unit}</td>
              <td className="number">{figureChangeParts(change, t('printComparePoints')).delta}</td>
              <td className="number">
                {figureChangeParts(change, t('printComparePoints')).percent ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function whereOf(change: Change, opening: string): string {
  return [change.sectionPath, change.sectionTitle].filter((p) => p !== '').join(' ') || opening;
}

function ChangeItem({ change, comparison }: { change: Change; comparison: Comparison }) {
  const { t, language } = useI18n();
  const places = sectionPlaces(comparison, change);
  const moved =
    places && (change.kind === 'section-moved' || change.kind === 'section-renumbered')
      ? t('printCompareMoved', {
          old: sectionRefLabel(places.old),
          new: sectionRefLabel(places.new),
        })
      : null;
  return (
    <li className="compare-change" value={change.index + 1}>
      <p className="compare-change-head">
        <span className="compare-kind">{changeKindLabel(change.kind, language)}</span>
        {' · '}
        <span className="compare-where">{whereOf(change, t('printCompareOpening'))}</span>
        {moved ? <span className="compare-moved">{moved}</span> : null}
      </p>
      {change.oldRange || change.newRange ? (
        <p className="compare-text">
          <InlineChange change={change} />
        </p>
      ) : (
        <WholeParagraphs change={change} />
      )}
      <ChangeNoteLines change={change} />
    </li>
  );
}

/** A line for each annotation of either edition the change's text touches. */
function ChangeNoteLines({ change }: { change: Change }) {
  const { t } = useI18n();
  const touched = useContext(NotesContext).get(change.index);
  if (!touched) return null;
  const lines = (['old', 'new'] as const).flatMap((side) =>
    touched[side].map((annotation) => {
      const note = annotation.note.trim();
      const quote = annotationQuote(annotation);
      const text =
        note === ''
          ? t(side === 'old' ? 'compareOldHighlight' : 'compareNewHighlight', { quote })
          : t(side === 'old' ? 'compareOldNote' : 'compareNewNote', { note }) +
            t('compareNoteOn', { quote });
      return { key: `${side}-${annotation.id}`, text };
    }),
  );
  return (
    <>
      {lines.map(({ key, text }) => (
        <p key={key} className="compare-change-note">
          {text}
        </p>
      ))}
    </>
  );
}

/** A change inside a paragraph: its context with the removed and the added text. */
function InlineChange({ change }: { change: Change }) {
  const paragraphs = useContext(ParagraphsContext);
  // The context comes from the new side when there is one.
  const [range, text] = change.newRange
    ? [change.newRange, paragraphs.new.get(change.newParagraphIds[0] ?? '')]
    : [change.oldRange, paragraphs.old.get(change.oldParagraphIds[0] ?? '')];
  const cutBefore = range !== null && range.start > change.before.length;
  const cutAfter =
    range !== null && text !== undefined && range.end + change.after.length < text.length;
  return (
    <>
      {cutBefore ? '…' : null}
      {change.before}
      {change.oldText ? <del>{change.oldText}</del> : null}
      {change.newText ? <ins>{change.newText}</ins> : null}
      {change.after}
      {cutAfter ? '…' : null}
    </>
  );
}

/** Added or removed paragraphs and sections, whole; a moved heading once, as it reads now. */
function WholeParagraphs({ change }: { change: Change }) {
  const { t } = useI18n();
  if (change.oldText === change.newText) {
    return <p className="compare-text">{change.newText}</p>;
  }
  const olds = change.oldTexts.length > 0 ? change.oldTexts : [change.oldText].filter(Boolean);
  const news = change.newTexts.length > 0 ? change.newTexts : [change.newText].filter(Boolean);
  return (
    <>
      {olds.map((text, i) => (
        <p key={`o${i}`} className="compare-text removed">
          {i === 0 && news.length > 0 ? t('printCompareOld') : null}
          <del>{text}</del>
        </p>
      ))}
      {news.map((text, i) => (
        <p key={`n${i}`} className="compare-text added">
          {i === 0 && olds.length > 0 ? t('printCompareNew') : null}
          <ins>{text}</ins>
        </p>
      ))}
    </>
  );
}
