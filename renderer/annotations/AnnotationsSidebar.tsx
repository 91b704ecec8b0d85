/**
 * The annotations sidebar (complementary 批注): everything in document order, grouped by
 * section, with quote, note, colour, tags and date; filters by colour, tag and text; export
 * and import; annotations that could not be placed are listed under 未能定位, never dropped.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { AnchorResult } from '../../core/annotations/anchor';
import {
  HIGHLIGHT_COLORS,
  type Annotation,
  type HighlightColor,
} from '../../core/annotations/annotation-model';
import type { ReportDocument, Section } from '../../core/report/report-model';
import { useI18n } from '../i18n';
import { useProgressiveCount } from '../hooks/useProgressiveCount';
import { COLOR_LABELS } from './colors';
import './annotations.css';
import { sectionLabel } from '../../core/report/section-label';

interface Group {
  key: string;
  title: string;
  items: AnchorResult[];
}

export function AnnotationsSidebar({
  doc,
  anchored,
  selectedId,
  onOpen,
  onExportMarkdown,
  onExportJson,
  onImport,
  editor,
  footer,
}: {
  doc: ReportDocument;
  anchored: readonly AnchorResult[];
  selectedId: string | null;
  onOpen: (annotation: Annotation) => void;
  onExportMarkdown: () => void;
  onExportJson: () => void;
  onImport: (file: File) => void;
  /** The editor of the selected annotation, shown at the top. */
  editor: ReactNode;
  /** Shown after the cards (records that could not be read). */
  footer?: ReactNode;
}) {
  const { t, language } = useI18n();
  const [text, setText] = useState('');
  const [colors, setColors] = useState<ReadonlySet<HighlightColor>>(new Set());
  const [tag, setTag] = useState('');

  const allTags = useMemo(
    () =>
      [...new Set(anchored.flatMap((r) => r.annotation.tags))].sort((a, b) =>
        a.localeCompare(b, 'zh-CN'),
      ),
    [anchored],
  );

  const groups = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const visible = anchored.filter(({ annotation: a }) => {
      if (colors.size > 0 && (a.kind !== 'highlight' || !colors.has(a.color))) return false;
      if (tag && !a.tags.includes(tag)) return false;
      if (!needle) return true;
      return [a.target.quote.exact, a.note, ...a.tags].some((s) =>
        s.toLowerCase().includes(needle),
      );
    });
    return groupBySection(doc, visible, t('unanchored'), t('preamble'));
  }, [anchored, colors, tag, text, doc, t]);

  const count = groups.reduce((n, g) => n + g.items.length, 0);
  // Thousands of annotations: the first cards show at once, the rest fill in between frames.
  const shown = useProgressiveCount(count);
  const visibleGroups = useMemo(() => {
    let left = shown;
    return groups
      .map((g) => {
        const items = g.items.slice(0, Math.max(0, left));
        left -= items.length;
        return { ...g, items };
      })
      .filter((g) => g.items.length > 0);
  }, [groups, shown]);
  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
    [language],
  );

  return (
    <aside className="annotations-sidebar" aria-label={t('annotations')}>
      {editor}
      <div className="sidebar-head">
        <h2>
          {t('annotations')} <span className="sidebar-count">{count}</span>
        </h2>
        <div className="sidebar-actions">
          <button type="button" onClick={onExportMarkdown}>
            {t('exportMarkdown')}
          </button>
          <button type="button" onClick={onExportJson}>
            {t('exportJson')}
          </button>
          <label className="button-like">
            {t('importJson')}
            <input
              type="file"
              accept=".json,.jsonld,application/json,application/ld+json"
              className="visually-hidden"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) onImport(file);
                e.target.value = '';
              }}
            />
          </label>
        </div>
      </div>
      <div className="sidebar-filters">
        <input
          type="search"
          aria-label={t('filterAnnotations')}
          placeholder={t('filterAnnotations')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="filter-colors" role="group" aria-label={t('filterByColor')}>
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch swatch-${color}`}
              aria-pressed={colors.has(color)}
              aria-label={t(COLOR_LABELS[color])}
              title={t(COLOR_LABELS[color])}
              onClick={() =>
                setColors((prev) => {
                  const next = new Set(prev);
                  if (next.has(color)) next.delete(color);
                  else next.add(color);
                  return next;
                })
              }
            />
          ))}
        </div>
        {allTags.length > 0 ? (
          <select
            aria-label={t('filterByTag')}
            value={tag}
            onChange={(e) => setTag(e.target.value)}
          >
            <option value="">{t('allTags')}</option>
            {allTags.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      {count === 0 ? (
        <p className="sidebar-empty">
          {anchored.length === 0 ? t('noAnnotationsYet') : t('noAnnotationsMatch')}
        </p>
      ) : null}
      {visibleGroups.map((group) => (
        <section key={group.key} className="annotation-group" aria-label={group.title}>
          <h3>{group.title}</h3>
          <ul>
            {group.items.map(({ annotation: a, status }) => (
              <li key={a.id}>
                <button
                  type="button"
                  className={`annotation-card color-${a.color}${a.id === selectedId ? ' selected' : ''}`}
                  onClick={() => onOpen(a)}
                  aria-current={a.id === selectedId ? 'true' : undefined}
                >
                  <span className="card-meta">
                    {a.kind === 'bookmark' ? (
                      <span className="card-kind">🔖 {t('bookmark')}</span>
                    ) : (
                      <span className="card-kind">
                        <span className={`dot swatch-${a.color}`} aria-hidden="true" />
                        {t(COLOR_LABELS[a.color])}
                      </span>
                    )}
                    {status === 'fuzzy' ? (
                      <span className="card-fuzzy">{t('anchoredFuzzy')}</span>
                    ) : null}
                    <time dateTime={a.updated}>{dateFormat.format(new Date(a.updated))}</time>
                  </span>
                  <span className="card-quote">{a.target.quote.exact}</span>
                  {a.note ? <span className="card-note">{a.note}</span> : null}
                  {a.tags.length > 0 ? (
                    <span className="card-tags">
                      {a.tags.map((x) => (
                        <span key={x} className="tag">
                          #{x}
                        </span>
                      ))}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {footer}
    </aside>
  );
}

function groupBySection(
  doc: ReportDocument,
  results: readonly AnchorResult[],
  orphanTitle: string,
  preambleTitle: string,
): Group[] {
  const sections = new Map<string, Section>(doc.flatSections.map((s) => [s.id, s]));
  const paragraphSection = new Map(doc.paragraphs.map((p) => [p.id, p.sectionId]));
  const groups = new Map<string, Group>();
  const orphans: AnchorResult[] = [];
  for (const result of results) {
    if (result.status === 'orphan' || !result.start) {
      orphans.push(result);
      continue;
    }
    const sectionId = paragraphSection.get(result.start.paragraphId) ?? null;
    const section = sectionId ? sections.get(sectionId) : undefined;
    const key = section?.id ?? '(preamble)';
    const title = section ? sectionLabel(section) : preambleTitle;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, title, items: [] }));
    group.items.push(result);
  }
  const list = [...groups.values()];
  if (orphans.length > 0) list.push({ key: '(orphans)', title: orphanTitle, items: orphans });
  return list;
}
