/**
 * The Electron main process: wires the modules of this folder together and nothing else.
 * Order matters: the scheme, the sandbox and the guards are set before the app is ready; the
 * IPC handlers are bound before the window loads, so the page's first call finds them.
 *
 * Nothing here phones home: no auto-update, no telemetry, no crash reporter.
 */
import path from 'node:path';
import { MESSAGES } from '../../core/i18n/messages';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { setPdfjsAssetRoot } from '../../node/importers/pdf-importer';
import { createHostServices } from '../../node/services/host-services';
import { workerIndexBuilder } from '../../node/services/index-in-worker';
import { APP_START_URL } from './app-origin';
import { installAppMenu } from './app-menu';
import { resolveAppPaths } from './app-paths';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { createCommandSender } from './command-sender';
import { attachContextMenu } from './context-menu';
import { handleExportDownloads } from './export-downloads';
import { IMPORT_WORKER_FILE, workerImporter } from './import-in-worker';
import { bindApi } from './ipc-binding';
import { consoleLog } from './log';
import { createMainWindow } from './main-window';
import { askWhichReportsToImport } from './open-dialog';
import { createPrintWindows, PRINT_READY_TIMEOUT_MS, printPageUrl } from './print-window';
import { askWhereToSavePdf } from './save-dialog';
import { guardAllWebContents, guardSession } from './offline-guard';
import { flushBeforeQuit } from './quit-flush';
import { observeSettings } from './settings-observer';
import { claimSingleInstance } from './single-instance';
import { loadWindowPlacement, trackWindowState } from './window-state';

const log = consoleLog;
/** The folder main.js runs from; the worker script (import-worker.js) is beside it. */
const mainDir = path.dirname(fileURLToPath(import.meta.url));
const paths = resolveAppPaths({
  mainDir,
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
});
if (paths.pdfjsAssetsDir) setPdfjsAssetRoot(paths.pdfjsAssetsDir);
let mainWindow: BrowserWindow | null = null;

if (claimSingleInstance(app, () => mainWindow)) {
  app.enableSandbox();
  registerAppScheme(protocol);
  guardAllWebContents(app, log);
  // One window is the whole app; closing it ends the session on every platform.
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      log.error('start-up failed', err);
      dialog.showErrorBox(
        `${MESSAGES['zh-CN'].startupFailed} / ${MESSAGES.en.startupFailed}`,
        err instanceof Error ? err.message : String(err),
      );
      app.exit(1);
    });
} else {
  app.quit();
}

async function start(): Promise<void> {
  guardSession(session.defaultSession, log);
  serveAppProtocol(protocol, paths.rendererDir, log);

  const dataDir = app.getPath('userData');
  // Developer tools only in a development build: off in every window of a packaged app.
  const devTools = !app.isPackaged;
  const printWindows = createPrintWindows(
    BrowserWindow,
    paths.preloadPath,
    log,
    PRINT_READY_TIMEOUT_MS,
    devTools,
  );
  const services = await createHostServices({
    reportsDir: paths.reportsDir,
    dataDir,
    host: 'electron',
    appName: app.getName(),
    appVersion: app.getVersion(),
    print: {
      renderPdf: printWindows.renderPdf,
      printPages: printWindows.printPages,
      printPageUrl,
      chooseSavePath: (fileName) =>
        askWhereToSavePdf(dialog, mainWindow, app.getPath('documents'), fileName),
      showInFolder: (file) => shell.showItemInFolder(file),
    },
    chooseReportFiles: () => askWhichReportsToImport(dialog, mainWindow, app.getPath('documents')),
    importer: workerImporter({ mainDir, pdfjsAssetRoot: paths.pdfjsAssetsDir }),
    // Large reports' search indexes are built on the same worker script, beside main.js.
    buildIndex: workerIndexBuilder(pathToFileURL(path.join(mainDir, IMPORT_WORKER_FILE))),
  });
  const appContents = () => mainWindow?.webContents ?? null;
  const sendCommand = createCommandSender(appContents, log);
  const appMenu = installAppMenu(
    Menu,
    { platform: process.platform, appName: app.getName(), devTools, send: sendCommand },
    await services.handlers.getSettings({}),
  );
  handleExportDownloads(
    session.defaultSession,
    { appContents, documentsDir: () => app.getPath('documents'), strings: appMenu.strings },
    log,
  );
  // The menu follows the language and theme the user picks in the page.
  const handlers = observeSettings(services.handlers, appMenu.update, log);
  bindApi(ipcMain, handlers, appContents, log, printWindows.activeContents);

  const stateFile = path.join(dataDir, 'window-state.json');
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const placement = await loadWindowPlacement(stateFile, workAreas, log);
  const win = createMainWindow(
    BrowserWindow,
    {
      preloadPath: paths.preloadPath,
      placement,
      dark: nativeTheme.shouldUseDarkColors,
      devTools,
      url: APP_START_URL,
    },
    log,
  );
  mainWindow = win;
  attachContextMenu(win.webContents, Menu, {
    strings: appMenu.strings,
    translate: appMenu.translate,
    send: sendCommand,
    devTools,
  });
  win.on('closed', () => {
    mainWindow = null;
    // The hidden print window kept for the next export would keep the app from quitting.
    printWindows.close();
  });
  const windowState = trackWindowState(win, stateFile, log);
  flushBeforeQuit(
    app,
    async () => {
      await Promise.all([windowState.flush(), services.close()]);
    },
    log,
  );
}
