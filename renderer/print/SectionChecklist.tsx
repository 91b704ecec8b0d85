/**
 * The report's parts as a tree of checkboxes. Checking a section checks its subsections and
 * unchecking it unchecks them; a section with only some subsections chosen shows as mixed.
 */
import { useEffect, useRef } from 'react';
import { PREAMBLE_ID } from '../../core/print/print-options';
import { sectionWithDescendants } from '../../core/print/print-selection';
import type { ReportDocument, Section } from '../../core/report/report-model';
import { useI18n } from '../i18n';

export function SectionChecklist({
  doc,
  selected,
  onChange,
}: {
  doc: ReportDocument;
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) {
  const { t } = useI18n();
  const toggle = (ids: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onChange(next);
  };
  const items = (sections: Section[]) =>
    sections.map((section) => {
      const ids = sectionWithDescendants(section);
      const chosen = ids.filter((id) => selected.has(id)).length;
      return (
        <li key={section.id}>
          <Checkbox
            checked={selected.has(section.id)}
            mixed={chosen > 0 && chosen < ids.length}
            onToggle={(on) => toggle(ids, on)}
            sectionId={section.id}
          >
            {section.marker}
            {section.title}
          </Checkbox>
          {section.children.length > 0 ? <ul>{items(section.children)}</ul> : null}
        </li>
      );
    });
  return (
    <ul className="print-checklist">
      {doc.preamble.length > 0 ? (
        <li>
          <Checkbox
            checked={selected.has(PREAMBLE_ID)}
            mixed={false}
            onToggle={(on) => toggle([PREAMBLE_ID], on)}
            sectionId={PREAMBLE_ID}
          >
            {t('preamble')}
          </Checkbox>
        </li>
      ) : null}
      {items(doc.sections)}
    </ul>
  );
}

function Checkbox({
  checked,
  mixed,
  onToggle,
  sectionId,
  children,
}: {
  checked: boolean;
  mixed: boolean;
  onToggle: (on: boolean) => void;
  sectionId: string;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed && !checked;
  }, [mixed, checked]);
  return (
    <label className="print-check">
      <input
        ref={ref}
        type="checkbox"
        checked={checked}
        data-section-id={sectionId}
        onChange={(e) => onToggle(e.target.checked)}
      />
      <span>{children}</span>
    </label>
  );
}
