/**
 * Word 97–2003 .doc through word-extractor: the body text, one paragraph per line, layout
 * spaces trimmed; runs of lines with tab-separated cells (Word's table rows) kept as tables.
 * Legacy WPS (.wps), Excel and PowerPoint files share the OLE container and are refused.
 */
// The package ships no types; the reference lets every tsconfig that reaches this file see ours.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./untyped-modules.d.ts" />
import WordExtractor from 'word-extractor';
import type { ImportedReport, Importer } from './importer';
import { importErrors } from './import-errors';
import { SourceBuilder } from './source-builder';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((byte, index) => bytes[index] === byte);
}

/** Names of an OLE file's streams are stored as UTF-16LE in its directory sectors. */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

export type OleKind = 'word' | 'excel' | 'powerpoint' | 'encrypted' | 'other';

/** What an OLE compound file holds, judged by its stream names. */
export function oleKind(bytes: Uint8Array): OleKind {
  // A password-protected .docx/.xlsx is an OLE file holding the encrypted zip.
  if (hasStream(bytes, 'EncryptedPackage')) return 'encrypted';
  if (hasStream(bytes, 'WordDocument')) return 'word';
  if (hasStream(bytes, 'Workbook') || hasStream(bytes, 'Book')) return 'excel';
  if (hasStream(bytes, 'PowerPoint Document')) return 'powerpoint';
  return 'other';
}

/** Word's body text as lines: paragraphs, and table rows whose cells are tab-separated. */
export function docBodyToSource(body: string, fileName: string) {
  const builder = new SourceBuilder();
  const lines = body.split(/\r\n|\r|\n/u);
  let rows: string[][] = [];
  const endTable = () => {
    if (rows.length >= 2) builder.addTable(rows);
    else for (const row of rows) builder.addText(row.join(' '));
    rows = [];
  };
  for (const line of lines) {
    if (line.includes('\t') && line.trim() !== '') {
      // Word ends each row with a cell mark that word-extractor turns into one more tab.
      rows.push(line.replace(/\t$/u, '').split('\t'));
      continue;
    }
    endTable();
    builder.addText(line);
  }
  endTable();
  return builder.build('doc', { fileName });
}

export const docImporter: Importer = {
  format: 'doc',
  extensions: ['.doc'],
  maxBytes: 50 * 1024 * 1024,
  sniff: (bytes) => isOle(bytes) && oleKind(bytes) === 'word',
  async import(bytes, fileName, onProgress): Promise<ImportedReport> {
    onProgress?.({ fraction: 0 });
    let body: string;
    try {
      const extracted = await new WordExtractor().extract(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      );
      body = extracted.getBody();
    } catch (error) {
      throw importErrors.corrupt(
        { zh: 'Word 97–2003 文档', en: 'a Word 97–2003 document' },
        `word-extractor: ${String(error)}`,
      );
    }
    const source = docBodyToSource(body, fileName);
    if (source.text === '') throw importErrors.noText('Word 文档', fileName);
    onProgress?.({ fraction: 1 });
    return {
      source,
      encoding: null,
      dropped: [
        {
          zh: '页眉、页脚、图片和文字格式（加粗等）',
          en: 'headers, footers, images and formatting (bold etc.)',
        },
      ],
    };
  },
};
