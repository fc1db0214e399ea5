// Security rules of the shell as code: hardened window preferences, navigation and window.open denied, permission
// requests denied, no remote content, CSP on every response, shell.openExternal only for allow-listed URLs.
import type { Session, Shell, WebContents } from 'electron';
import { isAllowedExternalUrl } from '../../contract/host-api.ts';
import { APP_ORIGIN } from '../protocol/app-protocol.ts';

/** True when `url` belongs to the app's own origin (app://safetynet/...). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Schemes a page may load subresources from: its own origin plus in-memory blob:/data: (no network, no file:). */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  return url.startsWith(`blob:${APP_ORIGIN}/`) || url.startsWith('data:');
}

/** The one place the shell opens URLs in the system browser: only allow-listed https URLs; returns whether it did. */
export async function openExternalIfAllowed(url: string, shell: Pick<Shell, 'openExternal'>): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  // The URL passed the allow-list just above (https, no userinfo or port, fixed prefixes), so it is not attacker-chosen.
  await shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  return true;
}

/**
 * Locks down a web contents: in-app navigation away from app:// is prevented, window.open is denied (allow-listed
 * links go to the system browser instead), <webview> attachment is prevented.
 */
export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  const denyNavigation = (event: { preventDefault: () => void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', denyNavigation);
  contents.on('will-redirect', denyNavigation);
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalIfAllowed(url, shell);
    return { action: 'deny' };
  });
}

/**
 * Locks down a session: every permission request and check denied, requests to anything but the app's own origin
 * (and blob:/data:) cancelled, and the CSP header set on every response as a second line behind the protocol handler.
 */
export function hardenSession(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
  // The CSP is written out literally so electronegativity can evaluate it; a test keeps it equal to web-policy.json.
  // Reviewed CSP_GLOBAL_CHECK finding ("'self' can be problematic if you host JSONP, Angular or user uploaded
  // files"): 'self' is app://safetynet, which serves only our own build in dist/ — no JSONP, no Angular, and user
  // files never become URLs there (datasets travel as bytes over IPC). Its other remark, that 'wasm-unsafe-eval' is
  // unknown, predates CSP Level 3; DuckDB-wasm needs exactly that keyword and nothing broader ('unsafe-eval').
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: /* eng-disable CSP_GLOBAL_CHECK */ {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' blob: data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
}
