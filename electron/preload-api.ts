// The Electron implementation of HostApi over IPC, built from an `ipcRenderer`; the preload exposes the result.
// Named functions only: `ipcRenderer` itself never reaches the page.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { MENU_COMMANDS, MENU_COMMAND_CHANNEL } from '../contract/host-constants.ts';
import type { HostApi, MenuCommand } from '../contract/host-api.ts';
import type { IpcChannel, IpcRequest, IpcResponses, IpcResult } from '../contract/ipc-contract.ts';

/** True when `value` is one of the menu commands of the contract. */
function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** Builds the HostApi the preload exposes as `window.safetyNetHost`. */
export function createPreloadApi(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>) {
  const invoke = async <C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponses[C]> => {
    const result: IpcResult<C> = await ipcRenderer.invoke(channel, request);
    if (result.ok) return result.value;
    throw new Error(`${result.error.messageZh} / ${result.error.messageEn}`);
  };
  return {
    kind: 'electron',
    openDatasetFiles: () => invoke('host:open-dataset-files', {}),
    saveFile: (request) => invoke('host:save-file', request),
    printToPdf: (request) => invoke('host:print-to-pdf', request),
    loadDocument: (kind) => invoke('host:load-document', { kind }),
    saveDocument: (kind, data) => invoke('host:save-document', { kind, data }),
    setLanguage: async (language) => {
      await invoke('host:set-language', { language });
    },
    onMenuCommand: (callback) => {
      const listener = (_event: IpcRendererEvent, command: unknown) => {
        if (isMenuCommand(command)) callback(command);
      };
      ipcRenderer.on(MENU_COMMAND_CHANNEL, listener);
      return () => {
        ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, listener);
      };
    },
    openExternal: (url) => invoke('host:open-external', { url }),
  } satisfies HostApi;
}
