/**
 * A stand-in for the `electron` module in unit tests (vitest.config.ts aliases `electron` to
 * this file), in the style of electron/fiddle's tests/mocks. The real module would try to
 * download and launch Electron. Each class records what the code under test registered
 * (handlers, listeners, options) so a test can call it as Electron would.
 *
 * Tests of single modules construct fresh instances; the shared singletons at the bottom serve
 * the entry files (main.ts, preload.ts), which import `electron` themselves.
 */
import { EventEmitter } from 'node:events';
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  MenuItemConstructorOptions,
  Rectangle,
  SaveDialogOptions,
  WindowOpenHandlerResponse,
} from 'electron';
import { vi } from 'vitest';

let nextFrameToken = 1;

export class WebFrameMainMock {
  readonly frameToken = `frame-${nextFrameToken++}`;
  parent: WebFrameMainMock | null = null;

  constructor(
    public url = 'about:blank',
    public processId = 1,
  ) {}
}

let nextWebContentsId = 1;

export class WebContentsMock extends EventEmitter {
  readonly id = nextWebContentsId++;
  mainFrame = new WebFrameMainMock();
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => WindowOpenHandlerResponse) | null = null;

  readonly setWindowOpenHandler = vi.fn(
    (handler: (details: { url: string }) => WindowOpenHandlerResponse) => {
      this.windowOpenHandler = handler;
    },
  );
  readonly loadURL = vi.fn(async (url: string) => {
    this.mainFrame.url = url;
  });
  readonly isDestroyed = vi.fn(() => this.destroyed);
  /** Messages main sent to the page (webContents.send). */
  readonly send = vi.fn((_channel: string, ..._args: unknown[]) => undefined);
  readonly inspectElement = vi.fn((_x: number, _y: number) => undefined);
  getURL(): string {
    return this.mainFrame.url;
  }

  /** Emits a cancellable event the way Electron does; returns whether it was prevented. */
  emitCancellable(name: string, fields: Record<string, unknown> = {}, ...args: unknown[]): boolean {
    const event = new CancellableEvent(fields);
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

export class CancellableEvent {
  defaultPrevented = false;
  readonly preventDefault = vi.fn(() => {
    this.defaultPrevented = true;
  });

  constructor(fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
}

export class BrowserWindowMock extends EventEmitter {
  static readonly instances: BrowserWindowMock[] = [];
  static getAllWindows(): BrowserWindowMock[] {
    return BrowserWindowMock.instances.filter((w) => !w.destroyed);
  }

  readonly webContents = new WebContentsMock();
  bounds: Rectangle;
  maximized = false;
  minimized = false;
  visible = false;
  destroyed = false;

  readonly show = vi.fn(() => {
    this.visible = true;
  });
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly maximize = vi.fn(() => {
    this.maximized = true;
    this.visible = true;
  });
  readonly loadURL = vi.fn((url: string) => this.webContents.loadURL(url));

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    this.bounds = {
      x: options.x ?? 100,
      y: options.y ?? 100,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    BrowserWindowMock.instances.push(this);
  }

  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): Rectangle {
    return { ...this.bounds };
  }
  getBounds(): Rectangle {
    return { ...this.bounds };
  }
  /** Moves or resizes like a user would: Electron emits 'move' and 'resize'. */
  setBounds(bounds: Partial<Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
    this.emit('move');
    this.emit('resize');
  }
  close(): void {
    this.emit('close', new CancellableEvent());
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

export class IpcMainMock extends EventEmitter {
  readonly handlers = new Map<string, IpcHandler>();
  readonly handle = vi.fn((channel: string, handler: IpcHandler) => {
    // Electron refuses a second handler for a channel; so does the mock.
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, handler);
  });
  readonly removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });

  /** Calls a handler as ipcRenderer.invoke would, from the given sender. */
  async invoke(
    channel: string,
    sender: { sender: unknown; senderFrame: unknown },
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler({ ...sender, type: 'frame' }, ...args);
  }
}

export class IpcRendererMock extends EventEmitter {
  readonly invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({
    ok: true,
    value: null,
  }));
  readonly send = vi.fn();
  readonly sendSync = vi.fn();
}

