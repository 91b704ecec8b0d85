/**
 * The preload of the sandboxed reader window (built to CommonJS: sandboxed preloads cannot be
 * ES modules). It exposes the contract's named functions and onCommand as `window.viewer` and
 * nothing else: never ipcRenderer itself, never an IPC event object.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildViewerApi, type Subscribe } from './viewer-api';

const subscribe: Subscribe = (channel, listener) => {
  const strip = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, strip);
  return () => {
    ipcRenderer.removeListener(channel, strip);
  };
};

contextBridge.exposeInMainWorld(
  'viewer',
  buildViewerApi((channel, request) => ipcRenderer.invoke(channel, request), subscribe),
);
