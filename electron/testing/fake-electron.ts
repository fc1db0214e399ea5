// A fake `electron` module for unit tests in plain Node (the binary cannot be downloaded here). Vitest's `electron`
// project aliases `electron` to this file. It records what the shell asks of Electron (window options, handlers,
// menus, protocol handlers) and lets tests drive events (navigation, window.open, permissions, IPC, dialogs).
// IPC payloads are structured-cloned like real IPC; app:// loads go through the registered protocol handler.
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- listeners of any event shape, as EventEmitter takes
type Listener = (...args: any[]) => void;

/** An event whose default a listener may prevent, as Electron's navigation events. */
export class FakeEvent {
  defaultPrevented = false;
  /** Builds the event, optionally carrying the target URL (as `will-frame-navigate` does). */
  constructor(readonly url = '') {}
  /** Marks the event as prevented. */
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** A frame: its URL and parent (null for a main frame). */
export class FakeWebFrame {
  /** Builds a frame at `url`, a main frame unless a parent is given. */
  constructor(
    public url: string,
    readonly parent: FakeWebFrame | null = null,
  ) {}
}

let nextContentsId = 1;

/** Web contents: records messages sent, PDF prints, loads; simulates navigation and window.open. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly printOptions: unknown[] = [];
  readonly mainFrame = new FakeWebFrame('');
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  loaded: { url: string; status: number; headers: Headers; body: string } | null = null;
  loadCount = 0;
  destroyed = false;

  /** Builds the contents of a window with its web preferences. */
  constructor(readonly webPreferences: Record<string, unknown>) {
    super();
  }

  /** Stores the window.open handler. */
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** Records a message; if this contents hosts the fake preload, delivers it to `ipcRenderer` listeners. */
  send(channel: string, ...args: unknown[]): void {
    const cloned = args.map((arg) => structuredClone(arg));
    this.sent.push({ channel, args: cloned });
    if (fake.preloadContents === this) ipcRendererEvents.emit(channel, { sender: this }, ...cloned);
  }

  /** Loads a URL; app:// URLs go through the registered protocol handler and the response is kept. */
  async loadURL(url: string): Promise<void> {
    this.loadCount += 1;
    this.mainFrame.url = url;
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = fake.protocolHandlers.get(scheme);
    if (handler === undefined) {
      this.loaded = { url, status: 0, headers: new Headers(), body: '' };
      return;
    }
    const response = await handler(new Request(url));
    this.loaded = { url, status: response.status, headers: response.headers, body: await response.text() };
  }

  /** The URL of the main frame. */
  getURL(): string {
    return this.mainFrame.url;
  }

  /** Returns a small PDF-looking buffer that embeds the loaded page, so tests can check what was printed. */
  async printToPDF(options: unknown): Promise<Buffer> {
    this.printOptions.push(options);
    return Buffer.from(`%PDF-1.7\n% fake print of ${this.mainFrame.url}\n${this.loaded?.body ?? ''}\n%%EOF\n`);
  }

  /** Whether the contents was destroyed with its window. */
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Emits a navigation event pair as Chromium would; returns true when navigation was allowed. */
  simulateNavigation(url: string): boolean {
    const navigate = new FakeEvent(url);
    this.emit('will-navigate', navigate, url);
    const frame = new FakeEvent(url);
    this.emit('will-frame-navigate', frame);
    return !navigate.defaultPrevented && !frame.defaultPrevented;
  }

  /** Emits a redirect event; returns true when the redirect was allowed. */
  simulateRedirect(url: string): boolean {
    const event = new FakeEvent(url);
    this.emit('will-redirect', event, url);
    return !event.defaultPrevented;
  }

  /** Asks the window.open handler about `url` as Chromium would; 'allow' when no handler is set. */
  simulateWindowOpen(url: string): 'allow' | 'deny' {
    return this.windowOpenHandler?.({ url }).action ?? 'allow';
  }

  /** Emits will-attach-webview; returns true when attachment was allowed. */
  simulateAttachWebview(): boolean {
    const event = new FakeEvent();
    this.emit('will-attach-webview', event, {}, {});
    return !event.defaultPrevented;
  }
}

