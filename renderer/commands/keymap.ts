/**
 * The reader's keyboard shortcuts, as commands. In Electron the menu shows the same accelerators
 * (without registering them), so one table serves both hosts. Keys typed into a field stay the
 * field's: Ctrl+Z there is the text's own undo.
 */
import type { Command } from '../../core/commands';

export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function commandForKey(e: KeyboardEvent): Command | null {
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (ctrl && !e.altKey) {
    switch (key) {
      case 'f':
        return 'find';
      case 'p':
        return 'print';
      case '=':
      case '+':
        return 'zoomIn';
      case '-':
      case '_':
        return 'zoomOut';
      case '0':
        return 'zoomReset';
      case 'z':
        if (isTyping(e.target)) return null;
        return e.shiftKey ? 'redo' : 'undo';
      case 'y':
        return isTyping(e.target) ? null : 'redo';
      default:
        return null;
    }
  }
  if (e.key === 'F3') return e.shiftKey ? 'findPrevious' : 'findNext';
  if (e.key === 'F1' && !ctrl) return 'shortcuts';
  if (e.altKey && !ctrl && e.key === 'ArrowDown') return 'nextSection';
  if (e.altKey && !ctrl && e.key === 'ArrowUp') return 'previousSection';
  return null;
}
