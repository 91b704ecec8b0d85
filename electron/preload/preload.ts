/**
 * The preload of the sandboxed reader window (built to CommonJS: sandboxed preloads cannot be
 * ES modules). It exposes the contract's named functions as `window.viewer` and nothing else:
 * never ipcRenderer itself, never an IPC event object.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildViewerApi } from './viewer-api';

contextBridge.exposeInMainWorld(
  'viewer',
  buildViewerApi((channel, request) => ipcRenderer.invoke(channel, request)),
);
