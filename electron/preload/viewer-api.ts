/**
 * Builds the `window.viewer` object from the API contract: one narrow function per channel,
 * each sending exactly its request and returning the result envelope, and `onCommand` for the
 * menus' commands. Kept apart from preload.ts (which touches Electron) so it can be tested on
 * its own.
 */
import { CHANNEL_NAMES, ipcChannel } from '../../core/api/channels';
import type { CommandSubscription, ViewerApi } from '../../core/api/contract';
import { apiErrors, type ApiResult } from '../../core/api/errors';
import { COMMAND_CHANNEL, isCommand } from '../../core/commands';

/** ipcRenderer.invoke, narrowed to one request argument. */
export type Invoke = (ipcChannelName: string, request: unknown) => Promise<unknown>;

/**
 * ipcRenderer.on, narrowed to the message's one payload (the event object stays in the
 * preload); returns the function that removes the listener again.
 */
export type Subscribe = (
  ipcChannelName: string,
  listener: (payload: unknown) => void,
) => () => void;

/** In Electron the bridge always has onCommand; the contract's ViewerBridge keeps it optional. */
export type ElectronViewerApi = ViewerApi & { onCommand: CommandSubscription };

export function buildViewerApi(invoke: Invoke, subscribe: Subscribe): ElectronViewerApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNEL_NAMES) {
    const name = ipcChannel(channel);
    // Only the request crosses; extra arguments from the page are dropped here.
    api[channel] = (request: unknown) => invoke(name, request).catch(transportFailure);
  }
  api.onCommand = commandSubscription(subscribe);
  return Object.freeze(api) as ElectronViewerApi;
}

function commandSubscription(subscribe: Subscribe): CommandSubscription {
  return (listener) => {
    if (typeof listener !== 'function') throw new TypeError('onCommand needs a function');
    // Main sends only command names; anything else on the channel is dropped, not passed on.
    return subscribe(COMMAND_CHANNEL, (payload) => {
      if (isCommand(payload)) listener(payload);
    });
  };
}

/** The main process never rejects (it answers with error values), so this is a broken link. */
function transportFailure(err: unknown): ApiResult<never> {
  return { ok: false, error: apiErrors.internal(err instanceof Error ? err.message : String(err)) };
}
