/**
 * The app's one command table: what a menu item, a context-menu item, a toolbar button or a
 * shortcut can ask the reader to do. The renderer's keymap, the Electron menus (labels and
 * accelerators), the context menu and the shortcuts dialog all read this table, so they cannot
 * drift apart. Labels are keys of the i18n tables (core/i18n/messages.ts).
 */
import type { MessageKey } from './i18n/messages';

/** A key combination. `ctrl` means Ctrl on Windows/Linux and Cmd on macOS. */
export interface KeyChord {
  /** KeyboardEvent.key, lower case for letters: 'f', '=', 'F3', 'ArrowDown'. */
  key: string;
  ctrl?: boolean;
  shift?: boolean;
  alt?: boolean;
}

/** Where a command sits in the application menu. */
export type MenuName = 'file' | 'edit' | 'view' | 'help';

export interface CommandSpec {
  /** The menu and shortcuts-dialog wording. */
  label: MessageKey;
  /** Shortcuts; the first is shown in menus and dialogs. */
  keys?: readonly KeyChord[];
  /** Also shortcuts while typing in a field (most are not: Ctrl+Z there is the field's own). */
  whileTyping?: boolean;
  /** Menu placement; items of one menu appear in table order, `group` starts a separator. */
  menu?: { name: MenuName; group: number };
  /** Offered in the context menu on selected text, in this group (a separator between groups). */
  onSelection?: number;
  /** Shown in the shortcuts dialog (default: when it has keys). */
  inShortcuts?: boolean;
}

const ctrl = (key: string, extra: Partial<KeyChord> = {}): KeyChord => ({
  key,
  ctrl: true,
  ...extra,
});

export const COMMAND_TABLE = {
  importReport: {
    label: 'cmdImportReport',
    keys: [ctrl('o')],
    whileTyping: true,
    menu: { name: 'file', group: 0 },
  },
  showLibrary: {
    label: 'cmdShowLibrary',
    keys: [ctrl('l', { shift: true })],
    menu: { name: 'file', group: 0 },
  },
  exportAnnotationsMarkdown: { label: 'menuExportMarkdown', menu: { name: 'file', group: 1 } },
  exportAnnotationsJson: { label: 'menuExportJson', menu: { name: 'file', group: 1 } },
  importAnnotations: { label: 'menuImportAnnotations', menu: { name: 'file', group: 1 } },
  print: {
    label: 'menuPrint',
    keys: [ctrl('p')],
    whileTyping: true,
    menu: { name: 'file', group: 2 },
  },
  undo: { label: 'menuUndo', keys: [ctrl('z')], menu: { name: 'edit', group: 0 } },
  redo: {
    label: 'menuRedo',
    keys: [ctrl('z', { shift: true }), ctrl('y')],
    menu: { name: 'edit', group: 0 },
  },
  copyCitation: { label: 'menuCopyCitation', menu: { name: 'edit', group: 1 }, onSelection: 0 },
  // H and N act on a selection in the reading pane (SelectionToolbar); listed in CONTEXT_SHORTCUTS.
  highlightSelection: { label: 'menuHighlight', onSelection: 1 },
  addNote: { label: 'menuAddNote', onSelection: 1 },
  searchSelection: { label: 'menuSearchSelection', onSelection: 2 },
  find: {
    label: 'menuFind',
    keys: [ctrl('f')],
    whileTyping: true,
    menu: { name: 'edit', group: 2 },
  },
  findInLibrary: {
    label: 'cmdFindInLibrary',
    keys: [ctrl('f', { shift: true })],
    whileTyping: true,
    menu: { name: 'edit', group: 2 },
  },
  findNext: {
    label: 'menuFindNext',
    keys: [{ key: 'F3' }],
    whileTyping: true,
    menu: { name: 'edit', group: 2 },
  },
  findPrevious: {
    label: 'menuFindPrevious',
    keys: [{ key: 'F3', shift: true }],
    whileTyping: true,
    menu: { name: 'edit', group: 2 },
  },
  zoomIn: {
    label: 'menuZoomIn',
    keys: [ctrl('='), ctrl('+')],
    whileTyping: true,
    menu: { name: 'view', group: 0 },
  },
  zoomOut: {
    label: 'menuZoomOut',
    keys: [ctrl('-'), ctrl('_')],
    whileTyping: true,
    menu: { name: 'view', group: 0 },
  },
  zoomReset: {
    label: 'menuZoomReset',
    keys: [ctrl('0')],
    whileTyping: true,
    menu: { name: 'view', group: 0 },
  },
  themeSystem: { label: 'themeSystem' },
  themeLight: { label: 'themeLight' },
  themeDark: { label: 'themeDark' },
  themeSepia: { label: 'themeSepia' },
  languageZh: { label: 'languageZhName' },
  languageEn: { label: 'languageEnName' },
  toggleContents: { label: 'menuContents', menu: { name: 'view', group: 2 } },
  toggleAnnotations: { label: 'menuAnnotations', menu: { name: 'view', group: 2 } },
  toggleFigures: { label: 'cmdToggleFigures', menu: { name: 'view', group: 2 } },
  compare: { label: 'cmdCompare', menu: { name: 'view', group: 2 } },
  nextChange: { label: 'cmdNextChange', keys: [{ key: 'F7' }], menu: { name: 'view', group: 3 } },
  previousChange: {
    label: 'cmdPreviousChange',
    keys: [{ key: 'F7', shift: true }],
    menu: { name: 'view', group: 3 },
  },
  previousSection: {
    label: 'menuPreviousSection',
    keys: [{ key: 'ArrowUp', alt: true }],
    menu: { name: 'view', group: 4 },
  },
  nextSection: {
    label: 'menuNextSection',
    keys: [{ key: 'ArrowDown', alt: true }],
    menu: { name: 'view', group: 4 },
  },
  about: { label: 'menuAbout', menu: { name: 'help', group: 0 } },
  shortcuts: {
    label: 'menuShortcuts',
    keys: [{ key: 'F1' }],
    whileTyping: true,
    menu: { name: 'help', group: 0 },
  },
} as const satisfies Record<string, CommandSpec>;

