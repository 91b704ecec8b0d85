/**
 * The native open dialog for reports to import: several files at once, filtered to the formats
 * the importers support (with "all files" beside it, so an unsupported file can still be chosen
 * and told plainly why it cannot be read). The paths it returns are the only paths main ever
 * imports from: the renderer never names a path.
 */
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import { supportedReportEndings } from '../../node/services/report-file-types';

export async function askWhichReportsToImport(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  parent: BrowserWindow | null,
  documentsDir: string,
): Promise<string[] | null> {
  const options: OpenDialogOptions = {
    title: '导入报告 / Import reports',
    defaultPath: documentsDir,
    buttonLabel: '导入 / Import',
    filters: [
      { name: '报告 / Reports', extensions: supportedReportEndings() },
      { name: '所有文件 / All files', extensions: ['*'] },
    ],
    properties: ['openFile', 'multiSelections'],
  };
  const result = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options);
  if (result.canceled || result.filePaths.length === 0) return null;
  return result.filePaths;
}
