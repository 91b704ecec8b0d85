/**
 * The document-information box of a government web page (索引号, 文号, 发布机关, 成文日期 …),
 * found wherever the site puts it (a list, a table of label and value cells, a definition list)
 * before Readability runs, because Readability usually drops it with the page chrome.
 */
import type { SourceField } from '../../core/report/report-source';

interface ElementLike {
  nodeName: string;
  textContent: string | null;
  children: ArrayLike<ElementLike>;
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
}

/** Labels these boxes use (written without spaces); anything else is not taken as a field. */
const LABELS = [
  '索引号',
  '统一编号',
  '信息索取号',
  '文号',
  '发文字号',
  '发文机关',
  '发布机关',
  '发布机构',
  '公开责任部门',
  '成文日期',
  '发文日期',
  '发布日期',
  '生成日期',
  '实施日期',
  '生效日期',
  '失效日期',
  '废止日期',
  '主题分类',
  '体裁分类',
  '组配分类',
  '服务对象分类',
  '主题词',
  '公开方式',
  '公开范围',
  '有效性',
  '信息名称',
  '标题',
  '名称',
];

/** 'label' when the text (spaces removed, trailing colon allowed) is a known label. */
function asLabel(text: string): string | null {
  const compact = text.replace(/[\s\u3000]+/gu, '').replace(/[:：]$/u, '');
  return LABELS.includes(compact) ? compact : null;
}

const INFO_DATE =
  /(?:发布时间|发布日期|发文日期)\s*[:：]\s*(\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)/u;
const INFO_SOURCE = /(?:来源|信息来源|发布机构)\s*[:：]\s*([^\s【[|｜:：]+)/u;

/** Splits «label：value» when the label is a known one. */
function asPair(text: string): SourceField | null {
  const match = /^([^:：]{2,12})[:：]\s*(.+)$/su.exec(text.trim());
  if (!match) return null;
  const label = asLabel(match[1] ?? '');
  const value = (match[2] ?? '').replace(/\s+/gu, ' ').trim();
  return label && value !== '' ? { label, value } : null;
}

/** Text without the scripts some sites put inside the box. */
function textOf(element: ElementLike): string {
  const parts: string[] = [];
  const visit = (node: ElementLike) => {
    const tag = node.nodeName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE') return;
    if ((node as unknown as { nodeType: number }).nodeType === 3) {
      parts.push(node.textContent ?? '');
      return;
    }
    const childNodes = (node as unknown as { childNodes: ArrayLike<ElementLike> }).childNodes;
    for (const child of Array.from(childNodes)) visit(child);
  };
  visit(element);
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

/** Every known label/value pair in the page's lists, tables and definition lists, in order. */
export function pageInfoFields(document: ElementLike): SourceField[] {
  const fields: SourceField[] = [];
  const add = (field: SourceField | null) => {
    if (field && !fields.some((f) => f.label === field.label)) fields.push(field);
  };

  for (const item of Array.from(document.querySelectorAll('li'))) add(asPair(textOf(item)));

  for (const row of Array.from(document.querySelectorAll('tr'))) {
    const cells = Array.from(row.children).filter((c) => /^T[DH]$/iu.test(c.nodeName));
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (!cell || cell.querySelectorAll('table').length > 0) continue;
      const text = textOf(cell);
      const label = asLabel(text);
      const next = cells[i + 1];
      if (label && next) {
        const value = textOf(next);
        if (value !== '' && !asLabel(value)) add({ label, value });
        i++;
      } else {
        add(asPair(text));
      }
    }
  }

  // The line under a headline: «发布时间：2026-01-08 来源：某某局 【字号：大 中 小】».
  for (const element of Array.from(document.querySelectorAll('div, p, span, td'))) {
    const text = textOf(element);
    if (text.length > 160) continue;
    const date = INFO_DATE.exec(text);
    if (date?.[1]) add({ label: '发布日期', value: date[1].trim() });
    const source = date ? INFO_SOURCE.exec(text) : null;
    if (source?.[1]) add({ label: '来源', value: source[1] });
  }

  for (const term of Array.from(document.querySelectorAll('dt'))) {
    const label = asLabel(textOf(term));
    const definition = (term as unknown as { nextElementSibling: ElementLike | null })
      .nextElementSibling;
    if (label && definition && definition.nodeName.toUpperCase() === 'DD') {
      const value = textOf(definition);
      if (value !== '') add({ label, value });
    }
  }
  return fields;
}