export type Command = keyof typeof COMMAND_TABLE;

export const COMMANDS = Object.keys(COMMAND_TABLE) as Command[];

export function commandSpec(command: Command): CommandSpec {
  return COMMAND_TABLE[command];
}

export function isCommand(value: unknown): value is Command {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(COMMAND_TABLE, value);
}

/**
 * Keys that are not commands but that the shortcuts dialog lists: they act on what has focus
 * (the search field, the contents tree, the note editor).
 */
export const CONTEXT_SHORTCUTS: readonly { keys: string; label: MessageKey }[] = [
  { keys: 'H', label: 'scHighlight' },
  { keys: 'N', label: 'scNote' },
  { keys: 'Enter / Shift+Enter', label: 'scFindNextPrevious' },
  { keys: 'Esc', label: 'scCloseSearch' },
  { keys: '↑ ↓ Home End → ←  Enter', label: 'scTree' },
  { keys: 'Ctrl+Enter', label: 'scSaveNote' },
];

/** The same chord as the text a person reads: 'Ctrl+Shift+Z', 'Alt+↓', 'F7'. */
export function chordText(chord: KeyChord, mac = false): string {
  const parts: string[] = [];
  if (chord.ctrl) parts.push(mac ? '⌘' : 'Ctrl');
  if (chord.alt) parts.push(mac ? '⌥' : 'Alt');
  if (chord.shift && !isPunctuation(chord.key)) parts.push('Shift');
  parts.push(keyText(chord.key));
  return parts.join('+');
}

/** Electron's accelerator for a chord: 'CmdOrCtrl+Shift+Z', 'Alt+Down'. */
export function accelerator(chord: KeyChord): string {
  const parts: string[] = [];
  if (chord.ctrl) parts.push('CmdOrCtrl');
  if (chord.alt) parts.push('Alt');
  if (chord.shift) parts.push('Shift');
  const named: Record<string, string> = { ArrowUp: 'Up', ArrowDown: 'Down', '+': 'Plus' };
  parts.push(named[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key));
  return parts.join('+');
}

/** The ARIA `aria-keyshortcuts` value of a command's first chord. */
export function ariaKeys(command: Command): string | undefined {
  const chord = (commandSpec(command).keys ?? [])[0];
  if (!chord) return undefined;
  const parts: string[] = [];
  if (chord.ctrl) parts.push('Control');
  if (chord.alt) parts.push('Alt');
  if (chord.shift) parts.push('Shift');
  parts.push(chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  return parts.join('+');
}

function keyText(key: string): string {
  const arrows: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓' };
  return arrows[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

/** The command a key press asks for, given whether the user is typing in a field. */
export function commandForChord(
  press: { key: string; ctrl: boolean; shift: boolean; alt: boolean },
  typing: boolean,
): Command | null {
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  for (const command of COMMANDS) {
    const spec: CommandSpec = COMMAND_TABLE[command];
    if (typing && !spec.whileTyping) continue;
    for (const chord of spec.keys ?? []) {
      if (
        chord.key === key &&
        !!chord.ctrl === press.ctrl &&
        !!chord.alt === press.alt &&
        // Punctuation keys already carry Shift in their character ('+', '_').
        (!!chord.shift === press.shift || isPunctuation(chord.key))
      ) {
        return command;
      }
    }
  }
  return null;
}

function isPunctuation(key: string): boolean {
  return key.length === 1 && !/[a-z0-9]/i.test(key);
}

/** The IPC channel on which main sends a command to the page. */
export const COMMAND_CHANNEL = 'viewer:command';
