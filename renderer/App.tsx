/**
 * The app's frame: asks the host for settings and reports, opens the last report read (or lets
 * the user pick one), applies theme, language and text size, and shows problems in plain words.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo, ImportedReportFile, ReportListing } from '../core/api/contract';
import type { ApiError } from '../core/api/errors';
import { loadReportDocument } from '../core/report/load-report-document';
import type { ReportDocument } from '../core/report/report-model';
import type { ReportSource } from '../core/report/report-source';
import { callHost } from './api/host-api';
import { prefetchAnnotations } from './annotations/annotation-prefetch';
import { computeInBackground } from './compute/useComputation';
import { LARGE_REPORT_CHARS } from './reader/large-report';
import { OpeningProgress, type Opening } from './components/OpeningProgress';
import { NoticeBar, type Notice } from './components/NoticeBar';
import { ReaderScreen } from './components/ReaderScreen';
import { ModalDialog } from './components/ModalDialog';
import { LibrarySearch } from './library/LibrarySearch';
import { LibraryView } from './library/LibraryView';
import type { GoToTarget } from './shell/reader-context';
import { useReportImport } from './library/useReportImport';
import { errorOf, useHostSettings } from './hooks/useHostSettings';
import { useThemeAttribute } from './hooks/useThemeAttribute';
import { I18nContext, translator } from './i18n';

interface OpenReport {
  id: string;
  /** Where to go once it is on screen (a hit of 搜索全部报告). */
  at?: GoToTarget;
  /** The title to show: the user's own if they renamed the report, else the document's. */
  title: string;
  source: ReportSource;
  doc: ReportDocument;
}

