/** Titles and fields a format declared outside the text (web page meta tags, .docx properties). */
import type { MetadataField } from './report-model';
import type { SourceField } from './report-source';
import { canonicalLabel } from './metadata-header';

/** A page title's last part when it names the site: "…通知 - 广州市人民政府门户网站". */
const SITE_NAME = /网站|门户|官网|首页|政府网|\.gov\.cn|中国政府网/u;

/** The declared title without the site's name appended to it; '' when nothing is left. */
export function cleanDeclaredTitle(title: string): string {
  let cleaned = title.replace(/\s+/gu, ' ').trim();
  for (;;) {
    const cut = /\s*[-_|｜–—]{1,2}\s*([^-_|｜–—]*)$/u.exec(cleaned);
    if (!cut || cut.index === 0 || !SITE_NAME.test(cut[1] ?? '')) break;
    cleaned = cleaned.slice(0, cut.index).trim();
  }
  return SITE_NAME.test(cleaned) && cleaned.length <= 20 ? '' : cleaned;
}

/** The usual names of meta tags that carry document information, in Chinese. */
const DECLARED_LABELS: Record<string, string> = {
  articletitle: '标题',
  title: '标题',
  pubdate: '发布日期',
  firstpublishedtime: '发布日期',
  contentsource: '来源',
  source: '来源',
  keywords: '关键词',
  author: '作者',
  url: '链接',
};

/** The declared fields as metadata fields, labels in Chinese where the meta name is known. */
export function declaredMetadata(fields: readonly SourceField[]): MetadataField[] {
  return fields
    .filter((field) => field.label.trim() !== '' && field.value.trim() !== '')
    .map((field) => {
      const raw = field.label.trim();
      return {
        label: DECLARED_LABELS[raw.toLowerCase()] ?? canonicalLabel(raw),
        rawLabel: raw,
        value: field.value.trim(),
      };
    });
}
