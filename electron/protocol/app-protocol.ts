// The privileged app:// protocol serving the renderer from dist/: path-traversal guard, MIME types, CSP headers, and
// in-memory pages for PDF printing. Only GET/HEAD of files that really sit inside dist/ are answered.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { SECURITY_HEADERS, mimeTypeFor } from '../security/web-policy.ts';

/** Scheme and host of app pages: the renderer's origin is `app://safetynet`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'safetynet';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** URL of the renderer's entry page. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** Path prefix of transient in-memory pages (briefings being printed to PDF). */
export const PRINT_PAGE_PREFIX = '/__print__/';

/** Privileges of the app scheme, registered before the app is ready (standard + secure so it has a real origin). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
  codeCache: true,
} as const;

/** Outcome of mapping a request URL onto dist/. */
export type AppPathResolution = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps an app:// URL (still percent-encoded) onto a file path inside `root`, refusing traversal: `..` segments (also
 * percent-encoded), backslashes, encoded slashes, NUL, absolute and drive paths, and any other host.
 */
export function resolveAppPath(root: string, rawUrl: string): AppPathResolution {
  const match = /^app:\/\/([^/?#]*)(\/[^?#]*)?/i.exec(rawUrl);
  if (match === null || match[1].toLowerCase() !== APP_HOST) return { ok: false, status: 404 };
  const rawPath = match[2] ?? '/';
  if (rawPath.includes('\\') || /%5c|%00|%2f/i.test(rawPath)) return { ok: false, status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return { ok: false, status: 403 };
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return { ok: false, status: 403 };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return { ok: false, status: 403 };
  const base = path.resolve(root);
  const filePath = path.resolve(base, relative);
  if (!filePath.startsWith(base + path.sep)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

/** A plain-text response with the security headers. */
function statusResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** True when `filePath` with symlinks resolved is a regular file inside `root` (also resolved). */
async function isServableFile(root: string, filePath: string): Promise<boolean> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(filePath)]);
    return realFile.startsWith(realRoot + path.sep) && (await stat(realFile)).isFile();
  } catch {
    return false;
  }
}

/** In-memory HTML pages served under PRINT_PAGE_PREFIX while a briefing is printed. */
export class PrintPages {
  private readonly pages = new Map<string, string>();
  private counter = 0;

  /** Stores `html` and returns its app:// URL; call the returned `release` when printing is done. */
  add(html: string): { url: string; release: () => void } {
    this.counter += 1;
    const id = `${Date.now().toString(36)}-${this.counter}.html`;
    this.pages.set(id, html);
    return { url: `${APP_ORIGIN}${PRINT_PAGE_PREFIX}${id}`, release: () => this.pages.delete(id) };
  }

  /** The page stored under `id`, if any. */
  get(id: string): string | undefined {
    return this.pages.get(id);
  }
}

/** Builds the app:// request handler serving `root` (dist/) and the transient print pages. */
export function createAppProtocolHandler(
  root: string,
  printPages?: PrintPages,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return statusResponse(405, '405 方法不允许 / method not allowed');
    }
    const resolved = resolveAppPath(root, request.url);
    if (!resolved.ok) return statusResponse(resolved.status, `${resolved.status} 拒绝访问 / refused`);
    const pathname = new URL(request.url).pathname;
    if (printPages !== undefined && pathname.startsWith(PRINT_PAGE_PREFIX)) {
      const page = printPages.get(pathname.slice(PRINT_PAGE_PREFIX.length));
      if (page === undefined) return statusResponse(404, '404 未找到 / not found');
      return new Response(page, { headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' } });
    }
    if (!(await isServableFile(root, resolved.filePath))) return statusResponse(404, '404 未找到 / not found');
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(resolved.filePath));
    return new Response(body, {
      headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(resolved.filePath), 'Cache-Control': 'no-cache' },
    });
  };
}
