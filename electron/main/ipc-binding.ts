/**
 * Binds every channel of the API contract to Electron IPC. Each call is checked in order:
 * the sender must be the app's own page, exactly one argument may come with it, and then
 * dispatch validates and handles it exactly as the browser host does.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  CHANNELS,
  ipcChannel,
  MAX_IMPORT_FILE_BYTES,
  type ApiHandlers,
  type Channel,
} from '../../core/api/contract';
import { dispatch } from '../../core/api/dispatch';
import { apiErrors, type ApiResult } from '../../core/api/errors';
import type { MainLog } from './log';
import { checkSender } from './trusted-sender';

/**
 * Channels whose request carries a file's bytes (`bytes`, a Uint8Array), with their cap: far
 * more than any other request, so checked here, before the request is validated or handled.
 */
export const BYTES_CAPS: ReadonlyMap<Channel, number> = new Map([
  ['importReportFile', MAX_IMPORT_FILE_BYTES],
]);

/** What the hidden print windows may ask for: their job, nothing else. */
export const PRINT_PAGE_CHANNELS: ReadonlySet<Channel> = new Set(['getPrintJob']);

export function bindApi(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: ApiHandlers,
  appContents: () => WebContents | null,
  log: MainLog,
  printContents: () => readonly WebContents[] = () => [],
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannel(channel), (event, ...args: unknown[]) => {
      const printPage = PRINT_PAGE_CHANNELS.has(channel)
        ? printContents().find((contents) => contents === event.sender)
        : undefined;
      return handleCall(handlers, channel, event, args, printPage ?? appContents(), log);
    });
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
  const cap = BYTES_CAPS.get(channel);
  const size = cap === undefined ? null : byteLengthOf(args[0]);
  if (cap !== undefined && size !== null && size > cap) {
    return { ok: false, error: apiErrors.fileTooLarge(cap, `${channel}: ${size} bytes > ${cap}`) };
  }
  return dispatch(handlers, channel, args[0], log);
}

/** The size of a request's own `bytes` (any binary view), or null when it has none. */
function byteLengthOf(request: unknown): number | null {
  if (typeof request !== 'object' || request === null || !Object.hasOwn(request, 'bytes')) {
    return null;
  }
  const bytes = (request as { bytes: unknown }).bytes;
  if (ArrayBuffer.isView(bytes) || bytes instanceof ArrayBuffer) return bytes.byteLength;
  return null;
}
