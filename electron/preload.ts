// Preload of the main window (sandboxed, compiled to CommonJS dist-electron/preload.cjs): exposes the narrow HostApi
// as `window.safetyNetHost` through the context bridge.
import { contextBridge, ipcRenderer } from 'electron';
import { HOST_GLOBAL_NAME } from '../contract/host-constants.ts';
import { createPreloadApi } from './preload-api.ts';

contextBridge.exposeInMainWorld(HOST_GLOBAL_NAME, createPreloadApi(ipcRenderer));
