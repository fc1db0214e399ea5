// Creation of the app's windows: the hardened main window showing app://safetynet/index.html, and hidden,
// script-less windows that print briefing HTML to A4 PDFs.
import { BrowserWindow } from 'electron';
import type { Shell } from 'electron';
import { APP_ENTRY_URL } from '../protocol/app-protocol.ts';
import type { PrintPages } from '../protocol/app-protocol.ts';
import { hardenWebContents } from '../security/hardening.ts';

/** Creates the main window, hardens it and loads the renderer from app://. */
export function createMainWindow(preloadPath: string, shell: Pick<Shell, 'openExternal'>): BrowserWindow {
  // Web preferences are spelled out (not built by a helper) so reviewers and electronegativity see them at the call.
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: '社会救助政策仿真工作台 / Safety Net Workbench',
    backgroundColor: '#ffffff',
    webPreferences: {
      // Reviewed PRELOAD_JS_CHECK: the preload is sandboxed CommonJS that exposes only named HostApi functions
      // through contextBridge (never ipcRenderer); every call is re-validated in the main process.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      safeDialogs: true,
    },
  });
  hardenWebContents(window.webContents, shell);
  window.once('ready-to-show', () => window.show());
  reloadAfterCrash(window);
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Most renderer restarts allowed within RELOAD_WINDOW_MS before the shell stops trying (a crash loop). */
export const MAX_RELOADS = 3;
const RELOAD_WINDOW_MS = 60_000;

/**
 * Reloads the app page when its renderer process dies (crash, out of memory, killed), so a failure never leaves a
 * dead window; the renderer then reopens the last saved workspace. Gives up after MAX_RELOADS within a minute.
 */
export function reloadAfterCrash(window: BrowserWindow, now: () => number = Date.now): void {
  const reloads: number[] = [];
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const time = now();
    while (reloads.length > 0 && time - reloads[0] > RELOAD_WINDOW_MS) reloads.shift();
    if (reloads.length >= MAX_RELOADS) {
      console.error(`界面进程反复崩溃，停止重新载入 / the renderer keeps crashing (${details.reason}); not reloading`);
      return;
    }
    reloads.push(time);
    void window.loadURL(APP_ENTRY_URL);
  });
}

/** PDF options of every printed briefing: A4, backgrounds printed. */
export function pdfOptions(landscape: boolean) {
  return { pageSize: 'A4', printBackground: true, landscape, preferCSSPageSize: false } as const;
}

/** Prints `html` in a hidden window with JavaScript disabled, served through app:// so the CSP applies. */
export async function printHtmlToPdf(
  html: string,
  landscape: boolean,
  printPages: PrintPages,
  shell: Pick<Shell, 'openExternal'>,
): Promise<Uint8Array> {
  const page = printPages.add(html);
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenWebContents(window.webContents, shell);
  try {
    await window.loadURL(page.url);
    return new Uint8Array(await window.webContents.printToPDF(pdfOptions(landscape)));
  } finally {
    page.release();
    window.destroy();
  }
}
