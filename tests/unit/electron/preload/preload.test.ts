// The preload file itself: what it hands to contextBridge, with `electron` mocked.
import { describe, expect, it } from 'vitest';
import { CHANNELS, type ViewerApi } from '../../../../core/api/contract';
import '../../../../electron/preload/preload';
import { contextBridge, ipcRenderer } from '../../../mocks/electron';

describe('the preload', () => {
  it('exposes only window.viewer', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...contextBridge.exposed.keys()]).toEqual(['viewer']);
  });

  it('exposes exactly the contract channels, never ipcRenderer or invoke', () => {
    const api = contextBridge.exposed.get('viewer') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(api).not.toHaveProperty('invoke');
  });

  it('calls ipcRenderer.invoke on the channel and returns only the result', async () => {
    const api = contextBridge.exposed.get('viewer') as ViewerApi;
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { reportId: 'x' } });
    const result = await api.openReport({ reportId: 'a.txt' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('viewer:openReport', { reportId: 'a.txt' });
    expect(result).toEqual({ ok: true, value: { reportId: 'x' } });
  });
});
