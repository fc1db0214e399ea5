// Plain constants of the host contract (no zod), so the sandboxed preload can import them without bundling a schema
// library. Re-exported by host-api.ts, which is where everyone else imports them from.

/** Name of the global under which a host implementation is exposed (`window.safetyNetHost`). */
export const HOST_GLOBAL_NAME = 'safetyNetHost';

/** The documents the host stores atomically for the renderer (JSON each, with a previous version kept). */
export const DOCUMENT_KINDS = ['settings', 'workspace', 'scenarios', 'mappings'] as const;
/** UI languages; the native menu follows the renderer's language. */
export const UI_LANGUAGES = ['zh', 'en'] as const;
/** Commands the native menu (desktop) or keyboard shortcuts (browser) send to the renderer. */
export const MENU_COMMANDS = [
  'open-dataset',
  'save-scenario',
  'export-briefing',
  'language-zh',
  'language-en',
  'about',
  'quit',
] as const;
/** Largest single dataset file the host hands to the renderer (bytes); larger files are refused with a message. */
export const MAX_DATASET_FILE_BYTES = 2 * 1024 * 1024 * 1024 - 1;
/** Largest JSON document (settings, workspace, scenarios, mappings) the host stores, in UTF-8 bytes. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** Largest briefing HTML accepted for PDF printing, in characters. */
export const MAX_PRINT_HTML_CHARS = 32 * 1024 * 1024;

/** IPC event channel main → renderer carrying a `MenuCommand`. */
export const MENU_COMMAND_CHANNEL = 'host:menu-command';
