// Errors a command-line user can cause, as values carrying a bilingual message and the process exit code.

/** Exit code for bad arguments or unknown commands. */
export const EXIT_USAGE = 2;
/** Exit code for bad data files, bad scenarios or failed validation. */
export const EXIT_DATA = 1;

/** A user-caused failure: message in Simplified Chinese first, English second, and the exit code to use. */
export class CliError extends Error {
  readonly messageZh: string;
  readonly messageEn: string;
  readonly exitCode: number;
  readonly details: readonly string[];

  constructor(exitCode: number, messageZh: string, messageEn: string, details: readonly string[] = []) {
    super(`${messageZh} / ${messageEn}`);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.details = details;
  }
}

/** A usage error (exit 2): bad or missing arguments. */
export function usageError(messageZh: string, messageEn: string, details: readonly string[] = []): CliError {
  return new CliError(EXIT_USAGE, messageZh, messageEn, details);
}

/** A data or scenario error (exit 1): unreadable or invalid files, refused scenarios. */
export function dataError(messageZh: string, messageEn: string, details: readonly string[] = []): CliError {
  return new CliError(EXIT_DATA, messageZh, messageEn, details);
}

/** Formats an error for stderr: the bilingual message, then any details, one per line. */
export function formatCliError(error: CliError): string {
  const lines = [`错误：${error.messageZh}`, `Error: ${error.messageEn}`];
  for (const detail of error.details) lines.push(`  - ${detail}`);
  return lines.join('\n');
}
