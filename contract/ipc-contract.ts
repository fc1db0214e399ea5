// The IPC contract between the preload and the main process: channel → zod request schema → response type, plus the
// result envelope that carries bilingual errors back. Environment-free; the main process validates every request here.
import { z } from 'zod';
import {
  documentKindSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
  uiLanguageSchema,
  type HostErrorInfo,
  type JsonValue,
  type LoadedDocument,
  type OpenedFile,
  type OpenExternalResult,
  type SaveResult,
} from './host-api.ts';

/** Request schemas, one per invoke channel (renderer → main). Every request is one strict object. */
export const ipcRequestSchemas = {
  'host:open-dataset-files': z.object({}).strict(),
  'host:save-file': saveFileRequestSchema,
  'host:print-to-pdf': printToPdfRequestSchema,
  'host:load-document': z.object({ kind: documentKindSchema }).strict(),
  'host:save-document': z.object({ kind: documentKindSchema, data: z.json() }).strict(),
  'host:set-language': z.object({ language: uiLanguageSchema }).strict(),
  'host:open-external': z.object({ url: z.string().max(2048) }).strict(),
} as const;

/** Every invoke channel. */
export type IpcChannel = keyof typeof ipcRequestSchemas;
/** The channel names as a list (for registering and removing handlers). */
export const IPC_CHANNELS = Object.keys(ipcRequestSchemas) as readonly string[] as readonly IpcChannel[];

/** The validated request of a channel. */
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof ipcRequestSchemas)[C]>;

/** The response type of each channel. */
export interface IpcResponses {
  'host:open-dataset-files': OpenedFile[] | null;
  'host:save-file': SaveResult;
  'host:print-to-pdf': SaveResult;
  'host:load-document': LoadedDocument;
  'host:save-document': SaveResult;
  'host:set-language': null;
  'host:open-external': OpenExternalResult;
}

/** What actually crosses IPC: a value or a bilingual error (thrown errors lose their shape in Electron's IPC). */
export type IpcResult<C extends IpcChannel> =
  { ok: true; value: IpcResponses[C] } | { ok: false; error: HostErrorInfo };

/** Event channel main → renderer carrying a `MenuCommand` (defined with the zod-free constants for the preload). */
export { MENU_COMMAND_CHANNEL } from './host-constants.ts';

/** Re-exported so both sides name document payloads the same way. */
export type { JsonValue };
