// Argument parsing for every command over node:util parseArgs, turning its exceptions into bilingual usage errors.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { usageError } from './errors.ts';

/** Option definitions as node:util parseArgs takes them. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parsed options and positionals of one command. */
export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses `argv` strictly against `options`; unknown options or missing values become a usage error. */
export function parseCommandArgs(command: string, argv: readonly string[], options: OptionSpec): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values satisfies ParsedArgs['values'], positionals };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw usageError(
      `命令 ${command} 的参数有误（运行 safetynet ${command} --help 查看用法）`,
      `bad arguments for ${command} (run safetynet ${command} --help for usage)`,
      [reason],
    );
  }
}

/** Reads a string option; undefined when absent. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a required string option or throws a usage error naming it. */
export function requiredString(command: string, args: ParsedArgs, name: string): string {
  const value = stringOption(args, name);
  if (value === undefined || value === '') {
    throw usageError(`命令 ${command} 缺少必需的参数 --${name}`, `${command} needs the option --${name}`);
  }
  return value;
}

/** Reads a boolean flag. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** Reads an integer option within [min, max]; `fallback` when absent; a usage error naming the option otherwise. */
export function intOption(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw usageError(
      `参数 --${name} 应为 ${min} 到 ${max} 之间的整数，实际为“${raw}”`,
      `--${name} must be an integer from ${min} to ${max}, got "${raw}"`,
    );
  }
  return value;
}

/** Reads a finite number option within [min, max]; undefined when absent. */
export function numberOption(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw usageError(
      `参数 --${name} 应为 ${min} 到 ${max} 之间的数，实际为“${raw}”`,
      `--${name} must be a number from ${min} to ${max}, got "${raw}"`,
    );
  }
  return value;
}

/** Reads an option restricted to a list of choices; `fallback` when absent. */
export function choiceOption<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  const found = choices.find((choice) => choice === raw);
  if (found === undefined) {
    throw usageError(
      `参数 --${name} 应为 ${choices.join('、')} 之一，实际为“${raw}”`,
      `--${name} must be one of ${choices.join(', ')}, got "${raw}"`,
    );
  }
  return found;
}

/** Rejects positional arguments beyond `max`. */
export function limitPositionals(command: string, args: ParsedArgs, max: number): void {
  if (args.positionals.length > max) {
    throw usageError(
      `命令 ${command} 不接受多余的参数：${args.positionals.slice(max).join(' ')}`,
      `${command} does not take the extra arguments: ${args.positionals.slice(max).join(' ')}`,
    );
  }
}
