// `safetynet run`: a dataset and a scenario → national summary on screen, full results (Arrow, CSV with BOM, JSON)
// and provenance in an output folder; expected value by default, Monte Carlo percentiles with --mode mc.
import os from 'node:os';
import path from 'node:path';
import {
  ENGINE_VERSION,
  describeMcSources,
  isNationalScope,
  povertyLineText,
  projectionInterval,
  runOptions,
  scopeAreaIndex,
  scopeName,
} from '../../sim/index.ts';
import { choiceOption, flag, intOption, limitPositionals, parseCommandArgs, stringOption } from '../args.ts';
import type { Command } from '../command.ts';
import { DATASET_HELP, DATASET_OPTIONS, datasetFilesFromArgs, mappingFiles } from '../dataset/dataset-options.ts';
import { loadDataset, readMappings } from '../dataset/load-dataset.ts';
import { openNativeDatabase } from '../duckdb/native-port.ts';
import { runScenario } from '../engine/run-scenario.ts';
import type { RunSettings } from '../engine/run-scenario.ts';
import { nationalValues, screenSummary } from '../engine/screen-summary.ts';
import type { CliIo } from '../io.ts';
import { eprintln, println } from '../io.ts';
import { createProgress } from '../output/progress.ts';
import {
  SCOPE_HELP,
  SCOPE_OPTIONS,
  assertScope,
  scopeFromArgs,
  scopedProjectionText,
  scopedRows,
} from '../output/scope-flags.ts';
import { checkOutputPath } from '../output/out-path.ts';
import { projectionMcText, thinCellText } from '../output/projection-mc.ts';
import { writeResultBundle } from '../output/write-results.ts';
import type { FileHash, Provenance } from '../provenance.ts';
import { canonicalJson } from '../../datasets/index.ts';
import { sha256Hex } from '../provenance.ts';
import { assertScenarioRegions, readScenarioFile } from '../scenario-file.ts';
import { APP_VERSION } from '../versions.ts';

