// The main-process side of HostApi: the typed handlers behind each IPC channel (dialogs, files, documents, PDF
// printing, menu language, external links). Electron objects come in as dependencies so tests can pass fakes.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, Shell } from 'electron';
import { MAX_DATASET_FILE_BYTES } from '../../contract/host-api.ts';
import type { OpenedFile, SaveResult, UiLanguage } from '../../contract/host-api.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import { DocumentStoreError, writeFileAtomic } from '../documents/document-store.ts';
import { HostError } from '../ipc/ipc-router.ts';
import type { IpcHandlers } from '../ipc/ipc-router.ts';
import { openExternalIfAllowed } from '../security/hardening.ts';

/** File types offered when opening a dataset. */
export const DATASET_FILTERS = [
  { name: '数据文件 / Data files', extensions: ['csv', 'parquet', 'arrow', 'feather', 'xlsx', 'json'] },
  { name: '所有文件 / All files', extensions: ['*'] },
];

/** What the handlers need from the shell. */
export interface HostHandlerDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'openExternal'>;
  documents: DocumentStore;
  /** The window that made the call (dialogs are modal to it). */
  windowFor(senderId: number): BrowserWindow | null;
  /** Default folder for save dialogs. */
  defaultSaveDir(): string;
  /** Prints an HTML document (or, with html undefined, the caller's page) to an A4 PDF. */
  printToPdf(request: { html?: string; landscape: boolean; senderId: number }): Promise<Uint8Array>;
  /** Rebuilds the native menu in `language`. */
  setLanguage(language: UiLanguage): void;
}

/** Reads the picked files, refusing any larger than MAX_DATASET_FILE_BYTES with a message naming the file. */
async function readPickedFiles(paths: readonly string[]): Promise<OpenedFile[]> {
  const files: OpenedFile[] = [];
  for (const filePath of paths) {
    const info = await stat(filePath);
    if (info.size > MAX_DATASET_FILE_BYTES) {
      throw new HostError({
        code: 'too-large',
        messageZh: `文件 ${path.basename(filePath)} 有 ${info.size} 字节，超过单个文件上限 ${MAX_DATASET_FILE_BYTES} 字节`,
        messageEn: `file ${path.basename(filePath)} has ${info.size} bytes, above the per-file limit of ${MAX_DATASET_FILE_BYTES} bytes`,
      });
    }
    files.push({ name: path.basename(filePath), bytes: new Uint8Array(await readFile(filePath)) });
  }
  return files;
}

/** Asks for a target path with a save dialog and writes `data` there atomically. */
async function saveWithDialog(
  deps: HostHandlerDeps,
  senderId: number,
  suggestedName: string,
  data: Uint8Array | string,
  filters: { name: string; extensions: string[] }[],
): Promise<SaveResult> {
  const options = { defaultPath: path.join(deps.defaultSaveDir(), suggestedName), filters };
  const window = deps.windowFor(senderId);
  const choice = window ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options);
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { saved: false };
  try {
    await writeFileAtomic(choice.filePath, data);
  } catch (error) {
    throw new HostError({
      code: 'io-failed',
      messageZh: `无法写入 ${choice.filePath}：${String(error)}`,
      messageEn: `could not write ${choice.filePath}: ${String(error)}`,
    });
  }
  return { saved: true, path: choice.filePath };
}

/** Converts document-store errors into host errors with the same bilingual text. */
function asHostError(error: unknown): unknown {
  if (error instanceof DocumentStoreError) {
    return new HostError({ code: error.code, messageZh: error.messageZh, messageEn: error.messageEn });
  }
  return error;
}

/** Builds the handler map for every channel of the IPC contract. */
export function createHostHandlers(deps: HostHandlerDeps): IpcHandlers {
  return {
    'host:open-dataset-files': async (_request, { senderId }) => {
      const options = {
        title: '打开数据集 / Open dataset',
        properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
        filters: DATASET_FILTERS,
      };
      const window = deps.windowFor(senderId);
      const choice = window
        ? await deps.dialog.showOpenDialog(window, options)
        : await deps.dialog.showOpenDialog(options);
      if (choice.canceled || choice.filePaths.length === 0) return null;
      return readPickedFiles(choice.filePaths);
    },
    'host:save-file': async (request, { senderId }) => {
      const extension = path.extname(request.suggestedName).slice(1);
      const filters = extension ? [{ name: request.mimeType, extensions: [extension] }] : [];
      return saveWithDialog(deps, senderId, request.suggestedName, request.data, filters);
    },
    'host:print-to-pdf': async (request, { senderId }) => {
      const pdf = await deps.printToPdf({ html: request.html, landscape: request.landscape ?? false, senderId });
      const name = request.suggestedName.toLowerCase().endsWith('.pdf')
        ? request.suggestedName
        : `${request.suggestedName}.pdf`;
      return saveWithDialog(deps, senderId, name, pdf, [{ name: 'PDF', extensions: ['pdf'] }]);
    },
    'host:load-document': async ({ kind }) => deps.documents.load(kind),
    'host:save-document': async ({ kind, data }) => {
      try {
        return { saved: true, path: await deps.documents.save(kind, data) };
      } catch (error) {
        throw asHostError(error);
      }
    },
    'host:set-language': async ({ language }) => {
      deps.setLanguage(language);
      return null;
    },
    'host:open-external': async ({ url }) => ({
      opened: await openExternalIfAllowed(url, deps.shell),
    }),
  };
}
