// Tests of the browser host: keyboard shortcuts as menu commands, request validation, documents through the atomic
// store, and the external-URL allow-list.
// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createBrowserHost, shortcutCommand } from './browser-host.ts';
import { memoryStorage } from './document-store.ts';

describe('browser host', () => {
  it('maps shortcuts to menu commands and ignores plain keys', () => {
    expect(shortcutCommand({ key: 'o', ctrlKey: true, metaKey: false, shiftKey: false })).toBe('open-dataset');
    expect(shortcutCommand({ key: 'S', ctrlKey: false, metaKey: true, shiftKey: false })).toBe('save-scenario');
    expect(shortcutCommand({ key: 'p', ctrlKey: true, metaKey: false, shiftKey: true })).toBe('export-briefing');
    expect(shortcutCommand({ key: 'p', ctrlKey: true, metaKey: false, shiftKey: false })).toBeNull();
    expect(shortcutCommand({ key: 'o', ctrlKey: false, metaKey: false, shiftKey: false })).toBeNull();
  });

  it('delivers shortcut commands to subscribers until unsubscribed', () => {
    const host = createBrowserHost(memoryStorage());
    const seen: string[] = [];
    const stop = host.onMenuCommand((command) => seen.push(command));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'o', ctrlKey: true }));
    stop();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'o', ctrlKey: true }));
    expect(seen).toEqual(['open-dataset']);
  });

  it('refuses a save with a path in the file name, in both languages', async () => {
    const host = createBrowserHost(memoryStorage());
    await expect(host.saveFile({ suggestedName: '../evil.csv', mimeType: 'text/csv', data: 'x' })).rejects.toThrow(
      /请求无效.*invalid request/,
    );
  });

  it('says a PDF went to the print dialog, not that it was saved (the browser cannot know)', async () => {
    const host = createBrowserHost(memoryStorage());
    const printed: string[] = [];
    const print = window.print;
    window.print = () => printed.push('page');
    try {
      expect(await host.printToPdf({ suggestedName: 'briefing.pdf' })).toEqual({ saved: false, printDialog: true });
    } finally {
      window.print = print;
    }
    expect(printed).toEqual(['page']);
  });

  it('stores and loads documents', async () => {
    const host = createBrowserHost(memoryStorage());
    expect(await host.loadDocument('settings')).toEqual({ data: null });
    await host.saveDocument('settings', { a: [1, 2] });
    expect(await host.loadDocument('settings')).toEqual({ data: { a: [1, 2] } });
  });

  it('opens only allow-listed external URLs', async () => {
    const host = createBrowserHost(memoryStorage());
    expect(await host.openExternal('https://evil.example/')).toEqual({ opened: false });
    expect(await host.openExternal('http://www.gov.cn/')).toEqual({ opened: false });
  });
});
