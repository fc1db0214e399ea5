// The real launcher (node cli/bin.mjs, as `safetynet` runs) in a child process: it starts under plain node, runs a
// scenario on a small dataset with paths relative to its working folder, prints through a pipe, and its exit codes 0, 1
// and 2 reach the shell. Command behaviour (help included) is tested in process in the other cli-*.test.ts files and
// cli/main.test.ts; these three spawns (run side by side) check the process around it.
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
  it('runs a scenario on a dataset named relative to its working folder (exit 0), exits 1 for a missing dataset and 2 for an unknown option, with the message on stderr in both languages', async () => {
    const [run, missing, unknown] = await Promise.all([
      spawnCli(['run', 'data', '--out', 'results', '--quiet'], dir),
      spawnCli(['run', 'nowhere'], dir),
      spawnCli(['run', 'data', '--colour', 'red'], dir),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('情景 / Scenario');
    expect(await readdir(path.join(dir, 'results'))).toEqual(
      expect.arrayContaining(['summary_national.csv', 'results.json', 'provenance.json']),
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/错误：[^\n]*\nError: [^\n]*does not exist/);
    expect(missing.stdout).toBe('');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('错误：命令 run 没有选项 --colour');
    expect(unknown.stderr).toContain('Error: run has no option --colour');
  });
});

describe('the help main prints (in process)', () => {
  it('is bilingual with exit 0, and printed with exit 2 when no command is given', async () => {
    const help = await runCli(['--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('用法 / Usage: safetynet');
    expect(help.stdout).toContain('Exit codes: 0 success, 1 data or scenario error, 2 bad arguments.');
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('用法 / Usage: safetynet');
  });
});
