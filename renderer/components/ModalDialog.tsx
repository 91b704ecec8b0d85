/**
 * A modal dialog on the native <dialog>: the page behind is inert, Tab stays inside, Esc
 * closes, and focus returns to where it was.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import './dialogs.css';

export function ModalDialog({
  title,
  className,
  onClose,
  children,
}: {
  title: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    const returnTo = document.activeElement as HTMLElement | null;
    if (el && !el.open) el.showModal();
    return () => {
      el?.close();
      returnTo?.focus?.({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className={`modal-dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="modal-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={onClose} aria-label={t('close')} title={t('close')}>
          ✕
        </button>
      </header>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
