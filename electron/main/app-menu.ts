/**
 * The application menu, in the user's language. Editing clipboard items use Electron's roles
 * (they act on whatever has focus, text fields included); everything the reader itself does is
 * a command sent to the page, which decides what it means there (undo in a text field is the
 * field's own undo, elsewhere the annotations' undo). Accelerators only fire for keys the page
 * did not handle itself, so they never double the page's own shortcuts.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';
import {
  accelerator,
  commandSpec,
  COMMANDS,
  type Command,
  type MenuName,
} from '../../core/commands';
import { translator, type Translate } from '../../core/i18n/messages';
import type { Language, Theme } from '../../core/settings';
import type { SendCommand } from './command-sender';
import { MENU_STRINGS, menuLabel, type MenuStrings } from './menu-strings';

export interface AppMenuSpec {
  platform: NodeJS.Platform;
  appName: string;
  /** Reload and developer tools: for an unpackaged (development) run only. */
  devTools: boolean;
  send: SendCommand;
}

/** The settings the menu shows: its language and which theme is checked. */
export interface MenuSettings {
  language: Language;
  theme: Theme;
}

const THEME_COMMANDS: readonly [Theme, Command][] = [
  ['system', 'themeSystem'],
  ['light', 'themeLight'],
  ['dark', 'themeDark'],
  ['sepia', 'themeSepia'],
];

/** Each language is named in itself, so a user who picked the wrong one can find theirs. */
const LANGUAGE_COMMANDS: readonly [Language, Command][] = [
  ['zh-CN', 'languageZh'],
  ['en', 'languageEn'],
];

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function appMenuTemplate(
  spec: AppMenuSpec,
  settings: MenuSettings,
): MenuItemConstructorOptions[] {
  const s = MENU_STRINGS[settings.language];
  const t = translator(settings.language);
  const isMac = spec.platform === 'darwin';
  const command = (name: Command, label = t(commandSpec(name).label)) => {
    const chord = commandSpec(name).keys?.[0];
    return {
      label,
      accelerator: chord ? accelerator(chord) : undefined,
      click: () => spec.send(name),
    } satisfies MenuItemConstructorOptions;
  };
  // The items the command table places in a menu, in table order, a separator between groups.
  const fromTable = (menu: MenuName): MenuItemConstructorOptions[] => {
    const items: MenuItemConstructorOptions[] = [];
    let group: number | null = null;
    for (const name of COMMANDS) {
      const placed = commandSpec(name).menu;
      if (placed?.name !== menu) continue;
      if (group !== null && placed.group !== group) items.push(separator);
      group = placed.group;
      items.push(command(name));
    }
    return items;
  };
  const top = (label: string, submenu: MenuItemConstructorOptions[]) => ({
    label: menuLabel(label, spec.platform),
    submenu,
  });

  const macAppMenu = top(spec.appName, [
    command('about'),
    separator,
    { role: 'services' },
    separator,
    { role: 'hide' },
    { role: 'hideOthers' },
    { role: 'unhide' },
    separator,
    { role: 'quit', label: s.quit },
  ]);
  const file = top(s.file, [
    ...fromTable('file'),
    ...(isMac ? [] : [separator, { role: 'quit', label: s.quit } as const]),
  ]);
  const [undo, redo, ...restOfEdit] = fromTable('edit');
  const edit = top(s.edit, [
    ...(undo && redo ? [undo, redo] : []),
    separator,
    { role: 'cut', label: s.cut },
    { role: 'copy', label: s.copy },
    { role: 'paste', label: s.paste },
    { role: 'selectAll', label: s.selectAll },
    ...restOfEdit,
  ]);
  const view = top(s.view, [
    ...fromTable('view'),
    separator,
    {
      label: s.theme,
      submenu: THEME_COMMANDS.map(([theme, name]) => ({
        ...command(name),
        type: 'radio',
        checked: settings.theme === theme,
      })),
    },
    {
      label: s.language,
      submenu: LANGUAGE_COMMANDS.map(([language, name]) => ({
        ...command(name),
        type: 'radio',
        checked: settings.language === language,
      })),
    },
    separator,
    { role: 'togglefullscreen', label: s.fullScreen },
    ...(spec.devTools
      ? [
          separator,
          { role: 'reload', label: s.reload } as const,
          { role: 'toggleDevTools', label: s.devTools } as const,
        ]
      : []),
  ]);
  const windowMenu = top(s.window, [
    { role: 'minimize', label: s.minimize },
    { role: 'close', label: s.close },
  ]);
  const help = top(
    s.help,
    fromTable('help').filter((item) => !(isMac && item.label === t(commandSpec('about').label))),
  );
  return [...(isMac ? [macAppMenu] : []), file, edit, view, windowMenu, help];
}

export interface AppMenu {
  /** Shows the menu for these settings; rebuilds only when the language or theme changed. */
  update(settings: MenuSettings): void;
  /** The main process's words in the current language (context menu, dialogs). */
  strings(): MenuStrings;
  /** The current language's messages, for labels from the command table. */
  translate(): Translate;
}

export function installAppMenu(
  menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>,
  spec: AppMenuSpec,
  initial: MenuSettings,
): AppMenu {
  let shown: MenuSettings | null = null;
  const update = (settings: MenuSettings): void => {
    const next = { language: settings.language, theme: settings.theme };
    if (shown !== null && shown.language === next.language && shown.theme === next.theme) return;
    menu.setApplicationMenu(menu.buildFromTemplate(appMenuTemplate(spec, next)));
    shown = next;
  };
  update(initial);
  return {
    update,
    strings: () => MENU_STRINGS[shown?.language ?? initial.language],
    translate: () => translator(shown?.language ?? initial.language),
  };
}
