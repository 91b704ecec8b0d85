import { describe, expect, it } from 'vitest';
import {
  accelerator,
  chordText,
  COMMAND_TABLE,
  COMMANDS,
  commandForChord,
  commandSpec,
  type Command,
} from '../../../core/commands';
import { MESSAGES } from '../../../core/i18n/messages';
import { appMenuTemplate } from '../../../electron/main/app-menu';
import { contextMenuTemplate } from '../../../electron/main/context-menu';
import { MENU_STRINGS } from '../../../electron/main/menu-strings';
import { translator } from '../../../core/i18n/messages';
import { shortcutRows } from '../../../renderer/components/ShortcutsDialog';
import type { MenuItemConstructorOptions } from 'electron';

function menuItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? menuItems(item.submenu) : []),
  ]);
}

describe('the command table', () => {
  it('labels every command in both languages', () => {
    for (const command of COMMANDS) {
      const { label } = commandSpec(command);
      expect(MESSAGES['zh-CN'][label], command).toMatch(/\S/);
      expect(MESSAGES.en[label], command).toMatch(/\S/);
    }
  });

  it('gives no two commands the same key', () => {
    const seen = new Map<string, Command>();
    for (const command of COMMANDS) {
      for (const chord of commandSpec(command).keys ?? []) {
        const key = accelerator(chord);
        expect(seen.get(key), `${key}: ${command} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, command);
      }
    }
  });

  it('maps every chord of the table back to its command (outside a field where allowed)', () => {
    for (const command of COMMANDS) {
      const spec = commandSpec(command);
      for (const chord of spec.keys ?? []) {
        const press = {
          key: chord.key,
          ctrl: !!chord.ctrl,
          shift: !!chord.shift,
          alt: !!chord.alt,
        };
        expect(commandForChord(press, false), chordText(chord)).toBe(command);
        expect(commandForChord(press, true)).toBe(spec.whileTyping ? command : null);
      }
    }
  });

  it('keeps Ctrl+Z in a text field for the field, and the shortcuts users know', () => {
    const press = (
      key: string,
      mods: Partial<{ ctrl: boolean; shift: boolean; alt: boolean }>,
    ) => ({
      key,
      ctrl: false,
      shift: false,
      alt: false,
      ...mods,
    });
    expect(commandForChord(press('z', { ctrl: true }), true)).toBeNull();
    expect(commandForChord(press('Z', { ctrl: true, shift: true }), false)).toBe('redo');
    expect(commandForChord(press('o', { ctrl: true }), false)).toBe('importReport');
    expect(commandForChord(press('p', { ctrl: true }), true)).toBe('print');
    expect(commandForChord(press('+', { ctrl: true, shift: true }), false)).toBe('zoomIn');
    expect(commandForChord(press('F7', {}), false)).toBe('nextChange');
    expect(commandForChord(press('F7', { shift: true }), false)).toBe('previousChange');
    expect(commandForChord(press('x', {}), false)).toBeNull();
  });

  it('lists every command that has keys in the shortcuts dialog, with its first chord', () => {
    const rows = shortcutRows();
    for (const command of COMMANDS) {
      const spec = commandSpec(command);
      if (!spec.keys?.length) continue;
      const row = rows.find((r) => r.label === spec.label);
      expect(row, command).toBeDefined();
      expect(row!.keys).toContain(chordText(spec.keys[0]!));
    }
  });

  it.each(['zh-CN', 'en'] as const)(
    'puts every command with a menu place in the %s menu, with its accelerator',
    (language) => {
      const sent: Command[] = [];
      const template = appMenuTemplate(
        { platform: 'linux', appName: 'x', devTools: false, send: (c) => void sent.push(c) },
        { language, theme: 'system' },
      );
      const items = menuItems(template);
      const t = translator(language);
      for (const command of COMMANDS) {
        const spec = commandSpec(command);
        if (!spec.menu) continue;
        const item = items.find((i) => i.label === t(spec.label));
        expect(item, command).toBeDefined();
        const chord = spec.keys?.[0];
        expect(item!.accelerator).toBe(chord ? accelerator(chord) : undefined);
        sent.length = 0;
        (item!.click as () => void)();
        expect(sent).toEqual([command]);
      }
    },
  );

  it('offers on a selection exactly the commands the table marks for it', () => {
    const sent: Command[] = [];
    const template = contextMenuTemplate(
      { selectionText: '行政复议', isEditable: false, editFlags: {} as never },
      MENU_STRINGS['zh-CN'],
      (c) => void sent.push(c),
      translator('zh-CN'),
    );
    for (const item of template) (item.click as (() => void) | undefined)?.();
    const marked = COMMANDS.filter(
      (c) => (COMMAND_TABLE[c] as { onSelection?: number }).onSelection !== undefined,
    );
    expect(sent).toEqual(marked);
  });
});
