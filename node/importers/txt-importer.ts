/** Plain text in any encoding Chinese offices use; the structure parser reads its lines. */
import type { Importer } from './importer';
import { importErrors } from './import-errors';
import { SourceBuilder } from './source-builder';
import { decodeText } from './text-decoding';

/** Lines of decoded text as paragraphs; the layout whitespace around each line is dropped. */
export function textToSource(text: string, fileName: string) {
  const builder = new SourceBuilder();
  for (const line of text.split(/\r\n|\r|\n|\u2028|\u2029/u)) {
    // Tabs inside a line are kept: a .txt may carry its information block as tab-separated pairs.
    builder.addLine(line);
  }
  return builder.build('txt', { fileName });
}

export const txtImporter: Importer = {
  format: 'txt',
  extensions: ['.txt', '.text'],
  maxBytes: 32 * 1024 * 1024,
  // Text has no magic number: the registry falls back to it when nothing else matches.
  sniff: () => false,
  async import(bytes, fileName, onProgress) {
    const decoded = decodeText(bytes);
    if (!decoded) throw importErrors.undecodable(fileName);
    onProgress?.({ fraction: 0.5 });
    // A text file is its own extracted text: kept exactly as decoded (BOM removed), so what
    // the reader shows, what annotations count and what an export names are the file's text.
    if (decoded.text.trim() === '') throw importErrors.empty(fileName);
    const source = { text: decoded.text, format: 'txt' as const, fileName };
    onProgress?.({ fraction: 1 });
    return { source, encoding: decoded.encoding, dropped: [] };
  },
};
