/**
 * The app's commands: what a menu item, a context-menu item or a shortcut can ask the reader to
 * do. The Electron menus send these names to the page; the renderer maps each to an action.
 * One list, so the menu and the UI cannot drift apart.
 */
export const COMMANDS = [
  'find',
  'findNext',
  'findPrevious',
  'searchSelection',
  'print',
  'exportAnnotationsMarkdown',
  'exportAnnotationsJson',
  'importAnnotations',
  'copyCitation',
  'highlightSelection',
  'addNote',
  'undo',
  'redo',
  'zoomIn',
  'zoomOut',
  'zoomReset',
  'themeSystem',
  'themeLight',
  'themeDark',
  'themeSepia',
  'languageZh',
  'languageEn',
  'toggleContents',
  'toggleAnnotations',
  'previousSection',
  'nextSection',
  'about',
  'shortcuts',
] as const;

export type Command = (typeof COMMANDS)[number];

export function isCommand(value: unknown): value is Command {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}

/** The IPC channel on which main sends a command to the page. */
export const COMMAND_CHANNEL = 'viewer:command';
