/**
 * Word and WPS .docx through mammoth: its semantic HTML (default style map) walked into lines,
 * bold runs and tables. Page headers, footers, images and text-box layout stay behind.
 */
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import type { ImportedReport, Importer } from './importer';
import { importErrors } from './import-errors';
import { walkHtml, type DomNode } from './html-blocks';
import { SourceBuilder } from './source-builder';
import { isZip, readZipEntry, zipEntries } from './zip-entries';

const DOCX_BODY = 'word/document.xml';

/** True for a zip that holds a Word document body. */
export function isDocxZip(bytes: Uint8Array): boolean {
  return isZip(bytes) && zipEntries(bytes).some((entry) => entry.name === DOCX_BODY);
}

/** dc:title from docProps/core.xml, when it reads like a real title (not "Document1" or blank). */
export function coreTitle(bytes: Uint8Array): string | undefined {
  const xml = readZipEntry(bytes, 'docProps/core.xml');
  if (!xml) return undefined;
  const match = /<dc:title>([^<]*)<\/dc:title>/u.exec(new TextDecoder().decode(xml));
  const title = decodeXmlText(match?.[1] ?? '').trim();
  return looksLikeRealTitle(title) ? title : undefined;
}

const PLACEHOLDER_TITLES =
  /^(document|doc|untitled|microsoft word|文档|新建|新建文档|新建 microsoft word 文档|无标题|标题|title|word)\s*\d*$/iu;

function looksLikeRealTitle(title: string): boolean {
  if (title.length < 4 || title.length > 120) return false;
  if (PLACEHOLDER_TITLES.test(title)) return false;
  // A title has words in it, not just a number or a date.
  return /[\p{Script=Han}A-Za-z]{2}/u.test(title);
}

function decodeXmlText(text: string): string {
  return text
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/gu, '&');
}

export const docxImporter: Importer = {
  format: 'docx',
  extensions: ['.docx'],
  maxBytes: 50 * 1024 * 1024,
  sniff: isDocxZip,
  async import(bytes, fileName, onProgress): Promise<ImportedReport> {
    onProgress?.({ fraction: 0 });
    let html: string;
    let messages: { type: string; message: string }[];
    try {
      const result = await mammoth.convertToHtml(
        { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
        {
          externalFileAccess: false,
          // Images are not text: count them and leave them out, instead of inlining base64.
          convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        },
      );
      html = result.value;
      messages = result.messages;
    } catch (error) {
      throw importErrors.corrupt(
        { zh: 'Word 文档', en: 'a Word document' },
        `mammoth: ${String(error)}`,
      );
    }
    onProgress?.({ fraction: 0.7 });

    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const builder = new SourceBuilder();
    const walked = walkHtml(document.body as unknown as DomNode, builder, {
      lineBreaks: 'join',
      collapseWhitespace: false,
    });
    const title = coreTitle(bytes);
    const source = builder.build('docx', {
      fileName,
      ...(title ? { declaredTitle: title } : {}),
    });
    if (source.text === '') throw importErrors.noText('Word 文档', fileName);
    onProgress?.({ fraction: 1 });
    return {
      source,
      encoding: null,
      dropped: droppedParts(walked.images, messages, hasHeadersOrFooters(bytes)),
    };
  },
};

/** What the reader will not see, in plain words; mammoth's style warnings are not news to them. */
function droppedParts(
  images: number,
  messages: { type: string; message: string }[],
  headersOrFooters: boolean,
) {
  const dropped: { zh: string; en: string }[] = [];
  if (images > 0) {
    dropped.push({ zh: `${images} 张图片`, en: `${images} image${images === 1 ? '' : 's'}` });
  }
  const errors = messages.filter((m) => m.type === 'error');
  if (errors.length > 0) {
    dropped.push({
      zh: `部分内容无法读取（${errors.length} 处）`,
      en: `some content could not be read (${errors.length} place${errors.length === 1 ? '' : 's'})`,
    });
  }
  if (messages.some((m) => /w:txbxContent|text box|textbox/iu.test(m.message))) {
    dropped.push({ zh: '文本框的版式', en: 'text-box layout' });
  }
  if (headersOrFooters) {
    dropped.push({ zh: '页眉、页脚和页码', en: 'page headers, footers and page numbers' });
  }
  return dropped;
}

function hasHeadersOrFooters(bytes: Uint8Array): boolean {
  return zipEntries(bytes).some((entry) => /^word\/(header|footer)\d*\.xml$/u.test(entry.name));
}
