/**
 * The app's frame: asks the host for settings and reports, opens the last report read (or lets
 * the user pick one), applies theme, language and text size, and shows problems in plain words.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo, ReportListing } from '../core/api/contract';
import type { ApiError } from '../core/api/errors';
import { loadReportDocument } from '../core/report/load-report-document';
import type { ReportDocument } from '../core/report/report-model';
import type { ReportSource } from '../core/report/report-source';
import { callHost } from './api/host-api';
import { NoticeBar, type Notice } from './components/NoticeBar';
import { ReaderScreen } from './components/ReaderScreen';
import { ReportPicker } from './components/ReportPicker';
import { errorOf, useHostSettings } from './hooks/useHostSettings';
import { useThemeAttribute } from './hooks/useThemeAttribute';
import { I18nContext, translator } from './i18n';

interface OpenReport {
  id: string;
  /** The title to show: the user's own if they renamed the report, else the document's. */
  title: string;
  source: ReportSource;
  doc: ReportDocument;
}

let noticeCounter = 0;

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [listing, setListing] = useState<ReportListing | null>(null);
  const [report, setReport] = useState<OpenReport | null>(null);
  const [picking, setPicking] = useState(false);
  // A start-up failure; `listed` when the report list did load, so the user can go back to it.
  const [fatal, setFatal] = useState<{ error: ApiError; listed: boolean } | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);

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
    async (id: string) => {
      const opened = await callHost('openReport', { reportId: id });
      // The only way from a report's text to its document: loadReportDocument.
      setReport({
        id,
        title: opened.title,
        source: opened.source,
        doc: loadReportDocument(opened.source),
      });
      setPicking(false);
      update({ lastReportId: id });
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
      for (const notice of appInfo.notices) addNotice(notice, 'warning');
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

  const title = report?.doc.title ?? null;
  useEffect(() => {
    document.title = title ?? i18n.t('appName');
  }, [title, i18n]);

  const pick = useCallback(
    (id: string) => {
      openReport(id).catch((err: unknown) => onError(errorOf(err)));
    },
    [onError, openReport],
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
    body = <ReportPicker reports={listing.reports} currentId={report?.id ?? null} onPick={pick} />;
  } else if (report) {
    body = (
      <ReaderScreen
        key={report.id}
        reportId={report.id}
        source={report.source}
        doc={report.doc}
        settings={settings}
        updateSettings={update}
        reports={listing?.reports ?? []}
        onAppCommand={() => setPicking(true)}
        openReport={pick}
        onError={onError}
        onNotice={onNotice}
      />
    );
  } else {
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
      {info === null ? null : <span hidden data-host={info.host} />}
    </I18nContext.Provider>
  );
}
