// Test helper: runs the `safetynet` command line in this process through main(argv, io), capturing output and exit code.
import path from 'node:path';
import type { CliIo } from '../io.ts';
import { main } from '../main.ts';
import type { CliRun } from './spawn-cli.ts';
import { REPO_ROOT } from './spawn-cli.ts';

/** Streams that collect what a command writes; not a terminal, like the pipes of a spawned process. */
function captureIo(cwd: string): { io: CliIo; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (text: string) => (out.push(text), true) },
      stderr: { write: (text: string) => (err.push(text), true) },
      cwd: path.resolve(cwd),
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/**
 * Runs `safetynet ...args` in process with relative paths resolved against `cwd` (default: repo root); resolves with
 * the exit code `main` returns and everything written to stdout and stderr, as `spawnCli` does for the real launcher.
 */
export async function runCli(args: readonly string[], cwd: string = REPO_ROOT): Promise<CliRun> {
  const captured = captureIo(cwd);
  const code = await main(args, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}
