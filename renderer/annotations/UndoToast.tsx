/** A short message at the bottom ("已删除批注"), with 撤销 when the action can be undone. */
import { useEffect } from 'react';
import { localMessage, useI18n } from '../i18n';
import type { Toast } from './useAnnotationUi';

const TOAST_MS = 8000;

export function UndoToast({ toast, onDismiss }: { toast: Toast; onDismiss: () => void }) {
  const { t, language } = useI18n();
  useEffect(() => {
    const timer = setTimeout(onDismiss, TOAST_MS);
    return () => clearTimeout(timer);
  }, [onDismiss]);
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>{localMessage(language, toast)}</span>
      {toast.undo ? (
        <button
          type="button"
          onClick={() => {
            toast.undo?.();
            onDismiss();
          }}
          aria-keyshortcuts="Control+Z"
        >
          {t('undo')}
        </button>
      ) : null}
      <button type="button" onClick={onDismiss} aria-label={t('close')}>
        ✕
      </button>
    </div>
  );
}
