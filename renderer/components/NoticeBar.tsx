/** Messages for the user (a damaged file restored from backup, a save that failed), announced. */
import { useI18n } from '../i18n';
import './app-frame.css';

export interface Notice {
  id: number;
  kind: 'warning' | 'error';
  message: string;
  messageEn: string;
}

export function NoticeBar({
  notices,
  onDismiss,
}: {
  notices: Notice[];
  onDismiss: (id: number) => void;
}) {
  const { language, t } = useI18n();
  return (
    <div className="notice-bar" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`}>
          <span>{language === 'en' ? n.messageEn : n.message}</span>
          <button type="button" onClick={() => onDismiss(n.id)}>
            {t('dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
