/** Shortcuts from the command table reach their handlers; keys typed into a field stay there. */
import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Command } from '../../core/commands';
import { useCommands, type CommandHandlers } from '../../renderer/commands/useCommands';

function Harness({ handlers }: { handlers: CommandHandlers }) {
  useCommands(handlers);
  return <input aria-label="field" />;
}

describe('useCommands', () => {
  it('runs the command a shortcut names and stops the browser default', () => {
    const undo = vi.fn();
    const find = vi.fn();
    render(<Harness handlers={{ undo, find }} />);
    const event = new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, cancelable: true });
    window.dispatchEvent(event);
    expect(undo).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
    fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    expect(find).toHaveBeenCalledTimes(1);
  });

  it('leaves Ctrl+Z to a text field, but Ctrl+F still finds from one', () => {
    const undo = vi.fn();
    const find = vi.fn();
    const { getByLabelText } = render(<Harness handlers={{ undo, find }} />);
    const field = getByLabelText('field');
    fireEvent.keyDown(field, { key: 'z', ctrlKey: true });
    expect(undo).not.toHaveBeenCalled();
    fireEvent.keyDown(field, { key: 'f', ctrlKey: true });
    expect(find).toHaveBeenCalledTimes(1);
  });

  it('does not take keys whose command has no handler here', () => {
    const { container } = render(<Harness handlers={{}} />);
    const event = new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    void container;
  });

  it('runs commands sent by the Electron menus through the bridge, and only known ones', () => {
    let send: ((command: Command) => void) | null = null;
    window.viewer = {
      onCommand: (listener: (command: Command) => void) => {
        send = listener;
        return () => (send = null);
      },
    } as unknown as typeof window.viewer;
    const nextChange = vi.fn();
    const { unmount } = render(<Harness handlers={{ nextChange }} />);
    send!('nextChange');
    send!('rm -rf' as Command);
    expect(nextChange).toHaveBeenCalledTimes(1);
    unmount();
    expect(send).toBeNull();
    delete window.viewer;
  });
});
