/**
 * "正在打开《…》" with a progress bar, while a report is fetched and (a large one) parsed in the
 * compute worker. It fades in only after a moment (CSS), so a quick open never flickers.
 */
import { useI18n } from '../i18n';
import './app-frame.css';

export interface Opening {
  title: string | null;
  /** Fraction parsed, or null while the text is still being read. */
  progress: number | null;
}

export function OpeningProgress({ opening }: { opening: Opening }) {
  const { t } = useI18n();
  const label = opening.title
    ? t('openingReport', { title: opening.title })
    : t('openingReportUntitled');
  return (
    <div className="opening-progress" role="status" aria-busy="true">
      <p>{label}</p>
      <progress
        aria-label={label}
        max={1}
        {...(opening.progress === null ? {} : { value: opening.progress })}
      />
    </div>
  );
}
