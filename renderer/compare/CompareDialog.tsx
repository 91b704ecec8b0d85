/** 选择对照的报告: which report to compare the open one with, and which is the earlier edition. */
import { useState } from 'react';
import type { ReportSummary } from '../../core/api/contract';
import { ModalDialog } from '../components/ModalDialog';
import { useI18n } from '../i18n';

export function CompareDialog({
  reports,
  openId,
  onStart,
  onClose,
}: {
  reports: ReportSummary[];
  openId: string;
  onStart: (other: ReportSummary, openIsNew: boolean) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const others = reports.filter((r) => r.id !== openId);
  const [chosen, setChosen] = useState<string>(others[0]?.id ?? '');
  const [openIsNew, setOpenIsNew] = useState(true);
  const other = others.find((r) => r.id === chosen);
  return (
    <ModalDialog title={t('compareChoose')} className="compare-dialog" onClose={onClose}>
      {others.length === 0 ? (
        <p>{t('compareNoOther')}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (other) onStart(other, openIsNew);
          }}
        >
          <fieldset>
            <legend>{t('compareWhich')}</legend>
            <ul className="compare-choices">
              {others.map((r) => (
                <li key={r.id}>
                  <label>
                    <input
                      type="radio"
                      name="compare-other"
                      value={r.id}
                      checked={chosen === r.id}
                      onChange={() => setChosen(r.id)}
                    />
                    <span>{r.title}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset>
            <legend>{t('compareOrder')}</legend>
            <label>
              <input
                type="radio"
                name="compare-order"
                checked={openIsNew}
                onChange={() => setOpenIsNew(true)}
              />
              {t('compareOtherIsOld')}
            </label>
            <label>
              <input
                type="radio"
                name="compare-order"
                checked={!openIsNew}
                onChange={() => setOpenIsNew(false)}
              />
              {t('compareOtherIsNew')}
            </label>
          </fieldset>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t('printCancel')}
            </button>
            <button type="submit" className="primary" disabled={!other}>
              {t('compareStart')}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
