// Result bundles are never torn: a writer killed at random moments (SIGKILL, many times) always leaves a complete old
// or complete new bundle whose provenance hashes match its files; a full or read-only disk (an injected failing write)
// gives a bilingual error naming the path and leaves the previous bundle intact; output paths are refused before
// anything runs when they would touch an input.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CliError, formatCliError } from '../errors.ts';
import type { ColumnTable } from './column-table.ts';
import { checkOutputPath, inputConflict } from './out-path.ts';
import type { Provenance } from '../provenance.ts';
import type { BundleFs } from './write-results.ts';
import { bundleNodeScript, type NodeScript } from '../../tests/fixtures/node-script.ts';
import { NODE_BUNDLE_FS, isCompleteBundle, recoverInterruptedBundle, writeResultBundle } from './write-results.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sn-bundle-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TABLE = (v: number): ColumnTable => ({ name: 'summary_national', columns: { v: new Float64Array([v, v + 1]) } });
const provenance = (outputs: Provenance['outputs']): Provenance => ({
  tool: 'safetynet',
  appVersion: 't',
  engineVersion: 't',
  command: 'run',
  mode: 'ev',
  seed: 1,
  replications: 0,
  years: 0,
  suppressionMinCell: 10,
  datasetFiles: [],
  synthetic: true,
  scenario: {},
  scenarioSha256: '',
  outputs,
  timestamp: 'fixed',
});
const write = (out: string, v: number, fs?: BundleFs): Promise<unknown> =>
  writeResultBundle(out, { tables: [TABLE(v)], jsonTables: [], summary: { v } }, provenance, fs);
