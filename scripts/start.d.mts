// Types of scripts/start.mjs for TypeScript callers (tests).

/** Options of `npm start`. */
export interface StartOptions {
  web: boolean;
  port: number;
  build: boolean;
  dist: string;
}
/** Parses the command-line flags of `npm start`. */
export function parseStartArgs(argv: readonly string[]): StartOptions;
/** Path of the installed Electron executable, or null, without triggering a download. */
export function findElectronBinary(root?: string, env?: Record<string, string | undefined>): string | null;
