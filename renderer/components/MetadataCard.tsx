/** The disclosure page's header (索引号, 发布机构, …) as a collapsible card, values as published. */
import type { MetadataField } from '../../core/report/report-model';
import { metadataUnitId } from '../../core/search';
import { useI18n } from '../i18n';

export function MetadataCard({ fields }: { fields: MetadataField[] }) {
  const { t } = useI18n();
  return (
    <details className="metadata-card">
      <summary>{t('metadata')}</summary>
      <dl>
        {fields.map((f, i) => (
          <div key={`${f.label}-${i}`} className="metadata-row" data-unit-id={metadataUnitId(i)}>
            <dt>{f.label}</dt>
            <dd className={f.value === '' ? 'empty' : undefined}>
              {f.value === '' ? <span aria-label={t('metadataEmptyValue')}>—</span> : f.value}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
