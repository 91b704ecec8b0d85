/** The native "save as" dialog for a PDF: where to write, or null when the user cancels. */
import path from 'node:path';
import { MESSAGES } from '../../core/i18n/messages';
import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron';

export async function askWhereToSavePdf(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  parent: BrowserWindow | null,
  documentsDir: string,
  fileName: string,
): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: `${MESSAGES['zh-CN'].pdfSaveTitle} / ${MESSAGES.en.pdfSaveTitle}`,
    defaultPath: path.join(documentsDir, fileName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = parent
    ? await dialog.showSaveDialog(parent, options)
    : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  return /\.pdf$/i.test(result.filePath) ? result.filePath : `${result.filePath}.pdf`;
}
