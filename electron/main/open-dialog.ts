/**
 * The native open dialog for reports to import: several files at once, filtered to the formats
 * the importers support (with "all files" beside it, so an unsupported file can still be chosen
 * and told plainly why it cannot be read). The paths it returns are the only paths main ever
 * imports from: the renderer never names a path.
 */
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import { MESSAGES, type MessageKey } from '../../core/i18n/messages';
import { supportedReportEndings } from '../../node/services/report-file-types';

/** Native dialogs are drawn before the page says its language: both, Chinese first. */
const both = (key: MessageKey) => `${MESSAGES['zh-CN'][key]} / ${MESSAGES.en[key]}`;

export async function askWhichReportsToImport(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  parent: BrowserWindow | null,
  documentsDir: string,
): Promise<string[] | null> {
  const options: OpenDialogOptions = {
    title: both('openDialogTitle'),
    defaultPath: documentsDir,
    buttonLabel: both('openDialogButton'),
    filters: [
      { name: both('openDialogReports'), extensions: supportedReportEndings() },
      { name: both('menuAllFiles'), extensions: ['*'] },
    ],
    properties: ['openFile', 'multiSelections'],
  };
  const result = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options);
  if (result.canceled || result.filePaths.length === 0) return null;
  return result.filePaths;
}
