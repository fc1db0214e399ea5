// The whole shell wired together over the fake electron module: hardened window, app:// with CSP, the preload's
// HostApi over validated IPC (documents, dialogs, PDF, language, external links), refusals, single-instance lock.
import { once } from 'node:events';
import { mkdtemp, mkdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostApi, MenuCommand } from '../../contract/host-api.ts';
import { HOST_GLOBAL_NAME, MAX_DATASET_FILE_BYTES } from '../../contract/host-api.ts';
import { errorText, isErrorInfo } from '../../sim/index.ts';
import { CONTENT_SECURITY_POLICY } from '../security/web-policy.ts';
import { FakeWebContents, app, fake, invokeFromRenderer, resetFakeElectron } from '../testing/fake-electron.ts';
import { startApp } from './start-app.ts';

let root: string;
let distDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'start-app-'));
  distDir = path.join(root, 'dist');
  await mkdir(distDir, { recursive: true });
  await writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>社会救助政策仿真工作台</title>');
  resetFakeElectron(path.join(root, 'electron-paths'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Starts the shell, attaches the preload to its window and returns the exposed HostApi. */
async function startWithPreload() {
  const running = await startApp({ distDir, preloadPath: path.join(root, 'preload.cjs') });
  if (running === null) throw new Error('shell did not start');
  const window = fake.windows[0];
  // The shell starts loading the page without waiting for it (as Electron does): wait for the load to end here, or a
  // busy machine reads the window before it is shown.
  if (!window.shown) await once(window, 'ready-to-show');
  fake.preloadContents = window.webContents;
  if (preloadApi === undefined) {
    await import('../preload.ts');
    preloadApi = fake.exposed.get(HOST_GLOBAL_NAME) as HostApi;
  }
  return { running, window, api: preloadApi };
}

/** The API the preload exposed when first imported (module side effects run once per test file). */
let preloadApi: HostApi | undefined;

/** Web preferences every window must have. */
const HARDENED = {
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
};

/** Labels of the top-level menus currently installed. */
function menuLabels(): string[] {
  return (fake.applicationMenu?.template as { label?: string }[]).map((item) => item.label ?? '');
}

describe('startApp', () => {
  it('opens one hardened window on app:// with the CSP and a Chinese menu', async () => {
    const { window } = await startWithPreload();
    expect(fake.windows).toHaveLength(1);
    expect(window.options.webPreferences).toEqual({
      preload: path.join(root, 'preload.cjs'),
      ...HARDENED,
      spellcheck: false,
      safeDialogs: true,
    });
    expect(window.shown).toBe(true);
    expect(window.webContents.loaded).toMatchObject({ url: 'app://safetynet/index.html', status: 200 });
    expect(window.webContents.loaded?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(menuLabels()).toEqual(['文件', '编辑', '视图', '语言', '帮助']);
  });

  it('denies navigation, window.open and permissions in the real window and in any later web contents', async () => {
    const { window } = await startWithPreload();
    expect(window.webContents.simulateNavigation('https://evil.example/')).toBe(false);
    expect(window.webContents.simulateWindowOpen('https://evil.example/')).toBe('deny');
    const later = new FakeWebContents({});
    app.emit('web-contents-created', {}, later);
    expect(later.simulateNavigation('https://evil.example/')).toBe(false);
    expect(later.simulateWindowOpen('https://evil.example/')).toBe('deny');
    const { defaultSession } = await import('../testing/fake-electron.ts').then((m) => m.session);
    expect(await defaultSession.requestPermission('media')).toBe(false);
  });

  it('exposes only named functions and the kind through the preload', async () => {
    const { api } = await startWithPreload();
    const entries = Object.entries(api);
    expect(entries.map(([key]) => key).sort()).toEqual(
      [
        'kind',
        'loadDocument',
        'onMenuCommand',
        'openDatasetFiles',
        'openExternal',
        'printToPdf',
        'saveDocument',
        'saveFile',
        'setLanguage',
      ].sort(),
    );
    expect(api.kind).toBe('electron');
    for (const [key, value] of entries) if (key !== 'kind') expect(typeof value, key).toBe('function');
  });

  it('saves and loads documents atomically under userData', async () => {
    const { api } = await startWithPreload();
    expect(await api.loadDocument('workspace')).toEqual({ data: null });
    const saved = await api.saveDocument('workspace', { scenario: '提标 10%', ids: [1, 2] });
    expect(saved.saved).toBe(true);
    expect(saved.path).toBe(path.join(root, 'electron-paths', 'userData', 'documents', 'workspace.json'));
    expect(await api.loadDocument('workspace')).toEqual({ data: { scenario: '提标 10%', ids: [1, 2] } });
  });

  it('refuses a bad payload from the preload with a typed bilingual error value', async () => {
    const { api } = await startWithPreload();
    const refused = await api.loadDocument('passwords' as never).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      name: 'HostError',
      code: 'invalid-request',
      messageZh: expect.stringMatching(/^请求格式无效（host:load-document）：kind/),
      messageEn: expect.stringMatching(/^invalid request \(host:load-document\): kind/),
    });
    expect(refused).not.toBeInstanceOf(Error);
    const badName = await api
      .saveFile({ suggestedName: '../x', mimeType: 'text/plain', data: 'x' })
      .catch((error: unknown) => error);
    expect(badName).toMatchObject({ code: 'invalid-request', messageEn: expect.stringMatching(/suggestedName/) });
  });

  it('brings a host failure across the preload with its code, both languages and the file', async () => {
    const { api } = await startWithPreload();
    const big = path.join(root, '大文件.csv');
    await writeFile(big, '');
    await truncate(big, MAX_DATASET_FILE_BYTES + 1);
    fake.openDialogResults.push({ canceled: false, filePaths: [big] });
    const failure = await api.openDatasetFiles().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'too-large', file: '大文件.csv' });
    expect(isErrorInfo(failure)).toBe(true);
    if (!isErrorInfo(failure)) return;
    expect(errorText(failure, 'zh')).toBe(
      `文件 大文件.csv 有 ${MAX_DATASET_FILE_BYTES + 1} 字节，超过单个文件上限 ${MAX_DATASET_FILE_BYTES} 字节`,
    );
    expect(errorText(failure, 'en')).toBe(
      `file 大文件.csv has ${MAX_DATASET_FILE_BYTES + 1} bytes, above the per-file limit of ${MAX_DATASET_FILE_BYTES} bytes`,
    );
  });

  it('refuses IPC from a web contents that is not our window', async () => {
    await startWithPreload();
    const stranger = new FakeWebContents({});
    stranger.mainFrame.url = 'app://safetynet/index.html';
    const result = await invokeFromRenderer('host:load-document', { kind: 'settings' }, stranger);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('refuses IPC from our window once it shows a foreign page', async () => {
    const { window } = await startWithPreload();
    window.webContents.mainFrame.url = 'https://evil.example/';
    const result = await invokeFromRenderer('host:load-document', { kind: 'settings' }, window.webContents);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('opens dataset files through the dialog, or returns null when cancelled', async () => {
    const { api } = await startWithPreload();
    const file = path.join(root, '低保.csv');
    await writeFile(file, 'household_id,income\n1,100\n');
    fake.openDialogResults.push({ canceled: false, filePaths: [file] });
    const files = await api.openDatasetFiles();
    expect(files).toHaveLength(1);
    expect(files?.[0].name).toBe('低保.csv');
    expect(new TextDecoder().decode(files?.[0].bytes)).toBe('household_id,income\n1,100\n');
    expect(await api.openDatasetFiles()).toBeNull();
  });

  it('saves a file where the user chose, or reports cancel', async () => {
    const { api } = await startWithPreload();
    const target = path.join(root, 'out', 'result.csv');
    fake.saveDialogResults.push({ canceled: false, filePath: target });
    expect(
      await api.saveFile({ suggestedName: 'result.csv', mimeType: 'text/csv', data: new Uint8Array([65, 66]) }),
    ).toEqual({
      saved: true,
      path: target,
    });
    expect(await readFile(target, 'utf8')).toBe('AB');
    expect(await api.saveFile({ suggestedName: 'result.csv', mimeType: 'text/csv', data: 'x' })).toEqual({
      saved: false,
    });
  });

  it('prints briefing HTML to an A4 PDF in a script-less window served by app://', async () => {
    const { api } = await startWithPreload();
    const target = path.join(root, 'briefing.pdf');
    fake.saveDialogResults.push({ canceled: false, filePath: target });
    const result = await api.printToPdf({
      suggestedName: '简报',
      html: '<h1>政策简报 Policy briefing</h1>',
      landscape: true,
    });
    expect(result).toEqual({ saved: true, path: target });
    const pdf = await readFile(target, 'utf8');
    expect(pdf.startsWith('%PDF')).toBe(true);
    expect(pdf).toContain('政策简报 Policy briefing');
    const printWindow = fake.windows[1];
    expect(printWindow.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
    });
    expect(printWindow.webContents.loaded?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(printWindow.webContents.printOptions).toEqual([
      { pageSize: 'A4', printBackground: true, landscape: true, preferCSSPageSize: false },
    ]);
    expect(printWindow.destroyed).toBe(true);
    expect(fake.dialogCalls.at(-1)?.options).toMatchObject({ defaultPath: expect.stringMatching(/简报\.pdf$/) });
  });

  it('switches the menu language and delivers menu commands to subscribers until unsubscribed', async () => {
    const { api } = await startWithPreload();
    await api.setLanguage('en');
    expect(menuLabels()).toEqual(['File', 'Edit', 'View', 'Language', 'Help']);
    const received: MenuCommand[] = [];
    const unsubscribe = api.onMenuCommand((command) => received.push(command));
    const fileMenu = (fake.applicationMenu?.template[0] as { submenu: { label?: string; click?: () => void }[] })
      .submenu;
    fileMenu.find((item) => item.label === 'Open Dataset…')?.click?.();
    expect(received).toEqual(['open-dataset']);
    unsubscribe();
    fileMenu.find((item) => item.label === 'Save Scenario')?.click?.();
    expect(received).toEqual(['open-dataset']);
    fileMenu.find((item) => item.label === 'Quit')?.click?.();
    expect(fake.quitCalls).toBe(1);
  });

  it('opens only allow-listed external URLs', async () => {
    const { api } = await startWithPreload();
    expect(await api.openExternal('https://evil.example/')).toEqual({ opened: false });
    expect(await api.openExternal('https://www.mca.gov.cn/n152/index.html')).toEqual({ opened: true });
    expect(fake.openedExternal).toEqual(['https://www.mca.gov.cn/n152/index.html']);
  });

  it('reloads the app page after a renderer crash, but not in a crash loop', async () => {
    const { window } = await startWithPreload();
    const loads = () => window.webContents.loadCount;
    const before = loads();
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(loads()).toBe(before);
    for (let crash = 0; crash < 5; crash += 1) {
      window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    }
    await Promise.resolve();
    expect(loads()).toBe(before + 3);
    expect(window.webContents.getURL()).toBe('app://safetynet/index.html');
  });

  it('quits when another instance holds the single-instance lock', async () => {
    fake.singleInstanceLock = false;
    expect(await startApp({ distDir, preloadPath: 'x' })).toBeNull();
    expect(fake.quitCalls).toBe(1);
    expect(fake.windows).toHaveLength(0);
  });
});
