// Atomic documents: round trip, previous version kept, corrupt main file recovered from `.bak`, oversize refused,
// and a writer killed mid-save (several times, at different moments) never leaves an unloadable or torn document.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNodeScript, type NodeScript } from '../../tests/fixtures/node-script.ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DocumentStore, DocumentStoreError } from './document-store.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'documents-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('DocumentStore', () => {
  it('returns null for a document never saved', async () => {
    expect(await new DocumentStore(dir).load('settings')).toEqual({ data: null });
  });

  it('saves, loads and keeps the previous version as .bak', async () => {
    const store = new DocumentStore(dir);
    await store.save('scenarios', { name: '方案一', version: 1 });
    await store.save('scenarios', { name: '方案一', version: 2 });
    expect(await store.load('scenarios')).toEqual({ data: { name: '方案一', version: 2 } });
    expect(JSON.parse(await readFile(`${store.pathOf('scenarios')}.bak`, 'utf8'))).toEqual({
      name: '方案一',
      version: 1,
    });
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('recovers from .bak when the main file is corrupt, and says so', async () => {
    const store = new DocumentStore(dir);
    await store.save('mappings', { columns: ['a'] });
    await store.save('mappings', { columns: ['a', 'b'] });
    await writeFile(store.pathOf('mappings'), '{"columns": ["a", "b"');
    expect(await store.load('mappings')).toEqual({ data: { columns: ['a'] }, recovered: true });
  });

  it('never overwrites a good backup with a corrupt main file', async () => {
    const store = new DocumentStore(dir);
    await store.save('settings', { language: 'zh' });
    await store.save('settings', { language: 'en' });
    await writeFile(store.pathOf('settings'), '\u0000\u0000garbage');
    await store.save('settings', { language: 'zh', theme: 'light' });
    await writeFile(store.pathOf('settings'), 'also garbage');
    expect(JSON.parse(await readFile(`${store.pathOf('settings')}.bak`, 'utf8'))).toEqual({ language: 'zh' });
    expect(await store.load('settings')).toEqual({ data: { language: 'zh' }, recovered: true });
  });

  it('reports data lost (null, recovered) when both copies are unreadable', async () => {
    const store = new DocumentStore(dir);
    await writeFile(store.pathOf('workspace'), '{');
    expect(await store.load('workspace')).toEqual({ data: null, recovered: true });
  });

  it('refuses an oversized document with a bilingual message and keeps the old one', async () => {
    const store = new DocumentStore(dir);
    await store.save('workspace', { ok: true });
    const huge = { blob: 'x'.repeat(65 * 1024 * 1024) };
    const error = await store.save('workspace', huge).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentStoreError);
    expect(error).toMatchObject({ code: 'too-large' });
    expect(String((error as Error).message)).toMatch(/workspace.*\/.*workspace/);
    expect(await store.load('workspace')).toEqual({ data: { ok: true } });
  });
});

describe('a writer killed mid-save', () => {
  const source = fileURLToPath(new URL('../testing/document-writer.ts', import.meta.url));
  const payloadBytes = 4 * 1024 * 1024;
  let writerScript: NodeScript;
  let writer: string;

  // The writer and the DocumentStore it saves through, bundled once into plain JavaScript: each of the seven writers
  // then starts as plain node instead of compiling the sources (and the sim/ index they import) through tsx again.
  beforeAll(async () => {
    writerScript = await bundleNodeScript(source);
    writer = writerScript.file;
  });

  afterAll(async () => {
    await writerScript?.remove();
  });

  /** Starts the writer in `mode`; in loop mode kills it `delayMs` after `minSaves` saves. Resolves with the last save. */
  function runWriter(mode: string, minSaves = 0, delayMs = 0): Promise<number> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [writer, dir, String(payloadBytes), mode], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let lastSaved = 0;
      let killing = false;
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        for (const match of chunk.toString().matchAll(/saved (\d+)/g))
          lastSaved = Math.max(lastSaved, Number(match[1]));
        if (mode === 'loop' && !killing && lastSaved >= minSaves) {
          killing = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      });
      child.on('exit', (_code, signal) => {
        if (signal === 'SIGKILL') resolve(lastSaved);
        else reject(new Error(`writer was not killed (${mode}): ${output}`));
      });
    });
  }

  /** Loads the document and checks it is complete; returns its version. */
  async function loadComplete(): Promise<number> {
    const loaded = await new DocumentStore(dir).load('workspace');
    expect(loaded.recovered).toBeUndefined();
    const data = loaded.data as { version: number; payload: string; checksum: number };
    expect(data.payload.length).toBe(payloadBytes);
    expect(data.checksum).toBe(data.version * 7 + payloadBytes);
    return data.version;
  }

  it.each([
    ['mid-write', 2],
    ['rename-1', 2],
    ['rename-2', 2],
    ['after-renames', 3],
  ])(
    'killed at %s of save 3: loads the complete version %i',
    async (phase, expected) => {
      expect(await runWriter(phase)).toBe(2);
      expect(await loadComplete()).toBe(expected);
      const backup = JSON.parse(await readFile(`${new DocumentStore(dir).pathOf('workspace')}.bak`, 'utf8'));
      expect(backup.payload.length).toBe(payloadBytes);
    },
    60_000,
  );

  it('killed at arbitrary moments, always loads the last saved version or the one after it', async () => {
    for (const [round, delay] of [0, 9, 27].entries()) {
      const lastSaved = await runWriter('loop', round + 1, delay);
      const version = await loadComplete();
      expect(version).toBeGreaterThanOrEqual(lastSaved);
      expect(version).toBeLessThanOrEqual(lastSaved + 1);
    }
  }, 120_000);
});
