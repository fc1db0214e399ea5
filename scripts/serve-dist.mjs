// Small static HTTP server for the browser build in dist/: the fallback of `npm start`, the `npm run web` path and the
// server end-to-end tests use. Bound to 127.0.0.1, same CSP and MIME types as the desktop app:// protocol, with the
// same path-traversal guard (encoded `..`, backslashes, NUL and symlinks out of dist/ are refused).
import { createServer } from 'node:http';
import { createReadStream, readFileSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const policy = JSON.parse(readFileSync(path.join(repoRoot, 'electron', 'security', 'web-policy.json'), 'utf8'));

/** The Content-Security-Policy sent with every response (shared with the desktop app). */
export const CONTENT_SECURITY_POLICY = policy.contentSecurityPolicy;

/** Response headers sent with every response: the CSP plus the other hardening headers. */
export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': policy.contentSecurityPolicy,
  ...policy.securityHeaders,
});

/** MIME type of a file name by extension (application/wasm for .wasm); octet-stream when unknown. */
export function mimeTypeFor(fileName) {
  return policy.mimeTypes[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a raw (still percent-encoded) URL path onto a file path inside `root`, or returns a refusal.
 * Returns `{ ok: true, filePath }` or `{ ok: false, status }` (400 malformed, 403 traversal attempt).
 */
export function resolveRequestPath(root, rawPath) {
  const pathOnly = rawPath.split(/[?#]/, 1)[0];
  if (pathOnly.includes('\\') || /%5c|%00|%2f/i.test(pathOnly) || !pathOnly.startsWith('/')) {
    return { ok: false, status: 403 };
  }
  let decoded;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return { ok: false, status: 403 };
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return { ok: false, status: 403 };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return { ok: false, status: 403 };
  const base = path.resolve(root);
  const filePath = path.resolve(base, relative);
  if (filePath !== base && !filePath.startsWith(base + path.sep)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

/** True when `filePath`, with symlinks resolved, is a regular file still inside `root` (also resolved). */
async function isServableFile(root, filePath) {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(filePath)]);
    if (!realFile.startsWith(realRoot + path.sep)) return false;
    return (await stat(realFile)).isFile();
  } catch {
    return false;
  }
}

/** Sends a short plain-text status response with the security headers. */
function sendStatus(response, status, text) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

/** Creates (does not start) the HTTP server for `root`; exported for tests that need the raw server. */
export function createDistServer(root) {
  return createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendStatus(response, 405, '405 方法不允许 / method not allowed');
      return;
    }
    const resolved = resolveRequestPath(root, request.url ?? '/');
    if (!resolved.ok) {
      sendStatus(response, resolved.status, `${resolved.status} 拒绝访问 / refused`);
      return;
    }
    isServableFile(root, resolved.filePath).then((servable) => {
      if (!servable) {
        sendStatus(response, 404, '404 未找到 / not found');
        return;
      }
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': mimeTypeFor(resolved.filePath),
        'Cache-Control': 'no-cache',
      });
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      const stream = createReadStream(resolved.filePath);
      stream.on('error', () => response.destroy());
      stream.pipe(response);
    });
  });
}

/**
 * Serves `root` (default: the repository's dist/) on 127.0.0.1:`port` (0 = any free port).
 * Resolves with `{ url, port, close }`; `close()` stops the server and resolves when it has stopped.
 */
export async function serveDist({ port = 0, host = '127.0.0.1', root = path.join(repoRoot, 'dist') } = {}) {
  const server = createDistServer(root);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://${host}:${actualPort}/`,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
