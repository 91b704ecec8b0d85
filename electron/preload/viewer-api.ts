/**
 * Builds the `window.viewer` object from the API contract: one narrow function per channel,
 * each sending exactly its request and returning the result envelope. Kept apart from
 * preload.ts (which touches Electron) so it can be tested on its own.
 */
import { CHANNEL_NAMES, ipcChannel } from '../../core/api/channels';
import type { ViewerApi } from '../../core/api/contract';
import { apiErrors, type ApiResult } from '../../core/api/errors';

/** ipcRenderer.invoke, narrowed to one request argument. */
export type Invoke = (ipcChannelName: string, request: unknown) => Promise<unknown>;

export function buildViewerApi(invoke: Invoke): ViewerApi {
  const api: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNEL_NAMES) {
    const name = ipcChannel(channel);
    // Only the request crosses; extra arguments from the page are dropped here.
    api[channel] = (request: unknown) => invoke(name, request).catch(transportFailure);
  }
  return Object.freeze(api) as ViewerApi;
}

/** The main process never rejects (it answers with error values), so this is a broken link. */
function transportFailure(err: unknown): ApiResult<never> {
  return { ok: false, error: apiErrors.internal(err instanceof Error ? err.message : String(err)) };
}
