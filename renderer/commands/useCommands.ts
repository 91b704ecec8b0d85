/**
 * Runs the app's commands, wherever they come from: a keyboard shortcut (both hosts) or the
 * Electron menus and context menu (sent by main, delivered by the preload's onCommand).
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { isCommand, type Command } from '../../core/commands';
import { commandForKey } from './keymap';

export type CommandHandlers = Partial<Record<Command, () => void>>;

interface CommandBridge {
  onCommand?: (listener: (command: Command) => void) => () => void;
}

export function useCommands(handlers: CommandHandlers): void {
  const current = useRef(handlers);
  // At commit, not after paint: a key pressed as soon as the screen shows a new state (the
  // changes of a comparison just listed) must reach that state's handlers, not the last ones.
  useLayoutEffect(() => {
    current.current = handlers;
  });

  useEffect(() => {
    const run = (command: Command): boolean => {
      const handler = current.current[command];
      if (!handler) return false;
      handler();
      return true;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const command = commandForKey(e);
      if (command && run(command)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const bridge = window.viewer as CommandBridge | undefined;
    const unsubscribe = bridge?.onCommand?.((command) => {
      if (isCommand(command)) run(command);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe?.();
    };
  }, []);
}
