/**
 * Lets the main process follow the user's settings without a second way to change them: the
 * page changes settings only through `updateSettings`, so wrapping that one handler tells main
 * about every change (the menu's language and theme) once it is on disk.
 */
import type { ApiHandlers } from '../../core/api/contract';
import type { Settings } from '../../core/settings';
import type { MainLog } from './log';

export function observeSettings(
  handlers: ApiHandlers,
  onChange: (settings: Settings) => void,
  log: MainLog,
): ApiHandlers {
  return {
    ...handlers,
    updateSettings: async (request) => {
      const settings = await handlers.updateSettings(request);
      // The change is saved; a failure to follow it (say, in the menu) must not undo that.
      try {
        onChange(settings);
      } catch (err) {
        log.error('could not follow a settings change', err);
      }
      return settings;
    },
  };
}
