/**
 * Every visible string of the UI, in Chinese and English, in one place. The English table must
 * have every key of the Chinese one (the compiler checks), so no string is left untranslated.
 */
import { createContext, useContext } from 'react';
import type { Language } from '../core/settings';

const zh = {
  appName: '法治报告阅读器',
  loading: '正在打开报告…',
  contents: '目录',
  contentsEmpty: '这份报告没有可识别的章节编号。',
  metadata: '文件信息',
  metadataEmptyValue: '（空）',
  preamble: '导语',
  prevSection: '上一节',
  nextSection: '下一节',
  prevSectionHint: '上一节（Alt+↑）',
  nextSectionHint: '下一节（Alt+↓）',
  fontSmaller: 'A-',
  fontLarger: 'A+',
  fontSmallerHint: '缩小字号（Ctrl+-）',
  fontLargerHint: '放大字号（Ctrl+=）',
  fontSizeStatus: '字号 {size}',
  theme: '主题',
  themeSystem: '跟随系统',
  themeLight: '浅色',
  themeDark: '深色',
  themeSepia: '护眼',
  language: '语言',
  reports: '报告',
  chooseReport: '请选择要阅读的报告',
  noReports: '报告文件夹中没有报告（.txt 文件）。',
  toolbar: '工具栏',
  dismiss: '知道了',
  errorTitle: '出了点问题',
  retry: '重试',
  currentSection: '当前章节：{title}',
  collapse: '折叠',
  expand: '展开',
  sectionCount: '{count} 节',
  reportTitleFallback: '未命名报告',
  reportTitle: '标题',
  searchLabel: '搜索全文',
  searchPlaceholder: '搜索全文（Ctrl+F）',
  searchNoHitsShort: '无结果',
  searchPosition: '第 {i} / {n} 处',
  searchCount: '共 {n} 处',
  searchPrev: '上一处（Shift+Enter）',
  searchNext: '下一处（Enter）',
  searchClose: '关闭搜索（Esc）',
  searchResults: '搜索结果',
  searchNone: '没有找到“{q}”。',
  searchNoneHint: '请试试更短的词，或减少词语的个数。',
  searchTotal: '共找到 {n} 处，分布在 {units} 段',
  searchOrder: '排序',
  searchByRelevance: '按相关度',
  searchByDocument: '按原文顺序',
  searchInUnit: '{n} 处',
};

export type MessageKey = keyof typeof zh;
type Messages = Record<MessageKey, string>;

const en: Messages = {
  appName: 'Report Reader',
  loading: 'Opening the report…',
  contents: 'Contents',
  contentsEmpty: 'This report has no recognisable section numbering.',
  metadata: 'Document information',
  metadataEmptyValue: '(empty)',
  preamble: 'Introduction',
  prevSection: 'Previous',
  nextSection: 'Next',
  prevSectionHint: 'Previous section (Alt+↑)',
  nextSectionHint: 'Next section (Alt+↓)',
  fontSmaller: 'A-',
  fontLarger: 'A+',
  fontSmallerHint: 'Smaller text (Ctrl+-)',
  fontLargerHint: 'Larger text (Ctrl+=)',
  fontSizeStatus: 'Text size {size}',
  theme: 'Theme',
  themeSystem: 'Follow system',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeSepia: 'Sepia',
  language: 'Language',
  reports: 'Reports',
  chooseReport: 'Choose a report to read',
  noReports: 'There are no reports (.txt files) in the reports folder.',
  toolbar: 'Toolbar',
  dismiss: 'OK',
  errorTitle: 'Something went wrong',
  retry: 'Try again',
  currentSection: 'Current section: {title}',
  collapse: 'Collapse',
  expand: 'Expand',
  sectionCount: '{count} sections',
  reportTitleFallback: 'Untitled report',
  reportTitle: 'Title',
  searchLabel: 'Search full text',
  searchPlaceholder: 'Search full text (Ctrl+F)',
  searchNoHitsShort: 'No matches',
  searchPosition: '{i} of {n}',
  searchCount: '{n} matches',
  searchPrev: 'Previous match (Shift+Enter)',
  searchNext: 'Next match (Enter)',
  searchClose: 'Close search (Esc)',
  searchResults: 'Search results',
  searchNone: 'No matches for “{q}”.',
  searchNoneHint: 'Try a shorter word, or fewer words.',
  searchTotal: '{n} matches in {units} paragraphs',
  searchOrder: 'Order',
  searchByRelevance: 'By relevance',
  searchByDocument: 'In document order',
  searchInUnit: '{n} matches',
};

const tables: Record<Language, Messages> = { 'zh-CN': zh, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const table = tables[language];
  return (key, params) => {
    let text = table[key];
    if (params) {
      for (const [name, value] of Object.entries(params))
        text = text.replaceAll(`{${name}}`, String(value));
    }
    return text;
  };
}

export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

export const I18nContext = createContext<{ language: Language; t: Translate }>({
  language: 'zh-CN',
  t: translator('zh-CN'),
});

export function useI18n(): { language: Language; t: Translate } {
  return useContext(I18nContext);
}

/** Picks the message of an ApiError-like value in the current language. */
export function localMessage(
  language: Language,
  m: { message: string; messageEn: string },
): string {
  return language === 'en' ? m.messageEn : m.message;
}
