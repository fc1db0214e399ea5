// The benchmark behind `npm run bench`: on N synthetic households (1,000,000 by default) it times the kernel (one
// scenario-year in expected value and a 6-year projection, on worker threads and on one thread; 100 Monte Carlo
// draws), the same scenario as SQL in DuckDB-wasm and native DuckDB, and the data layer's import, validation and
// hand-off of an Arrow file.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateDemo, demoToArrow, tableBytes, demoToEngineArrays } from '../../datasets/index.ts';
import {
  BASELINE_SCENARIO,
  ENGINE_VERSION,
  KernelPrep,
  LocalKernel,
  M,
  METRIC_COUNT,
  incomeDeciles,
  project,
  resolveScenario,
  runReplications,
  simulateYear,
} from '../../sim/index.ts';
import type { HouseholdArrays, RegionArrays, SumMetricId, YearResult } from '../../sim/index.ts';
import { loadDataset } from '../dataset/load-dataset.ts';
import { openNativeDuckDb } from '../duckdb/native.ts';
import { openWasmDuckDb } from '../duckdb/wasm-node.ts';
import { startKernelPool } from '../engine/kernel-pool.ts';
import { startMcPool } from '../engine/mc-pool.ts';
import { sqlParamsFromResolved } from '../sql/params-from-engine.ts';
import { loadIntoWasm, programmeTotalsWasm } from '../sql/run-rules.ts';
import { assessedHouseholds } from '../sql/sql-tables.ts';
import { loadIntoNative, programmeTotalsNative } from '../sql/run-rules-native.ts';
import type { SqlProgrammeTotals } from '../sql/run-rules.ts';
import { APP_VERSION } from '../versions.ts';
import type { BenchReport, BenchRow } from './report.ts';
import { machineDescription, rssSampler, timeOnce, timeRuns } from './timing.ts';

/** Bytes per household of a projection's carried status (programme 1, enrolment 8, gradual exit 1, shock 4), read
 * and written buffers (sim/parallel/kernel-shard.ts). */
const PROJECTION_STATE_BYTES = 2 * (1 + 8 + 1 + 4);
/** Bytes per household and carried year of the income shocks a shard keeps (factor 8, e(t) 4; kernel-shard.ts). */
const SHOCK_BYTES = 8 + 4;

/** Benchmark settings. */
export interface BenchOptions {
  households: number;
  seed: number;
  kernelRuns: number;
  sqlRuns: number;
  replications: number;
  workers: number;
  /** Folder for the generated Arrow files (bench-results/). */
  scratchDir: string;
  skipNative: boolean;
  skipImport: boolean;
  /** Called with a bilingual stage label as the benchmark advances. */
  onStage?: (label: string) => void;
}

const MIB = 2 ** 20;

function national(year: YearResult, regions: RegionArrays, id: SumMetricId): number {
  let sum = 0;
  for (let c = 0; c < regions.count * 2; c++) sum += year.cells[c * METRIC_COUNT + M[id]];
  return sum;
}

