/**
 * One app instance at a time: two instances would write the same settings and annotations.
 * Starting the app again brings the open window to the front instead.
 */
import type { App, BrowserWindow } from 'electron';

type WindowToFocus = Pick<
  BrowserWindow,
  'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'
>;

/** Returns false if another instance holds the lock; this one should then quit. */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  currentWindow: () => WindowToFocus | null,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const win = currentWindow();
    if (win === null || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