async function runRun(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('run', argv, {
    ...DATASET_OPTIONS,
    scenario: { type: 'string', short: 's' },
    out: { type: 'string', short: 'o' },
    mode: { type: 'string' },
    seed: { type: 'string' },
    replications: { type: 'string' },
    years: { type: 'string' },
    'min-cell': { type: 'string' },
    workers: { type: 'string' },
    'per-household': { type: 'boolean' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    ...SCOPE_OPTIONS,
  });
  const scope = scopeFromArgs(args);
  limitPositionals('run', args, 1);
  const scenarioFile = stringOption(args, 'scenario');
  const loadedScenario = await readScenarioFile(io.cwd, scenarioFile);
  const { scenario, json: scenarioJson } = loadedScenario;
  // Defaults: the scenario's own settings, else the engine's (sim/run/options.ts).
  const defaults = runOptions(scenario);
  const settings: RunSettings = {
    mode: choiceOption(args, 'mode', ['ev', 'mc'] as const, defaults.mode),
    seed: intOption(args, 'seed', defaults.seed, 0, 0xffffffff),
    replications: intOption(args, 'replications', defaults.replications, 1, 100_000),
    years: intOption(args, 'years', defaults.years, 0, 50),
    minCell: intOption(args, 'min-cell', defaults.minCell, 0, 1_000_000),
    perHousehold: flag(args, 'per-household'),
    workers: intOption(args, 'workers', Math.max(1, os.availableParallelism()), 1, 64),
  };
  const files = await datasetFilesFromArgs(io, args);
  const mappings = await readMappings(io.cwd, mappingFiles(args));
  const outOption = stringOption(args, 'out');
  // The output is checked before anything is computed: never an input, its folder, or an unwritable place.
  const outDir =
    outOption === undefined
      ? undefined
      : await checkOutputPath(
          'out',
          outOption,
          io.cwd,
          {
            dataset: [files.households, files.regions],
            other: [
              ...(scenarioFile === undefined ? [] : [path.resolve(io.cwd, scenarioFile)]),
              ...mappingFiles(args).map((m) => path.resolve(io.cwd, m)),
            ],
          },
          'folder',
        );
  const progress = createProgress(io.stderr, !flag(args, 'quiet'));

  const duck = await openNativeDatabase();
  let dataset;
  try {
    progress.update(0, 1, '读取数据 / reading data');
    dataset = await loadDataset(duck, files, mappings);
  } finally {
    duck.close();
  }
  progress.finish();
  assertScenarioRegions(loadedScenario, dataset.regions);
  assertScope(dataset.regions, scope);
  const outcome = await runScenario(
    dataset.households,
    dataset.regions,
    scenario,
    settings,
    progress,
    scenarioFile === undefined,
  );
  const synthetic = dataset.metadata.synthetic === 'true';
  const summary = {
    scenario: scenario.name,
    mode: settings.mode,
    seed: settings.seed,
    replications: settings.mode === 'mc' ? settings.replications : 0,
    years: outcome.national.map((n) => n.year),
    suppressionMinCell: settings.minCell,
    synthetic,
    national: outcome.national.map((n) => ({
      year: n.year,
      scenario: nationalValues(n.scenario),
      ...(outcome.isBaseline ? {} : { baseline: nationalValues(n.baseline) }),
    })),
    monteCarlo: outcome.mc ?? null,
    // Monte Carlo over the projection years: national (or the scope's) cash (dibao + tekun: percentiles of each
    // replication's sum) and dibao persons and total cost per year.
    projectionMonteCarlo:
      outcome.projectionMc === undefined
        ? null
        : {
            replications: outcome.projectionMc.replications,
            sources: describeMcSources(outcome.projectionMc.sources),
            cashPersons: projectionInterval(
              outcome.projectionMc,
              'persons.cash',
              scope.province,
              scopeAreaIndex(scope),
            ),
            dibaoPersons: projectionInterval(
              outcome.projectionMc,
              'persons.dibao',
              scope.province,
              scopeAreaIndex(scope),
            ),
            totalCost: projectionInterval(outcome.projectionMc, 'cost.total', scope.province, scopeAreaIndex(scope)),
          },
    // The planner's province (and area), when asked for: its projection with cumulative multi-year cost.
    ...(isNationalScope(scope)
      ? {}
      : {
          scope: { ...scope, name: scopeName(dataset.regions, scope) },
          scoped: scopedRows(outcome.scopeYears, scope),
        }),
  };

  if (outDir !== undefined) {
    const datasetFiles = dataset.fileHashes;
    const provenance = (outputs: FileHash[]): Provenance => ({
      tool: 'safetynet',
      appVersion: APP_VERSION,
      engineVersion: ENGINE_VERSION,
      command: 'run',
      mode: settings.mode,
      seed: settings.seed,
      replications: settings.mode === 'mc' ? settings.replications : 0,
      years: settings.years,
      suppressionMinCell: settings.minCell,
      datasetFiles,
      synthetic,
      scenario: scenarioJson,
      scenarioSha256: sha256Hex(canonicalJson(scenarioJson)),
      outputs,
      timestamp: new Date().toISOString(),
    });
    await writeResultBundle(
      outDir,
      {
        tables: outcome.tables,
        jsonTables: outcome.tables.filter((t) => t.name !== 'households').map((t) => t.name),
        summary,
        arrowMetadata: synthetic ? { synthetic: 'true' } : {},
      },
      provenance,
    );
  }

  if (flag(args, 'json')) {
    println(
      io,
      JSON.stringify({ ...summary, povertyLine: povertyLineText(scenario), outDir: outDir ?? null }, null, 2),
    );
    return 0;
  }
  println(io, `情景 / Scenario: ${scenario.name}${synthetic ? '（合成数据 / synthetic data）' : ''}`);
  const first = outcome.national[0];
  const last = outcome.national[outcome.national.length - 1];
  for (const n of first === last ? [first] : [first, last]) {
    println(io);
    println(
      io,
      screenSummary(n.year, n.scenario, outcome.isBaseline ? undefined : n.baseline, povertyLineText(scenario)),
    );
  }
  if (!isNationalScope(scope)) {
    println(io);
    println(
      io,
      scopedProjectionText(dataset.regions, scope, scopedRows(outcome.scopeYears, scope), outcome.isBaseline),
    );
  }
  if (outcome.mc !== undefined) {
    const m = outcome.mc.metrics;
    const fmt = (v: number | undefined, d: number): string => (v === undefined ? '—' : (v / d).toFixed(1));
    println(io);
    println(
      io,
      `蒙特卡洛 ${outcome.mc.replications} 次 / Monte Carlo ${outcome.mc.replications} replications (p5 · p50 · p95):`,
    );
    println(
      io,
      `  低保人数 dibao persons (万 10k): ${fmt(m['persons.dibao']?.p5, 1e4)} · ${fmt(m['persons.dibao']?.p50, 1e4)} · ${fmt(m['persons.dibao']?.p95, 1e4)}`,
    );
    println(
      io,
      `  总支出 total cost (亿元 100M yuan): ${fmt(m['cost.total']?.p5, 1e8)} · ${fmt(m['cost.total']?.p50, 1e8)} · ${fmt(m['cost.total']?.p95, 1e8)}`,
    );
    const sources = describeMcSources(outcome.mc.sources);
    println(io, `  不确定性来源 / Uncertainty sources: ${sources.zh}`);
    println(io, `  ${sources.en}`);
  }
  if (outcome.projectionMc !== undefined) {
    println(io);
    println(io, projectionMcText(dataset.regions, scope, outcome.projectionMc));
  }
  const startTables = outcome.scopeYears[0];
  const thin =
    settings.years > 0 && startTables !== undefined
      ? thinCellText(dataset.households, dataset.regions, scope, startTables.scenario.province)
      : undefined;
  if (thin !== undefined) {
    println(io);
    println(io, thin);
  }
  if (outDir !== undefined) {
    println(io);
    println(io, `完整结果已写入 / Full results written to: ${outDir}`);
  }
  const { primary, secondary } = outcome.pattern;
  const suppressedNote = `低于 ${settings.minCell} 个样本户的地区单元已隐去（${primary} 个），另隐去 ${secondary} 个可由加减推算出它们的单元 / cells with fewer than ${settings.minCell} sample households are suppressed (${primary}), and ${secondary} more that would give them away by addition or subtraction`;
  eprintln(io, suppressedNote);
  if (outcome.pattern.unprotectable > 0) {
    const n = outcome.pattern.unprotectable;
    eprintln(
      io,
      `注意：${n} 个被隐去的单元格无法保护：数据只有一个省，其省级数字等于全国数字 / warning: ${n} suppressed cells cannot be protected: the data has one province, whose figures equal the national ones`,
    );
  }
  return 0;
}

/** The `run` command. */
export const runCommand: Command = {
  name: 'run',
  summaryZh: '运行情景',
  summaryEn: 'run a scenario',
  help: `safetynet run — 对数据集运行情景 / run a scenario on a dataset

用法 / Usage:
  safetynet run DIR [--scenario FILE] [--out DIR] [--mode ev|mc] [--seed N] [--replications N] [--years N]
  safetynet run DIR --years 5 --province 43 [--area rural]   一个省的多年预测 / one province's projection

选项 / Options:
${DATASET_HELP}
  -s, --scenario FILE    情景 JSON（省略则为基线）/ scenario JSON (baseline if omitted)
  -o, --out DIR          完整结果输出文件夹：每张表一个 .arrow 和 .csv（UTF-8 带 BOM），results.json，provenance.json
                         output folder: each table as .arrow and .csv (UTF-8 with BOM), results.json, provenance.json
      --mode ev|mc       期望值（默认）或蒙特卡洛；与 --years N 一起时另对整个预测做蒙特卡洛（每次重复各自抽取
                         抽样权数、参数（含增长率和收入冲击）和逐年收入冲击），打印逐年 p5 · p50 · p95
                         expected value (default) or Monte Carlo; with --years N also Monte Carlo over the whole
                         projection (each replication draws its own bootstrap weights, parameters including growth
                         and income-shock ranges, and yearly income shocks): p5 · p50 · p95 per year
      --seed N           蒙特卡洛种子 / Monte Carlo seed (default: scenario's, else 0)
      --replications N   蒙特卡洛次数 / Monte Carlo replications (default: scenario's, else 100)
      --years N          起始年之后的预测年数 / projection years after the start year (default: scenario's, else 0)
      --min-cell N       披露控制阈值（样本户数）/ disclosure threshold in sample households (default: the
                         scenario's output.minCell, else 10); cells that would give a hidden one away by
                         subtraction are hidden too / 可由减法推出被隐去单元的单元格也一并隐去
      --workers N        工作线程数（蒙特卡洛；≥ 262,144 户时也用于预测）/ worker threads for Monte Carlo and, from
                         262,144 households, the projection (default: CPU cores)
${SCOPE_HELP}
                         打印该省（城乡）的逐年预测：人数、支出、中央/地方、累计支出及比基线变化
                         prints that province's year-by-year projection: caseload, cost, central/local,
                         cumulative cost and change against the baseline (also in --json and results.json)
      --per-household    另写逐户结果表 households.arrow/.csv / also write per-household results
      --json             在标准输出打印机器可读结果 / machine-readable results on stdout
  -q, --quiet            不显示进度条 / no progress bar
  -h, --help             显示帮助 / show this help

相同的数据、情景和种子总是生成逐字节相同的结果文件（provenance.json 中的时间戳除外）。
The same data, scenario and seed always give byte-identical result files (except the timestamp in provenance.json).
退出码 / Exit codes: 0 成功 success, 1 数据或情景错误 data or scenario error, 2 参数错误 bad arguments.`,
  run: runRun,
};
