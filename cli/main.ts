// Entry point of the `safetynet` command line: dispatches to a subcommand and maps failures to exit codes.
import type { Command } from './command.ts';
import { CliError, EXIT_DATA, EXIT_USAGE, formatCliError, systemError } from './errors.ts';
import type { CliIo } from './io.ts';
import { eprintln, println, processIo } from './io.ts';

/** Subcommands, loaded on demand so `--help` and small commands start fast. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.ts')).runCommand,
  household: async () => (await import('./commands/household.ts')).householdCommand,
  solve: async () => (await import('./commands/solve.ts')).solveCommand,
  validate: async () => (await import('./commands/validate.ts')).validateCommand,
  'validate-model': async () => (await import('./commands/validate-model.ts')).validateModelCommand,
  generate: async () => (await import('./commands/generate.ts')).generateCommand,
  bench: async () => (await import('./commands/bench.ts')).benchCommand,
};

/** One-line summaries for the top-level help (kept here so it needs no command module). */
const SUMMARIES: readonly [string, string, string][] = [
  ['run', '对数据集运行情景，输出汇总表和完整结果', 'run a scenario on a dataset; summary table and full results'],
  ['household', '计算单个家庭的救助金额和规则追踪', 'one household: benefit and rule-by-rule trace'],
  ['solve', '反向问题：预算、覆盖目标、敏感性', 'inverse questions: budget, coverage target, sensitivity'],
  ['validate', '校验数据集并输出校验报告', 'validate a dataset and print the report'],
  [
    'validate-model',
    '模型验证：对照行政数据、收入分布和标准弹性',
    'model validation: admin levels, income distribution, responses',
  ],
  ['generate', '生成合成数据（--demo 生成演示数据集）', 'generate synthetic data (--demo writes the demo dataset)'],
  ['bench', '性能基准：内核对比 DuckDB SQL', 'benchmarks: kernel against DuckDB SQL'],
];

/** Top-level help text. */
export function topHelp(): string {
  const lines = [
    'safetynet — 社会救助政策仿真工作台命令行 / Safety Net Workbench command line',
    '',
    '用法 / Usage: safetynet <命令 command> [选项 options]',
    '',
    '命令 / Commands:',
    ...SUMMARIES.map(([name, zh, en]) => `  ${name.padEnd(10)} ${zh}\n  ${''.padEnd(10)} ${en}`),
    '',
    '每个命令都支持 --help。退出码：0 成功，1 数据或情景错误，2 参数错误。',
    'Every command takes --help. Exit codes: 0 success, 1 data or scenario error, 2 bad arguments.',
  ];
  return lines.join('\n');
}

/** Runs the CLI with `argv` (without node and script); returns the process exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    println(io, topHelp());
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v') {
    const { APP_VERSION } = await import('./versions.ts');
    println(io, APP_VERSION);
    return 0;
  }
  const load = COMMANDS[name];
  if (load === undefined) {
    eprintln(io, formatCliError(new CliError(EXIT_USAGE, `未知命令“${name}”`, `unknown command "${name}"`)));
    eprintln(io, '');
    eprintln(io, topHelp());
    return EXIT_USAGE;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    println(io, command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      eprintln(io, formatCliError(error));
      return error.exitCode;
    }
    const system = systemError(error);
    if (system !== undefined) {
      eprintln(io, formatCliError(system));
      return system.exitCode;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    eprintln(io, `内部错误（请报告此问题）/ Internal error (please report this):\n${message}`);
    return EXIT_DATA;
  }
}
