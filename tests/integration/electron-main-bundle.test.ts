// Smoke test of the built artifact: dist-electron/main.cjs (compiled by build-electron.mjs) boots under the fake
// electron module in a child Node process, opens the hardened window with the compiled preload next to it, serves
// dist/index.html over app:// with the CSP, installs the Chinese menu and registers every IPC channel.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import policy from '../../electron/security/web-policy.json';
import { IPC_CHANNELS } from '../../contract/ipc-contract.ts';
import { buildElectron } from '../../scripts/build-electron.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const appRoot = mkdtempSync(path.join(os.tmpdir(), 'main-bundle-'));

afterAll(() => rmSync(appRoot, { recursive: true, force: true }));

/** Loads main.cjs with `electron` resolved to the fake module and prints what the shell did. */
const bootScript = `
const Module = require('node:module');
const fakePath = ${JSON.stringify(path.join(repoRoot, 'electron', 'testing', 'fake-electron.ts'))};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? fakePath : resolve.call(this, request, ...rest);
};
const fakeModule = require(fakePath);
fakeModule.resetFakeElectron(process.argv[2]);
require(process.argv[1]);
const started = Date.now();
const poll = setInterval(() => {
  const { fake } = fakeModule;
  const window = fake.windows[0];
  if (window?.webContents.loaded == null || fake.applicationMenu === null) {
    if (Date.now() - started > 30000) process.exit(3);
    return;
  }
  clearInterval(poll);
  process.stdout.write(JSON.stringify({
    windows: fake.windows.length,
    webPreferences: window.options.webPreferences,
    loaded: { url: window.webContents.loaded.url, status: window.webContents.loaded.status,
      csp: window.webContents.loaded.headers.get('content-security-policy'), body: window.webContents.loaded.body },
    schemes: fake.privilegedSchemes,
    channels: [...fake.invokeHandlers.keys()],
    menu: fake.applicationMenu.template.map((item) => item.label),
  }));
}, 20);
`;

describe('dist-electron/main.cjs', () => {
  it('boots the hardened shell from the compiled bundle', async () => {
    const { main, preload } = await buildElectron({ outDir: path.join(appRoot, 'dist-electron') });
    mkdirSync(path.join(appRoot, 'dist'));
    writeFileSync(path.join(appRoot, 'dist', 'index.html'), '<!doctype html><title>社会救助政策仿真工作台</title>');
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', '-e', bootScript, main, path.join(appRoot, 'paths')],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    const report = JSON.parse(output) as {
      windows: number;
      webPreferences: Record<string, unknown>;
      loaded: { url: string; status: number; csp: string; body: string };
      schemes: { scheme: string }[];
      channels: string[];
      menu: string[];
    };
    expect(report.windows).toBe(1);
    expect(report.webPreferences).toMatchObject({
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(report.loaded).toEqual({
      url: 'app://safetynet/index.html',
      status: 200,
      csp: policy.contentSecurityPolicy,
      body: '<!doctype html><title>社会救助政策仿真工作台</title>',
    });
    expect(report.schemes.map((entry) => entry.scheme)).toEqual(['app']);
    expect([...report.channels].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(report.menu).toEqual(['文件', '编辑', '视图', '语言', '帮助']);
  }, 120_000);
});
