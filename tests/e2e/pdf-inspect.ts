/**
 * Reading a PDF the way a person's tools would: text and fonts through poppler-utils
 * (pdftotext, pdffonts, pdfinfo), the outline (bookmarks) through pdf-lib.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib';

export function pdfToolsAvailable(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The text of the whole PDF, or of one page (1-based). */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', ['-enc', 'UTF-8', ...range, file, '-']);
}

export function pdfPageCount(file: string): number {
  const match = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]));
  return Number(match?.[1] ?? 0);
}

export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m?.[1]) info[m[1]] = m[2] ?? '';
  }
  return info;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  unicode: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name, type words…, encoding, emb, sub, uni, object, id
    const [emb, , uni] = cols.slice(-5, -2);
    return {
      name: cols[0] ?? '',
      type: cols.slice(1, -6).join(' '),
      embedded: emb === 'yes',
      unicode: uni === 'yes',
    };
  });
}

export interface OutlineItem {
  title: string;
  depth: number;
}

/** The PDF's outline, depth-first, as pdf-lib reads the catalogue's /Outlines tree. */
export async function pdfOutline(file: string): Promise<OutlineItem[]> {
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const items: OutlineItem[] = [];
  const dict = (obj: PDFObject | undefined): PDFDict | undefined => {
    const resolved = obj ? pdf.context.lookup(obj) : undefined;
    return resolved instanceof PDFDict ? resolved : undefined;
  };
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let item = first; item; item = dict(item.get(PDFName.of('Next')))) {
      const title = item.lookup(PDFName.of('Title'));
      const text =
        title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '';
      items.push({ title: text, depth });
      walk(dict(item.get(PDFName.of('First'))), depth + 1);
    }
  };
  const outlines = dict(pdf.catalog.get(PDFName.of('Outlines')));
  walk(dict(outlines?.get(PDFName.of('First'))), 0);
  return items;
}

/** Text with all whitespace removed: PDF extraction breaks lines where the layout did. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
