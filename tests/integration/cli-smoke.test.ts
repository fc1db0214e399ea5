// The real launcher (node cli/bin.mjs, as `safetynet` runs) in a child process: it starts, prints help, runs a scenario
// on a small dataset with paths relative to its working folder, and exits 0, 1 or 2 as documented. Command behaviour is
// tested in process in the other cli-*.test.ts files; these few spawns check the process around it.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/testing/run-cli.ts';
import { spawnCli } from '../../cli/testing/spawn-cli.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sn-cli-smoke-'));
  const generated = await runCli(['generate', '--households', '1000', '--seed', '2', '--out', path.join(dir, 'data')]);
  expect(generated.code, generated.stderr).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('node cli/bin.mjs', () => {
  it('starts and prints the bilingual help with exit 0, and the help with exit 2 when no command is given', async () => {
    const help = await spawnCli(['--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('用法 / Usage: safetynet');
    expect(help.stdout).toContain('Exit codes: 0 success, 1 data or scenario error, 2 bad arguments.');
    const none = await spawnCli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('用法 / Usage: safetynet');
  });

  it('runs a scenario on a dataset named relative to its working folder and writes the result folder', async () => {
    const run = await spawnCli(['run', 'data', '--out', 'results', '--quiet'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('情景 / Scenario');
    expect(await readdir(path.join(dir, 'results'))).toEqual(
      expect.arrayContaining(['summary_national.csv', 'results.json', 'provenance.json']),
    );
  });

  it('exits 1 for a missing dataset and 2 for an unknown option, with the message on stderr in both languages', async () => {
    const missing = await spawnCli(['run', 'nowhere'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/错误：[^\n]*\nError: [^\n]*does not exist/);
    expect(missing.stdout).toBe('');
    const unknown = await spawnCli(['run', 'data', '--colour', 'red'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('错误：命令 run 没有选项 --colour');
    expect(unknown.stderr).toContain('Error: run has no option --colour');
  });
});
