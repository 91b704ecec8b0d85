/** The list of reports to choose from, when the folder holds more than one. */
import type { ReportSummary } from '../../core/api/contract';
import { useI18n } from '../i18n';
import './app-frame.css';

export function ReportPicker({
  reports,
  currentId,
  onPick,
}: {
  reports: ReportSummary[];
  currentId: string | null;
  onPick: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <main className="report-picker" aria-labelledby="picker-title">
      <h1 id="picker-title">{t('chooseReport')}</h1>
      {reports.length === 0 ? (
        <p>{t('noReports')}</p>
      ) : (
        <ul>
          {reports.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                aria-current={r.id === currentId ? 'true' : undefined}
                onClick={() => onPick(r.id)}
              >
                <span className="picker-title">{r.title}</span>
                <span className="picker-file">{r.id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
