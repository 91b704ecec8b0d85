/**
 * Appendix and glossary parts: 附件 / 附件1 / 附件2 名词解释 / 附表3 / 名词解释 /
 * 政府工作报告名词、术语注释. Each is its own top-level part after the text, and its numbered
 * entries are a list, not sections.
 */
import { matchNumberMarker } from './numbering';

/** A glossary's title: 名词解释, 名词、术语注释, 术语解释, 名词注释… */
const GLOSSARY_TITLE = /(?:名词|术语)(?:[、和及与]?(?:术语|名词))?(?:解释|注释|释义|说明)$/u;

export const isGlossaryTitle = (title: string): boolean =>
  title.length <= 40 && GLOSSARY_TITLE.test(title) && !/[，。：:；]/u.test(title);

export interface AppendixHeading {
  /** "附件2", "附表", or '' for a glossary line without a 附件 label. */
  marker: string;
  /** The rest of the line, trimmed ('' when the line is only the label). */
  title: string;
}

const LABEL = /^(附件|附表)\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?/u;

/** The appendix heading a trimmed line is, or null. */
export function recognizeAppendix(text: string): AppendixHeading | null {
  const label = LABEL.exec(text);
  if (label) {
    const rest = text.slice(label[0].length);
    // "附件：1.…" is the 附件说明 of a 公文 (a list of attachments), not an attachment itself.
    if (/^\s*[:：]/u.test(rest)) return null;
    const title = rest.trim();
    if (title === '') return { marker: label[0], title };
    if (!/^\s/u.test(rest) && label[2] === undefined) return null;
    if (title.length > 40 || /[，。：:；、]$/u.test(title) || /[。；]/u.test(title)) return null;
    return { marker: label[0], title };
  }
  // A numbered glossary part ("第四部分 名词解释") is a section of the outline (see section-tree).
  return isGlossaryTitle(text) && matchNumberMarker(text) === null
    ? { marker: '', title: text }
    : null;
}
