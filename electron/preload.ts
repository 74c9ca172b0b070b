// The preload: exposes window.nexus, built by the same createApi the browser tests use. It is
// bundled into one CommonJS file because a sandboxed preload can require nothing but electron.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Channel, ValidationProgress } from './ipc/contract';
import { VALIDATION_PROGRESS } from './ipc/contract';
import { createApi } from './ipc/create-api';

const api = createApi({
  invoke: (channel: Channel, input: unknown) => ipcRenderer.invoke(channel, input),
  on: (channel, listener) => {
    const handler = (_e: IpcRendererEvent, payload: ValidationProgress): void => listener(payload);
    ipcRenderer.on(channel === VALIDATION_PROGRESS ? VALIDATION_PROGRESS : channel, handler);
    return () => ipcRenderer.off(channel, handler);
  },
});

contextBridge.exposeInMainWorld('nexus', api);
