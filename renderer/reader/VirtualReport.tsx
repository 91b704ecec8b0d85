/**
 * The reading view of a large report: the report cut into blocks (reading-blocks.ts), only the
 * blocks near the screen in the DOM, spacers standing for the rest at their estimated or
 * measured heights (block-layout.ts). Chromium's scroll anchoring keeps the text still when a
 * block above the screen turns out taller or shorter than estimated. Navigation asks `reveal`
 * to bring a paragraph's block into the DOM first; highlights and search hits are painted again
 * whenever the drawn blocks change (`onDrawn`).
 */
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import type { ReportDocument } from '../../core/report/report-model';
import {
  HeadingActions,
  ParagraphView,
  PrintSectionButton,
  SectionHeading,
  paragraphElementId,
  type SectionActions,
} from '../components/ReportView';
import { MetadataCard } from '../components/MetadataCard';
import { onPaneFrames } from '../dom/pane-frames';
import { BlockLayout } from './block-layout';
import type { ReadingBlock, ReadingItem, ReadingLayoutModel } from './reading-blocks';

/** How far beyond the screen blocks are drawn, in screen heights. */
const OVERSCAN_SCREENS = 1.5;

export interface VirtualReportHandle {
  /** Draws the block holding this paragraph (or section heading) and scrolls near it. */
  reveal(target: { paragraphId: string } | { sectionId: string }): Promise<void>;
  /**
   * Call just before the text size or line spacing changes (the DOM still shows the old
   * layout): the paragraph at the top of the pane stays there once the text has reflowed.
   */
  keepPlace(): void;
}

export const VirtualReport = forwardRef<
  VirtualReportHandle,
  {
    doc: ReportDocument;
    model: ReadingLayoutModel;
    scroller: RefObject<HTMLElement | null>;
    fontSize: number;
    lineHeight: number;
    actions: SectionActions;
    /** Called after the drawn blocks changed, with a counter. */
    onDrawn: (version: number) => void;
  }
