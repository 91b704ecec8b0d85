/**
 * Sends a menu's command to the reader page. Only the app window's page, showing the app's own
 * origin, ever receives one, and only names from the command list, so a menu cannot be made to
 * post anything else into a page.
 */
import type { WebContents } from 'electron';
import { COMMAND_CHANNEL, isCommand, type Command } from '../../core/commands';
import { isAppUrl } from './app-origin';
import type { MainLog } from './log';

export type SendCommand = (command: Command) => void;

type CommandTarget = Pick<WebContents, 'send' | 'isDestroyed' | 'getURL'>;

export function createCommandSender(
  appContents: () => CommandTarget | null,
  log: MainLog,
): SendCommand {
  return (command) => {
    // The type already says so; the check keeps a cast elsewhere from widening the channel.
    if (!isCommand(command)) {
      log.warn(`refused to send unknown command ${String(command)}`);
      return;
    }
    const contents = appContents();
    if (contents === null || contents.isDestroyed() || !isAppUrl(contents.getURL())) return;
    contents.send(COMMAND_CHANNEL, command);
  };
}
