// The shape of one CLI command: a name, bilingual summary and help text, and a function returning the exit code.
import type { CliIo } from './io.ts';

/** One subcommand of `safetynet`. */
export interface Command {
  name: string;
  summaryZh: string;
  summaryEn: string;
  /** Full `--help` text (Chinese first, English second). */
  help: string;
  /** Runs the command; returns the exit code or throws a CliError for user-caused failures. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
