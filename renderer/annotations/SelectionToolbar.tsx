/**
 * Appears above a text selection in the reading pane: highlight in one of five colours, add a
 * note, or copy the passage with its citation. Keys while text is selected: H highlights (in
 * the last colour used), N adds a note, as in Hypothesis (see useSelectionKeys).
 */
import { useEffect, useState, type RefObject } from 'react';
import {
  HIGHLIGHT_COLORS,
  type HighlightColor,
  type TextPoint,
} from '../../core/annotations/annotation-model';
import { isTyping } from '../commands/keymap';
import { rangeToPoints } from '../dom/text-points';
import { useI18n } from '../i18n';
import { COLOR_LABELS } from './colors';

export interface Selected {
  start: TextPoint;
  end: TextPoint;
  rect: DOMRect;
}

/** The document's selection, if it lies in the reading pane and covers paragraph text. */
export function readSelection(pane: HTMLElement | null): Selected | null {
  const selection = document.getSelection();
  if (!pane || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!pane.contains(range.commonAncestorContainer)) return null;
  const points = rangeToPoints(pane, range);
  return points ? { ...points, rect: range.getBoundingClientRect() } : null;
}

/** Follows the selection (once per frame) so the toolbar can appear above it. */
export function useTextSelection(scroller: RefObject<HTMLElement | null>): Selected | null {
  const [selected, setSelected] = useState<Selected | null>(null);
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      setSelected(readSelection(scroller.current));
    };
    const onChange = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scroller]);
  return selected;
}

/**
 * The toolbar. Its actions read the selection afresh when they run: a key pressed right after
 * the selection changed must act on the new selection, not the one last drawn.
 */
export function SelectionToolbar({
  selected,
  lastColor,
  onHighlight,
  onNote,
  onCopyCitation,
}: {
  /** Where to draw the toolbar. */
  selected: Selected;
  lastColor: HighlightColor;
  onHighlight: (color: HighlightColor) => void;
  onNote: () => void;
  onCopyCitation: () => void;
}) {
  const { t } = useI18n();
  const top = Math.max(8, selected.rect.top - 48);
  const left = Math.min(window.innerWidth - 360, Math.max(8, selected.rect.left));
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label={t('selectionToolbar')}
      style={{ top, left }}
      onMouseDown={(e) => e.preventDefault() /* keep the selection */}
    >
      {HIGHLIGHT_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className={`swatch swatch-${color}`}
          aria-label={t('highlightIn', { color: t(COLOR_LABELS[color]) })}
          title={
            t('highlightIn', { color: t(COLOR_LABELS[color]) }) +
            (color === lastColor ? t('lastColorHint') : '')
          }
          onClick={() => onHighlight(color)}
        />
      ))}
      <button type="button" onClick={onNote} title={t('addNoteHint')}>
        {t('addNote')}
      </button>
      <button type="button" onClick={onCopyCitation}>
        {t('copyCitation')}
      </button>
    </div>
  );
}

/**
 * H and N act on the selection as it is when the key is pressed, whether or not the toolbar has
 * been drawn yet; typing in a field is never taken as a command.
 */
export function useSelectionKeys(
  scroller: RefObject<HTMLElement | null>,
  onHighlight: (selected: Selected) => void,
  onNote: (selected: Selected) => void,
): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const key = e.key.toLowerCase();
      if (key !== 'h' && key !== 'n') return;
      const selected = readSelection(scroller.current);
      if (!selected) return;
      e.preventDefault();
      if (key === 'h') onHighlight(selected);
      else onNote(selected);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [scroller, onHighlight, onNote]);
}
