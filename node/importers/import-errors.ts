/**
 * Every refusal and failure of the importers, worded once (Chinese first, English beside it).
 * A message names the format and says what the user can do instead.
 */
import { ViewerError } from '../../core/api/errors';

function refuse(message: string, messageEn: string, detail?: string): ViewerError {
  return new ViewerError('unsupported-format', message, messageEn, detail);
}

export const importErrors = {
  empty: (fileName: string) =>
    refuse(
      '这个文件是空的，没有可以阅读的内容。',
      'This file is empty: there is nothing to read.',
      fileName,
    ),
  tooLarge: (fileName: string, size: number, limit: number) =>
    new ViewerError(
      'too-large',
      `文件太大（${megabytes(size)}），超过了这种格式的上限 ${megabytes(limit)}，没有导入。`,
      `The file is too large (${megabytes(size)}); the limit for this format is ${megabytes(limit)}. It was not imported.`,
      `${fileName}: ${size} bytes > ${limit}`,
    ),
  corrupt: (formatName: { zh: string; en: string }, detail: string) =>
    new ViewerError(
      'corrupt-data',
      `文件已损坏或不完整，无法作为${formatName.zh}打开。请重新下载或让发件人重新发送。`,
      `The file is damaged or incomplete and cannot be opened as ${formatName.en}. Download it again or ask the sender for a new copy.`,
      detail,
    ),
  undecodable: (fileName: string) =>
    refuse(
      '编码无法识别：这个文件按 UTF-8、UTF-16、GB18030 都读不出正常的文字，可能不是文本文件。请用记事本或 WPS 另存为 UTF-8 文本后再导入。',
      'Unrecognised encoding: this file does not read as UTF-8, UTF-16 or GB18030 text and may not be a text file. Save it as UTF-8 text (e.g. with Notepad or WPS) and import it again.',
      fileName,
    ),
  scannedPdf: (fileName: string) =>
    refuse(
      '这是扫描件或图片型 PDF，没有可提取的文字（需要文字识别）。请使用 Word 版或带文字层的 PDF。',
      'This is a scanned or image-only PDF with no text to extract (it would need OCR). Use the Word version or a PDF with a text layer.',
      fileName,
    ),
  encryptedPdf: (fileName: string) =>
    refuse(
      '这个 PDF 设置了打开密码，无法读取。请使用未加密的版本。',
      'This PDF is password-protected and cannot be read. Use an unencrypted copy.',
      fileName,
    ),
  encryptedDocument: (fileName: string) =>
    refuse(
      '这个文档设置了打开密码，无法读取。请在 Word 或 WPS 中取消密码后另存，再导入。',
      'This document is password-protected and cannot be read. Remove the password in Word or WPS, save it, and import it again.',
      fileName,
    ),
  noText: (formatName: string, fileName: string) =>
    refuse(
      `这个${formatName}里没有找到正文文字。`,
      `No body text was found in this ${formatName} file.`,
      fileName,
    ),
  ofd: (fileName: string) =>
    refuse(
      'OFD 版式文件暂不支持。请用数科或福昕 OFD 阅读器把它另存为 PDF 或 Word 后再导入。',
      'OFD layout files are not supported. Use an OFD reader (Suwell, Foxit) to save it as PDF or Word, then import that.',
      fileName,
    ),
  legacyWps: (fileName: string) =>
    refuse(
      '旧版 WPS 文字（.wps）文件暂不支持。请用 WPS 打开后另存为 .docx 再导入。',
      'Legacy WPS Writer (.wps) files are not supported. Open it in WPS and save it as .docx, then import that.',
      fileName,
    ),
  spreadsheet: (fileName: string) =>
    refuse(
      '这是电子表格（Excel / WPS 表格），不是报告文档，无法导入。如果报告在表格里，请把它复制到 Word 文档中再导入。',
      'This is a spreadsheet (Excel / WPS Spreadsheets), not a report document, and cannot be imported. Copy the report into a Word document first.',
      fileName,
    ),
  presentation: (fileName: string) =>
    refuse(
      '这是演示文稿（PowerPoint / WPS 演示），无法导入。请使用报告的 Word 或 PDF 版本。',
      'This is a presentation (PowerPoint / WPS Presentation) and cannot be imported. Use the Word or PDF version of the report.',
      fileName,
    ),
  otherOffice: (fileName: string) =>
    refuse(
      '这种办公文档格式暂不支持。请用 Word 或 WPS 把它另存为 .docx 后再导入。',
      'This office document format is not supported. Save it as .docx with Word or WPS, then import that.',
      fileName,
    ),
  archive: (fileName: string) =>
    refuse(
      '这是压缩包，不是报告文档。请先解压，再导入其中的报告文件。',
      'This is a compressed archive, not a report. Extract it first, then import the report file inside.',
      fileName,
    ),
  image: (fileName: string) =>
    refuse(
      '这是图片，没有可提取的文字。请使用报告的 Word 或带文字层的 PDF 版本。',
      'This is an image with no text to extract. Use the Word version or a PDF with a text layer.',
      fileName,
    ),
  executable: (fileName: string) =>
    refuse(
      '这是程序文件，不是报告文档，不会打开。',
      'This is a program file, not a report document, and will not be opened.',
      fileName,
    ),
  unknown: (fileName: string) =>
    refuse(
      '无法识别这个文件的格式。支持的格式：.txt、.docx、.doc、.html/.htm、.pdf（带文字层）。',
      'The format of this file is not recognised. Supported: .txt, .docx, .doc, .html/.htm and .pdf with a text layer.',
      fileName,
    ),
};

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}
