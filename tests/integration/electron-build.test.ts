// The Electron bundles: build-electron.mjs emits CommonJS main and preload; the sandboxed preload requires nothing
// but `electron` (a sandboxed preload cannot load other modules) and never hands `ipcRenderer` to the page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/build-electron.mjs';

const outDir = mkdtempSync(path.join(os.tmpdir(), 'build-electron-'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Module names a CommonJS bundle requires. */
function requires(source: string): string[] {
  return [...new Set([...source.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]))].sort();
}

describe('build-electron', () => {
  it('bundles main and preload as CommonJS with only allowed requires', async () => {
    const { main, preload } = await buildElectron({ outDir });
    expect(path.basename(main)).toBe('main.cjs');
    expect(path.basename(preload)).toBe('preload.cjs');
    const preloadSource = readFileSync(preload, 'utf8');
    const mainSource = readFileSync(main, 'utf8');
    expect(preloadSource.startsWith('"use strict"')).toBe(true);
    expect(requires(preloadSource)).toEqual(['electron']);
    expect(preloadSource).toContain('exposeInMainWorld(HOST_GLOBAL_NAME');
    expect(preloadSource).not.toMatch(/exposeInMainWorld\([^,]+,\s*(import_electron\.)?ipcRenderer\s*\)/);
    expect(requires(mainSource).every((name) => name === 'electron' || name.startsWith('node:'))).toBe(true);
    expect(mainSource).toContain('requestSingleInstanceLock');
  });
});
