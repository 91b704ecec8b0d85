import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, ipcChannel } from '../../../../core/api/contract';
import { buildViewerApi } from '../../../../electron/preload/viewer-api';

function build() {
  const invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 7 }));
  return { api: buildViewerApi(invoke), invoke };
}

describe('buildViewerApi', () => {
  it('has exactly one function per contract channel and nothing else', () => {
    const { api } = build();
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
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
    });
    const result = await api.getSettings({});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.detail).toMatch(/No handler registered/);
    }
  });
});
