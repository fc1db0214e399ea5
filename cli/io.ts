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

/* eslint-disable no-control-regex -- matching control characters is the point */
/** ANSI/VT escape sequences: CSI (`ESC [ … final`), OSC (`ESC ] … BEL` or `ESC \\`), other two-byte escapes. */
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
/** Other control characters (C0 except tab and line feed, DEL, C1), including a lone ESC. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */

/**
 * Removes terminal control sequences and control characters from text that came from files (scenario names, region
 * names, column names), so a file cannot move the cursor, retitle the window, hide text or plant hyperlinks.
 */
export function stripControl(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '');
}

/** Writes a line to stdout (control characters stripped). */
export function println(io: CliIo, text = ''): void {
  io.stdout.write(`${stripControl(text)}\n`);
}

/** Writes a line to stderr (control characters stripped). */
export function eprintln(io: CliIo, text = ''): void {
  io.stderr.write(`${stripControl(text)}\n`);
}
