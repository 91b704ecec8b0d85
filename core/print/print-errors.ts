/**
 * Every way printing can fail, worded once for the user (Chinese, English) with detail for the
 * log. Used by the PDF-export service and by the print page, which reports its own failures
 * (fonts that never load) to the host in the same words.
 */
import { ViewerError } from '../api/errors';

export const printErrors = {
  nothingChosen: () =>
    new ViewerError(
      'bad-request',
      '没有选择要打印的章节。请至少勾选一节。',
      'No section was chosen. Tick at least one section to print.',
    ),
  unknownSections: (ids: string[]) =>
    new ViewerError(
      'not-found',
      '所选的章节在这份报告中找不到。请关闭打印对话框后重新选择。',
      'Some chosen sections are not in this report. Close the print dialog and choose again.',
      `unknown section ids: ${ids.slice(0, 10).join(', ')}`,
    ),
  jobExpired: () =>
    new ViewerError(
      'not-found',
      '打印任务已经结束或过期，请重新打印。',
      'The print job has finished or expired; please print again.',
    ),
  renderFailed: (detail: string) =>
    new ViewerError(
      'internal',
      'PDF 没有生成：排版页面时出错。没有写入任何文件。',
      'The PDF was not made: laying out the pages failed. No file was written.',
      detail,
    ),
  fontsNotReady: (detail: string) =>
    new ViewerError(
      'internal',
      'PDF 没有生成：字体还没有准备好。没有写入任何文件，请稍后再试。',
      'The PDF was not made: the fonts were not ready. No file was written; try again shortly.',
      detail,
    ),
  unavailable: () =>
    new ViewerError(
      'unavailable',
      '这个版本的阅读器不能生成 PDF。',
      'This build of the viewer cannot make PDFs.',
    ),
  noPrinterHere: () =>
    new ViewerError(
      'unavailable',
      '浏览器版不能直接连接打印机。请先导出 PDF，再用浏览器或 PDF 阅读器打印。',
      'The browser version cannot reach a printer. Export a PDF and print it from there.',
    ),
  noFileManagerHere: () =>
    new ViewerError(
      'unavailable',
      '浏览器版不能打开文件夹。PDF 已由浏览器下载。',
      'The browser version cannot open folders; the browser has downloaded the PDF.',
    ),
  notWrittenHere: (file: string) =>
    new ViewerError(
      'forbidden',
      '只能在文件夹中显示本次由阅读器保存的文件。',
      'Only files this viewer saved in this session can be shown in their folder.',
      `not written in this session: ${file}`,
    ),
  /** `code` is the system's error code (ENOSPC, EBUSY, …), when there is one. */
  writeFailed: (code: string | undefined, detail: string) => {
    const [zh, en] = writeFailureWords(code);
    return new ViewerError(
      'io-error',
      `PDF 没有保存：${zh}原来的文件（如果有）没有改动。`,
      `The PDF was not saved: ${en} Any existing file there is unchanged.`,
      detail,
    );
  },
};

function writeFailureWords(code: string | undefined): [string, string] {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return [
        '磁盘空间不足。请腾出空间，或换一个位置保存。',
        'the disk is full. Free some space or save elsewhere.',
      ];
    case 'EBUSY':
    case 'ETXTBSY':
    case 'EPERM':
    case 'EACCES':
      return [
        '文件被占用，或没有写入权限。如果它正在别的程序中打开，请先关闭，或换一个文件名。',
        'the file is in use or not writable. Close it in other programs, or choose another name.',
      ];
    case 'EROFS':
      return [
        '这个位置是只读的。请换一个位置保存。',
        'that location is read-only. Save elsewhere.',
      ];
    case 'ENOENT':
    case 'ENOTDIR':
      return ['要保存到的文件夹不存在。', 'the folder to save in does not exist.'];
    case 'EISDIR':
      return [
        '所选的名字是一个文件夹。请换一个文件名。',
        'that name is a folder. Choose another name.',
      ];
    default:
      return ['写入文件时出错。', 'writing the file failed.'];
  }
}
