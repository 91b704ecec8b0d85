/**
 * The words the main process shows itself (menu labels, the save dialog's titles), read from
 * the app's one set of message tables (core/i18n/messages.ts, keys `menu…`). `(&F)` / `&File`
 * mark the Windows/Linux access keys (see menuLabel).
 */
import { MESSAGES, type Messages } from '../../core/i18n/messages';
import type { Language } from '../../core/settings';

type MenuKey = Extract<keyof Messages, `menu${string}`>;
type Unprefixed<K extends string> = K extends `menu${infer Rest}` ? Uncapitalize<Rest> : never;

export type MenuStrings = { [K in MenuKey as Unprefixed<K>]: string };

function menuStrings(language: Language): MenuStrings {
  const table = MESSAGES[language];
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(table)) {
    if (/^menu[A-Z]/.test(key)) strings[key.charAt(4).toLowerCase() + key.slice(5)] = value;
  }
  return strings as MenuStrings;
}

export const MENU_STRINGS: Readonly<Record<Language, MenuStrings>> = {
  'zh-CN': menuStrings('zh-CN'),
  en: menuStrings('en'),
};

/**
 * A label as the platform shows it. macOS menus have no access keys, and Electron would show
 * the Chinese "(&F)" suffix there as "(F)", so it is dropped; elsewhere the label is kept.
 */
export function menuLabel(label: string, platform: NodeJS.Platform): string {
  if (platform !== 'darwin') return label;
  return label.replace(/\(&\w\)$/u, '').replace(/&(?=\S)/gu, '');
}
