// Just enough of Electron's main-process API for electron/main/main.ts to start under plain
// Node. Once the app window loads its page, the stub acts as that page: it saves a setting
// through the bound updateSettings handler, then prints what it saw as one JSON line
// (prefixed BUILT_MAIN_REPORT) and exits. Environment: BUILT_MAIN_USER_DATA, the data folder.
import { EventEmitter } from 'node:events';
import process from 'node:process';
import { setImmediate } from 'node:timers';

const userData = process.env.BUILT_MAIN_USER_DATA;
const report = { channels: [], menus: [], protocols: [], windows: 0, errors: [] };

function finish(code) {
  process.stdout.write(`BUILT_MAIN_REPORT ${JSON.stringify(report)}\n`);
  process.exit(code);
}

const noop = () => undefined;

class AppStub extends EventEmitter {
  isPackaged = false;
  requestSingleInstanceLock = () => true;
  enableSandbox = noop;
  whenReady = () => Promise.resolve();
  getName = () => '法治报告阅读器';
  getVersion = () => '0.0.0-built-main';
  getPath = (name) => {
    if (name === 'userData' || name === 'documents') return userData;
    throw new Error(`the stub has no path ${name}`);
  };
  quit = noop;
  exit = (code) => finish(code);
}

export const app = new AppStub();

export const ipcMain = {
  handlers: new Map(),
  handle(channel, handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
    report.channels.push(channel);
  },
};

export const protocol = {
  registerSchemesAsPrivileged: noop,
  handle: (scheme) => report.protocols.push(scheme),
};

export const session = {
  defaultSession: Object.assign(new EventEmitter(), {
    webRequest: { onBeforeRequest: noop },
    setPermissionRequestHandler: noop,
    setPermissionCheckHandler: noop,
    setDevicePermissionHandler: noop,
    setSpellCheckerEnabled: noop,
  }),
};

export const screen = {
  getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
};

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });

export const dialog = {
  showErrorBox: (title, content) => report.errors.push(`${title}: ${content}`),
  showSaveDialog: async () => ({ canceled: true }),
};

export const shell = { showItemInFolder: noop };

export const Menu = {
  buildFromTemplate: (template) => ({ template, popup: noop }),
  setApplicationMenu: (menu) => report.menus.push(menu.template.map((item) => item.label)),
};

class WebContentsStub extends EventEmitter {
  mainFrame = { processId: 1, frameToken: 'main-frame', url: 'about:blank' };
  isDestroyed = () => false;
  getURL = () => this.mainFrame.url;
  send = noop;
  setWindowOpenHandler = noop;
}

export class BrowserWindow extends EventEmitter {
  webContents = new WebContentsStub();

  constructor(options) {
    super();
    this.options = options;
    report.windows += 1;
  }

  async loadURL(url) {
    this.webContents.mainFrame.url = url;
    // The page's first calls come once it has loaded; by then main has bound every channel.
    setImmediate(() => actAsThePage(this.webContents).then(() => finish(0), fail));
  }

  isDestroyed = () => false;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 820 });
  show = noop;
  maximize = noop;
}

async function actAsThePage(contents) {
  const invoke = (channel, request) =>
    ipcMain.handlers.get(`viewer:${channel}`)(
      { sender: contents, senderFrame: contents.mainFrame, type: 'frame' },
      request,
    );
  report.update = await invoke('updateSettings', { patch: { language: 'en', theme: 'dark' } });
  report.settings = await invoke('getSettings', {});
}

function fail(err) {
  report.errors.push(String(err?.stack ?? err));
  finish(1);
}
