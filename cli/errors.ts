// Errors a command-line user can cause, as values carrying a bilingual message and the process exit code.
import { WorkbenchError, errorText } from '../sim/index.ts';

/** Exit code for bad arguments or unknown commands. */
export const EXIT_USAGE = 2;
/** Exit code for bad data files, bad scenarios or failed validation. */
export const EXIT_DATA = 1;

/** A user-caused failure: the workbench's bilingual error plus the process exit code and detail lines. */
export class CliError extends WorkbenchError<'usage' | 'data'> {
  readonly exitCode: number;
  readonly details: readonly string[];

  constructor(exitCode: number, messageZh: string, messageEn: string, details: readonly string[] = []) {
    super({ code: exitCode === EXIT_USAGE ? 'usage' : 'data', messageZh, messageEn });
    this.name = 'CliError';
    this.exitCode = exitCode;
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
  const lines = [`错误：${errorText(error, 'zh')}`, `Error: ${errorText(error, 'en')}`];
  for (const detail of error.details) lines.push(`  - ${detail}`);
  return lines.join('\n');
}

/** Plain-words reasons for the file-system error codes a user can cause (full disk, read-only media, permissions). */
const SYSTEM_REASONS: Record<string, [string, string]> = {
  ENOSPC: ['磁盘已满', 'the disk is full'],
  EDQUOT: ['超出磁盘配额', 'the disk quota is exceeded'],
  EROFS: ['文件系统只读', 'the file system is read-only'],
  EACCES: ['没有访问权限', 'permission denied'],
  EPERM: ['操作不被允许', 'the operation is not permitted'],
  ENOTDIR: ['路径中有一段不是文件夹', 'part of the path is not a folder'],
  EISDIR: ['这是一个文件夹', 'it is a folder'],
  ENOENT: ['文件或文件夹不存在', 'no such file or folder'],
  EEXIST: ['目标已存在', 'the target already exists'],
  EMFILE: ['打开的文件过多', 'too many open files'],
  EIO: ['磁盘读写错误', 'a disk input/output error'],
};

/** The reason for a Node system error in both languages, or undefined for other errors. */
export function systemReason(error: unknown): { code: string; zh: string; en: string } | undefined {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const reason = code === undefined ? undefined : SYSTEM_REASONS[code];
  return reason && code ? { code, zh: reason[0], en: reason[1] } : undefined;
}

/**
 * A file-system failure as a data error naming the path and the cause in plain words (no stack trace), or undefined
 * when `error` is not one the user can cause.
 */
export function systemError(error: unknown): CliError | undefined {
  const reason = systemReason(error);
  if (reason === undefined) return undefined;
  const where = error instanceof Error && 'path' in error && typeof error.path === 'string' ? error.path : '';
  return dataError(
    `无法访问 ${where || '文件'}：${reason.zh}（${reason.code}）`,
    `cannot access ${where || 'a file'}: ${reason.en} (${reason.code})`,
  );
}
