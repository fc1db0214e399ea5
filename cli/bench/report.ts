// The benchmark report: measured rows, ratios against the SQL alternatives, the terminal table and BENCHMARKS.md.
import { formatNumber, formatTextTable } from '../output/text-table.ts';

/** One measured quantity. */
export interface BenchRow {
  id: string;
  labelZh: string;
  labelEn: string;
  /** Median milliseconds (or the single run). */
  medianMs: number;
  runs: number;
  /** Issue target in ms, if any (reported beside the number, never asserted). */
  targetMs?: number;
  note?: string;
}

/** Everything one `bench` run measured. */
export interface BenchReport {
  date: string;
  machine: string;
  households: number;
  seed: number;
  rows: BenchRow[];
  /** Ratios "kernel is N× faster than …" (alternative median / kernel median). */
  ratios: { labelZh: string; labelEn: string; value: number; targetMin?: number }[];
  memory: { rssBaselineMiB: number; rssPeakMiB: number; bytesPerHousehold: number; heapDeltaMiB: number };
  versions: Record<string, string>;
  /** SQL and kernel totals side by side (same scenario), to show the numbers timed are the same computation. */
  agreement: { metric: string; kernel: number; sql: number; relDiff: number }[];
  notes: string[];
}

function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 100 ? formatNumber(value, 0) : formatNumber(value, 1);
}

/** The report as a terminal table (bilingual headers). */
export function benchTable(report: BenchReport): string {
  const rows = report.rows.map((row) => [
    `${row.labelZh} / ${row.labelEn}`,
    ms(row.medianMs),
    String(row.runs),
    row.targetMs === undefined ? '' : `≤ ${ms(row.targetMs)}`,
  ]);
  const main = formatTextTable(
    ['测量 / Measurement', '中位数 ms / median ms', '次数 / runs', '目标 / target'],
    rows,
    [1, 2, 3],
  );
  const ratios = formatTextTable(
    ['比值 / Ratio', '倍 / ×', '目标 / target'],
    report.ratios.map((r) => [
      `${r.labelZh} / ${r.labelEn}`,
      formatNumber(r.value, 1),
      r.targetMin === undefined ? '' : `≥ ${r.targetMin}`,
    ]),
    [1, 2],
  );
  const m = report.memory;
  const memory = [
    `内存 / Memory: RSS ${formatNumber(m.rssBaselineMiB, 0)} → 峰值 peak ${formatNumber(m.rssPeakMiB, 0)} MiB,`,
    `  每户 ${formatNumber(m.bytesPerHousehold, 0)} 字节 / ${formatNumber(m.bytesPerHousehold, 0)} bytes per household (peak RSS − baseline) / households; heap Δ ${formatNumber(m.heapDeltaMiB, 0)} MiB`,
  ].join('\n');
  return [main, '', ratios, '', memory].join('\n');
}

/** What tests/e2e/million-households.test.ts measured in headless Chromium (test-artifacts/e2e-timings-1m.json). */
export interface BrowserTimings {
  measuredAt: string;
  households: number;
  appStepTimings: Record<string, number>;
  /** Test-side wall clock: files chosen → mapping step shown, and commit → dataset ready (ms). */
  readAndMappingMs?: number;
  handOffMs?: number;
  /** Standard changes: in-page clock from the typed value to the first frame showing the new results (uiMs). */
  sliderRuns: { uiMs: number; engineMs: number; roundTripMs: number }[];
  /** Fresh-profile openings: navigation to the demo ready with the engine's results on the first screen (ms). */
  startRuns?: { ms: number }[];
  /** os.loadavg() when the test finished (2 cores shared with other processes). */
  loadAverage?: number[];
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)];
};