const versionOf = async (out: string): Promise<number> =>
  (JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8')) as { summary: { v: number } }).summary.v;

describe('atomic result bundles', () => {
  it('replaces a previous bundle whole and leaves no temporary folders', async () => {
    const out = path.join(dir, 'results');
    await write(out, 1);
    await write(out, 2);
    expect(await isCompleteBundle(out)).toBe(true);
    expect(await versionOf(out)).toBe(2);
    expect(await readdir(dir)).toEqual(['results']);
  });

  it.each([
    ['ENOSPC', /磁盘已满/, /disk is full/],
    ['EROFS', /只读/, /read-only/],
    ['EACCES', /权限/, /permission denied/],
  ])('a %s failure on the third file: bilingual error naming the path, old bundle intact', async (code, zh, en) => {
    const out = path.join(dir, 'results');
    await write(out, 1);
    let calls = 0;
    const failing: BundleFs = {
      async writeFile(file, data) {
        if (++calls === 3) throw Object.assign(new Error(`${code}: simulated, write '${file}'`), { code });
        await NODE_BUNDLE_FS.writeFile(file, data);
      },
    };
    const error = await write(out, 2, failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    const cli = error as CliError;
    expect(cli.messageZh).toMatch(zh);
    expect(cli.messageEn).toMatch(en);
    // The third file written is results.json (after the table's .arrow and .csv); no stack trace is printed.
    expect(cli.messageEn).toContain(path.join(out, 'results.json'));
    expect(formatCliError(cli)).not.toMatch(/\n\s+at /);
    expect(await isCompleteBundle(out)).toBe(true);
    expect(await versionOf(out)).toBe(1);
    expect(await readdir(dir)).toEqual(['results']);
  });

  it('detects a torn bundle: a file changed after provenance was written', async () => {
    const out = path.join(dir, 'results');
    await write(out, 1);
    await writeFile(path.join(out, 'summary_national.csv'), 'torn');
    expect(await isCompleteBundle(out)).toBe(false);
  });

  it('restores the complete bundle a writer killed between its two renames left aside', async () => {
    const out = path.join(dir, 'results');
    await write(out, 1);
    const aside = path.join(dir, `.results.old-123-0123abcd`);
    await import('node:fs/promises').then((fs) => fs.rename(out, aside));
    await mkdir(path.join(dir, '.results.tmp-123-89abcdef'));
    expect(await recoverInterruptedBundle(out)).toBe(true);
    expect(await isCompleteBundle(out)).toBe(true);
    expect(await readdir(dir)).toEqual(['results']);
  });

  it("leaves the temporary folder of a writer that is still running (a concurrent run's) alone", async () => {
    const out = path.join(dir, 'results');
    await write(out, 1);
    const live = path.join(dir, `.results.tmp-${process.ppid}-0123abcd`);
    await mkdir(live);
    await recoverInterruptedBundle(out);
    expect((await readdir(dir)).sort()).toEqual(['.results.tmp-' + process.ppid + '-0123abcd', 'results']);
  });
});

describe('a bundle writer killed at random moments', () => {
  // The writer (cli/testing/bundle-writer.ts and the real write-results.ts) compiled once into one plain script, so each
  // of the processes killed below starts under plain node in a fraction of a tsx start (esbuild: tsx's own compiler).
  let writerScript: NodeScript;
  let writer: string;
  beforeAll(async () => {
    writerScript = await bundleNodeScript(fileURLToPath(new URL('../testing/bundle-writer.ts', import.meta.url)));
    writer = writerScript.file;
  });
  afterAll(async () => {
    await writerScript?.remove();
  });

  /** Starts the writer, waits for `minWrites` complete bundles, kills it `delayMs` later; resolves with the last one. */
  function killWriter(out: string, minWrites: number, delayMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      // 5,000 rows a table: a write takes longer than most of the delays below, so the kills land inside it.
      const child = spawn(process.execPath, [writer, out, '5000'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let last = 0;
      let killing = false;
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        for (const match of chunk.toString().matchAll(/wrote (\d+)/g)) last = Math.max(last, Number(match[1]));
        if (!killing && last >= minWrites) {
          killing = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      });
      child.on('exit', (_code, signal) => {
        if (signal === 'SIGKILL') resolve(last);
        else reject(new Error(`the writer was not killed: ${output}`));
      });
    });
  }

  it('always leaves a complete old or complete new bundle (hashes match provenance)', async () => {
    const out = path.join(dir, 'results');
    // A seeded sequence of delays after the first complete bundle: the kill lands in every phase of some write.
    let seed = 12;
    const rounds = 12;
    const tally: string[] = [];
    for (let round = 0; round < rounds; round++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const delay = seed % 40;
      const last = await killWriter(out, 1, delay);
      const before = await isCompleteBundle(out);
      const leftovers = (await readdir(dir)).length - 1;
      const restored = await recoverInterruptedBundle(out);
      tally.push(`${delay}ms:${before ? 'complete' : 'restored'}${leftovers > 0 ? `+${leftovers} side` : ''}`);
      // Either the folder was complete as the kill left it, or it was restored from the complete side folder.
      expect(before || restored, `round ${round}: neither complete nor restorable`).toBe(true);
      expect(await isCompleteBundle(out), `round ${round}`).toBe(true);
      const version = await versionOf(out);
      expect(version).toBeGreaterThanOrEqual(last);
      expect(version).toBeLessThanOrEqual(last + 1);
      expect(await readdir(dir)).toEqual(['results']);
    }
    console.log(`kills: ${tally.join(', ')}`);
  }, 240_000);
});

describe('output paths', () => {
  const data = '/data/set/households.arrow';
  it('names every way an output could touch an input', () => {
    expect(inputConflict(data, { dataset: [data] })?.en).toMatch(/is the input file/);
    expect(inputConflict('/data/set', { dataset: [data] })?.en).toMatch(/inside the folder/);
    expect(inputConflict('/data/set/out', { dataset: [data] })?.en).toMatch(/inside the folder/);
    expect(inputConflict('/data', { dataset: [data] })?.en).toMatch(/contains the input/);
    expect(inputConflict('/data/other', { dataset: [data] })).toBeNull();
    // A scenario file's folder may hold the output; the scenario itself may not be written over.
    expect(inputConflict('/work/results', { dataset: [], other: ['/work/s.json'] })).toBeNull();
    expect(inputConflict('/work/s.json', { dataset: [], other: ['/work/s.json'] })?.en).toMatch(/input file/);
  });

  it('refuses an empty --out, a folder holding other files, a file, and a symlink into the dataset', async () => {
    const inputs = { dataset: [path.join(dir, 'data', 'households.arrow')] };
    await mkdir(path.join(dir, 'data'));
    await mkdir(path.join(dir, 'notes'));
    await writeFile(path.join(dir, 'notes', 'mine.txt'), 'keep');
    await writeFile(path.join(dir, 'file'), 'x');
    const refused = async (value: string): Promise<string> => {
      const error = await checkOutputPath('out', value, dir, inputs, 'folder').catch((e: unknown) => e);
      expect(error, value).toBeInstanceOf(CliError);
      return (error as CliError).messageEn;
    };
    expect(await refused('')).toMatch(/must not be empty/);
    expect(await refused('  ')).toMatch(/must not be empty/);
    expect(await refused('notes')).toMatch(/holds other files/);
    // A result folder someone added notes to is not replaced either (the notes would be lost).
    await writeFile(path.join(dir, 'notes', 'provenance.json'), '{}');
    expect(await refused('notes')).toMatch(/holds other files/);
    expect(await refused('file')).toMatch(/is a file/);
    expect(await refused('data')).toMatch(/inside the folder/);
    await import('node:fs/promises').then((fs) => fs.symlink(path.join(dir, 'data'), path.join(dir, 'link')));
    expect(await refused('link/out')).toMatch(/inside the folder/);
    expect(await checkOutputPath('out', 'new/deeper', dir, inputs, 'folder')).toBe(path.join(dir, 'new', 'deeper'));
  });
});
