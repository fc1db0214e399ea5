// The response headers and MIME types of app pages, typed, from the one JSON file the static server reads too.
import policy from './web-policy.json';

/** The Content-Security-Policy of every app page (see web-policy.json; same string the static server sends). */
export const CONTENT_SECURITY_POLICY: string = policy.contentSecurityPolicy;

/** All hardening headers sent with app:// responses: the CSP plus nosniff, referrer and cross-origin policies. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': policy.contentSecurityPolicy,
  ...policy.securityHeaders,
});

const mimeTypes: Readonly<Record<string, string>> = policy.mimeTypes;

/** MIME type for a file name by extension (application/wasm for .wasm); application/octet-stream when unknown. */
export function mimeTypeFor(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  if (dot <= slash) return 'application/octet-stream';
  return mimeTypes[fileName.slice(dot).toLowerCase()] ?? 'application/octet-stream';
}
