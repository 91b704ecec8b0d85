import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  createMainWindow,
  INITIAL_TITLE,
  mainWindowOptions,
} from '../../../../electron/main/main-window';
import { DEFAULT_PLACEMENT, MIN_SIZE } from '../../../../electron/main/window-state';
import { BrowserWindowMock } from '../../../mocks/electron';
import { captureLog } from '../capture-log';

const spec = {
  preloadPath: '/app/dist/electron/preload.cjs',
  placement: DEFAULT_PLACEMENT,
  dark: false,
};
const WindowClass = BrowserWindowMock as unknown as typeof BrowserWindow;

function open(overrides: Partial<typeof spec> = {}) {
  const log = captureLog();
  const win = createMainWindow(
    WindowClass,
    { ...spec, ...overrides, url: 'app://viewer/index.html' },
    log,
  ) as unknown as BrowserWindowMock;
  return { win, log };
}

describe('the main window', () => {
  const { win } = open();
  const prefs = win.options.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
  ] as const)('sets webPreferences.%s to %s', (flag, value) => {
    expect(prefs[flag]).toBe(value);
  });

  it('uses the built preload', () => {
    expect(prefs.preload).toBe(spec.preloadPath);
  });

  it('starts hidden with the app title, a background and a minimum size', () => {
    expect(win.options.show).toBe(false);
    expect(win.options.title).toBe(INITIAL_TITLE);
    expect(win.options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(win.options.minWidth).toBe(MIN_SIZE.width);
    expect(win.options.minHeight).toBe(MIN_SIZE.height);
  });

  it('loads the app page', () => {
    expect(win.loadURL).toHaveBeenCalledWith('app://viewer/index.html');
  });

  it('shows itself when ready to show', () => {
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
    expect(win.maximize).not.toHaveBeenCalled();
  });
});

describe('mainWindowOptions', () => {
  it('places the window where the placement says', () => {
    const options = mainWindowOptions({
      ...spec,
      placement: { x: 10, y: 20, width: 900, height: 700, isMaximized: false },
    });
    expect(options).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
  });

  it('leaves the position to Electron (centred) when there is none', () => {
    const options = mainWindowOptions(spec);
    expect(options.x).toBeUndefined();
    expect(options.y).toBeUndefined();
  });

  it('paints a dark first frame on a dark system', () => {
    expect(mainWindowOptions({ ...spec, dark: true }).backgroundColor).not.toBe(
      mainWindowOptions(spec).backgroundColor,
    );
  });
});

describe('createMainWindow', () => {
  it('re-maximizes a window that was maximized', () => {
    const { win } = open({ placement: { ...DEFAULT_PLACEMENT, isMaximized: true } });
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
  });

  it('logs a page that fails to load', async () => {
    const log = captureLog();
    class FailingWindow extends BrowserWindowMock {
      constructor(options: ConstructorParameters<typeof BrowserWindowMock>[0]) {
        super(options);
        this.loadURL.mockRejectedValue(new Error('ERR_FAILED'));
      }
    }
    createMainWindow(
      FailingWindow as unknown as typeof BrowserWindow,
      { ...spec, url: 'app://viewer/index.html' },
      log,
    );
    await vi.waitFor(() =>
      expect(log.lines.join('\n')).toMatch(/cannot load app:\/\/viewer\/index.html/),
    );
  });
});
