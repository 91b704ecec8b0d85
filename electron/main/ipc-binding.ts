/**
 * Binds every channel of the API contract to Electron IPC. Each call is checked in order:
 * the sender must be the app's own page, exactly one argument may come with it, it may be no
 * larger than MAX_REQUEST_BYTES (the browser host's body limit), and then dispatch validates
 * and handles it exactly as the browser host does.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  CHANNELS,
  ipcChannel,
  MAX_IMPORT_FILE_BYTES,
  MAX_REQUEST_BYTES,
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
  // Measured before validation, so an oversized request costs one walk and no more. A report
  // file's bytes have their own, larger cap; the rest of such a request the ordinary one.
  const cap = BYTES_CAPS.get(channel);
  const size = cap === undefined ? null : byteLengthOf(args[0]);
  if (cap !== undefined && size !== null && size > cap) {
    return { ok: false, error: apiErrors.fileTooLarge(cap, `${channel}: ${size} bytes > ${cap}`) };
  }
  const limit = MAX_REQUEST_BYTES + (size ?? 0);
  if (args.length === 1 && serializedSizeExceeds(args[0], limit)) {
    return {
      ok: false,
      error: apiErrors.tooLarge(`${channel}: request over ${limit} bytes`),
    };
  }
  return dispatch(handlers, channel, args[0], log);
}

// Control characters are exactly what JSON escapes, so the pattern has to name them.
// eslint-disable-next-line no-control-regex
const ESCAPED_IN_JSON = /["\\\u0000-\u001f]/g;
const SHORT_ESCAPES = new Set(['"', '\\', '\b', '\f', '\n', '\r', '\t']);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Bytes of a string as JSON text in UTF-8: quotes, escapes and \uXXXX for lone surrogates. */
function jsonStringBytes(text: string): number {
  let bytes = Buffer.byteLength(text, 'utf8') + 2;
  for (const escaped of text.match(ESCAPED_IN_JSON) ?? []) {
    bytes += SHORT_ESCAPES.has(escaped) ? 1 : 5;
  }
  // UTF-8 writes a lone surrogate as 3 bytes (U+FFFD); JSON.stringify writes 6 ("\udXXX").
  return bytes + 3 * (text.match(LONE_SURROGATE)?.length ?? 0);
}

/**
 * Whether a request is larger than `limit` bytes, counted as the browser host counts its body:
 * the UTF-8 bytes of its JSON text (exact for JSON values). What only structured clone can carry
 * counts by its size too (typed arrays and ArrayBuffers by their bytes, Map and Set by their
 * entries, BigInt by its digits). Walks without recursion, each object once (structured clone
 * can carry cycles), and stops as soon as the limit is passed.
 */
export function serializedSizeExceeds(value: unknown, limit: number): boolean {
  let size = 0;
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') size += jsonStringBytes(next);
    else if (typeof next === 'number')
      size += Number.isFinite(next) ? JSON.stringify(next).length : 4;
    else if (typeof next === 'bigint') size += next.toString().length;
    else if (typeof next === 'boolean') size += next ? 4 : 5;
    else if (next === null || typeof next !== 'object') size += 4;
    else if (!seen.has(next)) {
      seen.add(next);
      if (ArrayBuffer.isView(next) || next instanceof ArrayBuffer) size += next.byteLength;
      else if (next instanceof Date) size += 26;
      else if (next instanceof Map) {
        size += 2;
        for (const [key, item] of next) pending.push(key, item);
      } else if (next instanceof Set) {
        size += 2;
        for (const item of next) pending.push(item);
      } else if (Array.isArray(next)) {
        size += 2 + Math.max(next.length - 1, 0);
        for (const item of next) pending.push(item);
      } else {
        const keys = Object.keys(next);
        size += 2 + Math.max(keys.length - 1, 0);
        for (const key of keys) {
          size += jsonStringBytes(key) + 1;
          pending.push((next as Record<string, unknown>)[key]);
        }
      }
    }
    if (size > limit) return true;
  }
  return false;
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
