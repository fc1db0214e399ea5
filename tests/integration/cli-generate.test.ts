// The CLI's `generate`, in process through main(argv, io): byte-identical output for the same seed, different output
// for another seed, the demo written only when missing or stale, and exit code 2 with a bilingual message for bad
// arguments.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/testing/run-cli.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sn-cli-generate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('safetynet generate', () => {
  it('writes byte-identical Arrow files for the same size and seed', async () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    const c = path.join(dir, 'c');
    for (const [out, seed] of [
      [a, '7'],
      [b, '7'],
      [c, '8'],
    ]) {
      const run = await runCli(['generate', '--households', '2000', '--seed', seed, '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('Generated 2000 synthetic households');
    }
    const read = (d: string) => readFile(path.join(d, 'households.arrow'));
    expect(Buffer.compare(await read(a), await read(b))).toBe(0);
    expect(Buffer.compare(await read(a), await read(c))).not.toBe(0);
    const manifest: unknown = JSON.parse(await readFile(path.join(a, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ synthetic: true, households: 2000, seed: 7 });
  });

  it('regenerates a demo-style folder only when it is missing, modified or --force is given', async () => {
    const out = path.join(dir, 'demo');
    const args = ['generate', '--demo', '--households', '1500', '--seed', '3', '--out', out, '--json'];
    const first = await runCli(args);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ generated: true });
    const second = await runCli(args);
    expect(JSON.parse(second.stdout)).toMatchObject({ generated: false });
    await writeFile(path.join(out, 'regions.arrow'), 'tampered');
    const third = await runCli(args);
    expect(JSON.parse(third.stdout)).toMatchObject({ generated: true });
    expect(third.stderr).toContain('regions.arrow');
    const forced = await runCli([...args, '--force']);
    expect(JSON.parse(forced.stdout)).toMatchObject({ generated: true });
  });

  it('exits 2 with a bilingual message for bad arguments', async () => {
    const bad = await runCli(['generate', '--households', 'many', '--out', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--households');
    expect(bad.stderr).toContain('错误');
    expect(bad.stderr).toContain('Error');
    const noOut = await runCli(['generate']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const unknown = await runCli(['generate', '--colour', 'red']);
    expect(unknown.code).toBe(2);
  });

  it('prints help with exit 0', async () => {
    const help = await runCli(['generate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--households');
    expect(help.stdout).toContain('用法 / Usage');
  });
});