export class ContextBridgeMock {
  readonly exposed = new Map<string, unknown>();
  readonly exposeInMainWorld = vi.fn((key: string, api: unknown) => {
    this.exposed.set(key, api);
  });
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export class ProtocolMock {
  readonly privilegedSchemes: CustomScheme[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();
  readonly registerSchemesAsPrivileged = vi.fn((schemes: CustomScheme[]) => {
    this.privilegedSchemes.push(...schemes);
  });
  readonly handle = vi.fn((scheme: string, handler: ProtocolHandler) => {
    this.handlers.set(scheme, handler);
  });
  readonly isProtocolHandled = vi.fn((scheme: string) => this.handlers.has(scheme));
}

type BeforeRequestListener = (
  details: { url: string; resourceType: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;

export class WebRequestMock {
  beforeRequestListener: BeforeRequestListener | null = null;
  readonly onBeforeRequest = vi.fn(
    (filterOrListener: unknown, maybeListener?: BeforeRequestListener | null) => {
      const listener = typeof filterOrListener === 'function' ? filterOrListener : maybeListener;
      this.beforeRequestListener = (listener as BeforeRequestListener | null) ?? null;
    },
  );

  /** Runs the registered listener as Chromium would; resolves to whether it was cancelled. */
  request(url: string, resourceType = 'mainFrame'): Promise<boolean> {
    const listener = this.beforeRequestListener;
    if (listener === null) return Promise.resolve(false);
    return new Promise((resolve) => listener({ url, resourceType }, (r) => resolve(!!r.cancel)));
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  origin: string,
  details: unknown,
) => boolean;

export class SessionMock extends EventEmitter {
  readonly webRequest = new WebRequestMock();
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  spellCheckerEnabled = true;

  readonly setPermissionRequestHandler = vi.fn((handler: PermissionRequestHandler | null) => {
    this.permissionRequestHandler = handler;
  });
  readonly setPermissionCheckHandler = vi.fn((handler: PermissionCheckHandler | null) => {
    this.permissionCheckHandler = handler;
  });
  readonly setDevicePermissionHandler = vi.fn((handler: ((d: unknown) => boolean) | null) => {
    this.devicePermissionHandler = handler;
  });
  readonly setSpellCheckerEnabled = vi.fn((enable: boolean) => {
    this.spellCheckerEnabled = enable;
  });
}

/** A download as Session 'will-download' hands it over. */
export class DownloadItemMock {
  saveDialogOptions: SaveDialogOptions | null = null;
  readonly setSaveDialogOptions = vi.fn((options: SaveDialogOptions) => {
    this.saveDialogOptions = options;
  });
  readonly cancel = vi.fn();

  constructor(
    readonly url: string,
    readonly filename: string,
  ) {}

  getURL(): string {
    return this.url;
  }
  getFilename(): string {
    return this.filename;
  }
}

/** A built menu: the template it was built from, and whether it was popped up. */
export class MenuMock {
  static applicationMenu: MenuMock | null = null;
  static readonly built: MenuMock[] = [];
  static readonly buildFromTemplate = vi.fn((template: MenuItemConstructorOptions[]) => {
    const menu = new MenuMock(template);
    MenuMock.built.push(menu);
    return menu;
  });
  static readonly setApplicationMenu = vi.fn((menu: MenuMock | null) => {
    MenuMock.applicationMenu = menu;
  });

  readonly popup = vi.fn();

  constructor(readonly template: MenuItemConstructorOptions[]) {}

  /** Finds an item by label anywhere in the menu, as a user would look for it. */
  item(label: string): MenuItemConstructorOptions | undefined {
    return findItem(this.template, label);
  }
}

function findItem(
  items: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      const found = findItem(item.submenu, label);
      if (found) return found;
    }
  }
  return undefined;
}

export class AppMock extends EventEmitter {
  isPackaged = false;
  readonly paths = new Map<string, string>([['userData', '/tmp/report-viewer-mock-user-data']]);
  private readyResolve: () => void = () => undefined;
  private readonly ready = new Promise<void>((resolve) => {
    this.readyResolve = resolve;
  });

  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly enableSandbox = vi.fn();
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly focus = vi.fn();
  readonly getName = vi.fn(() => '法治报告阅读器');
  readonly getVersion = vi.fn(() => '0.0.0-test');
  readonly whenReady = vi.fn(() => this.ready);
  readonly getPath = vi.fn((name: string) => {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`no mock path for ${name}`);
    return value;
  });
  readonly setPath = vi.fn((name: string, value: string) => {
    this.paths.set(name, value);
  });

  /** Lets whenReady() resolve, as Electron does once Chromium has started. */
  becomeReady(): void {
    this.readyResolve();
    this.emit('ready');
  }
}

export class ScreenMock extends EventEmitter {
  workAreas: Rectangle[] = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  readonly getAllDisplays = vi.fn(() =>
    this.workAreas.map((workArea, id) => ({ id, workArea, bounds: workArea, scaleFactor: 1 })),
  );
  readonly getPrimaryDisplay = vi.fn(() => this.getAllDisplays()[0]);
}

export const app = new AppMock();
export const BrowserWindow = BrowserWindowMock;
export const Menu = MenuMock;
export const ipcMain = new IpcMainMock();
export const ipcRenderer = new IpcRendererMock();
export const contextBridge = new ContextBridgeMock();
export const protocol = new ProtocolMock();
export const session = { defaultSession: new SessionMock() };
export const screen = new ScreenMock();
export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });
export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async (): Promise<{ canceled: boolean; filePaths: string[] }> => ({
    canceled: true,
    filePaths: [],
  })),
};
// Anything that could reach the network fails loudly in a test.
export const net = {
  fetch: vi.fn(async () => {
    throw new Error('net.fetch is not available in unit tests');
  }),
};
export const shell = {
  openExternal: vi.fn(async () => {
    throw new Error('shell.openExternal is not available in unit tests');
  }),
  openPath: vi.fn(async () => ''),
  showItemInFolder: vi.fn(),
};
export const crashReporter = { start: vi.fn() };

export default {
  app,
  BrowserWindow,
  Menu,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol,
  session,
  screen,
  nativeTheme,
  dialog,
  net,
  shell,
  crashReporter,
};
