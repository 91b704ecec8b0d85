/**
 * PLACEHOLDER — the importer helper's registry.ts REPLACES THIS FILE WHOLE when it is merged.
 *
 * It exists only so the library (node/services) can be built and tested before the real
 * importers land: it handles UTF-8 `.txt` (with or without BOM) and refuses everything else.
 * Its two exported names and their signatures are the seam the real registry keeps.
 */
import { ViewerError } from '../../core/api/errors';
import type { ImportedReport, ImportProgress } from './importer';

/** The placeholder's own limit; the real importers have one per format. */
const MAX_TXT_BYTES = 32 * 1024 * 1024;

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

/** True when some importer claims a file of this name (by its ending). */
export function isSupportedFileName(name: string): boolean {
  return /\.txt$/i.test(name);
}

/** Imports one file's bytes; refuses with a ViewerError (plain zh/en) what it cannot read. */
export async function importReportFile(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportedReport> {
  if (!isSupportedFileName(fileName)) {
    throw new ViewerError(
      'bad-request',
      `无法导入“${fileName}”：不支持这种文件格式。`,
      `“${fileName}” cannot be imported: this file format is not supported.`,
      `no importer for ${fileName}`,
    );
  }
  if (bytes.byteLength > MAX_TXT_BYTES) {
    throw new ViewerError(
      'too-large',
      `无法导入“${fileName}”：文本文件超过 32 MB。`,
      `“${fileName}” cannot be imported: the text file is over 32 MB.`,
      `${bytes.byteLength} bytes`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ViewerError(
      'bad-request',
      `无法导入“${fileName}”：它不是 UTF-8 编码的文本。`,
      `“${fileName}” cannot be imported: it is not UTF-8 text.`,
      'invalid UTF-8',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '' || text.includes('\0')) {
    throw new ViewerError(
      'bad-request',
      `无法导入“${fileName}”：文件是空的，或不是文本。`,
      `“${fileName}” cannot be imported: it is empty or not text.`,
      text.includes('\0') ? 'NUL in text' : 'empty',
    );
  }
  options.onProgress?.({ fraction: 1 });
  return { source: { text, format: 'txt', fileName }, encoding: 'UTF-8', dropped: [] };
}
