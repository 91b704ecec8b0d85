// The preload file itself: what it hands to contextBridge, with `electron` mocked.
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type ViewerBridge } from '../../../../core/api/contract';
import { COMMAND_CHANNEL } from '../../../../core/commands';
import '../../../../electron/preload/preload';
import { contextBridge, ipcRenderer } from '../../../mocks/electron';

function exposedViewer(): ViewerBridge {
  return contextBridge.exposed.get('viewer') as ViewerBridge;
}

describe('the preload', () => {
  it('exposes only window.viewer', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...contextBridge.exposed.keys()]).toEqual(['viewer']);
  });

  it('exposes exactly the contract channels and onCommand, never ipcRenderer or invoke', () => {
    const api = exposedViewer() as unknown as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onCommand'].sort());
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(api).not.toHaveProperty('invoke');
  });

  it('calls ipcRenderer.invoke on the channel and returns only the result', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { reportId: 'x' } });
    const result = await exposedViewer().openReport({ reportId: 'a.txt' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('viewer:openReport', { reportId: 'a.txt' });
    expect(result).toEqual({ ok: true, value: { reportId: 'x' } });
  });

  it('delivers menu commands without the IPC event, and really removes the listener', () => {
    const listener = vi.fn();
    const unsubscribe = exposedViewer().onCommand!(listener);
    expect(ipcRenderer.listenerCount(COMMAND_CHANNEL)).toBe(1);
    ipcRenderer.emit(COMMAND_CHANNEL, { sender: ipcRenderer, ports: [] }, 'findNext');
    expect(listener.mock.calls).toEqual([['findNext']]);
    unsubscribe();
    expect(ipcRenderer.listenerCount(COMMAND_CHANNEL)).toBe(0);
    ipcRenderer.emit(COMMAND_CHANNEL, {}, 'find');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
