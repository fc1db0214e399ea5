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
  /** The usage error `parseCommandArgs` throws for `argv`. */
  function refusal(argv: string[]): CliError {
    try {
      parseCommandArgs('run', argv, { out: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' } });
    } catch (error) {
      if (error instanceof CliError) return error;
      throw error;
    }
    throw new Error(`expected ${argv.join(' ')} to be refused`);
  }

  it('turns unknown options into a usage error naming the option and the command, in both languages', () => {
    for (const [argv, option] of [
      [['--nope'], '--nope'],
      [['data', '-x'], '-x'],
      [['--colour', 'red'], '--colour'],
    ] as const) {
      const error = refusal([...argv]);
      expect(error.exitCode).toBe(EXIT_USAGE);
      expect(error.messageZh).toBe(`命令 run 没有选项 ${option}（运行 safetynet run --help 查看用法）`);
      expect(error.messageEn).toBe(`run has no option ${option} (run safetynet run --help for usage)`);
    }
  });

  it('names a string option given no value, or followed by another option, and a switch given a value', () => {
    for (const argv of [['--out'], ['-o'], ['data', '--out']]) {
      const error = refusal(argv);
      expect(error.exitCode).toBe(EXIT_USAGE);
      expect(error.messageZh).toContain('选项 --out 需要一个值');
      expect(error.messageEn).toContain('--out needs a value');
    }
    const ambiguous = refusal(['--out', '--quiet']);
    expect(ambiguous.messageZh).toContain('却跟着选项 --quiet');
    expect(ambiguous.messageEn).toContain('write a value starting with "-" as --out=--quiet');
    const valued = refusal(['--quiet=yes']);
    expect(valued.messageZh).toContain('选项 --quiet 是开关，不接受值（得到“yes”）');
    expect(valued.messageEn).toContain('--quiet is a switch and takes no value (got "yes")');
    // An inline value may start with a dash, and a lone "-" is a value; `--` ends the options.
    expect(parseCommandArgs('run', ['--out=-x'], { out: { type: 'string' } }).values.out).toBe('-x');
    expect(parseCommandArgs('run', ['--out', '-'], { out: { type: 'string' } }).values.out).toBe('-');
    expect(parseCommandArgs('run', ['--', '--nope'], {}).positionals).toEqual(['--nope']);
  });

  it('names the option in the message main prints, with exit 2', async () => {
    const io = captureIo();
    expect(await main(['validate', '--colour', 'red'], io)).toBe(EXIT_USAGE);
    expect(io.err()).toContain('错误：命令 validate 没有选项 --colour');
    expect(io.err()).toContain('Error: validate has no option --colour');
  });

  it('refuses a dataset folder given both as --data and as a positional (a scenario typed where the folder goes)', async () => {
    for (const command of ['run', 'validate', 'validate-model']) {
      const io = captureIo();
      expect(
        await main([command, 'datasets/scenarios/raise-standards-10pct.json', '--data', 'datasets/demo'], io),
      ).toBe(EXIT_USAGE);
      expect(io.err(), command).toContain('数据集文件夹给了两次：--data datasets/demo 和 datasets/scenarios/');
      expect(io.err(), command).toContain('a scenario file goes with --scenario');
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
