/**
 * The application menu, in the user's language. Editing clipboard items use Electron's roles
 * (they act on whatever has focus, text fields included); everything the reader itself does is
 * a command sent to the page, which decides what it means there (undo in a text field is the
 * field's own undo, elsewhere the annotations' undo). Accelerators only fire for keys the page
 * did not handle itself, so they never double the page's own shortcuts.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { Command } from '../../core/commands';
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

const THEME_COMMANDS: readonly [Theme, Command, keyof MenuStrings][] = [
  ['system', 'themeSystem', 'themeSystem'],
  ['light', 'themeLight', 'themeLight'],
  ['dark', 'themeDark', 'themeDark'],
  ['sepia', 'themeSepia', 'themeSepia'],
];

/** Each language is named in itself, so a user who picked the wrong one can find theirs. */
const LANGUAGE_COMMANDS: readonly [Language, Command, string][] = [
  ['zh-CN', 'languageZh', '中文'],
  ['en', 'languageEn', 'English'],
];

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function appMenuTemplate(
  spec: AppMenuSpec,
  settings: MenuSettings,
): MenuItemConstructorOptions[] {
  const s = MENU_STRINGS[settings.language];
  const isMac = spec.platform === 'darwin';
  const command = (label: string, name: Command, accelerator?: string) =>
    ({ label, accelerator, click: () => spec.send(name) }) satisfies MenuItemConstructorOptions;
  const top = (label: string, submenu: MenuItemConstructorOptions[]) => ({
    label: menuLabel(label, spec.platform),
    submenu,
  });

  const macAppMenu = top(spec.appName, [
    command(s.about, 'about'),
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
    command(s.exportMarkdown, 'exportAnnotationsMarkdown'),
    command(s.exportJson, 'exportAnnotationsJson'),
    command(s.importAnnotations, 'importAnnotations'),
    separator,
    command(s.print, 'print', 'CmdOrCtrl+P'),
    ...(isMac ? [] : [separator, { role: 'quit', label: s.quit } as const]),
  ]);
  const edit = top(s.edit, [
    command(s.undo, 'undo', 'CmdOrCtrl+Z'),
    command(s.redo, 'redo', 'CmdOrCtrl+Shift+Z'),
    separator,
    { role: 'cut', label: s.cut },
    { role: 'copy', label: s.copy },
    command(s.copyCitation, 'copyCitation'),
    { role: 'paste', label: s.paste },
    { role: 'selectAll', label: s.selectAll },
    separator,
    command(s.find, 'find', 'CmdOrCtrl+F'),
    command(s.findNext, 'findNext', 'F3'),
    command(s.findPrevious, 'findPrevious', 'Shift+F3'),
  ]);
  const view = top(s.view, [
    command(s.zoomIn, 'zoomIn', 'CmdOrCtrl+='),
    command(s.zoomOut, 'zoomOut', 'CmdOrCtrl+-'),
    command(s.zoomReset, 'zoomReset', 'CmdOrCtrl+0'),
    separator,
    {
      label: s.theme,
      submenu: THEME_COMMANDS.map(([theme, name, label]) => ({
        ...command(s[label], name),
        type: 'radio',
        checked: settings.theme === theme,
      })),
    },
    {
      label: s.language,
      submenu: LANGUAGE_COMMANDS.map(([language, name, label]) => ({
        ...command(label, name),
        type: 'radio',
        checked: settings.language === language,
      })),
    },
    separator,
    command(s.contents, 'toggleContents'),
    command(s.annotations, 'toggleAnnotations'),
    separator,
    command(s.previousSection, 'previousSection', 'Alt+Up'),
    command(s.nextSection, 'nextSection', 'Alt+Down'),
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
  const help = top(s.help, [
    ...(isMac ? [] : [command(s.about, 'about')]),
    command(s.shortcuts, 'shortcuts'),
  ]);
  return [...(isMac ? [macAppMenu] : []), file, edit, view, windowMenu, help];
}

export interface AppMenu {
  /** Shows the menu for these settings; rebuilds only when the language or theme changed. */
  update(settings: MenuSettings): void;
  /** The main process's words in the current language (context menu, dialogs). */
  strings(): MenuStrings;
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
  };
}