>(function VirtualReport({ doc, model, scroller, fontSize, lineHeight, actions, onDrawn }, ref) {
  const article = useRef<HTMLElement>(null);
  const layout = useMemo(
    () => new BlockLayout(model.blocks, { fontSize, lineHeight, width: 720 }),
    // A new layout only for a new document; text size changes go through setMetrics.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [model],
  );
  const [range, setRange] = useState({ first: 0, last: Math.min(model.blocks.length - 1, 8) });
  const [, setMeasuredVersion] = useState(0);
  const drawn = useRef(0);
  const waiting = useRef<(() => void)[]>([]);

  const update = useCallback(() => {
    const pane = scroller.current;
    const root = article.current;
    if (!pane || !root) return;
    const top = pane.scrollTop - root.offsetTop;
    const next = layout.range(top, top + pane.clientHeight, pane.clientHeight * OVERSCAN_SCREENS);
    setRange((current) =>
      current.first === next.first && current.last === next.last ? current : next,
    );
  }, [layout, scroller]);

  // The paragraph at the top of the pane and how far into it (as a fraction of its height),
  // taken as the reader scrolls and just before a change of text size (keepPlace), which then
  // brings it back to the same place.
  const anchor = useRef<{ paragraphId: string; fraction: number } | null>(null);
  const pendingAnchor = useRef<{ paragraphId: string; fraction: number } | null>(null);
  const rememberAnchor = useCallback(() => {
    const pane = scroller.current;
    const root = article.current;
    if (!pane || !root) return;
    const top = pane.getBoundingClientRect().top;
    for (const el of root.querySelectorAll<HTMLElement>('[data-pid]')) {
      const box = el.getBoundingClientRect();
      if (box.bottom <= top + 1) continue;
      const fraction = box.height > 0 ? Math.max(0, (top - box.top) / box.height) : 0;
      anchor.current = { paragraphId: el.dataset.pid ?? '', fraction };
      return;
    }
  }, [scroller]);
  /** Scrolls so the anchor paragraph is where it was (if it is drawn). */
  const alignTo = useCallback(
    (target: { paragraphId: string; fraction: number }): void => {
      const pane = scroller.current;
      const el = pane?.querySelector<HTMLElement>(`[data-pid="${CSS.escape(target.paragraphId)}"]`);
      if (!pane || !el) return;
      const box = el.getBoundingClientRect();
      pane.scrollTop += box.top - pane.getBoundingClientRect().top + target.fraction * box.height;
    },
    [scroller],
  );
  /** Passes left to settle after a change of text size (a guard against oscillation). */
  const anchorPasses = useRef(0);

  // Text size, line spacing or width changed: re-estimate, keep the reader's place, then draw
  // what is now on screen.
  useLayoutEffect(() => {
    const width = article.current?.clientWidth ?? 720;
    layout.setMetrics({ fontSize, lineHeight, width });
    pendingAnchor.current = anchor.current;
    anchorPasses.current = 20;
    setMeasuredVersion((v) => v + 1);
    // With a place to keep, the blocks drawn stay until it is kept (see the measuring below).
    if (!pendingAnchor.current) update();
  }, [fontSize, lineHeight, layout, update]);

  useEffect(() => {
    const pane = scroller.current;
    if (!pane) return;
    return onPaneFrames(pane, () => {
      if (!pendingAnchor.current) rememberAnchor();
      update();
    });
  }, [scroller, update, rememberAnchor]);

  // Measure what was drawn (every render: a block's height may settle late, e.g. fonts). It
  // converges: a second pass measures the same heights and sets nothing.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const root = article.current;
    if (!root) return;
    let changed = false;
    for (const el of root.querySelectorAll<HTMLElement>(':scope > [data-block]')) {
      changed = layout.setMeasured(Number(el.dataset.block), el.offsetHeight) || changed;
    }
    // After a change of text size: Chromium's scroll anchoring keeps the text roughly still
    // while the heights settle; once they have, the drawn blocks follow the new layout and the
    // reader's paragraph is put back exactly where it was (again after those blocks are drawn).
    const target = pendingAnchor.current;
    if (target) {
      anchorPasses.current -= 1;
      if (!changed || anchorPasses.current <= 0) {
        pendingAnchor.current = null;
        alignTo(target);
        update();
        requestAnimationFrame(() => requestAnimationFrame(() => alignTo(target)));
      }
    }
    if (changed) setMeasuredVersion((v) => v + 1);
  });

  // The drawn blocks changed: tell the page (it paints highlights again), release reveal().
  useLayoutEffect(() => {
    drawn.current += 1;
    onDrawn(drawn.current);
    const callers = waiting.current;
    waiting.current = [];
    for (const resolve of callers) resolve();
  }, [range, onDrawn]);

  useImperativeHandle(
    ref,
    () => ({
      reveal(target) {
        const index =
          'paragraphId' in target
            ? model.blockOfParagraph.get(target.paragraphId)
            : model.blockOfSection.get(target.sectionId);
        const pane = scroller.current;
        const root = article.current;
        if (index === undefined || !pane || !root) return Promise.resolve();
        const inDom = root.querySelector(`[data-block="${index}"]`);
        if (inDom) return Promise.resolve();
        return new Promise<void>((resolve) => {
          waiting.current.push(resolve);
          const around = Math.ceil(pane.clientHeight / 400);
          setRange({
            first: Math.max(0, index - around),
            last: Math.min(model.blocks.length - 1, index + around * 2),
          });
          pane.scrollTop = root.offsetTop + layout.offsetOf(index);
        });
      },
      keepPlace: rememberAnchor,
    }),
    [layout, model, scroller, rememberAnchor],
  );

  const blocks = model.blocks.slice(range.first, range.last + 1);
  return (
    <article
      className="report virtual"
      lang="zh-CN"
      ref={article}
      data-blocks={model.blocks.length}
    >
      <div aria-hidden="true" style={{ height: layout.offsetOf(range.first) }} />
      {blocks.map((block) => (
        <BlockView key={block.index} block={block} doc={doc} actions={actions} />
      ))}
      <div aria-hidden="true" style={{ height: layout.total - layout.offsetOf(range.last + 1) }} />
    </article>
  );
});

function BlockView({
  block,
  doc,
  actions,
}: {
  block: ReadingBlock;
  doc: ReportDocument;
  actions: SectionActions;
}) {
  return (
    <div data-block={block.index} data-block-section={block.sectionId ?? ''}>
      {block.items.map((item) => (
        <ItemView key={itemKey(item)} item={item} doc={doc} actions={actions} />
      ))}
    </div>
  );
}

function itemKey(item: ReadingItem): string {
  switch (item.kind) {
    case 'card':
      return 'card';
    case 'fallback-title':
      return 'fallback-title';
    default:
      return item.paragraph.id;
  }
}

function ItemView({
  item,
  doc,
  actions,
}: {
  item: ReadingItem;
  doc: ReportDocument;
  actions: SectionActions;
}) {
  switch (item.kind) {
    case 'card':
      return <MetadataCard fields={doc.metadata} />;
    case 'fallback-title':
      return <h1 className="report-title">{item.text}</h1>;
    case 'title':
      return (
        <h1
          className="report-title"
          id={paragraphElementId(item.paragraph.id)}
          data-pid={item.paragraph.id}
        >
          {item.paragraph.text}
        </h1>
      );
    case 'line':
      return (
        <ParagraphView
          paragraph={item.paragraph}
          {...(item.role === 'body' ? {} : { className: `${item.role}-line` })}
        />
      );
    case 'heading':
      return (
        <div
          className={`heading-block level-${item.section.level}${item.section.appendix ? ' appendix' : ''}`}
        >
          <SectionHeading section={item.section} paragraph={item.paragraph} />
          <HeadingActions section={item.section} actions={actions} />
          <PrintSectionButton section={item.section} onPrint={actions.onPrintSection} />
        </div>
      );
  }
}
