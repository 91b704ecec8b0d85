/**
 * The contents tree (WAI-ARIA tree pattern): one tab stop, arrows move, Right/Left expand and
 * collapse, Home/End jump, Enter or Space opens the section. The section being read is marked
 * (aria-current) and kept in view as the reader scrolls.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Section } from '../../core/report/report-model';
import { useI18n } from '../i18n';
import './contents.css';

interface VisibleItem {
  section: Section;
}

export function ContentsTree({
  sections,
  currentId,
  onActivate,
  counts,
}: {
  sections: Section[];
  currentId: string | null;
  onActivate: (section: Section) => void;
  /** Annotations per section, shown beside its title. */
  counts: ReadonlyMap<string, number>;
}) {
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [focusId, setFocusId] = useState<string | null>(null);
  const itemRefs = useRef(new Map<string, HTMLLIElement>());

  const visible = useMemo(() => visibleItems(sections, collapsed), [sections, collapsed]);
  // The current section, or its nearest ancestor that is showing.
  const byId = useMemo(() => sectionsById(sections), [sections]);
  const markedId = useMemo(() => {
    const shown = new Set(visible.map((v) => v.section.id));
    let id: string | null = currentId;
    while (id && !shown.has(id)) id = byId.get(id)?.parentId ?? null;
    return id;
  }, [currentId, visible, byId]);

  const tabStopId =
    focusId && visible.some((v) => v.section.id === focusId)
      ? focusId
      : (markedId ?? visible[0]?.section.id ?? null);

  useEffect(() => {
    if (!markedId) return;
    const el = itemRefs.current.get(markedId);
    const row = el?.querySelector(':scope > .tree-row');
    if (row && typeof row.scrollIntoView === 'function') row.scrollIntoView({ block: 'nearest' });
  }, [markedId]);

  const focusItem = useCallback((id: string) => {
    setFocusId(id);
    itemRefs.current.get(id)?.focus();
  }, []);

  const toggle = useCallback((id: string, open?: boolean) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      const shouldOpen = open ?? next.has(id);
      if (shouldOpen) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const i = visible.findIndex((v) => v.section.id === tabStopId);
    const item = visible[i];
    if (!item) return;
    const hasChildren = item.section.children.length > 0;
    const isOpen = hasChildren && !collapsed.has(item.section.id);
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        if (visible[i + 1]) focusItem(visible[i + 1]!.section.id);
        break;
      case 'ArrowUp':
        if (visible[i - 1]) focusItem(visible[i - 1]!.section.id);
        break;
      case 'Home':
        if (visible[0]) focusItem(visible[0].section.id);
        break;
      case 'End':
        if (visible.length > 0) focusItem(visible[visible.length - 1]!.section.id);
        break;
      case 'ArrowRight':
        if (hasChildren && !isOpen) toggle(item.section.id, true);
        else if (isOpen) focusItem(item.section.children[0]!.id);
        break;
      case 'ArrowLeft':
        if (isOpen) toggle(item.section.id, false);
        else if (item.section.parentId) focusItem(item.section.parentId);
        break;
      case 'Enter':
      case ' ':
        onActivate(item.section);
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  if (sections.length === 0) return <p className="tree-empty">{t('contentsEmpty')}</p>;

  const renderItems = (items: Section[]) =>
    items.map((section) => {
      const hasChildren = section.children.length > 0;
      const isOpen = hasChildren && !collapsed.has(section.id);
      const labelId = `toc-label-${section.id}`;
      return (
        <li
          key={section.id}
          ref={(el) => {
            if (el) itemRefs.current.set(section.id, el);
            else itemRefs.current.delete(section.id);
          }}
          role="treeitem"
          aria-labelledby={counts.get(section.id) ? `${labelId} ${labelId}-count` : labelId}
          aria-level={section.level}
          aria-expanded={hasChildren ? isOpen : undefined}
          aria-selected={section.id === markedId}
          aria-current={section.id === markedId ? 'location' : undefined}
          tabIndex={section.id === tabStopId ? 0 : -1}
          data-section-id={section.id}
          className="tree-item"
          onFocus={(e) => {
            if (e.target === e.currentTarget) setFocusId(section.id);
          }}
        >
          <div
            className={`tree-row level-${section.level}${section.id === markedId ? ' current' : ''}`}
            onClick={() => {
              setFocusId(section.id);
              onActivate(section);
            }}
          >
            {hasChildren ? (
              <span
                className="tree-twisty"
                aria-hidden="true"
                title={isOpen ? t('collapse') : t('expand')}
                onClick={(e) => {
                  e.stopPropagation();
                  toggle(section.id);
                }}
              >
                {isOpen ? '▾' : '▸'}
              </span>
            ) : (
              <span className="tree-twisty" aria-hidden="true" />
            )}
            <span id={labelId} className="tree-label">
              <span className="tree-number">{section.marker}</span>
              {section.title}
            </span>
            {counts.get(section.id) ? (
              <span
                id={`${labelId}-count`}
                className="tree-count"
                role="img"
                aria-label={t('annotationCount', { n: counts.get(section.id)! })}
                title={t('annotationCount', { n: counts.get(section.id)! })}
              >
                {counts.get(section.id)}
              </span>
            ) : null}
          </div>
          {hasChildren && isOpen ? <ul role="group">{renderItems(section.children)}</ul> : null}
        </li>
      );
    });

  return (
    <ul role="tree" aria-label={t('contents')} className="contents-tree" onKeyDown={onKeyDown}>
      {renderItems(sections)}
    </ul>
  );
}

function visibleItems(sections: Section[], collapsed: ReadonlySet<string>): VisibleItem[] {
  const out: VisibleItem[] = [];
  const walk = (list: Section[]) => {
    for (const section of list) {
      out.push({ section });
      if (section.children.length > 0 && !collapsed.has(section.id)) walk(section.children);
    }
  };
  walk(sections);
  return out;
}

function sectionsById(sections: Section[]): Map<string, Section> {
  const map = new Map<string, Section>();
  const walk = (list: Section[]) => {
    for (const s of list) {
      map.set(s.id, s);
      walk(s.children);
    }
  };
  walk(sections);
  return map;
}
