// Security rules of the shell as code: hardened window preferences, navigation and window.open denied, permission
// requests denied, no remote content, CSP on every response, shell.openExternal only for allow-listed URLs.
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from '../contract/host-api.ts';
import { APP_ORIGIN } from '../protocol/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from './web-policy.ts';

/** Web preferences every window gets; `preload` only for the main window, JavaScript off for print windows. */
export function hardenedWebPreferences(
  options: { preload?: string; javascript?: boolean } = {},
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    ...(options.preload !== undefined ? { preload: options.preload } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    javascript: options.javascript ?? true,
  };
}

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

/** Opens `url` in the system browser only if it is on the allow-list; returns whether it was opened. */
export async function openExternalIfAllowed(
  url: string,
  openExternal: (url: string) => Promise<void>,
): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  await openExternal(url);
  return true;
}

/**
 * Locks down a web contents: in-app navigation away from app:// is prevented, window.open is denied (allow-listed
 * links go to the system browser instead), <webview> attachment is prevented.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
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
    void openExternalIfAllowed(url, openExternal);
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
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
