// Argument parsing for every command over node:util parseArgs, with bilingual usage errors naming the option at fault.
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

/** A value taken from the next argument that looks like an option (`--out --quiet`): node's strict mode refuses it. */
function looksLikeOption(value: string): boolean {
  return value.length > 1 && value.startsWith('-');
}

/**
 * Parses `argv` against `options` (plus `--help`/`-h`). Unknown options, string options without a value (or whose
 * value is the next option), and boolean flags given a value are usage errors naming the option, in both languages.
 */
export function parseCommandArgs(command: string, argv: readonly string[], options: OptionSpec): ParsedArgs {
  const all: OptionSpec = { ...options, help: { type: 'boolean', short: 'h' } };
  // Lenient parsing with tokens, then checked here: node's own strict errors are English-only and worded for developers.
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: all,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const usage = `（运行 safetynet ${command} --help 查看用法）`;
  const usageEn = ` (run safetynet ${command} --help for usage)`;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(all, token.name) ? all[token.name] : undefined;
    if (spec === undefined) {
      throw usageError(
        `命令 ${command} 没有选项 ${token.rawName}${usage}`,
        `${command} has no option ${token.rawName}${usageEn}`,
      );
    }
    const name = `--${token.name}`;
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && looksLikeOption(token.value)))) {
      const given = token.value;
      throw usageError(
        `选项 ${name} 需要一个值${given === undefined ? '' : `，却跟着选项 ${given}；以“-”开头的值请写成 ${name}=${given}`}${usage}`,
        `${name} needs a value${given === undefined ? '' : `, but is followed by the option ${given}; write a value starting with "-" as ${name}=${given}`}${usageEn}`,
      );
    }
    if (spec.type === 'boolean' && token.value !== undefined) {
      throw usageError(
        `选项 ${name} 是开关，不接受值（得到“${token.value}”）${usage}`,
        `${name} is a switch and takes no value (got "${token.value}")${usageEn}`,
      );
    }
  }
  return { values: values satisfies ParsedArgs['values'], positionals };
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
