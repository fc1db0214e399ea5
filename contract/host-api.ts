// The one interface the renderer uses to talk to its host. Electron implements it in the preload over IPC; the browser
// build implements it with web APIs. Environment-free (zod and types only): the renderer may `import type` from here.
import { z } from 'zod';
import { DOCUMENT_KINDS, MAX_PRINT_HTML_CHARS, MENU_COMMANDS, UI_LANGUAGES } from './host-constants.ts';

export * from './host-constants.ts';

export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const uiLanguageSchema = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof uiLanguageSchema>;

export const menuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/** A bilingual message (Simplified Chinese first), the shape used by every user-facing error in the workbench. */
export interface Bilingual {
  messageZh: string;
  messageEn: string;
}

/** A file the user picked, with its bytes. */
export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/** True when `name` contains a path separator or a C0 control character. */
function hasPathOrControlCharacter(name: string): boolean {
  for (let i = 0; i < name.length; i += 1) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || name[i] === '/' || name[i] === '\\') return true;
  }
  return false;
}

/** A file name offered in a save dialog: no folders, no control characters, not empty. */
export const suggestedNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !hasPathOrControlCharacter(name) && name !== '.' && name !== '..', {
    message: '文件名不能包含路径或控制字符 / the file name must not contain a path or control characters',
  });

/** Request to save a file chosen by the user (desktop: save dialog; browser: download). */
export const saveFileRequestSchema = z
  .object({
    suggestedName: suggestedNameSchema,
    mimeType: z.string().min(1).max(200),
    data: z.union([z.string(), z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected Uint8Array')]),
  })
  .strict();
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

/** Request to print a briefing to PDF: `html` is a complete HTML document; without it the current page is printed. */
export const printToPdfRequestSchema = z
  .object({
    suggestedName: suggestedNameSchema,
    html: z.string().max(MAX_PRINT_HTML_CHARS).optional(),
    landscape: z.boolean().optional(),
  })
  .strict();
export type PrintToPdfRequest = z.infer<typeof printToPdfRequestSchema>;

/** Outcome of any save: `saved: false` when the user cancelled; `path` only where the host knows it (desktop). */
export interface SaveResult {
  saved: boolean;
  path?: string;
  /** The browser build cannot save a PDF itself: it opened the system print dialog, and whether the user then saved
   * a PDF is unknown (`saved` is false). */
  printDialog?: boolean;
}

/** JSON value stored as a document. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A loaded document: `data` is null when none was ever saved; `recovered` when the main copy was unreadable and the
 * previous version (`.bak`) was returned instead. */
export interface LoadedDocument {
  data: JsonValue | null;
  recovered?: boolean;
}

/** Result of `openExternal`: `opened: false` when the URL is not on the allow-list. */
export interface OpenExternalResult {
  opened: boolean;
}

/** URL prefixes the workbench may open in the system browser (legal references and project pages). */
export const EXTERNAL_URL_ALLOW_LIST: readonly string[] = [
  'https://www.gov.cn/',
  'https://www.mca.gov.cn/',
  'https://www.mof.gov.cn/',
  'https://www.stats.gov.cn/',
  'https://flk.npc.gov.cn/',
  'https://github.com/',
];

/** True when `url` is an https URL under one of the allow-listed prefixes (parsed, so tricks like userinfo fail). */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') {
    return false;
  }
  const normalised = parsed.href;
  return EXTERNAL_URL_ALLOW_LIST.some((prefix) => normalised.startsWith(prefix));
}

/**
 * The host the renderer runs in. Every method resolves with a value or rejects with a `HostError`-shaped error whose
 * message is bilingual; cancellations are values (`null`, `saved: false`), not errors.
 */
export interface HostApi {
  /** Which host this is: the desktop shell or a plain browser. */
  readonly kind: 'electron' | 'browser';
  /** Lets the user pick one or more dataset files; null when cancelled. */
  openDatasetFiles(): Promise<OpenedFile[] | null>;
  /** Saves bytes or text to a file the user chooses (desktop) or downloads it (browser). */
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  /** Prints the given briefing HTML (or the current page) to an A4 PDF and saves it. */
  printToPdf(request: PrintToPdfRequest): Promise<SaveResult>;
  /** Loads a stored document, falling back to its previous version if the current one is corrupt. */
  loadDocument(kind: DocumentKind): Promise<LoadedDocument>;
  /** Stores a document atomically, keeping the previous version. */
  saveDocument(kind: DocumentKind, data: JsonValue): Promise<SaveResult>;
  /** Tells the host the UI language so the native menu follows it. */
  setLanguage(language: UiLanguage): Promise<void>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
  /** Opens an allow-listed URL in the system browser; refuses any other URL with `opened: false`. */
  openExternal(url: string): Promise<OpenExternalResult>;
}

/** An error carried across the host boundary: a stable code plus a bilingual message. */
export interface HostErrorInfo extends Bilingual {
  code: 'invalid-request' | 'forbidden-sender' | 'io-failed' | 'too-large' | 'unknown-channel' | 'internal';
}
