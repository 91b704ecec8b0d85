/** 关于: the app's version, where the report comes from, and the bundled fonts' licences. */
import { useEffect, useState } from 'react';
import notoSansLicence from '../../resources/licenses/NotoSansSC-OFL.txt?raw';
import notoSerifLicence from '../../resources/licenses/NotoSerifSC-OFL.txt?raw';
import wenkaiLicence from '../../resources/licenses/LXGWWenKai-OFL.txt?raw';
import type { AppInfo } from '../../core/api/contract';
import { infoValue, type InfoKind } from '../../core/report/info-lookup';
import type { ReportDocument } from '../../core/report/report-model';
import { callHost } from '../api/host-api';
import { useI18n } from '../i18n';
import { ModalDialog } from './ModalDialog';

const FONTS = [
  { name: 'Noto Serif SC', use: 'fontUseBody', licence: notoSerifLicence },
  { name: 'Noto Sans SC', use: 'fontUseInterface', licence: notoSansLicence },
  { name: 'LXGW WenKai', use: 'fontUseKai', licence: wenkaiLicence },
] as const;

export function AboutDialog({ doc, onClose }: { doc: ReportDocument; onClose: () => void }) {
  const { t } = useI18n();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    callHost('getAppInfo', {})
      .then(setInfo)
      .catch(() => setInfo(null));
  }, []);
  const field = (kind: InfoKind) => infoValue(doc, kind) ?? '—';
  return (
    <ModalDialog title={t('aboutTitle')} className="about-dialog" onClose={onClose}>
      <p className="about-app">
        <strong>{t('appName')}</strong> {info ? `${t('version')} ${info.version}` : null}
      </p>
      <p>{t('aboutOffline')}</p>
      {info ? (
        <p className="about-data">
          {t('aboutDataDir')}
          <code>{info.dataDir}</code>
        </p>
      ) : null}
      <h3>{t('aboutReport')}</h3>
      <dl className="about-report">
        <dt>{t('aboutReportTitle')}</dt>
        <dd>{doc.title ?? '—'}</dd>
        <dt>{t('aboutPublisher')}</dt>
        <dd>{field('publisher')}</dd>
        <dt>{t('aboutDate')}</dt>
        <dd>{field('date')}</dd>
        <dt>{t('aboutIndex')}</dt>
        <dd>{field('index')}</dd>
      </dl>
      <p className="about-note">{t('aboutTextAsPublished')}</p>
      <h3>{t('aboutFonts')}</h3>
      <ul className="about-fonts">
        {FONTS.map((font) => (
          <li key={font.name}>
            <details>
              <summary>
                {font.name} — {t(font.use)} — SIL Open Font License 1.1
              </summary>
              <pre>{font.licence}</pre>
            </details>
          </li>
        ))}
      </ul>
    </ModalDialog>
  );
}
