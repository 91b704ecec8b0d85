import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, ipcChannel } from '../../../../core/api/contract';
import { COMMAND_CHANNEL, type Command } from '../../../../core/commands';
import { buildViewerApi, type Subscribe } from '../../../../electron/preload/viewer-api';

/** A fake ipcRenderer.on: remembers listeners per channel, so a test can post a message. */
function fakeChannels() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const subscribe: Subscribe = vi.fn((channel, listener) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  });
  const post = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };
  const count = (channel: string) => listeners.get(channel)?.size ?? 0;
  return { subscribe, post, count };
}

function build() {
  const invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 7 }));
  const channels = fakeChannels();
  return { api: buildViewerApi(invoke, channels.subscribe), invoke, ...channels };
}

describe('buildViewerApi', () => {
  it('has exactly one function per contract channel, onCommand, and nothing else', () => {
    const { api } = build();
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onCommand'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('is frozen, so the page cannot swap a function', () => {
    const { api } = build();
    expect(Object.isFrozen(api)).toBe(true);
  });

  it.each(CHANNELS)('%s invokes its own IPC channel with the request alone', async (channel) => {
    const { api, invoke } = build();
    const call = api[channel] as (...args: unknown[]) => Promise<unknown>;
    const result = await call({ some: 'request' }, 'an extra argument');
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke.mock.calls[0]).toEqual([ipcChannel(channel), { some: 'request' }]);
    expect(result).toEqual({ ok: true, value: 7 });
  });

  it('turns a broken IPC link into an error value', async () => {
    const api = buildViewerApi(async () => {
      throw new Error("No handler registered for 'viewer:getSettings'");
    }, fakeChannels().subscribe);
    const result = await api.getSettings({});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.detail).toMatch(/No handler registered/);
    }
  });
});

describe('onCommand', () => {
  it('passes each command name from the command channel to the listener, and only the name', () => {
    const { api, post } = build();
    const seen: unknown[][] = [];
    api.onCommand((...args: unknown[]) => seen.push(args));
    post(COMMAND_CHANNEL, 'find');
    post(COMMAND_CHANNEL, 'zoomIn');
    expect(seen).toEqual([['find'], ['zoomIn']]);
  });

  it('drops anything that is not a command name', () => {
    const { api, post } = build();
    const listener = vi.fn<(command: Command) => void>();
    api.onCommand(listener);
    for (const payload of ['rm -rf', '', 42, null, { command: 'find' }, ['find'], 'FIND']) {
      post(COMMAND_CHANNEL, payload);
    }
    post('viewer:something-else', 'find');
    expect(listener).not.toHaveBeenCalled();
  });

  it('returns a function that unsubscribes, once or twice', () => {
    const { api, post, count } = build();
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = api.onCommand(first);
    api.onCommand(second);
    expect(count(COMMAND_CHANNEL)).toBe(2);
    stopFirst();
    stopFirst();
    post(COMMAND_CHANNEL, 'print');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('print');
    expect(count(COMMAND_CHANNEL)).toBe(1);
  });

  it('refuses a listener that is not a function, without subscribing', () => {
    const { api, subscribe } = build();
    expect(() => api.onCommand('find' as unknown as (command: Command) => void)).toThrow(TypeError);
    expect(subscribe).not.toHaveBeenCalled();
  });
});
