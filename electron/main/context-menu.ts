/**
 * The right-click menu of the reader window. On selected text it offers what the reader can do
 * with a passage (copy, copy with citation, highlight, note, search); in a text field the usual
 * editing items; elsewhere nothing. The page may cancel its DOM `contextmenu` event where a menu
 * makes no sense (then Electron asks for none). "Inspect element" only in development.
 */
import type { ContextMenuParams, Menu, MenuItemConstructorOptions, WebContents } from 'electron';
import { commandSpec, COMMANDS } from '../../core/commands';
import type { Translate } from '../../core/i18n/messages';
import type { SendCommand } from './command-sender';
import type { MenuStrings } from './menu-strings';

export interface ContextMenuSpec {
  strings: () => MenuStrings;
  /** The current language's messages, for the command table's labels. */
  translate: () => Translate;
  send: SendCommand;
  /** Adds "Inspect element": for an unpackaged (development) run only. */
  devTools: boolean;
}

type MenuParams = Pick<ContextMenuParams, 'selectionText' | 'isEditable' | 'editFlags'>;

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function contextMenuTemplate(
  params: MenuParams,
  s: MenuStrings,
  send: SendCommand,
  t: Translate,
): MenuItemConstructorOptions[] {
  if (params.isEditable) {
    const flags = params.editFlags;
    return [
      { role: 'cut', label: s.cut, enabled: flags.canCut },
      { role: 'copy', label: s.copy, enabled: flags.canCopy },
      { role: 'paste', label: s.paste, enabled: flags.canPaste },
      separator,
      { role: 'selectAll', label: s.selectAll, enabled: flags.canSelectAll },
    ];
  }
  if (params.selectionText.trim() === '') return [];
  // Copy, then what the command table offers on a selection, a separator between its groups.
  const items: MenuItemConstructorOptions[] = [{ role: 'copy', label: s.copy }];
  let group = 0;
  for (const name of COMMANDS) {
    const placed = commandSpec(name).onSelection;
    if (placed === undefined) continue;
    if (placed !== group) items.push(separator);
    group = placed;
    items.push({ label: t(commandSpec(name).label), click: () => send(name) });
  }
  return items;
}

export function attachContextMenu(
  contents: Pick<WebContents, 'on' | 'inspectElement'>,
  menu: Pick<typeof Menu, 'buildFromTemplate'>,
  spec: ContextMenuSpec,
): void {
  contents.on('context-menu', (_event, params) => {
    const s = spec.strings();
    const template = contextMenuTemplate(params, s, spec.send, spec.translate());
    if (spec.devTools) {
      const inspect = {
        label: s.inspect,
        click: () => contents.inspectElement(params.x, params.y),
      };
      template.push(...(template.length > 0 ? [separator] : []), inspect);
    }
    if (template.length > 0) menu.buildFromTemplate(template).popup();
  });
}
