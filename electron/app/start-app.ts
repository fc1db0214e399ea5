// Wires the shell together: single-instance lock, privileged app:// scheme, hardened session and windows, the native
// menu, the document store and the validated IPC handlers. `electron/main.ts` calls `startApp()`.
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { Menu, app, dialog, ipcMain, protocol, session, shell } from 'electron';
import type { MenuCommand, UiLanguage } from '../../contract/host-api.ts';
import { MENU_COMMAND_CHANNEL } from '../../contract/ipc-contract.ts';
import { DocumentStore } from '../documents/document-store.ts';
import { registerIpcHandlers } from '../ipc/ipc-router.ts';
import { buildMenuTemplate } from '../menu/app-menu.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, PrintPages, createAppProtocolHandler } from '../protocol/app-protocol.ts';
import { hardenSession, hardenWebContents } from '../security/hardening.ts';
import { createHostHandlers } from '../services/host-handlers.ts';
import { createMainWindow, pdfOptions, printHtmlToPdf } from '../window/main-window.ts';

/** Where the built files sit relative to the compiled main (dist-electron/main.cjs → ../dist). */
export interface AppPaths {
  distDir: string;
  preloadPath: string;
}

/** Default paths: renderer in `<app>/dist`, preload next to the compiled main. */
export function defaultAppPaths(mainDir: string): AppPaths {
  return { distDir: path.join(mainDir, '..', 'dist'), preloadPath: path.join(mainDir, 'preload.cjs') };
}

/** The running shell, returned for tests and for the quit path. */
export interface RunningApp {
  window: BrowserWindow | null;
  language: UiLanguage;
  trustedIds: Set<number>;
}

/** Starts the desktop shell; returns null when another instance already runs (this one quits). */
export async function startApp(paths: AppPaths): Promise<RunningApp | null> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  const state: RunningApp = { window: null, language: 'zh', trustedIds: new Set() };
  const printPages = new PrintPages();

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));
  app.on('second-instance', () => {
    if (state.window === null) return;
    if (state.window.isMinimized()) state.window.restore();
    state.window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.distDir, printPages));

  const send = (command: MenuCommand) => {
    state.window?.webContents.send(MENU_COMMAND_CHANNEL, command);
    if (command === 'quit') app.quit();
  };
  const setLanguage = (language: UiLanguage) => {
    state.language = language;
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(language, send)));
  };
  setLanguage('zh');

  const handlers = createHostHandlers({
    dialog,
    shell,
    documents: new DocumentStore(path.join(app.getPath('userData'), 'documents')),
    windowFor: (senderId) => (state.window?.webContents.id === senderId ? state.window : null),
    defaultSaveDir: () => app.getPath('documents'),
    printToPdf: async ({ html, landscape, senderId }) => {
      if (html !== undefined) return printHtmlToPdf(html, landscape, printPages, shell);
      const window = state.window?.webContents.id === senderId ? state.window : null;
      if (window === null) throw new Error('没有可打印的窗口 / no window to print');
      return new Uint8Array(await window.webContents.printToPDF(pdfOptions(landscape)));
    },
    setLanguage,
  });
  registerIpcHandlers(ipcMain, handlers, state.trustedIds);

  const window = createMainWindow(paths.preloadPath, shell);
  const id = window.webContents.id;
  state.window = window;
  state.trustedIds.add(id);
  window.on('closed', () => {
    state.trustedIds.delete(id);
    state.window = null;
  });
  return state;
}
