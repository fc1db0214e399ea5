// Types of scripts/serve-dist.mjs for TypeScript callers (end-to-end tests).
import type { Server } from 'node:http';

/** A running static server. */
export interface DistServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The Content-Security-Policy sent with every response. */
export const CONTENT_SECURITY_POLICY: string;
/** All hardening headers sent with every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>>;
/** MIME type of a file name by extension. */
export function mimeTypeFor(fileName: string): string;
/** Maps a raw URL path onto a file inside `root`, or refuses it. */
export function resolveRequestPath(
  root: string,
  rawPath: string,
): { ok: true; filePath: string } | { ok: false; status: 400 | 403 };
/** Creates (does not start) the HTTP server for `root`. */
export function createDistServer(root: string): Server;
/** Serves `root` (default dist/) on 127.0.0.1:`port` (0 = any free port). */
export function serveDist(options?: { port?: number; host?: string; root?: string }): Promise<DistServer>;