/** The browser section of BENCHMARKS.md. */
function browserSection(b: BrowserTimings): string[] {
  const step = (key: string): string => ms(b.appStepTimings[key] ?? Number.NaN);
  const runs = b.sliderRuns;
  const starts = b.startRuns ?? [];
  return [
    `在无头 Chromium 中 / In headless Chromium (${formatNumber(b.households, 0)} households, \`tests/e2e/million-households.test.ts\`, ${b.measuredAt}):`,
    '',
    '| 测量 / Measurement | ms | 目标 / target (ms) |',
    '| --- | ---: | ---: |',
    ...(starts.length > 0
      ? [
          `| 打开应用到演示可用（全新配置，引擎结果已显示，中位数 / ${starts.length} 次）/ Opening the app to a usable demo (fresh profile, engine results shown; median of ${starts.length}) | ${ms(median(starts.map((r) => r.ms)))} | ≤ 2,000 |`,
        ]
      : []),
    `| 读取 Arrow 文件（含标识符检查）/ Read Arrow file (incl. identifier scan) | ${step('read')} | |`,
    `| 数据校验 / Validation | ${step('validate')} | ≤ 2,000 |`,
    `| 交给引擎（类型化数组 + 传给工作线程）/ Hand-off (typed arrays + transfer to the worker) | ${step('handoff')} | |`,
    `| 导入 + 交给引擎 / Import + hand-off | ${ms((b.appStepTimings.read ?? Number.NaN) + (b.appStepTimings.handoff ?? Number.NaN))} | ≤ 2,000 |`,
    `| 测试端计时：选择文件 → 映射步骤 + 确认 → 就绪（含 Playwright 把文件送入页面）/ Test clock: files chosen → mapping step, plus commit → ready (includes Playwright sending the files into the page) | ${ms((b.readAndMappingMs ?? Number.NaN) + (b.handOffMs ?? Number.NaN))} | |`,
    `| 首次改动标准后的引擎计算 / Engine run after the first standard change | ${ms(runs[0]?.engineMs ?? Number.NaN)} | |`,
    `| 改动标准后引擎计算（中位数）/ Engine run after a standard change (median of ${runs.length}) | ${ms(median(runs.map((r) => r.engineMs)))} | |`,
    `| 改动到引擎结果返回（往返，中位数）/ Change to engine results back (round trip, median of ${runs.length}) | ${ms(median(runs.map((r) => r.roundTripMs)))} | |`,
    `| 改动到结果可见（页面内计时到下一帧，中位数）/ Change to results visible (in-page clock to the next frame, median of ${runs.length}) | ${ms(median(runs.map((r) => r.uiMs)))} | ≤ 100 |`,
    '',
    ...(b.loadAverage
      ? [`测量结束时系统负载 / load average when the test ended: ${b.loadAverage.join(', ')} (2 cores).`, '']
      : []),
  ];
}

/** The report as the BENCHMARKS.md document, with the last browser measurement when there is one. */
export function benchMarkdown(report: BenchReport, browser?: BrowserTimings): string {
  const lines: string[] = [
    '# 性能基准 / Benchmarks',
    '',
    '由 `npm run bench`（`node cli/bin.mjs bench`）生成并覆盖本文件；数字是该次运行实测值。',
    'Written by `npm run bench` (`node cli/bin.mjs bench`), which overwrites this file; the numbers are what that run measured.',
    '',
    `- 日期 / Date: ${report.date}`,
    `- 机器 / Machine: ${report.machine}`,
    `- 数据 / Data: ${formatNumber(report.households, 0)} 合成住户 synthetic households (seed ${report.seed}), baseline scenario, expected-value mode unless stated`,
    `- 版本 / Versions: ${Object.entries(report.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
    '| 测量 / Measurement | 中位数 / median (ms) | 次数 / runs | 目标 / target (ms) | 说明 / note |',
    '| --- | ---: | ---: | ---: | --- |',
    ...report.rows.map(
      (r) =>
        `| ${r.labelZh} / ${r.labelEn} | ${ms(r.medianMs)} | ${r.runs} | ${r.targetMs === undefined ? '' : `≤ ${ms(r.targetMs)}`} | ${r.note ?? ''} |`,
    ),
    '',
    '| 比值 / Ratio | × | 目标 / target |',
    '| --- | ---: | ---: |',
    ...report.ratios.map(
      (r) =>
        `| ${r.labelZh} / ${r.labelEn} | ${formatNumber(r.value, 1)} | ${r.targetMin === undefined ? '' : `≥ ${r.targetMin}`} |`,
    ),
    '',
    `内存 / Memory: 基线 RSS baseline ${formatNumber(report.memory.rssBaselineMiB, 0)} MiB, 峰值 peak ${formatNumber(report.memory.rssPeakMiB, 0)} MiB, ` +
      `每户 per household ${formatNumber(report.memory.bytesPerHousehold, 0)} bytes ((peak − baseline) / households, covering data, engine ` +
      `results and the DuckDB-wasm copy), JS heap Δ ${formatNumber(report.memory.heapDeltaMiB, 0)} MiB.`,
    '',
  ];
  if (report.agreement.length > 0) {
    lines.push(
      '同一情景下内核与 SQL 的结果 / Kernel and SQL results for the timed scenario:',
      '',
      '| 指标 / Metric | 内核 / kernel | SQL | 相对差 / rel. diff |',
      '| --- | ---: | ---: | ---: |',
      ...report.agreement.map(
        (a) =>
          `| ${a.metric} | ${formatNumber(a.kernel, 0)} | ${formatNumber(a.sql, 0)} | ${a.relDiff.toExponential(1)} |`,
      ),
      '',
    );
  }
  if (browser) lines.push(...browserSection(browser));
  if (report.notes.length > 0) lines.push('说明 / Notes:', '', ...report.notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}
