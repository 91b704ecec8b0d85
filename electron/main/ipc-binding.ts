/**
 * Binds every channel of the API contract to Electron IPC. Each call is checked in order:
 * the sender must be the app's own page, exactly one argument may come with it, and then
 * dispatch validates and handles it exactly as the browser host does.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, ipcChannel, type ApiHandlers, type Channel } from '../../core/api/contract';
import { dispatch } from '../../core/api/dispatch';
import { apiErrors, type ApiResult } from '../../core/api/errors';
import type { MainLog } from './log';
import { checkSender } from './trusted-sender';

export function bindApi(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: ApiHandlers,
  appContents: () => WebContents | null,
  log: MainLog,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannel(channel), (event, ...args: unknown[]) =>
      handleCall(handlers, channel, event, args, appContents(), log),
    );
  }
}

async function handleCall(
  handlers: ApiHandlers,
  channel: Channel,
  event: IpcMainInvokeEvent,
  args: unknown[],
  appContents: WebContents | null,
  log: MainLog,
): Promise<ApiResult<unknown>> {
  const verdict = checkSender(event, appContents);
  if (!verdict.trusted) {
    log.warn(`refused IPC ${channel}: ${verdict.reason}`);
    return { ok: false, error: apiErrors.forbidden(verdict.reason) };
  }
  // The preload sends exactly one request object; more means someone else is calling.
  if (args.length > 1) {
    return {
      ok: false,
      error: apiErrors.badRequest(`${channel}: expected one argument, got ${args.length}`),
    };
  }
  return dispatch(handlers, channel, args[0], log);
}
