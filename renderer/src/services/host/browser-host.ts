// HostApi for the plain browser build: file input for opening, Blob downloads for saving, a hidden iframe for
// printing, atomic documents in localStorage, keyboard shortcuts standing in for the native menu.
import {
  isAllowedExternalUrl,
  MAX_DOCUMENT_BYTES,
  printToPdfRequestSchema,
  saveFileRequestSchema,
  type DocumentKind,
  type HostApi,
  type JsonValue,
  type LoadedDocument,
  type MenuCommand,
  type OpenedFile,
  type PrintToPdfRequest,
  type SaveFileRequest,
  type SaveResult,
  type UiLanguage,
} from '../../../../contract/host-api.ts';
import { DocumentStore, memoryStorage, type KeyValueStorage } from './document-store.ts';

/** File extensions offered in the open dialog. */
export const DATASET_FILE_ACCEPT = '.arrow,.arrows,.feather,.ipc,.parquet,.csv,.tsv';

/** Keyboard shortcut → menu command (the browser has no native menu). */
export function shortcutCommand(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): MenuCommand | null {
  if (!(event.ctrlKey || event.metaKey)) return null;
  const key = event.key.toLowerCase();
  if (key === 'o') return 'open-dataset';
  if (key === 's') return 'save-scenario';
  if (key === 'p' && event.shiftKey) return 'export-briefing';
  return null;
}

/** Reads picked `File`s into `OpenedFile`s. */
export async function readFiles(files: Iterable<File>): Promise<OpenedFile[]> {
  const opened: OpenedFile[] = [];
  for (const file of files) opened.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return opened;
}

function pickStorage(): KeyValueStorage {
  try {
    const probe = '__safetynet_probe__';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStorage();
  }
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function invalid(detail: string): Error {
  return new Error(`请求无效：${detail} / invalid request: ${detail}`);
}

/** Creates the browser implementation of HostApi; `storage` defaults to localStorage (memory if refused). */
export function createBrowserHost(storage: KeyValueStorage = pickStorage()): HostApi {
  const documents = new DocumentStore(storage, MAX_DOCUMENT_BYTES);
  return {
    kind: 'browser',

    openDatasetFiles(): Promise<OpenedFile[] | null> {
      return new Promise((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.multiple = true;
        input.accept = DATASET_FILE_ACCEPT;
        input.style.display = 'none';
        input.dataset.testid = 'host-file-input';
        const finish = () => input.remove();
        input.addEventListener('change', () => {
          const files = input.files ? [...input.files] : [];
          finish();
          if (files.length === 0) resolve(null);
          else readFiles(files).then(resolve, reject);
        });
        input.addEventListener('cancel', () => {
          finish();
          resolve(null);
        });
        document.body.append(input);
        input.click();
      });
    },

    async saveFile(request: SaveFileRequest): Promise<SaveResult> {
      const parsed = saveFileRequestSchema.safeParse(request);
      if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => issue.message).join('; '));
      const { data, mimeType, suggestedName } = parsed.data;
      const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
      download(suggestedName, new Blob([part], { type: mimeType }));
      return { saved: true };
    },

    printToPdf(request: PrintToPdfRequest): Promise<SaveResult> {
      const parsed = printToPdfRequestSchema.safeParse(request);
      if (!parsed.success) return Promise.reject(invalid(parsed.error.issues.map((issue) => issue.message).join('; ')));
      const { html } = parsed.data;
      if (html === undefined) {
        window.print();
        return Promise.resolve({ saved: false, printDialog: true });
      }
      return new Promise((resolve) => {
        const frame = document.createElement('iframe');
        frame.style.position = 'fixed';
        frame.style.width = '0';
        frame.style.height = '0';
        frame.style.border = '0';
        frame.setAttribute('aria-hidden', 'true');
        frame.addEventListener('load', () => {
          frame.contentWindow?.focus();
          frame.contentWindow?.print();
          setTimeout(() => frame.remove(), 1000);
          resolve({ saved: false, printDialog: true });
        });
        frame.srcdoc = html;
        document.body.append(frame);
      });
    },

    async loadDocument(kind: DocumentKind): Promise<LoadedDocument> {
      return documents.load(kind);
    },

    async saveDocument(kind: DocumentKind, data: JsonValue): Promise<SaveResult> {
      documents.save(kind, data);
      return { saved: true };
    },

    async setLanguage(language: UiLanguage): Promise<void> {
      document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    },

    onMenuCommand(callback: (command: MenuCommand) => void): () => void {
      const listener = (event: KeyboardEvent) => {
        const command = shortcutCommand(event);
        if (!command) return;
        event.preventDefault();
        callback(command);
      };
      window.addEventListener('keydown', listener);
      return () => window.removeEventListener('keydown', listener);
    },

    async openExternal(url: string) {
      if (!isAllowedExternalUrl(url)) return { opened: false };
      window.open(url, '_blank', 'noopener,noreferrer');
      return { opened: true };
    },
  };
}
