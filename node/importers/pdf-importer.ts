/**
 * PDF with a text layer through pdfjs-dist (legacy build, Node): positioned text items per page,
 * laid out into paragraphs and table rows by pdf-layout. Everything pdfjs needs (CMaps for CJK
 * fonts, standard fonts, wasm decoders) is read from the installed package, never fetched; eval
 * and font loading are off. A PDF without any text (a scan) is refused.
 */
// The package ships no types for its worker; the reference lets every tsconfig see ours.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./untyped-modules.d.ts" />
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ImportedReport, Importer } from './importer';
import { importErrors } from './import-errors';
import { layoutPages, type PdfPage, type PdfTextItem } from './pdf-layout';
import { pageRules } from './pdf-rules';
import { SourceBuilder } from './source-builder';

const require = createRequire(import.meta.url);

let assetRoot: string | null = null;

/**
 * Where pdfjs-dist's data files (cmaps/, standard_fonts/, wasm/, iccs/) are. By default the
 * installed package; a bundled app that ships no node_modules copies those folders and says
 * where they are.
 */
export function setPdfjsAssetRoot(dir: string): void {
  assetRoot = dir;
}

/** pdfjs-dist's data folders, read from disk (never fetched). */
function pdfjsAssets() {
  const root = assetRoot ?? path.dirname(require.resolve('pdfjs-dist/package.json'));
  const dir = (name: string) => path.join(root, name) + path.sep;
  return {
    cMapUrl: dir('cmaps'),
    standardFontDataUrl: dir('standard_fonts'),
    wasmUrl: dir('wasm'),
    iccUrl: dir('iccs'),
  };
}

/** True when "%PDF-" appears in the first kilobyte (some files carry junk before it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

interface PdfjsItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

type Pdfjs = typeof PdfjsModule;
let pdfjsModule: Promise<Pdfjs> | null = null;
function loadPdfjs(): Promise<Pdfjs> {
  pdfjsModule ??= (async () => {
    // pdf.js builds a DOMMatrix when its module loads. In Node it borrows one from the native
    // @napi-rs/canvas, which a bundled app (Electron's main, the import worker) cannot load, so
    // the import would fail before reading a byte. Text extraction never draws: a plain-JS
    // DOMMatrix (@thednp/dommatrix) is all it needs.
    const global = globalThis as { DOMMatrix?: unknown };
    if (global.DOMMatrix === undefined) {
      global.DOMMatrix = (await import('@thednp/dommatrix')).default;
    }
    // pdfjs runs its worker code in this thread when it finds it on globalThis ("fake worker"),
    // instead of loading pdf.worker.mjs by path: no worker thread, and it survives bundling.
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsModule;
}

export const pdfImporter: Importer = {
  format: 'pdf',
  extensions: ['.pdf'],
  maxBytes: 50 * 1024 * 1024,
  sniff: looksLikePdf,
  async import(bytes, fileName, onProgress): Promise<ImportedReport> {
    const pdfjs = await loadPdfjs();
    // pdfjs takes ownership of the array it is given: hand it a copy, never the caller's bytes.
    const task = pdfjs.getDocument({
      // A plain Uint8Array copy: pdf.js refuses a Buffer and may detach what it is given.
      data: new Uint8Array(bytes),
      ...pdfjsAssets(),
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      disableAutoFetch: true,
      disableStream: true,
      disableRange: true,
      enableXfa: false,
      verbosity: 0,
    });
    const pages: PdfPage[] = [];
    try {
      const document = await task.promise;
      for (let number = 1; number <= document.numPages; number++) {
        const page = await document.getPage(number);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const operators = await page.getOperatorList();
        const [originX = 0, originY = 0] = viewport.viewBox;
        pages.push({
          width: viewport.width,
          height: viewport.height,
          items: (content.items as PdfjsItem[]).flatMap((item) => textItem(item, viewport)),
          rules: pageRules(operators.fnArray, operators.argsArray, pdfjs.OPS, [originX, originY]),
        });
        page.cleanup();
        onProgress?.({ fraction: (number / document.numPages) * 0.9 });
      }
    } catch (error) {
      const name = (error as { name?: string } | null)?.name ?? '';
      if (name === 'PasswordException') throw importErrors.encryptedPdf(fileName);
      throw importErrors.corrupt({ zh: 'PDF', en: 'a PDF' }, `pdfjs: ${name} ${String(error)}`);
    } finally {
      await task.destroy().catch(() => undefined);
    }

    if (!pages.some((page) => page.items.some((item) => item.str.trim() !== ''))) {
      throw importErrors.scannedPdf(fileName);
    }
    const layout = layoutPages(pages);
    const builder = new SourceBuilder();
    for (const block of layout.blocks) {
      if (block.kind === 'table') builder.addTable(block.rows);
      else builder.addText(block.text);
    }
    const source = builder.build('pdf', { fileName });
    if (source.text === '') throw importErrors.scannedPdf(fileName);
    onProgress?.({ fraction: 1 });
    const dropped = [
      { zh: '版面（分页、分栏、字体）和图片', en: 'the page layout (pages, fonts) and images' },
    ];
    if (layout.droppedLines > 0) {
      dropped.push({
        zh: `${layout.droppedLines} 行页眉、页脚和页码`,
        en: `${layout.droppedLines} line(s) of running headers, footers and page numbers`,
      });
    }
    return { source, encoding: null, dropped };
  },
};

/** A pdfjs text item in page coordinates (origin bottom left), or nothing for marked content. */
function textItem(
  item: PdfjsItem,
  viewport: { viewBox: number[]; width: number; height: number },
): PdfTextItem[] {
  if (typeof item.str !== 'string' || !item.transform) return [];
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 0;
  const [x0 = 0, y0 = 0] = viewport.viewBox;
  return [{ str: item.str, x: e - x0, y: f - y0, width: item.width ?? 0, size }];
}
