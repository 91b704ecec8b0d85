/**
 * The reader's keyboard shortcuts: the command table (core/commands.ts) read for a key press.
 * Keys typed into a field stay the field's unless the command says otherwise: Ctrl+Z there is
 * the text's own undo.
 */
import { commandForChord, type Command } from '../../core/commands';

export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function commandForKey(e: KeyboardEvent): Command | null {
  return commandForChord(
    { key: e.key, ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey, alt: e.altKey },
    isTyping(e.target),
  );
}
