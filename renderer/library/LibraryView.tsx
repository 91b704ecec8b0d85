/**
 * 报告库: every report the user can open — the bundled ones and those they imported — with its
 * 发文字号 or date, format, size and how many annotations they made in it. Open, rename,
 * remove (imported ones; their annotations are set aside, never deleted), import more.
 */
import { useState } from 'react';
import type { ReportSummary } from '../../core/api/contract';
import { useI18n, type MessageKey } from '../i18n';
import { Icon } from '../shell/Icon';
import './library.css';

const FORMAT_LABELS: Record<ReportSummary['format'], MessageKey> = {
  txt: 'formatTxt',
  docx: 'formatDocx',
  doc: 'formatDoc',
  html: 'formatHtml',
  pdf: 'formatPdf',
};

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function LibraryView({
  reports,
  currentId,
  busy,
  onOpen,
  onImport,
  onRename,
  onRemove,
  search,
}: {
  reports: ReportSummary[];
  currentId: string | null;
  busy: string | null;
  onOpen: (id: string) => void;
  onImport: () => void;
  onRename: (id: string, title: string) => Promise<boolean>;
  onRemove: (id: string) => Promise<void>;
  /** 搜索全部报告, shown above the list. */
  search?: React.ReactNode;
}) {
  const { t } = useI18n();
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div className="library">
      <div className="library-actions">
        <button type="button" className="primary" onClick={onImport} disabled={busy !== null}>
          <Icon name="import" /> {t('importReport')}
        </button>
        <span className="library-hint">{t('libraryDropHint')}</span>
      </div>
      {search}
      {busy !== null ? (
        <p role="status" className="library-busy">
          {busy ? t('importingFile', { name: busy }) : t('importingFiles')}
          <progress aria-label={t('importingFiles')} />
        </p>
      ) : null}
      {reports.length === 0 ? (
        <p>{t('libraryEmpty')}</p>
      ) : (
        <table className="library-table">
          <thead>
            <tr>
              <th scope="col">{t('libraryColTitle')}</th>
              <th scope="col">{t('libraryColInfo')}</th>
              <th scope="col">{t('libraryColFormat')}</th>
              <th scope="col">{t('libraryColSize')}</th>
              <th scope="col">{t('libraryColNotes')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('libraryColActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id} aria-current={r.id === currentId ? 'true' : undefined}>
                <td>
                  {renaming?.id === r.id ? (
                    <form
                      className="library-rename"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void onRename(r.id, renaming.title).then((ok) => ok && setRenaming(null));
                      }}
                    >
                      <input
                        aria-label={t('libraryNewTitle')}
                        value={renaming.title}
                        maxLength={200}
                        autoFocus
                        onChange={(e) => setRenaming({ id: r.id, title: e.target.value })}
                        onKeyDown={(e) => {
                          if (e.key === 'Escape') {
                            e.preventDefault();
                            e.stopPropagation();
                            setRenaming(null);
                          }
                        }}
                      />
                      <button type="submit">{t('librarySaveTitle')}</button>
                      <button type="button" onClick={() => setRenaming(null)}>
                        {t('printCancel')}
                      </button>
                    </form>
                  ) : (
                    <button type="button" className="library-open" onClick={() => onOpen(r.id)}>
                      <span className="library-title">{r.title}</span>
                      <span className="library-file">{r.sourceFileName}</span>
                    </button>
                  )}
                </td>
                <td>{r.documentNumber ?? r.date ?? ''}</td>
                <td>
                  {t(FORMAT_LABELS[r.format])}
                  {r.encoding && r.format === 'txt' ? ` · ${r.encoding}` : ''}
                </td>
                <td>{formatSize(r.size)}</td>
                <td>{r.annotationCount}</td>
                <td className="library-row-actions">
                  {confirming === r.id ? (
                    <span role="group" aria-label={t('libraryConfirmRemove', { title: r.title })}>
                      <span className="library-confirm">{t('libraryConfirmRemoveShort')}</span>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => void onRemove(r.id).then(() => setConfirming(null))}
                      >
                        {t('libraryRemove')}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t('printCancel')}
                      </button>
                    </span>
                  ) : (
                    <>
                      <button
                        type="button"
                        aria-label={t('libraryRenameOf', {
                          title: r.title,
                          file: r.sourceFileName,
                        })}
                        onClick={() => setRenaming({ id: r.id, title: r.title })}
                      >
                        {t('libraryRename')}
                      </button>
                      {r.origin === 'library' ? (
                        <button
                          type="button"
                          aria-label={t('libraryRemoveOf', {
                            title: r.title,
                            file: r.sourceFileName,
                          })}
                          onClick={() => setConfirming(r.id)}
                        >
                          {t('libraryRemove')}
                        </button>
                      ) : null}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
