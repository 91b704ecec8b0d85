/**
 * Runs `run` at most once per animation frame while the reading pane scrolls or changes size;
 * returns the function that stops it. What follows scrolling (the current section, the blocks
 * of a large report) listens through this one helper.
 */
export function onPaneFrames(pane: HTMLElement, run: () => void): () => void {
  let frame = 0;
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      run();
    });
  };
  pane.addEventListener('scroll', schedule, { passive: true });
  const resize = new ResizeObserver(schedule);
  resize.observe(pane);
  return () => {
    pane.removeEventListener('scroll', schedule);
    resize.disconnect();
    if (frame) cancelAnimationFrame(frame);
  };
}
