/**
 * The one way in for a file: `importReportFile` sniffs the bytes (magic numbers first, the
 * name second), refuses what it must with a message that names the format, and hands the rest
 * to the importer registered for it. Nothing outside node/importers names a file extension.
 */
import { ViewerError } from '../../core/api/errors';
import { docImporter, isOle, oleKind } from './doc-importer';
import { docxImporter } from './docx-importer';
import { htmlImporter } from './html-importer';
import type { ImportedReport, Importer, ImportProgress } from './importer';
import { importErrors } from './import-errors';
import { pdfImporter } from './pdf-importer';
import { decodeText } from './text-decoding';
import { txtImporter } from './txt-importer';
import { isZip, zipEntries } from './zip-entries';

/** Every format the app reads, most specific sniff first; text is the fallback. */
export const importers: readonly Importer[] = [
  pdfImporter,
  docxImporter,
  docImporter,
  htmlImporter,
  txtImporter,
];

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/u).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** A name that says "text" (or says nothing): its bytes are judged as text. */
function looksNamedAsText(fileName: string): boolean {
  const extension = extensionOf(fileName);
  return extension === '' || txtImporter.extensions.includes(extension);
}

/** True for names the app can import (for listing a folder). */
export function isSupportedFileName(fileName: string): boolean {
  const extension = extensionOf(fileName);
  return importers.some((importer) => importer.extensions.includes(extension));
}

/** Every extension the app imports, with the dot ('.docx'), for file-chooser filters. */
export function supportedExtensions(): string[] {
  return importers.flatMap((importer) => [...importer.extensions]);
}

const starts = (bytes: Uint8Array, ...prefix: number[]) =>
  prefix.every((byte, index) => bytes[index] === byte);
const startsAscii = (bytes: Uint8Array, text: string) =>
  starts(bytes, ...Array.from(text, (char) => char.charCodeAt(0)));

/** The refusal for bytes the app will never read, whatever their name; null when none applies. */
export function refusalFor(bytes: Uint8Array, fileName: string): ViewerError | null {
  const extension = extensionOf(fileName);
  if (bytes.length === 0) return importErrors.empty(fileName);
  if (isZip(bytes)) {
    const names = zipEntries(bytes).map((entry) => entry.name);
    if (names.includes('word/document.xml')) return null;
    if (names.includes('OFD.xml') || names.some((n) => /^Doc_\d+\//u.test(n))) {
      return importErrors.ofd(fileName);
    }
    if (names.some((n) => n.startsWith('xl/'))) return importErrors.spreadsheet(fileName);
    if (names.some((n) => n.startsWith('ppt/'))) return importErrors.presentation(fileName);
    if (names.includes('content.xml') && names.includes('mimetype')) {
      return importErrors.otherOffice(fileName);
    }
    if (extension === '.ofd') return importErrors.ofd(fileName);
    if (extension === '.docx')
      return importErrors.corrupt(
        { zh: 'Word 文档', en: 'a Word document' },
        'zip without word/document.xml',
      );
    return importErrors.archive(fileName);
  }
  if (isOle(bytes)) {
    if (extension === '.wps') return importErrors.legacyWps(fileName);
    const kind = oleKind(bytes);
    if (kind === 'encrypted') return importErrors.encryptedDocument(fileName);
    if (kind === 'excel' || extension === '.xls' || extension === '.et') {
      return importErrors.spreadsheet(fileName);
    }
    if (kind === 'powerpoint' || extension === '.ppt' || extension === '.dps') {
      return importErrors.presentation(fileName);
    }
    if (kind === 'word') return null;
    return extension === '.doc'
      ? importErrors.corrupt(
          { zh: 'Word 97–2003 文档', en: 'a Word 97–2003 document' },
          'OLE file without a WordDocument stream',
        )
      : importErrors.otherOffice(fileName);
  }
  if (startsAscii(bytes, '\x7fELF') || startsAscii(bytes, 'MZ') || isMachO(bytes)) {
    return importErrors.executable(fileName);
  }
  if (
    starts(bytes, 0x89, 0x50, 0x4e, 0x47) ||
    starts(bytes, 0xff, 0xd8, 0xff) ||
    startsAscii(bytes, 'GIF8') ||
    startsAscii(bytes, 'BM') ||
    startsAscii(bytes, 'II*\0') ||
    startsAscii(bytes, 'MM\0*') ||
    (startsAscii(bytes, 'RIFF') &&
      new TextDecoder('latin1').decode(bytes.subarray(8, 12)) === 'WEBP')
  ) {
    return importErrors.image(fileName);
  }
  if (
    starts(bytes, 0x1f, 0x8b) ||
    startsAscii(bytes, 'Rar!') ||
    starts(bytes, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c) ||
    startsAscii(bytes, 'BZh') ||
    starts(bytes, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)
  ) {
    return importErrors.archive(fileName);
  }
  if (startsAscii(bytes, '{\\rtf')) return importErrors.otherOffice(fileName);
  if (extension === '.ofd') return importErrors.ofd(fileName);
  return null;
}

function isMachO(bytes: Uint8Array): boolean {
  return (
    starts(bytes, 0xfe, 0xed, 0xfa, 0xce) ||
    starts(bytes, 0xfe, 0xed, 0xfa, 0xcf) ||
    starts(bytes, 0xce, 0xfa, 0xed, 0xfe) ||
    starts(bytes, 0xcf, 0xfa, 0xed, 0xfe)
  );
}

/** The importer for these bytes: the one whose sniff matches, else text; never by name alone. */
export function importerFor(bytes: Uint8Array): Importer {
  return importers.find((importer) => importer.sniff(bytes)) ?? txtImporter;
}

/** Names of formats the app refuses outright when the bytes are not even looked at. */
const REFUSED_BY_NAME: Record<string, (fileName: string) => ViewerError> = {
  '.xls': importErrors.spreadsheet,
  '.xlsx': importErrors.spreadsheet,
  '.et': importErrors.spreadsheet,
  '.csv': importErrors.spreadsheet,
  '.ppt': importErrors.presentation,
  '.pptx': importErrors.presentation,
  '.dps': importErrors.presentation,
};

/**
 * Imports one file. Throws only ViewerError: a refusal ('unsupported-format'), 'too-large',
 * or 'corrupt-data' for a damaged file of a supported format.
 */
/**
 * How the services run an import: `importReportFile` itself, or (Electron) the same on a worker
 * thread so a large PDF does not hold up the main process.
 */
export type ReportFileImporter = (bytes: Uint8Array, fileName: string) => Promise<ImportedReport>;

export async function importReportFile(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportedReport> {
  try {
    const refusal = refusalFor(bytes, fileName);
    if (refusal) throw refusal;
    const importer = importerFor(bytes);
    const byName = REFUSED_BY_NAME[extensionOf(fileName)];
    if (importer === txtImporter && byName) throw byName(fileName);
    if (
      importer === txtImporter &&
      !looksNamedAsText(fileName) &&
      !decodeText(bytes.subarray(0, 64 * 1024))
    ) {
      // Neither a known format nor text: say so, rather than talk about text encodings.
      throw importErrors.unknown(fileName);
    }
    if (bytes.length > importer.maxBytes) {
      throw importErrors.tooLarge(fileName, bytes.length, importer.maxBytes);
    }
    return await importer.import(bytes, fileName, options.onProgress);
  } catch (error) {
    if (error instanceof ViewerError) throw error;
    // A library failing in a way its importer did not foresee: still a plain message.
    throw importErrors.corrupt({ zh: '报告', en: 'a report' }, `${fileName}: ${String(error)}`);
  }
}
