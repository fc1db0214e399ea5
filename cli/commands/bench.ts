// `safetynet bench` (`npm run bench`): runs the benchmark, prints the table and ratios, writes BENCHMARKS.md and a
// JSON copy under bench-results/. Times are reported, never asserted.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flag, intOption, limitPositionals, parseCommandArgs, stringOption } from '../args.ts';
import type { ParsedArgs } from '../args.ts';
import type { ScaleRow, ScaleStage } from '../bench/scale.ts';
import { usageError } from '../errors.ts';
import { SCALE_STAGES, runScaleBench, scaleMarkdown, scaleRowsIn, withScaleSection } from '../bench/scale.ts';
import { MAX_STREAMED_HOUSEHOLDS } from './generate.ts';
import { DEMO_SEED, MAX_GENERATED_HOUSEHOLDS } from '../../datasets/index.ts';
import { benchMarkdown, benchTable } from '../bench/report.ts';
import { keptSections, withKeptSections } from '../bench/kept-sections.ts';
import type { BrowserTimings } from '../bench/report.ts';
import { runBench } from '../bench/run-bench.ts';
import type { Command } from '../command.ts';
import type { CliIo } from '../io.ts';
import { checkOutputPath } from '../output/out-path.ts';
import { writeFailure } from '../output/write-results.ts';
import { eprintln, println } from '../io.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function runBenchCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('bench', argv, {
    households: { type: 'string', short: 'n' },
    seed: { type: 'string' },
    'kernel-runs': { type: 'string' },
    'sql-runs': { type: 'string' },
    replications: { type: 'string' },
    workers: { type: 'string' },
    markdown: { type: 'string' },
    'skip-markdown': { type: 'boolean' },
    'skip-native': { type: 'boolean' },
    'skip-import': { type: 'boolean' },
    json: { type: 'boolean' },
    scale: { type: 'boolean' },
    stages: { type: 'string' },
  });
  limitPositionals('bench', args, 0);
  if (flag(args, 'scale')) return runScaleCommand(args, io);
  const scratchDir = path.join(REPO_ROOT, 'bench-results');
  // The report's target is checked before the benchmark runs (minutes), not after.
  const markdownOption = stringOption(args, 'markdown');
  const markdownTarget = flag(args, 'skip-markdown')
    ? undefined
    : markdownOption === undefined
      ? path.join(REPO_ROOT, 'BENCHMARKS.md')
      : await checkOutputPath('markdown', markdownOption, io.cwd, { dataset: [] }, 'file');
  const report = await runBench({
    households: intOption(args, 'households', 1_000_000, 1000, MAX_GENERATED_HOUSEHOLDS),
    seed: intOption(args, 'seed', DEMO_SEED, 0, 0xffffffff),
    kernelRuns: intOption(args, 'kernel-runs', 15, 1, 1000),
    sqlRuns: intOption(args, 'sql-runs', 5, 1, 1000),
    replications: intOption(args, 'replications', 100, 1, 100_000),
    workers: intOption(args, 'workers', Math.max(1, os.availableParallelism()), 1, 64),
    scratchDir,
    skipNative: flag(args, 'skip-native'),
    skipImport: flag(args, 'skip-import'),
    onStage: (label) => eprintln(io, `… ${label}`),
  });
  if (flag(args, 'json')) println(io, JSON.stringify(report, null, 2));
  else println(io, benchTable(report));
  await mkdir(scratchDir, { recursive: true });
  await writeFile(path.join(scratchDir, `bench-${report.households}.json`), `${JSON.stringify(report, null, 2)}\n`);
  if (markdownTarget !== undefined) {
    try {
      // The national-scale section (bench --scale) and the hand-written test-suite section are kept as they are.
      const kept = keptSections(await readFile(markdownTarget, 'utf8').catch(() => ''));
      await writeFile(markdownTarget, withKeptSections(benchMarkdown(report, await readBrowserTimings()), kept));
    } catch (error) {
      throw writeFailure(markdownTarget, error);
    }
    eprintln(io, `已写入 / written: ${markdownTarget}`);
  }
  return 0;
}

