import { beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_CHANNEL, type Command } from '../../../../core/commands';
import { createCommandSender } from '../../../../electron/main/command-sender';
import { WebContentsMock } from '../../../mocks/electron';
import { captureLog } from '../capture-log';

describe('createCommandSender', () => {
  let contents: WebContentsMock;
  let current: WebContentsMock | null;
  let log: ReturnType<typeof captureLog>;
  let send: (command: Command) => void;

  beforeEach(async () => {
    contents = new WebContentsMock();
    await contents.loadURL('app://viewer/index.html');
    current = contents;
    log = captureLog();
    send = createCommandSender(() => current, log);
  });

  it('sends the command name to the app page on the command channel', () => {
    send('find');
    expect(contents.send).toHaveBeenCalledWith(COMMAND_CHANNEL, 'find');
  });

  it('refuses a name that is not a command', () => {
    send('openExternal' as Command);
    expect(contents.send).not.toHaveBeenCalled();
    expect(log.lines.join()).toMatch(/unknown command/);
  });

  it('sends nothing when the window is gone or shows another page', async () => {
    current = null;
    send('find');
    current = contents;
    await contents.loadURL('https://example.com/');
    send('find');
    await contents.loadURL('app://viewer/index.html');
    contents.destroyed = true;
    send('find');
    expect(contents.send).not.toHaveBeenCalled();
  });
});
