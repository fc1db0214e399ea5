// The CLI's commands, in process through main(argv, io), against a careless user and an attacker: outputs that would
// overwrite the dataset are refused before anything runs and the dataset stays byte-identical; a result folder replaced
// by a second run is complete (provenance hashes match); a scenario with a BOM runs and its ANSI/OSC escapes never reach
// the terminal; unknown override regions, oversized scenario files and a household count above the generator's cap are
// named errors, never stack traces.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCompleteBundle } from '../../cli/output/write-results.ts';
import { runCli } from '../../cli/testing/run-cli.ts';
import type { CliRun } from '../../cli/testing/spawn-cli.ts';

let dir: string;
let data: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sn-cli-safety-'));
  data = path.join(dir, 'data');
  const generated = await runCli(['generate', '--households', '3000', '--seed', '3', '--out', data]);
  expect(generated.code, generated.stderr).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function snapshot(folder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(folder)).sort())
    out[name] = (await readFile(path.join(folder, name))).toString('base64');
  return out;
}

/** A refusal a user can read: bilingual, exit code as given, no stack trace. */
function expectRefused(run: CliRun, code: number, en: RegExp): void {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stderr).toMatch(/错误：/);
  expect(run.stderr).toMatch(en);
  expect(run.stderr).not.toMatch(/Internal error|\n\s+at /);
}

describe('inputs are never written', () => {
  it('refuses --out DIR, --out DIR/households.arrow, an enclosing folder and --out "" before computing', async () => {
    const before = await snapshot(data);
    const cases: [string, RegExp][] = [
      [data, /inside the folder of the input file/],
      [path.join(data, 'households.arrow'), /is the input file/],
      [path.join(data, 'sub'), /inside the folder of the input file/],
      [dir, /contains the input file/],
      ['', /must not be empty/],
    ];
    for (const [out, message] of cases) {
      const run = await runCli(['run', data, '--per-household', '--out', out, '--quiet']);
      expectRefused(run, 2, message);
      // Refused before reading the data: no progress, no summary.
      expect(run.stdout).toBe('');
    }
    expect(await snapshot(data)).toEqual(before);
  });

  it('refuses generate --out "" and names the real household cap (the 32-bit household_id) above it', async () => {
    expectRefused(await runCli(['generate', '--out', '']), 2, /must not be empty/);
    expectRefused(
      await runCli(['generate', '--households', '3000000000', '--out', path.join(dir, 'big')]),
      2,
      /--households can be at most 2\D?147\D?483\D?647: the household_id column is a 32-bit integer/,
    );
    await expect(stat(path.join(dir, 'big'))).rejects.toThrow();
  });
});

describe('result folders', () => {
  it('a second run replaces the first whole: complete, provenance hashes match, no side folders', async () => {
    const out = path.join(dir, 'results');
    for (const seed of ['1', '2']) {
      const run = await runCli(['run', data, '--out', out, '--quiet', '--seed', seed, '--per-household']);
      expect(run.code, run.stderr).toBe(0);
      expect(await isCompleteBundle(out)).toBe(true);
    }
    const provenance = JSON.parse(await readFile(path.join(out, 'provenance.json'), 'utf8')) as {
      seed: number;
      datasetFiles: { file: string; sha256: string; bytes: number }[];
    };
    expect(provenance.seed).toBe(2);
    // The inputs recorded are the bytes imported, and they are the dataset's files as they still are.
    const households = await readFile(path.join(data, 'households.arrow'));
    expect(provenance.datasetFiles[0]).toEqual({
      file: 'households.arrow',
      sha256: createHash('sha256').update(households).digest('hex'),
      bytes: households.byteLength,
    });
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('refuses to replace a folder of other files', async () => {
    const mine = path.join(dir, 'mine');
    await import('node:fs/promises').then((fs) => fs.mkdir(mine));
    await writeFile(path.join(mine, 'notes.txt'), 'keep me');
    expectRefused(await runCli(['run', data, '--out', mine, '--quiet']), 2, /holds other files/);
    expect(await readFile(path.join(mine, 'notes.txt'), 'utf8')).toBe('keep me');
  });
});

describe('scenario files', () => {
  it('runs a scenario with a BOM and strips ANSI/OSC escapes from its name on the terminal', async () => {
    const file = path.join(dir, 'bom.json');
    const name = 'Evil\u001b[2J\u001b]0;pwned\u0007\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\ name';
    await writeFile(file, `\uFEFF${JSON.stringify({ schemaVersion: 1, name })}`);
    const run = await runCli(['run', data, '--scenario', file, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Evillink name');
    const controls = [...(run.stdout + run.stderr)].filter((ch) => {
      const code = ch.charCodeAt(0);
      return (code < 0x20 && ch !== '\n' && ch !== '\t') || (code >= 0x7f && code <= 0x9f);
    });
    expect(controls).toEqual([]);
  });

  it('refuses override regions the dataset does not have, naming the field', async () => {
    const file = path.join(dir, 'unknown-region.json');
    await writeFile(
      file,
      JSON.stringify({
        schemaVersion: 1,
        name: 'x',
        standardOverrides: [
          { region: '43', value: 900 },
          { region: '99', value: 900 },
        ],
      }),
    );
    const run = await runCli(['run', data, '--scenario', file, '--quiet']);
    expectRefused(run, 1, /standardOverrides\.1\.region: .*"99" is not in the dataset/);
  });

  it('refuses a scenario file over the size cap and a mapping file over its cap', async () => {
    const big = path.join(dir, 'big.json');
    await writeFile(big, `{"schemaVersion":1,"name":"x","description":"${'x'.repeat(5 * 1024 * 1024)}"}`);
    expectRefused(await runCli(['run', data, '--scenario', big, '--quiet']), 1, /over the limit of 4,194,304/);
    const mapping = path.join(dir, 'big-mapping.json');
    await writeFile(mapping, ' '.repeat(2 * 1024 * 1024));
    expectRefused(await runCli(['validate', data, '--mapping', mapping]), 1, /over the limit of 1,048,576/);
  });
});
