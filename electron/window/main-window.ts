// Creation of the app's windows: the hardened main window showing app://safetynet/index.html, and hidden,
// script-less windows that print briefing HTML to A4 PDFs.
import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from '../protocol/app-protocol.ts';
import type { PrintPages } from '../protocol/app-protocol.ts';
import { hardenWebContents, hardenedWebPreferences } from '../security/hardening.ts';

/** Options of the main window: hardened web preferences with our preload, shown once painted. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: '社会救助政策仿真工作台 / Safety Net Workbench',
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences({ preload: preloadPath }),
  };
}

/** Creates the main window, hardens it and loads the renderer from app://. */
export function createMainWindow(preloadPath: string, openExternal: (url: string) => Promise<void>): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  hardenWebContents(window.webContents, openExternal);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
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
  openExternal: (url: string) => Promise<void>,
): Promise<Uint8Array> {
  const page = printPages.add(html);
  const window = new BrowserWindow({ show: false, webPreferences: hardenedWebPreferences({ javascript: false }) });
  hardenWebContents(window.webContents, openExternal);
  try {
    await window.loadURL(page.url);
    return new Uint8Array(await window.webContents.printToPDF(pdfOptions(landscape)));
  } finally {
    page.release();
    window.destroy();
  }
}
