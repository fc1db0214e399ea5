// The streams a command writes to, passed in so tests can capture output without spawning a process.

/** Where a command writes: stdout for results, stderr for progress, warnings and errors. */
export interface CliIo {
  stdout: { write(text: string): boolean; isTTY?: boolean };
  stderr: { write(text: string): boolean; isTTY?: boolean };
  /** Directory relative paths resolve against. */
  cwd: string;
}

/** The real process streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}

/** Writes a line to stdout. */
export function println(io: CliIo, text = ''): void {
  io.stdout.write(`${text}\n`);
}

/** Writes a line to stderr. */
export function eprintln(io: CliIo, text = ''): void {
  io.stderr.write(`${text}\n`);
}
