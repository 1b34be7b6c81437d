import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, methodName } from '../shared/api';

// Named methods only, generated from the contract's channel list; never a generic `invoke`.
const api = Object.fromEntries(
  CHANNELS.map((channel) => [
    methodName(channel),
    (input?: unknown) => ipcRenderer.invoke(channel, input),
  ]),
);

contextBridge.exposeInMainWorld('api', api);
