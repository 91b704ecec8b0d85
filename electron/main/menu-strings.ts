/**
 * The words the main process shows itself: menu labels and the save dialog's titles, in the
 * UI's two languages. The renderer has its own dictionary; these are the few that Electron
 * draws natively. `(&F)` / `&File` mark the Windows/Linux access keys (see menuLabel).
 */
import type { Language } from '../../core/settings';

export interface MenuStrings {
  file: string;
  exportMarkdown: string;
  exportJson: string;
  importAnnotations: string;
  print: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  copyCitation: string;
  find: string;
  findNext: string;
  findPrevious: string;
  view: string;
  zoomIn: string;
  zoomOut: string;
  zoomReset: string;
  theme: string;
  themeSystem: string;
  themeLight: string;
  themeDark: string;
  themeSepia: string;
  language: string;
  contents: string;
  annotations: string;
  previousSection: string;
  nextSection: string;
  fullScreen: string;
  reload: string;
  devTools: string;
  window: string;
  minimize: string;
  close: string;
  help: string;
  about: string;
  shortcuts: string;
  highlight: string;
  addNote: string;
  searchSelection: string;
  inspect: string;
  exportDialogTitle: string;
  saveDialogTitle: string;
  allFiles: string;
}

const zh: MenuStrings = {
  file: '文件(&F)',
  exportMarkdown: '导出批注为 Markdown…',
  exportJson: '导出批注为 JSON…',
  importAnnotations: '导入批注…',
  print: '打印到 PDF…',
  quit: '退出',
  edit: '编辑(&E)',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  copyCitation: '复制引用',
  find: '查找',
  findNext: '查找下一个',
  findPrevious: '查找上一个',
  view: '视图(&V)',
  zoomIn: '放大',
  zoomOut: '缩小',
  zoomReset: '重置字号',
  theme: '主题',
  themeSystem: '跟随系统',
  themeLight: '浅色',
  themeDark: '深色',
  themeSepia: '护眼',
  language: '语言 / Language',
  contents: '目录',
  annotations: '批注',
  previousSection: '上一节',
  nextSection: '下一节',
  fullScreen: '全屏',
  reload: '重新加载',
  devTools: '开发者工具',
  window: '窗口(&W)',
  minimize: '最小化',
  close: '关闭',
  help: '帮助(&H)',
  about: '关于',
  shortcuts: '快捷键',
  highlight: '高亮',
  addNote: '添加批注',
  searchSelection: '搜索所选文字',
  inspect: '检查元素',
  exportDialogTitle: '导出批注',
  saveDialogTitle: '保存',
  allFiles: '所有文件',
};

const en: MenuStrings = {
  file: '&File',
  exportMarkdown: 'Export Annotations as Markdown…',
  exportJson: 'Export Annotations as JSON…',
  importAnnotations: 'Import Annotations…',
  print: 'Print to PDF…',
  quit: 'Quit',
  edit: '&Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  copyCitation: 'Copy with Citation',
  find: 'Find',
  findNext: 'Find Next',
  findPrevious: 'Find Previous',
  view: '&View',
  zoomIn: 'Larger Text',
  zoomOut: 'Smaller Text',
  zoomReset: 'Reset Text Size',
  theme: 'Theme',
  themeSystem: 'Follow System',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeSepia: 'Sepia',
  language: 'Language / 语言',
  contents: 'Contents',
  annotations: 'Annotations',
  previousSection: 'Previous Section',
  nextSection: 'Next Section',
  fullScreen: 'Full Screen',
  reload: 'Reload',
  devTools: 'Developer Tools',
  window: '&Window',
  minimize: 'Minimize',
  close: 'Close',
  help: '&Help',
  about: 'About',
  shortcuts: 'Keyboard Shortcuts',
  highlight: 'Highlight',
  addNote: 'Add Note',
  searchSelection: 'Search for Selection',
  inspect: 'Inspect Element',
  exportDialogTitle: 'Export Annotations',
  saveDialogTitle: 'Save',
  allFiles: 'All Files',
};

export const MENU_STRINGS: Readonly<Record<Language, MenuStrings>> = { 'zh-CN': zh, en };

/**
 * A label as the platform shows it. macOS menus have no access keys, and Electron would show
 * the Chinese "(&F)" suffix there as "(F)", so it is dropped; elsewhere the label is kept.
 */
export function menuLabel(label: string, platform: NodeJS.Platform): string {
  if (platform !== 'darwin') return label;
  return label.replace(/\(&\w\)$/u, '').replace(/&(?=\S)/gu, '');
}