let noticeCounter = 0;

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [listing, setListing] = useState<ReportListing | null>(null);
  const listingRef = useRef(listing);
  useEffect(() => {
    listingRef.current = listing;
  }, [listing]);
  const [report, setReport] = useState<OpenReport | null>(null);
  // No report open: the library is the start screen. While reading: 报告库 as a dialog.
  const [picking, setPicking] = useState(false);
  const [libraryOpen, setLibraryOpen] = useState(false);
  // The library was opened to search every report (Ctrl+Shift+F): the search box has focus.
  const [searchFirst, setSearchFirst] = useState(false);
  const [dragging, setDragging] = useState(false);
  // A start-up failure; `listed` when the report list did load, so the user can go back to it.
  const [fatal, setFatal] = useState<{ error: ApiError; listed: boolean } | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [opening, setOpening] = useState<Opening | null>(null);
  // The open in progress: a newer one supersedes it (its result is dropped, its parse cancelled).
  const openingNow = useRef<{ cancel: () => void } | null>(null);

  const addNotice = useCallback(
    (m: { message: string; messageEn: string }, kind: Notice['kind']) => {
      // The same message once: a damaged file is reported by every listing until it is replaced.
      setNotices((list) =>
        list.some((n) => n.message === m.message)
          ? list
          : [...list, { id: ++noticeCounter, kind, message: m.message, messageEn: m.messageEn }],
      );
    },
    [],
  );
  const onError = useCallback((error: ApiError) => addNotice(error, 'error'), [addNotice]);
  const onNotice = useCallback(
    (notice: { message: string; messageEn: string }) => addNotice(notice, 'warning'),
    [addNotice],
  );
  const { settings, loaded, update } = useHostSettings(onError);

  const i18n = useMemo(
    () => ({ language: settings.language, t: translator(settings.language) }),
    [settings.language],
  );
  useThemeAttribute(settings.theme);
  useEffect(() => {
    document.documentElement.lang = settings.language;
  }, [settings.language]);

  const openReport = useCallback(
    async (id: string, at?: GoToTarget) => {
      openingNow.current?.cancel();
      let cancelled = false;
      const mine = {
        cancel: () => {
          cancelled = true;
        },
      };
      openingNow.current = mine;
      const listed = listingRef.current?.reports.find((r) => r.id === id);
      setOpening({ title: listed?.title ?? null, progress: null });
      try {
        prefetchAnnotations(id);
        const opened = await callHost('openReport', { reportId: id });
        if (cancelled) return;
        // The only way from a report's text to its document: loadReportDocument (a large
        // report's in the compute worker, with progress, so the window stays responsive).
        let doc: ReportDocument;
        if (opened.source.text.length < LARGE_REPORT_CHARS) {
          doc = loadReportDocument(opened.source);
        } else {
          setOpening({ title: opened.title, progress: 0 });
          const job = computeInBackground({ type: 'open', source: opened.source }, (progress) => {
            if (!cancelled) setOpening({ title: opened.title, progress });
          });
          mine.cancel = () => {
            cancelled = true;
            job.cancel();
          };
          doc = await job.result.catch(() => loadReportDocument(opened.source));
          if (cancelled) return;
        }
        setReport({ id, ...(at ? { at } : {}), title: opened.title, source: opened.source, doc });
        setPicking(false);
        setLibraryOpen(false);
        update({ lastReportId: id });
      } finally {
        if (openingNow.current === mine) {
          openingNow.current = null;
          setOpening(null);
        }
      }
    },
    [update],
  );

  const boot = useCallback(async () => {
    setFatal(null);
    let listed = false;
    try {
      const [appInfo, stored, list] = await Promise.all([
        callHost('getAppInfo', {}),
        callHost('getSettings', {}),
        callHost('listReports', {}),
      ]);
      setInfo(appInfo);
      loaded(stored);
      setListing(list);
      listed = true;
      for (const notice of [...appInfo.notices, ...list.notices]) addNotice(notice, 'warning');
      const first = list.initialReportId;
      const remembered = stored.lastReportId !== null && first === stored.lastReportId;
      if (first && (list.reports.length === 1 || remembered)) await openReport(first);
      else setPicking(true);
    } catch (err) {
      // E.g. the remembered report is gone or unreadable: retry, or choose another one.
      setFatal({ error: errorOf(err), listed });
    }
  }, [addNotice, loaded, openReport]);

  useEffect(() => {
    void boot();
  }, [boot]);

  const title = report?.title ?? report?.doc.title ?? null;
  useEffect(() => {
    document.title = title ?? i18n.t('appName');
  }, [title, i18n]);

  const pick = useCallback(
    (id: string, at?: GoToTarget) => {
      openReport(id, at).catch((err: unknown) => onError(errorOf(err)));
    },
    [onError, openReport],
  );

  const refreshListing = useCallback(async () => {
    try {
      const list = await callHost('listReports', {});
      setListing(list);
      for (const notice of list.notices) addNotice(notice, 'warning');
      return list;
    } catch (err) {
      onError(errorOf(err));
      return null;
    }
  }, [addNotice, onError]);

  const {
    busy: importBusy,
    choose: chooseImport,
    importFiles,
    inputRef: importInput,
  } = useReportImport({
    host: info?.host ?? null,
    onError,
    onNotice,
    onImported: useCallback(
      (imported: ImportedReportFile[]) => {
        void refreshListing();
        // One file: open it, as a user who just chose it expects. Several: show them listed.
        if (imported.length === 1) pick(imported[0]!.report.id);
        else {
          setLibraryOpen(report !== null);
          setPicking(report === null);
        }
      },
      [pick, refreshListing, report],
    ),
  });

  const rename = useCallback(
    async (id: string, newTitle: string) => {
      try {
        const { report: renamed } = await callHost('renameReport', {
          reportId: id,
          title: newTitle.trim(),
        });
        await refreshListing();
        setReport((open) => (open?.id === id ? { ...open, title: renamed.title } : open));
        return true;
      } catch (err) {
        onError(errorOf(err));
        return false;
      }
    },
    [onError, refreshListing],
  );

  const remove = useCallback(
    async (id: string) => {
      try {
        const removed = await callHost('removeReport', { reportId: id });
        addNotice(removed, 'warning');
        await refreshListing();
        if (report?.id === id) {
          setReport(null);
          setLibraryOpen(false);
          setPicking(true);
        }
      } catch (err) {
        onError(errorOf(err));
      }
    },
    [addNotice, onError, refreshListing, report],
  );

  // Files dropped anywhere on the window are imported.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) void importFiles(files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [importFiles]);

  const library = (
    <LibraryView
      reports={listing?.reports ?? []}
      currentId={report?.id ?? null}
      busy={importBusy}
      onOpen={pick}
      onImport={chooseImport}
      onRename={rename}
      onRemove={remove}
      search={<LibrarySearch onOpen={pick} onError={onError} autoFocus={searchFirst} />}
    />
  );

  let body;
  if (fatal) {
    body = (
      <div className="centered-message" role="alert">
        <h1>{i18n.t('errorTitle')}</h1>
        <p>{i18n.language === 'en' ? fatal.error.messageEn : fatal.error.message}</p>
        <button type="button" onClick={() => void boot()}>
          {i18n.t('retry')}
        </button>
        {fatal.listed ? (
          <button
            type="button"
            onClick={() => {
              setFatal(null);
              setPicking(true);
            }}
          >
            {i18n.t('backToReports')}
          </button>
        ) : null}
      </div>
    );
  } else if (picking && listing) {
    body = (
      <main className="library-screen" aria-labelledby="library-title">
        <h1 id="library-title">{i18n.t('library')}</h1>
        {library}
      </main>
    );
  } else if (report) {
    body = (
      <ReaderScreen
        key={`${report.id}|${report.at ? JSON.stringify(report.at) : ''}`}
        reportId={report.id}
        source={report.source}
        doc={report.doc}
        settings={settings}
        updateSettings={update}
        reports={listing?.reports ?? []}
        initialTarget={report.at}
        onAppCommand={(command) => {
          if (command === 'importReport') return chooseImport();
          setSearchFirst(command === 'findInLibrary');
          setLibraryOpen(true);
        }}
        openReport={pick}
        onError={onError}
        onNotice={onNotice}
      />
    );
  } else if (!opening) {
    // (While a report opens, its progress card says so instead.)
    body = (
      <div className="centered-message" role="status">
        {i18n.t('loading')}
      </div>
    );
  }

  return (
    <I18nContext.Provider value={i18n}>
      <NoticeBar
        notices={notices}
        onDismiss={(id) => setNotices((l) => l.filter((n) => n.id !== id))}
      />
      {body}
      {opening ? <OpeningProgress opening={opening} /> : null}
      {libraryOpen && report ? (
        <ModalDialog
          title={i18n.t('library')}
          className="library-dialog"
          onClose={() => setLibraryOpen(false)}
        >
          {library}
        </ModalDialog>
      ) : null}
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <p>{i18n.t('libraryDropNow')}</p>
        </div>
      ) : null}
      <input
        ref={importInput}
        type="file"
        multiple
        // What the file chooser offers: what the host's importers read (it says so at start).
        accept={info?.reportFileEndings.map((ending) => `.${ending}`).join(',')}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-report-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) void importFiles(files);
        }}
      />
      {info === null ? null : <span hidden data-host={info.host} />}
    </I18nContext.Provider>
  );
}