/** A window: keeps its constructor options and contents; every instance is listed in `fake.windows`. */
export class BrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  shown = false;
  destroyed = false;
  focused = false;

  /** Creates the window and records it. */
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown> = {}) {
    super();
    this.webContents = new FakeWebContents(options.webPreferences ?? {});
    fake.windows.push(this);
  }

  /** Loads a URL in the window's contents and emits ready-to-show. */
  async loadURL(url: string): Promise<void> {
    await this.webContents.loadURL(url);
    this.emit('ready-to-show');
  }

  /** Shows the window. */
  show(): void {
    this.shown = true;
  }

  /** Destroys the window and its contents. */
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }

  /** Closes the window (same as destroy here). */
  close(): void {
    this.destroy();
  }

  /** Whether the window was destroyed. */
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Never minimised in the fake. */
  isMinimized(): boolean {
    return false;
  }

  /** No-op: restoring a window. */
  restore(): void {}

  /** Focuses the window. */
  focus(): void {
    this.focused = true;
  }

  /** All live windows. */
  static getAllWindows(): BrowserWindow[] {
    return fake.windows.filter((window) => !window.destroyed);
  }
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
type DialogResult = { canceled: boolean; filePaths?: string[]; filePath?: string };

/** Everything the fake records, plus knobs tests set. Reset with `resetFakeElectron()`. */
export const fake = {
  windows: [] as BrowserWindow[],
  protocolHandlers: new Map<string, ProtocolHandler>(),
  privilegedSchemes: [] as unknown[],
  invokeHandlers: new Map<string, InvokeHandler>(),
  exposed: new Map<string, unknown>(),
  openedExternal: [] as string[],
  applicationMenu: null as { template: unknown[] } | null,
  openDialogResults: [] as DialogResult[],
  saveDialogResults: [] as DialogResult[],
  dialogCalls: [] as { kind: 'open' | 'save'; options: unknown }[],
  singleInstanceLock: true,
  quitCalls: 0,
  userDataRoot: path.join(os.tmpdir(), 'safetynet-fake-electron'),
  preloadContents: null as FakeWebContents | null,
};

/** Resets all recorded state between tests (`userDataRoot` is set by the test). */
export function resetFakeElectron(userDataRoot: string): void {
  fake.windows.length = 0;
  fake.protocolHandlers.clear();
  fake.privilegedSchemes.length = 0;
  fake.invokeHandlers.clear();
  fake.exposed.clear();
  fake.openedExternal.length = 0;
  fake.applicationMenu = null;
  fake.openDialogResults.length = 0;
  fake.saveDialogResults.length = 0;
  fake.dialogCalls.length = 0;
  fake.singleInstanceLock = true;
  fake.quitCalls = 0;
  fake.userDataRoot = userDataRoot;
  fake.preloadContents = null;
  app.removeAllListeners();
  ipcRendererEvents.removeAllListeners();
  session.defaultSession = new FakeSession();
}

class FakeApp extends EventEmitter {
  readonly isPackaged = false;
  readonly name = 'safety-net-workbench';
  /** Returns the configured lock outcome. */
  requestSingleInstanceLock(): boolean {
    return fake.singleInstanceLock;
  }
  /** Counts quit calls. */
  quit(): void {
    fake.quitCalls += 1;
  }
  /** Ready at once. */
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  /** A folder under the test's temporary root. */
  getPath(name: string): string {
    return path.join(fake.userDataRoot, name);
  }
}

/** The fake `app`. */
export const app = new FakeApp();

/** The fake `ipcMain`: stores invoke handlers like the real one (a channel may be handled once). */
export const ipcMain = {
  handle(channel: string, handler: InvokeHandler): void {
    if (fake.invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    fake.invokeHandlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    fake.invokeHandlers.delete(channel);
  },
};

/** Calls a registered invoke handler as Electron would for a message from `sender` in `frame`. */
export async function invokeFromRenderer(
  channel: string,
  payload: unknown,
  sender: FakeWebContents,
  frame: FakeWebFrame | null = sender.mainFrame,
): Promise<unknown> {
  const handler = fake.invokeHandlers.get(channel);
  if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
  return structuredClone(await handler({ sender, senderFrame: frame }, structuredClone(payload)));
}

const ipcRendererEvents = new EventEmitter();

/** The subset of `ipcRenderer` the preload uses, plus a listener count for tests. */
interface FakeIpcRenderer {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: Listener): FakeIpcRenderer;
  removeListener(channel: string, listener: Listener): FakeIpcRenderer;
  listenerCount(channel: string): number;
}

