// The app:// protocol: files inside dist/ are served with the right MIME type and the CSP; every traversal attempt
// (plain, percent-encoded, double-encoded, backslashes, NUL, absolute paths, symlinks, other hosts) is refused.
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../security/web-policy.ts';
import { PrintPages, createAppProtocolHandler, resolveAppPath } from './app-protocol.ts';

let base: string;
let dist: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'app-protocol-'));
  dist = path.join(base, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>工作台</title>');
  await writeFile(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(dist, 'assets', 'duckdb-eh.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  await writeFile(path.join(dist, 'assets', 'demo.arrow'), 'ARROW1');
  await writeFile(path.join(dist, 'assets', 'style.css'), 'body{}');
  await writeFile(path.join(dist, 'assets', '中文 名.json'), '{}');
  await writeFile(path.join(base, 'secret.txt'), 'top secret');
  await symlink(path.join(base, 'secret.txt'), path.join(dist, 'assets', 'link.txt'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, pages?: PrintPages) => createAppProtocolHandler(dist, pages)(new Request(url));

describe('resolveAppPath', () => {
  it('refuses traversal in every encoding before touching the disk', () => {
    const attempts = [
      'app://safetynet/../secret.txt',
      'app://safetynet/assets/../../secret.txt',
      'app://safetynet/%2e%2e/secret.txt',
      'app://safetynet/%2E%2E/secret.txt',
      'app://safetynet/.%2e/secret.txt',
      'app://safetynet/..%2fsecret.txt',
      'app://safetynet/..%2Fsecret.txt',
      'app://safetynet/..%5csecret.txt',
      'app://safetynet/..\\secret.txt',
      'app://safetynet/assets\\..\\..\\secret.txt',
      'app://safetynet/%00index.html',
      'app://safetynet/index.html%00.js',
      'app://safetynet/./index.html',
    ];
    for (const url of attempts) {
      const result = resolveAppPath(dist, url);
      expect(result.ok, url).toBe(false);
    }
  });

  it('refuses other hosts and malformed escapes', () => {
    expect(resolveAppPath(dist, 'app://evil/index.html')).toEqual({ ok: false, status: 404 });
    expect(resolveAppPath(dist, 'https://safetynet/index.html')).toEqual({ ok: false, status: 404 });
    expect(resolveAppPath(dist, 'app://safetynet/%E0%A4%A')).toEqual({ ok: false, status: 400 });
  });

  it('keeps absolute-looking paths inside dist', () => {
    const result = resolveAppPath(dist, 'app://safetynet//etc/passwd');
    expect(result).toEqual({ ok: true, filePath: path.join(dist, 'etc', 'passwd') });
    expect(resolveAppPath(dist, 'app://safetynet/C:/Windows/win.ini').ok).toBe(false);
  });

  it('maps normal paths, the root and encoded names into dist', () => {
    expect(resolveAppPath(dist, 'app://safetynet/')).toEqual({ ok: true, filePath: path.join(dist, 'index.html') });
    expect(resolveAppPath(dist, 'app://safetynet/assets/app.js?v=1#x')).toEqual({
      ok: true,
      filePath: path.join(dist, 'assets', 'app.js'),
    });
    expect(resolveAppPath(dist, 'app://safetynet/assets/%E4%B8%AD%E6%96%87%20%E5%90%8D.json')).toEqual({
      ok: true,
      filePath: path.join(dist, 'assets', '中文 名.json'),
    });
  });
});

describe('app:// handler', () => {
  it('serves files with their MIME type and the security headers', async () => {
    const cases: [string, string][] = [
      ['app://safetynet/index.html', 'text/html; charset=utf-8'],
      ['app://safetynet/', 'text/html; charset=utf-8'],
      ['app://safetynet/assets/app.js', 'text/javascript; charset=utf-8'],
      ['app://safetynet/assets/duckdb-eh.wasm', 'application/wasm'],
      ['app://safetynet/assets/demo.arrow', 'application/vnd.apache.arrow.file'],
      ['app://safetynet/assets/style.css', 'text/css; charset=utf-8'],
    ];
    for (const [url, type] of cases) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const wasm = new Uint8Array(await (await get('app://safetynet/assets/duckdb-eh.wasm')).arrayBuffer());
    expect(Array.from(wasm.slice(0, 4))).toEqual([0, 0x61, 0x73, 0x6d]);
  });

  it('refuses traversal through the handler, never returning the secret', async () => {
    for (const url of [
      'app://safetynet/..%2fsecret.txt',
      'app://safetynet/..%5csecret.txt',
      'app://safetynet/%2e%2e/secret.txt',
      'app://safetynet/../secret.txt',
      'app://safetynet/assets/link.txt',
    ]) {
      const response = await get(url);
      const body = await response.text();
      expect([403, 404], url).toContain(response.status);
      expect(body, url).not.toContain('top secret');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers 404 for missing files and directories, 405 for other methods', async () => {
    expect((await get('app://safetynet/nope.js')).status).toBe(404);
    expect((await get('app://safetynet/assets/')).status).toBe(404);
    const post = await createAppProtocolHandler(dist)(new Request('app://safetynet/index.html', { method: 'POST' }));
    expect(post.status).toBe(405);
  });

  it('serves transient print pages only while they are registered', async () => {
    const pages = new PrintPages();
    const page = pages.add('<h1>简报 Briefing</h1>');
    const response = await get(page.url, pages);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('简报');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    page.release();
    expect((await get(page.url, pages)).status).toBe(404);
  });
});
