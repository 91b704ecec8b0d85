/**
 * A handle between two panels (role separator): drag it, or focus it and use ← → (Home/End for
 * the limits). The width shows while dragging and is saved when the drag ends.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { PANEL_WIDTH_MAX, PANEL_WIDTH_MIN } from '../../core/settings';

const KEY_STEP = 16;

export function PanelResizer({
  label,
  width,
  side,
  onPreview,
  onCommit,
}: {
  label: string;
  width: number;
  /** Which side of the handle the panel is on: dragging towards it makes it narrower. */
  side: 'left' | 'right';
  onPreview: (width: number) => void;
  onCommit: (width: number) => void;
}) {
  const drag = useRef<{ startX: number; startWidth: number; last: number } | null>(null);
  const clamp = (w: number) => Math.round(Math.min(PANEL_WIDTH_MAX, Math.max(PANEL_WIDTH_MIN, w)));
  const direction = side === 'left' ? 1 : -1;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { startX: e.clientX, startWidth: width, last: width };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    d.last = clamp(d.startWidth + direction * (e.clientX - d.startX));
    onPreview(d.last);
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (d && d.last !== d.startWidth) onCommit(d.last);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next =
      e.key === 'ArrowRight'
        ? width + direction * KEY_STEP
        : e.key === 'ArrowLeft'
          ? width - direction * KEY_STEP
          : e.key === 'Home'
            ? PANEL_WIDTH_MIN
            : e.key === 'End'
              ? PANEL_WIDTH_MAX
              : null;
    if (next === null) return;
    e.preventDefault();
    onCommit(clamp(next));
  };

  return (
    <div
      className={`panel-resizer resizer-${side}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={PANEL_WIDTH_MIN}
      aria-valuemax={PANEL_WIDTH_MAX}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
