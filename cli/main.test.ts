// The dispatcher and argument helpers: help, unknown commands, exit codes and bilingual usage errors, in process.
import { describe, expect, it } from 'vitest';
import { choiceOption, intOption, numberOption, parseCommandArgs, requiredString } from './args.ts';
import { CliError, EXIT_USAGE } from './errors.ts';
import type { CliIo } from './io.ts';
import { main } from './main.ts';

function captureIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => ((out += t), true) },
    stderr: { write: (t: string) => ((err += t), true) },
    cwd: process.cwd(),
    out: () => out,
    err: () => err,
  };
}

describe('main', () => {
  it('prints bilingual top-level help and exits 0 with --help, 2 without a command', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toContain('用法 / Usage');
    expect(io.out()).toContain('generate');
    expect(await main([], captureIo())).toBe(EXIT_USAGE);
  });

  it('refuses an unknown command with exit 2 and a message in both languages', async () => {
    const io = captureIo();
    expect(await main(['frobnicate'], io)).toBe(EXIT_USAGE);
    expect(io.err()).toContain('未知命令“frobnicate”');
    expect(io.err()).toContain('unknown command "frobnicate"');
  });
});

describe('argument helpers', () => {
  it('turns unknown options into a usage error naming the command', () => {
    expect(() => parseCommandArgs('run', ['--nope'], {})).toThrowError(CliError);
    try {
      parseCommandArgs('run', ['--nope'], {});
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      if (error instanceof CliError) {
        expect(error.exitCode).toBe(EXIT_USAGE);
        expect(error.messageEn).toContain('run');
      }
    }
  });

  it('validates integers, numbers, choices and required strings', () => {
    const args = parseCommandArgs('x', ['--seed', '12', '--mode', 'mc', '--rate', '0.5', '--bad', '1.5'], {
      seed: { type: 'string' },
      mode: { type: 'string' },
      rate: { type: 'string' },
      bad: { type: 'string' },
    });
    expect(intOption(args, 'seed', 0, 0, 100)).toBe(12);
    expect(intOption(args, 'missing', 7, 0, 100)).toBe(7);
    expect(() => intOption(args, 'bad', 0, 0, 100)).toThrowError(/--bad/);
    expect(() => intOption(args, 'seed', 0, 0, 10)).toThrowError(/0 到 10/);
    expect(numberOption(args, 'rate', 0, 1)).toBe(0.5);
    expect(choiceOption(args, 'mode', ['ev', 'mc'] as const, 'ev')).toBe('mc');
    expect(() => choiceOption(args, 'seed', ['ev', 'mc'] as const, 'ev')).toThrowError(/ev, mc/);
    expect(() => requiredString('x', args, 'scenario')).toThrowError(/--scenario/);
  });
});
