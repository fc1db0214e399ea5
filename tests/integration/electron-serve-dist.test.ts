// The browser fallback: serveDist answers with the same CSP and MIME types as the app:// protocol, refuses traversal
// over real HTTP (raw paths, not normalised by a client), and `npm start` without an Electron binary says so in both
// languages and prints the local URL it serves.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import policy from '../../electron/security/web-policy.json';
import { resolveAppPath } from '../../electron/protocol/app-protocol.ts';
import { findElectronBinary, parseStartArgs } from '../../scripts/start.mjs';
import { mimeTypeFor, resolveRequestPath, serveDist } from '../../scripts/serve-dist.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const base = mkdtempSync(path.join(os.tmpdir(), 'serve-dist-'));
const dist = path.join(base, 'dist');
let server: { url: string; port: number; close: () => Promise<void> };

/** GETs a raw path (sent exactly as written) and returns status, headers and body. */
function rawGet(port: number, rawPath: string, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>社会救助政策仿真工作台</title>');
  writeFileSync(path.join(dist, 'assets', 'duckdb-eh.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d]));
  writeFileSync(path.join(dist, 'assets', 'index.js'), 'export {}');
  writeFileSync(path.join(dist, 'assets', 'demo.arrow'), 'ARROW1');
  writeFileSync(path.join(base, 'secret.txt'), 'top secret');
  symlinkSync(path.join(base, 'secret.txt'), path.join(dist, 'assets', 'link.txt'));
  server = await serveDist({ root: dist });
});

afterAll(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

describe('serveDist', () => {
  it('listens on 127.0.0.1 and serves files with the CSP and their MIME types', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    for (const [rawPath, type] of [
      ['/', 'text/html; charset=utf-8'],
      ['/index.html', 'text/html; charset=utf-8'],
      ['/assets/duckdb-eh.wasm', 'application/wasm'],
      ['/assets/index.js', 'text/javascript; charset=utf-8'],
      ['/assets/demo.arrow', 'application/vnd.apache.arrow.file'],
    ]) {
      const response = await rawGet(server.port, rawPath);
      expect(response.status, rawPath).toBe(200);
      expect(response.headers['content-type'], rawPath).toBe(type);
      expect(response.headers['content-security-policy']).toBe(policy.contentSecurityPolicy);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('refuses traversal in raw, encoded and backslash forms and through symlinks', async () => {
    for (const rawPath of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/%00/../secret.txt',
      '/assets/link.txt',
      `/${'..%2f'.repeat(10)}etc/passwd`,
    ]) {
      const response = await rawGet(server.port, rawPath);
      expect([400, 403, 404], rawPath).toContain(response.status);
      expect(response.body, rawPath).not.toContain('top secret');
      expect(response.headers['content-security-policy']).toBe(policy.contentSecurityPolicy);
    }
  });

  it('answers 404 for missing files and 405 for writes', async () => {
    expect((await rawGet(server.port, '/missing.js')).status).toBe(404);
    expect((await rawGet(server.port, '/index.html', 'POST')).status).toBe(405);
  });

  it('maps every path exactly as the app:// protocol does', () => {
    const corpus = [
      '/',
      '/index.html',
      '/assets/index.js?v=2',
      '/assets/%E4%B8%AD.json',
      '//etc/passwd',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/.%2E/secret.txt',
      '/..%2fsecret.txt',
      '/..%5Csecret.txt',
      '/..\\secret.txt',
      '/%00',
      '/./index.html',
      '/C:/Windows/win.ini',
      '/%E0%A4%A',
    ];
    for (const rawPath of corpus) {
      expect(resolveRequestPath(dist, rawPath), rawPath).toEqual(resolveAppPath(dist, `app://safetynet${rawPath}`));
    }
  });

  it('maps paths like the app:// protocol', () => {
    expect(resolveRequestPath(dist, '/assets/index.js?x=1')).toEqual({
      ok: true,
      filePath: path.join(dist, 'assets', 'index.js'),
    });
    expect(resolveRequestPath(dist, 'assets/index.js')).toEqual({ ok: false, status: 403 });
    expect(mimeTypeFor('x.WASM')).toBe('application/wasm');
    expect(mimeTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});

describe('npm start', () => {
  it('parses its flags and refuses unknown ones', () => {
    expect(parseStartArgs(['--web', '--port', '0', '--no-build'])).toMatchObject({ web: true, port: 0, build: false });
    expect(() => parseStartArgs(['--port', 'x'])).toThrow(/--port/);
    expect(() => parseStartArgs(['--bogus'])).toThrow(/未知参数.*unknown argument/);
  });

  it('finds no Electron binary without path.txt, and finds one when installed', () => {
    expect(findElectronBinary(base, {})).toBeNull();
    const packageDir = path.join(base, 'node_modules', 'electron');
    mkdirSync(path.join(packageDir, 'dist'), { recursive: true });
    writeFileSync(path.join(packageDir, 'path.txt'), 'electron');
    expect(findElectronBinary(base, {})).toBeNull();
    writeFileSync(path.join(packageDir, 'dist', 'electron'), '');
    expect(findElectronBinary(base, {})).toBe(path.join(packageDir, 'dist', 'electron'));
  });

  it('without an Electron binary says so in both languages and serves the browser build', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--port', '0', '--dist', dist], {
      cwd: repoRoot,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_OVERRIDE_DIST_PATH: path.join(base, 'none') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /at: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
    });
    try {
      expect(output).toMatch(/Electron/);
      expect(output).toMatch(/改为提供浏览器版本/);
      expect(output).toMatch(/serving the browser build instead/);
      expect(output).toContain(`工作台已在浏览器版本中运行：${url}`);
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('社会救助政策仿真工作台');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
