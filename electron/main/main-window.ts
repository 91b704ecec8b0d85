/**
 * The one reader window. It is sandboxed and isolated: the page gets only what the preload
 * exposes. Its title follows the page's document.title (Electron's default), which the
 * renderer sets to the open report's name.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { MESSAGES } from '../../core/i18n/messages';
import { forLog, type MainLog } from './log';
import { MIN_SIZE, type WindowPlacement } from './window-state';

export const INITIAL_TITLE = MESSAGES['zh-CN'].appName;

const BACKGROUND = { light: '#ffffff', dark: '#1e1e1e' } as const;

export interface MainWindowSpec {
  preloadPath: string;
  placement: WindowPlacement;
  /** Paint the first frame dark, so a dark-themed system does not flash white. */
  dark: boolean;
  /** Developer tools: only when not packaged (off unless said). */
  devTools?: boolean;
}

export function mainWindowOptions(spec: MainWindowSpec): BrowserWindowConstructorOptions {
  const { x, y, width, height } = spec.placement;
  return {
    ...(x !== undefined && y !== undefined ? { x, y } : {}),
    width,
    height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: INITIAL_TITLE,
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    backgroundColor: spec.dark ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: lockedDownWebPreferences(spec.preloadPath, spec.devTools ?? false),
  };
}

/**
 * Sandboxed and isolated: the page gets only what the preload exposes. Every window of the app
 * (the reader, the hidden print window) uses exactly these. Developer tools stay off unless the
 * caller asks (main.ts does only when the app is not packaged): hiding the menu item is not
 * enough, since the keyboard shortcut and webContents.openDevTools() would still work.
 */
export function lockedDownWebPreferences(preloadPath: string, devTools = false): WebPreferences {
  return {
    preload: preloadPath,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    spellcheck: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
  };
}

export function createMainWindow(
  BrowserWindowClass: typeof BrowserWindow,
  spec: MainWindowSpec & { url: string },
  log: MainLog,
): BrowserWindow {
  const win = new BrowserWindowClass(mainWindowOptions(spec));
  win.once('ready-to-show', () => {
    if (spec.placement.isMaximized) win.maximize();
    win.show();
  });
  win.loadURL(spec.url).catch((err: unknown) => log.error(`cannot load ${forLog(spec.url)}`, err));
  return win;
}
