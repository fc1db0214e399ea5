// The Electron implementation of HostApi over IPC, built from an `ipcRenderer`; the preload exposes the result.
// Named functions only: `ipcRenderer` itself never reaches the page.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { errorTextBoth } from '../sim/index.ts';
import { MENU_COMMANDS, MENU_COMMAND_CHANNEL } from '../contract/host-constants.ts';
import type { HostApi, HostErrorInfo, MenuCommand } from '../contract/host-api.ts';
import type { IpcChannel, IpcRequest, IpcResponses, IpcResult } from '../contract/ipc-contract.ts';

/** True when `value` is one of the menu commands of the contract. */
function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/**
 * A host failure as the value the page receives: the envelope's typed error (code, bilingual message, file) plus a
 * `message` for logs. A plain object on purpose: the context bridge copies plain objects whole but keeps only the
 * message of an `Error`, which would drop the code and the other language.
 */
export type HostFailure = HostErrorInfo & { name: 'HostError'; message: string };

/** The rejection value for a failed call (see HostFailure). */
export function hostFailure(error: HostErrorInfo): HostFailure {
  const failure: HostFailure = {
    name: 'HostError',
    code: error.code,
    messageZh: error.messageZh,
    messageEn: error.messageEn,
    message: errorTextBoth(error),
  };
  if (error.paths !== undefined) failure.paths = [...error.paths];
  if (error.file !== undefined) failure.file = error.file;
  if (error.column !== undefined) failure.column = error.column;
  if (error.row !== undefined) failure.row = error.row;
  return failure;
}

/** Builds the HostApi the preload exposes as `window.safetyNetHost`. */
export function createPreloadApi(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>) {
  const invoke = async <C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponses[C]> => {
    const result: IpcResult<C> = await ipcRenderer.invoke(channel, request);
    if (result.ok) return result.value;
    return Promise.reject(hostFailure(result.error));
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
