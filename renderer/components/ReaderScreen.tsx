/**
 * The reading screen: toolbar, contents tree and reading pane for one report. Owns where the
 * reader is (the current section, the saved position) and the reading shortcuts.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ReportSummary } from '../../core/api/contract';
import type { ReportDocument, Section } from '../../core/report/report-model';
import {
  FONT_SIZE_DEFAULT,
  FONT_SIZE_MAX,
  FONT_SIZE_MIN,
  type Settings,
  type SettingsPatch,
} from '../../core/settings';
import { useCurrentSection } from '../hooks/useCurrentSection';
import { useReadingPosition } from '../hooks/useReadingPosition';
import { useI18n } from '../i18n';
import { ContentsTree } from './ContentsTree';
import { ReportView, sectionElementId } from './ReportView';
import { Toolbar } from './Toolbar';
import { SearchBox } from '../search/SearchBox';
import { SearchResultsPanel } from '../search/SearchResultsPanel';
import { useSearchSession } from '../search/useSearchSession';

const FONT_STEP = 2;

export function ReaderScreen({
  reportId,
  doc,
  settings,
  updateSettings,
  reports,
  onChooseReport,
}: {
  reportId: string;
  doc: ReportDocument;
  settings: Settings;
  updateSettings: (patch: SettingsPatch) => void;
  reports: ReportSummary[];
  onChooseReport: () => void;
}) {
  const { t } = useI18n();
  const scroller = useRef<HTMLElement>(null);
  const { currentId, setCurrentId } = useCurrentSection(scroller, doc);
  useReadingPosition(scroller, reportId, settings.positions[reportId], updateSettings);
  const search = useSearchSession(doc, scroller);
  const searchBox = useRef<HTMLInputElement>(null);
  const { step: stepSearch } = search;

  const goTo = useCallback(
    (section: Section) => {
      const el = document.getElementById(sectionElementId(section.id));
      if (!el) return;
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
      setCurrentId(section.id);
    },
    [setCurrentId],
  );

  const index = useMemo(
    () => doc.flatSections.findIndex((s) => s.id === currentId),
    [doc, currentId],
  );
  const prev = index > 0 ? doc.flatSections[index - 1] : undefined;
  const next = doc.flatSections[index + 1];

  const setFontSize = useCallback(
    (size: number) => {
      const clamped = Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, size));
      if (clamped !== settings.fontSize) updateSettings({ fontSize: clamped });
    },
    [settings.fontSize, updateSettings],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrl = e.ctrlKey || e.metaKey;
      if (ctrl && !e.altKey && (e.key === 'f' || e.key === 'F')) {
        e.preventDefault();
        searchBox.current?.focus();
        searchBox.current?.select();
      } else if (e.key === 'F3') {
        e.preventDefault();
        stepSearch(e.shiftKey ? -1 : 1);
      } else if (ctrl && !e.altKey && (e.key === '=' || e.key === '+')) {
        e.preventDefault();
        setFontSize(settings.fontSize + FONT_STEP);
      } else if (ctrl && !e.altKey && (e.key === '-' || e.key === '_')) {
        e.preventDefault();
        setFontSize(settings.fontSize - FONT_STEP);
      } else if (ctrl && !e.altKey && e.key === '0') {
        e.preventDefault();
        setFontSize(FONT_SIZE_DEFAULT);
      } else if (e.altKey && !ctrl && e.key === 'ArrowDown' && next) {
        e.preventDefault();
        goTo(next);
      } else if (e.altKey && !ctrl && e.key === 'ArrowUp' && prev) {
        e.preventDefault();
        goTo(prev);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goTo, next, prev, setFontSize, settings.fontSize, stepSearch]);

  const title = doc.title ?? t('reportTitleFallback');
  return (
    <div className={`reader-screen${search.results ? ' with-results' : ''}`}>
      <Toolbar
        settings={settings}
        updateSettings={updateSettings}
        onPrev={prev ? () => goTo(prev) : undefined}
        onNext={next ? () => goTo(next) : undefined}
        onFontSize={setFontSize}
        reportCount={reports.length}
        onChooseReport={onChooseReport}
        searchBox={<SearchBox ref={searchBox} session={search} />}
      />
      <nav className="contents-pane" aria-label={t('contents')}>
        <ContentsTree sections={doc.sections} currentId={currentId} onActivate={goTo} />
      </nav>
      <main
        ref={scroller}
        className="reading-pane"
        aria-label={title}
        tabIndex={-1}
        style={{ '--reader-font-size': `${settings.fontSize}px` } as React.CSSProperties}
      >
        <ReportView doc={doc} />
      </main>
      <SearchResultsPanel session={search} />
    </div>
  );
}
