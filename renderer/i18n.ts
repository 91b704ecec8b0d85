/**
 * The UI's language in React: the message tables live in core/i18n (shared with the Electron
 * menus); this file only provides them to components.
 */
import { createContext, useContext } from 'react';
import type { Language } from '../core/settings';
import { translator, type Translate } from '../core/i18n/messages';

export {
  LANGUAGE_NAMES,
  localMessage,
  translator,
  type MessageKey,
  type Translate,
} from '../core/i18n/messages';

export const I18nContext = createContext<{ language: Language; t: Translate }>({
  language: 'zh-CN',
  t: translator('zh-CN'),
});

export function useI18n(): { language: Language; t: Translate } {
  return useContext(I18nContext);
}
