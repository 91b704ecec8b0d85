/**
 * The contents tree (WAI-ARIA tree pattern): one tab stop, arrows move, Right/Left expand and
 * collapse, Home/End jump, Enter or Space opens the section. The section being read is marked
 * (aria-current) and kept in view as the reader scrolls.
 *
 * A long contents (a 汇编 with thousands of headings) is drawn as a flat list of the rows near
 * the screen, each with its aria-level, aria-setsize and aria-posinset (the flat form of the
 * same tree pattern), so opening a big report does not build thousands of rows.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import type { Section } from '../../core/report/report-model';
import { useI18n } from '../i18n';
import './contents.css';

interface VisibleItem {
  section: Section;
  /** Its place among its siblings (1-based) and how many they are. */
  posInSet: number;
  setSize: number;
}

/** From this many rows showing, the contents is drawn a screenful at a time. */
export const TREE_WINDOW_FROM = 400;
/** Rows drawn above and below the visible ones. */
const OVERSCAN = 20;

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

  const windowed = visible.length >= TREE_WINDOW_FROM;
  const listRef = useRef<HTMLUListElement>(null);
  const win = useRowWindow(listRef, windowed, visible.length);
  const indexOf = useCallback(
    (id: string) => visible.findIndex((v) => v.section.id === id),
    [visible],
  );

  // Only when the marked row changes (not on every scroll of the tree: that would snap back).
  const { bringIntoView } = win;
  useEffect(() => {
    if (!markedId) return;
    if (windowed) {
      bringIntoView(indexOf(markedId));
      return;
    }
    const el = itemRefs.current.get(markedId);
    const row = el?.querySelector(':scope > .tree-row');
    if (row && typeof row.scrollIntoView === 'function') row.scrollIntoView({ block: 'nearest' });
  }, [markedId, windowed, bringIntoView, indexOf]);

  // Focus asked for a row not drawn yet (windowed): it is scrolled to, then focused once drawn.
  const pendingFocus = useRef<string | null>(null);
  const focusItem = useCallback(
    (id: string) => {
      setFocusId(id);
      const el = itemRefs.current.get(id);
      if (el) {
        el.focus();
        return;
      }
      pendingFocus.current = id;
      bringIntoView(indexOf(id));
    },
    [bringIntoView, indexOf],
  );
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    const el = id ? itemRefs.current.get(id) : undefined;
    if (!el) return;
    pendingFocus.current = null;
    el.focus();
  });

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

  /** An item of the nested tree (with its group of children), or a row of the windowed list. */
  const renderItem = (
    section: Section,
    place: { children: ReactNode } | { flat: VisibleItem; height: number },
  ) => {
    const flat = 'flat' in place ? place : null;
    const hasChildren = section.children.length > 0;
    const isOpen = hasChildren && !collapsed.has(section.id);
    const labelId = `toc-label-${section.id}`;
    const count = counts.get(section.id);
    return (
      <li
        key={section.id}
        ref={(el) => {
          if (el) itemRefs.current.set(section.id, el);
          else itemRefs.current.delete(section.id);
        }}
        role="treeitem"
        aria-labelledby={count ? `${labelId} ${labelId}-count` : labelId}
        aria-level={section.level}
        {...(flat
          ? {
              'aria-setsize': flat.flat.setSize,
              'aria-posinset': flat.flat.posInSet,
              style: { height: flat.height, overflow: 'hidden' },
            }
          : {})}
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
          {...(flat
            ? {
                style: { paddingLeft: `calc(6px + ${(section.level - 1) * 14}px)` },
                title: `${section.marker}${section.title}`,
              }
            : {})}
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
          {count ? (
            <span
              id={`${labelId}-count`}
              className="tree-count"
              role="img"
              aria-label={t('annotationCount', { n: count })}
              title={t('annotationCount', { n: count })}
            >
              {count}
            </span>
          ) : null}
        </div>
        {'children' in place ? place.children : null}
      </li>
    );
  };

  if (windowed) {
    const first = Math.max(0, win.first - OVERSCAN);
    const last = Math.min(visible.length, win.last + OVERSCAN);
    return (
      <ul
        ref={listRef}
        role="tree"
        aria-label={t('contents')}
        className="contents-tree windowed"
        style={{
          height: visible.length * win.rowHeight,
          paddingTop: first * win.rowHeight,
        }}
        onKeyDown={onKeyDown}
      >
        {visible
          .slice(first, last)
          .map((item) => renderItem(item.section, { flat: item, height: win.rowHeight }))}
      </ul>
    );
  }

  const renderItems = (items: Section[]): ReactNode =>
    items.map((section) =>
      renderItem(section, {
        children:
          section.children.length > 0 && !collapsed.has(section.id) ? (
            <ul role="group">{renderItems(section.children)}</ul>
          ) : null,
      }),
    );

  return (
    <ul role="tree" aria-label={t('contents')} className="contents-tree" onKeyDown={onKeyDown}>
      {renderItems(sections)}
    </ul>
  );
}

/**
 * Which rows of a windowed list are on screen, following the scrolling of the pane around it
 * (at most once a frame), with the rows' height measured from a drawn one (it follows the
 * font size).
 */
function useRowWindow(
  listRef: RefObject<HTMLUListElement | null>,
  enabled: boolean,
  rowCount: number,
) {
  const [rowHeight, setRowHeight] = useState(30);
  const [range, setRange] = useState({ first: 0, last: 60 });
  const scrollerOf = (list: HTMLElement | null): HTMLElement | null =>
    list?.closest<HTMLElement>('.contents-pane') ?? list?.parentElement ?? null;

  useLayoutEffect(() => {
    if (!enabled) return;
    const list = listRef.current;
    // The row's own height (its item is held to rowHeight, so measuring that would only give
    // back the guess); exact, since thousands of rows would multiply a rounding error.
    const row = list?.querySelector<HTMLElement>('.tree-row');
    const measured = row?.getBoundingClientRect().height ?? 0;
    if (measured > 0 && measured !== rowHeight) setRowHeight(measured);
  }, [enabled, listRef, rowHeight, range]);

  useEffect(() => {
    const list = listRef.current;
    const scroller = scrollerOf(list);
    if (!enabled || !list || !scroller) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const top = scroller.scrollTop - list.offsetTop;
      const first = Math.max(0, Math.floor(top / rowHeight));
      const last = Math.min(rowCount, Math.ceil((top + scroller.clientHeight) / rowHeight) + 1);
      setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    scroller.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [enabled, listRef, rowCount, rowHeight]);

  const bringIntoView = useCallback(
    (index: number) => {
      const list = listRef.current;
      const scroller = scrollerOf(list);
      if (!list || !scroller || index < 0) return;
      const top = list.offsetTop + index * rowHeight;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top + rowHeight > scroller.scrollTop + scroller.clientHeight) {
        scroller.scrollTop = top + rowHeight - scroller.clientHeight;
      }
    },
    [listRef, rowHeight],
  );

  return useMemo(() => ({ ...range, rowHeight, bringIntoView }), [range, rowHeight, bringIntoView]);
}

function visibleItems(sections: Section[], collapsed: ReadonlySet<string>): VisibleItem[] {
  const out: VisibleItem[] = [];
  const walk = (list: Section[]) => {
    list.forEach((section, i) => {
      out.push({ section, posInSet: i + 1, setSize: list.length });
      if (section.children.length > 0 && !collapsed.has(section.id)) walk(section.children);
    });
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
