/**
 * The renderer saves its exports (annotations as Markdown or JSON-LD) the way a web page does:
 * an `<a download>` of a blob: URL. In Electron that becomes a download; this gives it a proper
 * native save dialog (title, the Documents folder, a filter by extension) and refuses every
 * download that is not a blob: of the app's own page, so nothing can be fetched from anywhere.
 */
import path from 'node:path';
import type { FileFilter, SaveDialogOptions, Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { forLog, type MainLog } from './log';
import type { MenuStrings } from './menu-strings';

interface DownloadKind {
  title: 'exportDialogTitle' | 'saveDialogTitle';
  filter: FileFilter | null;
}

/** By lower-case extension; anything else is a plain "save" without a filter. */
const KINDS: Readonly<Record<string, DownloadKind>> = {
  '.md': { title: 'exportDialogTitle', filter: { name: 'Markdown', extensions: ['md'] } },
  '.jsonld': {
    title: 'exportDialogTitle',
    filter: { name: 'JSON-LD', extensions: ['jsonld', 'json'] },
  },
  '.json': {
    title: 'exportDialogTitle',
    filter: { name: 'JSON-LD', extensions: ['jsonld', 'json'] },
  },
  '.pdf': { title: 'saveDialogTitle', filter: { name: 'PDF', extensions: ['pdf'] } },
};

export function saveDialogOptionsFor(
  suggestedName: string,
  documentsDir: string,
  s: MenuStrings,
): SaveDialogOptions {
  // Chromium has already made the suggested name safe; basename keeps it in Documents anyway.
  const name = path.basename(suggestedName) || 'download';
  const kind = KINDS[path.extname(name).toLowerCase()] ?? {
    title: 'saveDialogTitle',
    filter: null,
  };
  const filters = [...(kind.filter ? [kind.filter] : []), { name: s.allFiles, extensions: ['*'] }];
  return {
    title: s[kind.title],
    defaultPath: path.join(documentsDir, name),
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** Whether a download URL is a blob: made by the app's own page (blob:app://viewer/<uuid>). */
export function isAppBlobUrl(url: string): boolean {
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}

export interface ExportDownloadsSpec {
  appContents: () => Pick<WebContents, 'getURL' | 'isDestroyed'> | null;
  /** Read at each download, so a folder the user moved is followed. */
  documentsDir: () => string;
  strings: () => MenuStrings;
}

export function handleExportDownloads(
  session: Pick<Session, 'on'>,
  spec: ExportDownloadsSpec,
  log: MainLog,
): void {
  session.on('will-download', (event, item, contents) => {
    const url = item.getURL();
    const app = spec.appContents();
    const fromApp =
      app !== null && !app.isDestroyed() && contents === app && isAppUrl(contents.getURL());
    if (!fromApp || !isAppBlobUrl(url)) {
      log.warn(`refused download of ${forLog(url)}`);
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions(
      saveDialogOptionsFor(item.getFilename(), spec.documentsDir(), spec.strings()),
    );
  });
}
