// Security rules as tested code: window preferences, navigation, window.open, webviews, permissions, remote
// requests, CSP headers and the shell.openExternal allow-list.
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../contract/host-api.ts';
import { FakeSession, FakeWebContents } from '../testing/fake-electron.ts';
import { hardenSession, hardenWebContents, isAllowedRequestUrl, isAppUrl, openExternalIfAllowed } from './hardening.ts';
import { CONTENT_SECURITY_POLICY } from './web-policy.ts';

/** A fake contents hardened like a real window, with the URLs it handed to the system browser. */
function hardenedContents() {
  const contents = new FakeWebContents({});
  const opened: string[] = [];
  hardenWebContents(contents as unknown as WebContents, {
    openExternal: async (url: string) => {
      opened.push(url);
    },
  });
  return { contents, opened };
}

describe('navigation and new windows', () => {
  it('denies navigation to external URLs and allows the app origin', () => {
    const { contents } = hardenedContents();
    expect(contents.simulateNavigation('https://evil.example/phish')).toBe(false);
    expect(contents.simulateNavigation('file:///etc/passwd')).toBe(false);
    expect(contents.simulateNavigation('http://127.0.0.1:8080/')).toBe(false);
    expect(contents.simulateNavigation('app://other-host/index.html')).toBe(false);
    expect(contents.simulateNavigation('javascript:alert(1)')).toBe(false);
    expect(contents.simulateNavigation('app://safetynet/index.html')).toBe(true);
    expect(contents.simulateRedirect('https://evil.example/')).toBe(false);
  });

  it('denies window.open; allow-listed links go to the system browser, others nowhere', async () => {
    const { contents, opened } = hardenedContents();
    expect(contents.simulateWindowOpen('https://evil.example/')).toBe('deny');
    expect(contents.simulateWindowOpen('https://www.mca.gov.cn/policy')).toBe('deny');
    expect(contents.simulateWindowOpen('app://safetynet/index.html')).toBe('deny');
    await Promise.resolve();
    expect(opened).toEqual(['https://www.mca.gov.cn/policy']);
  });

  it('prevents <webview> attachment', () => {
    const { contents } = hardenedContents();
    expect(contents.simulateAttachWebview()).toBe(false);
  });
});

describe('session', () => {
  const hardened = () => {
    const target = new FakeSession();
    hardenSession(target as unknown as Session);
    return target;
  };

  it('denies every permission request and check', async () => {
    const target = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      expect(await target.requestPermission(permission)).toBe(false);
    }
    expect(target.permissionCheckHandler?.()).toBe(false);
    expect(target.devicePermissionHandler?.()).toBe(false);
  });

  it('cancels requests for remote content and lets app://, blob: and data: through', async () => {
    const target = hardened();
    expect(await target.allowsRequest('https://cdn.example/lib.js')).toBe(false);
    expect(await target.allowsRequest('http://127.0.0.1:9/')).toBe(false);
    expect(await target.allowsRequest('file:///etc/passwd')).toBe(false);
    expect(await target.allowsRequest('ws://evil.example/')).toBe(false);
    expect(await target.allowsRequest('app://safetynet/assets/duckdb.wasm')).toBe(true);
    expect(await target.allowsRequest('blob:app://safetynet/4b1c')).toBe(true);
    expect(await target.allowsRequest('blob:https://evil.example/4b1c')).toBe(false);
    expect(await target.allowsRequest('data:image/png;base64,AAAA')).toBe(true);
  });

  it('sets the CSP of web-policy.json on every response, replacing a weaker one', async () => {
    const target = hardened();
    const headers = await target.headersFor('app://safetynet/index.html', {
      'Content-Security-Policy': ["default-src *; script-src 'unsafe-inline'"],
      'Content-Type': ['text/html'],
    });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['Content-Type']).toEqual(['text/html']);
  });
});

describe('the CSP', () => {
  it('allows only self, wasm compilation and blob workers', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self' blob:");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'|https?:|\*/);
  });
});

describe('openExternal allow-list', () => {
  it('accepts https URLs under allow-listed prefixes only', () => {
    expect(isAllowedExternalUrl('https://www.gov.cn/zhengce/content/2014-02/27/content_8670.htm')).toBe(true);
    expect(isAllowedExternalUrl('https://github.com/some/repo')).toBe(true);
    for (const url of [
      'http://www.gov.cn/',
      'https://www.gov.cn.evil.example/',
      'https://evil.example/?https://www.gov.cn/',
      'https://www.gov.cn@evil.example/',
      'https://user:pw@www.gov.cn/',
      'https://www.gov.cn:8443/',
      'javascript:alert(1)//https://www.gov.cn/',
      'file:///etc/passwd',
      'not a url',
      'https://github.com.evil.example/',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('opens only allowed URLs', async () => {
    const opened: string[] = [];
    const open = {
      openExternal: async (url: string) => {
        opened.push(url);
      },
    };
    expect(await openExternalIfAllowed('https://flk.npc.gov.cn/detail', open)).toBe(true);
    expect(await openExternalIfAllowed('https://evil.example/', open)).toBe(false);
    expect(opened).toEqual(['https://flk.npc.gov.cn/detail']);
  });

  it('recognises app URLs and request URLs strictly', () => {
    expect(isAppUrl('app://safetynet/index.html')).toBe(true);
    expect(isAppUrl('app://safetynet.evil/index.html')).toBe(false);
    expect(isAppUrl('apps://safetynet/')).toBe(false);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/x')).toBe(false);
  });
});