/** `bench --scale`: the stages on one size, each in its own process; the rows go into BENCHMARKS.md's scale section. */
async function runScaleCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const households = intOption(args, 'households', 1_000_000, 1000, MAX_STREAMED_HOUSEHOLDS);
  const target = path.join(REPO_ROOT, 'BENCHMARKS.md');
  const doc = await readFile(target, 'utf8').catch(() => '');
  const previous = scaleRowsIn(doc);
  const dir = path.join(REPO_ROOT, 'bench-results', `scale-${households}`);
  // Written after every stage, so a long run that is stopped keeps what it measured.
  const record = async (rows: readonly ScaleRow[]): Promise<void> => {
    if (flag(args, 'skip-markdown')) return;
    try {
      await writeFile(target, withScaleSection(doc, scaleMarkdown([...previous, ...rows])));
    } catch (error) {
      throw writeFailure(target, error);
    }
  };
  const stageList = stringOption(args, 'stages')?.split(',') ?? [...SCALE_STAGES];
  const stages = stageList.filter((s): s is ScaleStage => (SCALE_STAGES as readonly string[]).includes(s));
  if (stages.length !== stageList.length) {
    throw usageError(
      `--stages 只能是 ${SCALE_STAGES.join('、')} 中的若干个（逗号分隔）`,
      `--stages takes some of ${SCALE_STAGES.join(', ')} (comma-separated)`,
    );
  }
  const rows = await runScaleBench(households, dir, previous, (label) => eprintln(io, `… ${label}`), record, stages);
  if (flag(args, 'json')) println(io, JSON.stringify(rows, null, 2));
  else println(io, scaleMarkdown([...previous, ...rows]));
  if (!flag(args, 'skip-markdown')) eprintln(io, `已写入 / written: ${target}`);
  return 0;
}

/** The last 1M-household measurement of the end-to-end tests, if they have run here. */
async function readBrowserTimings(): Promise<BrowserTimings | undefined> {
  const file = path.join(REPO_ROOT, 'test-artifacts', 'e2e-timings-1m.json');
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    return { ...(JSON.parse(text) as Omit<BrowserTimings, 'measuredAt'>), measuredAt: info.mtime.toISOString() };
  } catch {
    return undefined;
  }
}

/** The `bench` command. */
export const benchCommand: Command = {
  name: 'bench',
  summaryZh: '性能基准',
  summaryEn: 'benchmarks',
  help: `safetynet bench — 性能基准：内核对比 DuckDB SQL / benchmarks: kernel against DuckDB SQL

用法 / Usage:
  safetynet bench [--households N] [--replications N] [--skip-native] [--skip-import] [--skip-markdown]
  safetynet bench --scale [--households N]

选项 / Options:
  -n, --households N     合成住户数，默认 1,000,000 / synthetic households, default 1,000,000
      --seed S           生成种子 / generator seed
      --kernel-runs N    内核计时次数（取中位数），默认 15 / timed kernel runs (median), default 15
      --sql-runs N       SQL 计时次数，默认 5 / timed SQL runs, default 5
      --replications N   蒙特卡洛次数，默认 100 / Monte Carlo draws, default 100
      --workers N        工作线程数，默认 CPU 核数 / worker threads, default CPU cores
      --markdown FILE    报告写入位置，默认 BENCHMARKS.md / where to write the report (default BENCHMARKS.md)
      --skip-markdown    不写 BENCHMARKS.md / do not write BENCHMARKS.md
      --skip-native      不测原生 DuckDB / skip native DuckDB
      --skip-import      不测导入与校验 / skip import and validation
      --scale            全国规模：生成、校验、一年情景、6 年预测各在独立进程中运行，记录时间与峰值内存，写入
                         BENCHMARKS.md 的规模一节 / national scale: generate, validate, one scenario-year and a 6-year
                         projection, each in its own process (time, peak RSS), into BENCHMARKS.md's scale section
      --stages LIST      只运行这些阶段（逗号分隔）/ only these stages, comma-separated
                         (generate,validate,year,projection)
      --json             输出 JSON 报告 / print the report as JSON
  -h, --help             显示帮助 / show this help

结果同时保存在 bench-results/bench-N.json。只报告时间，不做断言。
The report is also saved as bench-results/bench-N.json. Times are reported, never asserted.`,
  run: runBenchCommand,
};