function arrayBytes(h: HouseholdArrays): number {
  let bytes = 0;
  for (const value of Object.values(h)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  return bytes;
}

const PROGRAMME_NAMES = ['dibao', 'tekun', 'marginal', 'rigid'] as const;

function agreement(
  year: YearResult,
  regions: RegionArrays,
  sql: readonly SqlProgrammeTotals[],
  engine: string,
): BenchReport['agreement'] {
  const rows: BenchReport['agreement'] = [];
  PROGRAMME_NAMES.forEach((name, k) => {
    const s = sql.find((r) => r.programme === k + 1);
    const kernel = national(year, regions, `persons.${name}`);
    const value = s?.persons ?? 0;
    rows.push({
      metric: `persons.${name} (${engine})`,
      kernel,
      sql: value,
      relDiff: Math.abs(kernel - value) / Math.max(1, Math.abs(kernel)),
    });
  });
  const kernelCost =
    national(year, regions, 'cost.base') +
    national(year, regions, 'cost.supplements') +
    national(year, regions, 'cost.tekunLiving') +
    national(year, regions, 'cost.tekunCare') +
    national(year, regions, 'cost.marginalSpecial') +
    national(year, regions, 'cost.rigidSpecial');
  const sqlCost = sql.reduce((sum, r) => sum + r.totalCost, 0);
  rows.push({
    metric: `cost: dibao + tekun + special, yuan (${engine})`,
    kernel: kernelCost,
    sql: sqlCost,
    relDiff: Math.abs(kernelCost - sqlCost) / Math.max(1, Math.abs(kernelCost)),
  });
  return rows;
}

/** Runs every measurement and returns the report (nothing is written here). */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const stage = options.onStage ?? (() => undefined);
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const n = options.households;
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBaseline = process.memoryUsage.rss();
  const sampler = rssSampler();

  stage(`生成 ${n} 户合成数据 / generating ${n} synthetic households`);
  const generated = await timeOnce(() => generateDemo(n, options.seed));
  rows.push({
    id: 'generate',
    labelZh: '生成合成数据',
    labelEn: 'Generate synthetic data',
    medianMs: generated.ms,
    runs: 1,
  });
  const { households, regions } = demoToEngineArrays(generated.value);
  const dataBytes = arrayBytes(households);

  stage('内核 / kernel');
  const baseline = resolveScenario(BASELINE_SCENARIO, regions);
  const decileTiming = await timeOnce(() => incomeDeciles(households));
  const decile = decileTiming.value;
  rows.push({
    id: 'deciles',
    labelZh: '收入十分位（每个数据集一次）',
    labelEn: 'Income deciles (once per dataset)',
    medianMs: decileTiming.ms,
    runs: 1,
  });
  const kernelPool = await timeOnce(() => startKernelPool(households, regions, decile, options.workers));
  const { kernel: sharded } = kernelPool.value;
  let lastYear: YearResult | undefined;
  let kernel: Awaited<ReturnType<typeof timeRuns>>;
  try {
    kernel = await timeRuns(options.kernelRuns, 3, async () => {
      lastYear = await sharded.year(baseline);
    });
    const poolNote = `${kernelPool.value.workers} 个工作线程 / worker threads, started beforehand (${Math.round(kernelPool.ms)} ms, not included)`;
    rows.push({
      id: 'kernel-ev',
      labelZh: `内核：一个情景年（期望值，仅汇总，${kernelPool.value.workers} 个工作线程）`,
      labelEn: `Kernel: one scenario-year (EV, aggregates, ${kernelPool.value.workers} worker threads)`,
      medianMs: kernel.medianMs,
      runs: kernel.runs,
      targetMs: 15,
      note: `min ${kernel.minMs.toFixed(1)}, max ${kernel.maxMs.toFixed(1)}; ${poolNote}`,
    });
    stage('6 年预测 / 6-year projection');
    // The first projection on a dataset also computes each year's income shocks, which the shards keep for later
    // projections with the same dynamics (sim/parallel/kernel-shard.ts); it is timed on its own.
    const projectionFirst = await timeOnce(() => sharded.project(BASELINE_SCENARIO, { years: 5 }));
    rows.push({
      id: 'projection-first',
      labelZh: `6 年预测，数据集上的第一次（含收入冲击计算，${kernelPool.value.workers} 个工作线程）`,
      labelEn: `6-year projection, first on the dataset (income shocks computed, ${kernelPool.value.workers} worker threads)`,
      medianMs: projectionFirst.ms,
      runs: 1,
    });
    const projection = await timeRuns(3, 0, () => sharded.project(BASELINE_SCENARIO, { years: 5 }));
    rows.push({
      id: 'projection',
      labelZh: `6 年预测（期望值，${kernelPool.value.workers} 个工作线程）`,
      labelEn: `6-year projection (EV, ${kernelPool.value.workers} worker threads)`,
      medianMs: projection.medianMs,
      runs: projection.runs,
      targetMs: 100,
      note: 'income shocks kept from the first projection / 收入冲击沿用第一次预测的结果',
    });
  } finally {
    await kernelPool.value.close();
  }
  // One thread as the engine runs there (sim/run/local-kernel.ts): blocks, and the quantities computed once per dataset.
  const prep = new KernelPrep(households);
  const prepTiming = await timeOnce(() => prep.assessedFactors(baseline));
  rows.push({
    id: 'assessed-factors',
    labelZh: '核定收入系数（每个数据集一次）',
    labelEn: 'Assessed-income factors (once per dataset)',
    medianMs: prepTiming.ms,
    runs: 1,
  });
  const local = new LocalKernel(households, regions, { decile });
  const kernelSingle = await timeRuns(options.kernelRuns, 3, () => local.year(baseline));
  rows.push({
    id: 'kernel-ev-single',
    labelZh: '内核：一个情景年（期望值，仅汇总，单线程）',
    labelEn: 'Kernel: one scenario-year (EV, aggregates, one thread)',
    medianMs: kernelSingle.medianMs,
    runs: kernelSingle.runs,
    note: `min ${kernelSingle.minMs.toFixed(1)}, max ${kernelSingle.maxMs.toFixed(1)}; LocalKernel (blocks, per-dataset factors)`,
  });
  const kernelCols = await timeRuns(Math.max(3, Math.round(options.kernelRuns / 3)), 1, () =>
    simulateYear(households, regions, baseline, { householdColumns: true, decile, assessed: prepTiming.value }),
  );
  rows.push({
    id: 'kernel-ev-columns',
    labelZh: '内核：一个情景年（含逐户结果列）',
    labelEn: 'Kernel: one scenario-year with per-household columns',
    medianMs: kernelCols.medianMs,
    runs: kernelCols.runs,
  });
  const resolveTiming = await timeRuns(options.kernelRuns, 1, () => resolveScenario(BASELINE_SCENARIO, regions));
  rows.push({
    id: 'resolve',
    labelZh: '情景解析到地区参数',
    labelEn: 'Resolve scenario to region parameters',
    medianMs: resolveTiming.medianMs,
    runs: resolveTiming.runs,
  });

  const projectionSingle = await timeRuns(3, 1, () =>
    project(households, regions, BASELINE_SCENARIO, { years: 5, decile }),
  );
  rows.push({
    id: 'projection-single',
    labelZh: '6 年预测（期望值，单线程）',
    labelEn: '6-year projection (EV, one thread)',
    medianMs: projectionSingle.medianMs,
    runs: projectionSingle.runs,
    note: 'project(): a new LocalKernel per run (factors and income shocks computed each time)',
  });

  stage(`蒙特卡洛 ${options.replications} 次 / Monte Carlo ${options.replications} draws`);
  const poolStart = await timeOnce(() => startMcPool(options.workers));
  const pool = poolStart.value;
  try {
    const warm = Math.min(options.replications, 4 * options.workers);
    for (let i = 0; i < 2; i++) {
      await pool.run({ households, regions, params: baseline, seed: 7, replications: warm, decile });
    }
    const mc = await timeOnce(() =>
      pool.run({ households, regions, params: baseline, seed: 11, replications: options.replications, decile }),
    );
    rows.push({
      id: 'mc',
      labelZh: `蒙特卡洛 ${options.replications} 次（${options.workers} 个工作线程）`,
      labelEn: `Monte Carlo ${options.replications} draws (${options.workers} worker threads)`,
      medianMs: mc.ms,
      runs: 1,
      targetMs: 2000,
      note: `workers started and warmed up beforehand (start-up ${Math.round(poolStart.ms)} ms, not included)`,
    });
  } finally {
    await pool.close();
  }
  const singleReps = Math.min(10, options.replications);
  runReplications({ households, regions, params: baseline, seed: 7, from: 0, to: 2, decile });
  const single = await timeOnce(() =>
    runReplications({ households, regions, params: baseline, seed: 11, from: 0, to: singleReps, decile }),
  );
  rows.push({
    id: 'mc-single',
    labelZh: `蒙特卡洛 ${singleReps} 次（主线程，单核）`,
    labelEn: `Monte Carlo ${singleReps} draws (main thread, one core)`,
    medianMs: single.ms,
    runs: 1,
  });

  const params = sqlParamsFromResolved(baseline);
  let wasmMedian: number;
  let nativeMedian = Number.NaN;
  let sqlTotals: SqlProgrammeTotals[] = [];
  let nativeTotals: SqlProgrammeTotals[] = [];
  // One DuckDB-wasm for the import and the SQL stages: instantiating the 30 MB module costs seconds of CPU, and the SQL
  // stage's tables (dropped and created by loadIntoWasm) do not touch the imported ones.
  const duck = await openWasmDuckDb();
  try {
    if (!options.skipImport) {
      stage('导入与校验 / import and validation');
      await mkdir(options.scratchDir, { recursive: true });
      const arrow = demoToArrow(generated.value);
      const files = {
        households: path.join(options.scratchDir, `bench-households-${n}.arrow`),
        regions: path.join(options.scratchDir, `bench-regions-${n}.arrow`),
      };
      await writeFile(files.households, tableBytes(arrow.households, 'file'));
      await writeFile(files.regions, tableBytes(arrow.regions, 'file'));
      const loaded = await loadDataset(duck, files);
      rows.push({
        id: 'import',
        labelZh: '导入 Arrow 文件（含标识符检查）',
        labelEn: 'Import Arrow file (incl. identifier scan)',
        medianMs: loaded.timings.loadMs,
        runs: 1,
        note: 'datasets/import loadFile',
      });
      rows.push({
        id: 'validate',
        labelZh: '数据校验',
        labelEn: 'Validation',
        medianMs: loaded.timings.validateMs,
        runs: 1,
        targetMs: 2000,
        note: 'datasets/import validateDataset',
      });
      rows.push({
        id: 'handoff',
        labelZh: '交给引擎（类型化数组）',
        labelEn: 'Hand-off to engine (typed arrays)',
        medianMs: loaded.timings.handOffMs,
        runs: 1,
        note: 'buildCanonicalTables + handOff',
      });
      rows.push({
        id: 'import-handoff',
        labelZh: '导入 + 交给引擎',
        labelEn: 'Import + hand-off',
        medianMs: loaded.timings.loadMs + loaded.timings.handOffMs,
        runs: 1,
        targetMs: 2000,
      });
    }

    stage('DuckDB-wasm SQL');
    const sqlHouseholds = assessedHouseholds(households, baseline);
    const load = await timeOnce(() => loadIntoWasm(duck, sqlHouseholds, regions, baseline.standard));
    const wasm = await timeRuns(options.sqlRuns, 1, () => {
      sqlTotals = programmeTotalsWasm(duck, params);
    });
    wasmMedian = wasm.medianMs;
    rows.push({
      id: 'sql-wasm',
      labelZh: '同一情景 SQL：DuckDB-wasm',
      labelEn: 'Same scenario as SQL: DuckDB-wasm',
      medianMs: wasm.medianMs,
      runs: wasm.runs,
      note: `table load ${Math.round(load.ms)} ms not included`,
    });
    if (!options.skipNative) {
      stage('DuckDB native SQL');
      const native = await openNativeDuckDb(options.workers);
      try {
        const nativeLoad = await timeOnce(() => loadIntoNative(native, sqlHouseholds, regions, baseline.standard));
        const timing = await timeRuns(options.sqlRuns, 1, async () => {
          nativeTotals = await programmeTotalsNative(native, params);
        });
        nativeMedian = timing.medianMs;
        rows.push({
          id: 'sql-native',
          labelZh: `同一情景 SQL：原生 DuckDB（${options.workers} 线程）`,
          labelEn: `Same scenario as SQL: native DuckDB (${options.workers} threads)`,
          medianMs: timing.medianMs,
          runs: timing.runs,
          note: `DuckDB ${native.version}; table load ${Math.round(nativeLoad.ms)} ms not included`,
        });
      } finally {
        native.close();
      }
    }
  } finally {
    duck.close();
  }

  const peak = sampler.stop();
  const engineBytes = Math.round(dataBytes / n) + decile.BYTES_PER_ELEMENT + prepTiming.value.BYTES_PER_ELEMENT;
  const heapAfter = process.memoryUsage().heapUsed;
  notes.push(
    '内核每年计算的内容多于 SQL：除资格、待遇与分组汇总外，还有临时救助、贫困缺口、十分位、监测与渐退。/ ' +
      'The kernel computes more per year than the SQL: besides eligibility, benefits and the group-by it also does ' +
      'temporary assistance, poverty gaps, deciles, monitoring and gradual exit.',
    `住户数据本身每户 ${Math.round(dataBytes / n)} 字节（类型化数组）。/ Household data alone: ${Math.round(dataBytes / n)} bytes per household (typed arrays).`,
    `引擎内存（仅汇总的一次运行）每户 ${engineBytes} 字节：住户数据 ${Math.round(dataBytes / n)} + 十分位 ${decile.BYTES_PER_ELEMENT} + 核定收入系数 ${prepTiming.value.BYTES_PER_ELEMENT}；多年预测另加每户 ${PROJECTION_STATE_BYTES} 字节（两份结转状态），与年数无关，逐年结果按单元格保存；每个不超过约 140 万户的分片还为后续预测保留每户每个预测年 ${SHOCK_BYTES} 字节的收入冲击（最多 160 MiB）。/ ` +
      `Engine memory for a run with aggregates: ${engineBytes} bytes per household (household data ${Math.round(dataBytes / n)} + decile ${decile.BYTES_PER_ELEMENT} + assessed-income factor ${prepTiming.value.BYTES_PER_ELEMENT}); ` +
      `a projection adds ${PROJECTION_STATE_BYTES} bytes per household (the carried status, two buffers) whatever the number of years; per-year results are per cell; shards of up to ~1.4M rows also keep ${SHOCK_BYTES} bytes per household and projected year of income shocks for later projections (at most 160 MiB).`,
    `运行时系统负载 / load average at the end: ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(', ')} (2 cores shared with other processes; numbers are noisy when this is high).`,
  );
  return {
    date: new Date().toISOString(),
    machine: machineDescription(),
    households: n,
    seed: options.seed,
    rows,
    ratios: [
      {
        labelZh: '内核 vs DuckDB-wasm SQL',
        labelEn: 'kernel vs DuckDB-wasm SQL',
        value: wasmMedian / kernel.medianMs,
        targetMin: 10,
      },
      ...(options.skipNative
        ? []
        : [
            {
              labelZh: '内核 vs 原生 DuckDB SQL',
              labelEn: 'kernel vs native DuckDB SQL',
              value: nativeMedian / kernel.medianMs,
              targetMin: 4,
            },
          ]),
      {
        labelZh: '内核（单线程）vs DuckDB-wasm SQL',
        labelEn: 'kernel (one thread) vs DuckDB-wasm SQL',
        value: wasmMedian / kernelSingle.medianMs,
      },
      ...(options.skipNative
        ? []
        : [
            {
              labelZh: '内核（单线程）vs 原生 DuckDB SQL（2 线程）',
              labelEn: 'kernel (one thread) vs native DuckDB SQL (2 threads)',
              value: nativeMedian / kernelSingle.medianMs,
            },
          ]),
    ],
    memory: {
      rssBaselineMiB: rssBaseline / MIB,
      rssPeakMiB: peak / MIB,
      bytesPerHousehold: (peak - rssBaseline) / n,
      heapDeltaMiB: (heapAfter - heapBefore) / MIB,
    },
    versions: {
      app: APP_VERSION,
      engine: ENGINE_VERSION,
      node: process.version,
      'duckdb-wasm': '1.32.0',
    },
    agreement:
      lastYear === undefined
        ? []
        : [
            ...agreement(lastYear, regions, sqlTotals, 'DuckDB-wasm'),
            ...(options.skipNative ? [] : agreement(lastYear, regions, nativeTotals, 'native')),
          ],
    notes,
  };
}
