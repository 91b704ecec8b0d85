/**
 * Saved web pages (.html/.htm) from government sites: decoded by their declared charset, the
 * article kept (Mozilla Readability on linkedom), the site's chrome dropped; the title, date and
 * source from the page's meta tags and its 索引号/文号 information box become declared fields.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { SourceField } from '../../core/report/report-source';
import type { ImportedReport, Importer } from './importer';
import { importErrors } from './import-errors';
import { walkHtml, type DomNode } from './html-blocks';
import { SourceBuilder } from './source-builder';
import { byteOrderMark, decodeText, normaliseEncodingName } from './text-decoding';
import { pageInfoFields } from './html-info-box';

/** True when the first bytes are HTML markup (after a BOM and whitespace). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = asciiHead(bytes, 1024)
    .replace(/^\ufeff/u, '')
    .trimStart();
  return /^(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b/iu.test(head);
}

/** The charset the page declares in a <meta> tag, looked for in its first 4 KB. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = asciiHead(bytes, 4096);
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w-]+)/iu.exec(head);
  return match?.[1] ?? null;
}

function asciiHead(bytes: Uint8Array, length: number): string {
  // Latin-1 keeps every byte as one character, so ASCII markup reads whatever the encoding.
  const bom = byteOrderMark(bytes);
  if (bom && bom.encoding !== 'UTF-8') {
    return new TextDecoder(bom.encoding.toLowerCase()).decode(bytes.subarray(0, length));
  }
  return new TextDecoder('latin1').decode(bytes.subarray(0, length));
}

/** Meta tags that carry the article's own information (gov.cn sites use these names). */
const META_FIELDS: Record<string, string> = {
  pubdate: '发布日期',
  contentsource: '来源',
  columnname: '栏目',
};

function metaContent(document: ParentLike, name: string): string | null {
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    if ((meta.getAttribute('name') ?? '').toLowerCase() === name) {
      const value = (meta.getAttribute('content') ?? '').trim();
      if (value !== '') return value;
    }
  }
  return null;
}

interface ElementLike extends DomNode {
  getAttribute(name: string): string | null;
  remove(): void;
  textContent: string | null;
}
interface ParentLike {
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
  querySelector(selector: string): ElementLike | null;
  title?: string;
}

// Lines that are the site talking, not the article: sharing, printing, font size, QR codes,
// navigation between articles.
const CHROME_LINES: RegExp[] = [
  /^扫一扫在手机(上)?打开当前页$/u,
  /^分享到[:：]?/u,
  /^【?\s*(打印(本页|此页)?|关闭(窗口|本页)?|返回顶部|收藏|纠错)\s*】?(\s*【?\s*(打印(本页|此页)?|关闭(窗口|本页)?|返回顶部|收藏|纠错)\s*】?)*$/u,
  /^【?\s*字(号|体)\s*[:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小\s*[】\]]?\s*】?$/u,
  /^(当前位置|您的位置|你的位置|您现在的位置)[:：]/u,
  /^(浏览|访问|阅读)(次数|量)[:：]?\s*[\d-]*$/u,
  /^(上一篇|下一篇)[:：]/u,
  /^(相关链接|相关文章|相关阅读|相关新闻|相关文件|相关附件|政策解读)$/u,
  /^(打印|关闭|下载原文)$/u,
  // The line under a headline (its date and source are kept as declared fields).
  /^(发布时间|发布日期|日期|时间)\s*[:：]\s*\d{4}.*(来源|字号|字体|浏览|点击|访问|阅读|分享)/u,
];

function isChromeLine(line: string): boolean {
  return CHROME_LINES.some((pattern) => pattern.test(line.trim()));
}

export const htmlImporter: Importer = {
  format: 'html',
  extensions: ['.html', '.htm', '.shtml', '.xhtml'],
  maxBytes: 32 * 1024 * 1024,
  sniff: looksLikeHtml,
  async import(bytes, fileName, onProgress): Promise<ImportedReport> {
    const declared = normaliseEncodingName(declaredCharset(bytes) ?? '') ?? undefined;
    const decoded = decodeText(bytes, declared);
    if (!decoded) throw importErrors.undecodable(fileName);
    onProgress?.({ fraction: 0.2 });

    const { document } = parseHTML(decoded.text) as unknown as { document: ParentLike };
    const declaredTitle = pageTitle(document);
    const declaredFields: SourceField[] = [];
    for (const [name, label] of Object.entries(META_FIELDS)) {
      const value = metaContent(document, name);
      if (value) declaredFields.push({ label, value });
    }
    for (const field of pageInfoFields(document as never)) {
      if (!declaredFields.some((f) => f.label === field.label)) declaredFields.push(field);
    }
    onProgress?.({ fraction: 0.4 });

    let article: DomNode | null;
    try {
      article =
        new Readability<DomNode>(document as never, {
          serializer: (node) => node as unknown as DomNode,
          charThreshold: 100,
        }).parse()?.content ?? null;
    } catch {
      // Readability found no article shape: fall back to the whole body below.
      article = null;
    }
    onProgress?.({ fraction: 0.8 });

    const body = article ?? bodyWithoutChrome(decoded.text);
    const builder = new SourceBuilder({ dropLine: isChromeLine });
    walkHtml(body, builder, { lineBreaks: 'split', collapseWhitespace: true });
    const source = builder.build('html', {
      fileName,
      ...(declaredTitle ? { declaredTitle } : {}),
      declaredFields,
    });
    const chromeLines = builder.droppedLines;
    if (source.text === '') throw importErrors.noText('网页', fileName);
    onProgress?.({ fraction: 1 });
    const dropped = [
      {
        zh: '网站的导航、栏目、相关链接、分享和页脚',
        en: "the site's navigation, columns, related links, sharing and footer",
      },
    ];
    if (chromeLines > 0) {
      dropped.push({
        zh: `${chromeLines} 行网页按钮文字（打印、关闭、扫一扫等）`,
        en: `${chromeLines} line(s) of page buttons (print, close, QR code…)`,
      });
    }
    return { source, encoding: decoded.encoding, dropped };
  },
};

/** ArticleTitle, else <title> without the site's name after a separator. */
function pageTitle(document: ParentLike): string | undefined {
  const meta = metaContent(document, 'articletitle');
  if (meta) return meta.replace(/\s+/gu, ' ');
  const title = document.querySelector('title')?.textContent?.trim() ?? '';
  const withoutSite = title.split(/\s*(?:[_|｜]|--|—|-\s)\s*/u)[0]?.trim() ?? '';
  return withoutSite.length >= 4 ? withoutSite : undefined;
}

function bodyWithoutChrome(html: string): DomNode {
  const { document } = parseHTML(html) as unknown as { document: ParentLike & { body: DomNode } };
  for (const element of Array.from(
    document.querySelectorAll('nav, header, footer, aside, script, style, form, iframe'),
  )) {
    element.remove();
  }
  return document.body;
}