/** The fake `ipcRenderer` of the preload: invokes go to `fake.preloadContents`'s handlers in the fake main. */
export const ipcRenderer: FakeIpcRenderer = {
  invoke(channel: string, payload: unknown): Promise<unknown> {
    if (fake.preloadContents === null) throw new Error('fake.preloadContents is not set');
    return invokeFromRenderer(channel, payload, fake.preloadContents);
  },
  on(channel: string, listener: Listener): FakeIpcRenderer {
    ipcRendererEvents.on(channel, listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: Listener): FakeIpcRenderer {
    ipcRendererEvents.removeListener(channel, listener);
    return ipcRenderer;
  },
  listenerCount(channel: string): number {
    return ipcRendererEvents.listenerCount(channel);
  },
};

/**
 * A value as the page receives it across the context bridge, as Electron documents it: functions are proxied (and the
 * promises they return), arrays and plain objects are copied without their prototype, and an `Error` arrives with its
 * message only (custom properties such as a code are lost).
 */
export function acrossBridge(value: unknown): unknown {
  if (typeof value === 'function') {
    return (...args: unknown[]) => {
      try {
        return acrossBridge((value as (...values: unknown[]) => unknown)(...args.map(acrossBridge)));
      } catch (error) {
        throw acrossBridge(error);
      }
    };
  }
  if (value instanceof Promise)
    return value.then(acrossBridge, (error: unknown) => Promise.reject(acrossBridge(error)));
  if (value instanceof Error) return new Error(value.message);
  if (Array.isArray(value)) return value.map(acrossBridge);
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, acrossBridge(field)]));
  }
  return value;
}

/** The fake `contextBridge`: keeps what the preload exposes, as the page would see it. */
export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    fake.exposed.set(key, acrossBridge(api));
  },
};

/** The fake `protocol`. */
export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    fake.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    fake.protocolHandlers.set(scheme, handler);
  },
};

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type RequestListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string[]> }) => void,
) => void;

/** A session: records its permission handlers and web request listeners, and can be asked as Chromium would. */
export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  beforeRequest: RequestListener | null = null;
  headersReceived: RequestListener | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: RequestListener) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: RequestListener) => {
      this.headersReceived = listener;
    },
  };

  /** Stores the permission request handler. */
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  /** Stores the permission check handler. */
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }
  /** Stores the device permission handler. */
  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermissionHandler = handler;
  }

  /** Asks the permission request handler; without one Electron grants, so this returns true. */
  requestPermission(permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (handler === null) return Promise.resolve(true);
    return new Promise((resolve) => handler(null, permission, resolve));
  }

  /** Runs the before-request listener; true when the request may go ahead. */
  allowsRequest(url: string): Promise<boolean> {
    const listener = this.beforeRequest;
    if (listener === null) return Promise.resolve(true);
    return new Promise((resolve) => listener({ url }, (response) => resolve(response.cancel !== true)));
  }

  /** Runs the headers-received listener over `headers`; returns the headers Chromium would use. */
  headersFor(url: string, headers: Record<string, string[]>): Promise<Record<string, string[]>> {
    const listener = this.headersReceived;
    if (listener === null) return Promise.resolve(headers);
    return new Promise((resolve) =>
      listener({ url, responseHeaders: headers }, (response) => resolve(response.responseHeaders ?? headers)),
    );
  }
}

/** The fake `session` module. */
export const session = { defaultSession: new FakeSession() };

/** The fake `shell`: records URLs it was asked to open. */
export const shell = {
  async openExternal(url: string): Promise<void> {
    fake.openedExternal.push(url);
  },
};

/** Shifts the next queued dialog result, or a cancellation. */
function nextDialogResult(queue: DialogResult[], kind: 'open' | 'save', args: unknown[]): DialogResult {
  fake.dialogCalls.push({ kind, options: args[args.length - 1] });
  return queue.shift() ?? { canceled: true, filePaths: [] };
}

/** The fake `dialog`: answers from `fake.openDialogResults` / `fake.saveDialogResults`. */
export const dialog = {
  async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    const result = nextDialogResult(fake.openDialogResults, 'open', args);
    return { canceled: result.canceled, filePaths: result.filePaths ?? [] };
  },
  async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    const result = nextDialogResult(fake.saveDialogResults, 'save', args);
    return { canceled: result.canceled, filePath: result.filePath ?? '' };
  },
};

/** The fake `Menu`: a menu is its template; the application menu is recorded. */
export const Menu = {
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] } | null): void {
    fake.applicationMenu = menu;
  },
};

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  protocol,
  session,
  shell,
};
