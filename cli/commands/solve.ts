// `safetynet solve`: the inverse questions of POLICY.md §5 on a dataset — the standard rise a budget affords, the
// lever value that reaches a coverage target, and the sensitivity ranking (tornado data).
import {
  incomeDeciles,
  isNationalScope,
  scopeName,
  scopedLeverError,
  sensitivity,
  solveBudget,
  solveCoverage,
} from '../../sim/index.ts';
import type { InverseLever, RegionArrays, RunScope, SensitivityRow, SolveResult, SwingBasis } from '../../sim/index.ts';
import { choiceOption, flag, limitPositionals, numberOption, parseCommandArgs, stringOption } from '../args.ts';
import type { Command } from '../command.ts';
import { DATASET_HELP, DATASET_OPTIONS, datasetFilesFromArgs, mappingFiles } from '../dataset/dataset-options.ts';
import { loadDataset, readMappings } from '../dataset/load-dataset.ts';
import { openNativeDatabase } from '../duckdb/native-port.ts';
import { usageError } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { println } from '../io.ts';
import { formatNumber, formatTextTable } from '../output/text-table.ts';
import { SCOPE_HELP, SCOPE_OPTIONS, assertScope, scopeFromArgs } from '../output/scope-flags.ts';
import { assertScenarioRegions, readScenarioFile } from '../scenario-file.ts';
import type { Bilingual } from '../../sim/index.ts';

const UNIT_SUFFIX: Record<string, number> = { 亿: 1e8, 万: 1e4, B: 1e9, b: 1e9, M: 1e6, m: 1e6 };

/** Parses an amount in yuan with an optional unit suffix: `280000000000`, `2800亿`, `280B`. */
export function parseYuan(text: string): number | undefined {
  const match = /^\s*([0-9]+(?:\.[0-9]+)?(?:e[0-9]+)?)\s*(亿|万|B|b|M|m)?\s*(元|yuan)?\s*$/.exec(text);
  if (match === null) return undefined;
  const value = Number(match[1]) * (match[2] === undefined ? 1 : UNIT_SUFFIX[match[2]]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** " (湖南 · 农村 / Hunan · rural)" for a province scope, nothing for the nation. */
function scopeTitle(regions: RegionArrays, scope: RunScope): string {
  if (isNationalScope(scope)) return '';
  const name = scopeName(regions, scope);
  return ` (${name.zh} / ${name.en})`;
}

function leverText(lever: InverseLever, value: number, scope?: Bilingual): string {
  if (lever === 'scalePct' && scope !== undefined)
    return `${scope.zh}标准提高 ${formatNumber(value, 2)}%（其他地区不变）/ ${scope.en} standards rise ${formatNumber(value, 2)}% (other regions unchanged)`;
  if (lever === 'scalePct')
    return `标准统一提高 ${formatNumber(value, 2)}% / uniform standard rise ${formatNumber(value, 2)}%`;
  if (lever === 'consumptionRatio')
    return `城镇消费支出比例 ${formatNumber(value, 4)} / urban consumption ratio ${formatNumber(value, 4)}`;
  return `监测覆盖倍数 ${formatNumber(value, 3)} × 标准 / monitoring multiplier ${formatNumber(value, 3)} × standard`;
}

function resultText(result: SolveResult, scope: Bilingual): string {
  const lines = [
    result.ok
      ? `答案 / Answer: ${leverText(result.lever, result.value, result.scope ? scope : undefined)}`
      : `无解 / No solution: ${result.messageZh ?? ''} / ${result.messageEn ?? ''}`,
    formatTextTable(
      ['结果 / Outcome', '值 / Value'],
      [
        [
          result.scope
            ? `${scope.zh}总支出 / Total cost, ${scope.en} (亿元 100M yuan)`
            : '总支出 / Total cost (亿元 100M yuan)',
          formatNumber(result.cost / 1e8, 1),
        ],
        ['救助户数 / Households (万 10k)', formatNumber(result.households / 1e4, 1)],
        ['救助人数 / Persons (万 10k)', formatNumber(result.persons / 1e4, 1)],
        ['现金救助覆盖率 / Cash coverage (%)', formatNumber(result.coverageCash * 100, 3)],
        ['低收入人口覆盖率 / Low-income coverage (%)', formatNumber(result.coverageLowIncome * 100, 3)],
        ['监测覆盖率 / Monitored (%)', formatNumber(result.coverageMonitored * 100, 3)],
        ['迭代次数 / Iterations', String(result.iterations)],
      ],
      [1],
    ),
  ];
  return lines.join('\n');
}

const SWING_MARK: Record<SwingBasis, string> = {
  range: '全范围 range',
  relative: '±r×值 value',
  rangeShare: '±r×范围 range',
};

/** States what the swing means, so a reader knows how each row's low and high were set. */
export function swingText(swing: 'range' | number, rows: readonly SensitivityRow[]): string {
  if (swing === 'range') {
    return '摆动：每个参数从目录下限到上限 / Swing: each parameter from its catalogue minimum to its maximum';
  }
  const pct = String(Math.round(swing * 1000) / 10);
  const zero = rows.filter((r) => r.swingBasis === 'rangeShare').map((r) => r.paramId);
  const lines = [
    `摆动 ±${pct}%：当前值非零的参数按当前值的 ±${pct}%；当前值为 0 的参数按其取值范围（上限 − 下限）的 ±${pct}%，均截断在范围内`,
    `Swing ±${pct}%: parameters with a non-zero current value move by ±${pct}% of that value; parameters at 0 move by ±${pct}% of their range (maximum − minimum); both clamped to the range`,
  ];
  if (zero.length > 0) lines.push(`按范围摆动 / swung by range share: ${zero.join(', ')}`);
  return lines.join('\n');
}

async function runSolve(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('solve', argv, {
    ...DATASET_OPTIONS,
    scenario: { type: 'string', short: 's' },
    budget: { type: 'string' },
    target: { type: 'string' },
    metric: { type: 'string' },
    lever: { type: 'string' },
    swing: { type: 'string' },
    json: { type: 'boolean' },
    ...SCOPE_OPTIONS,
  });
  const scope = scopeFromArgs(args);
  const [question, ...rest] = args.positionals;
  const questions = ['budget', 'coverage', 'sensitivity'] as const;
  const kind = questions.find((q) => q === question);
  if (kind === undefined) {
    throw usageError(
      `请指定问题：budget、coverage 或 sensitivity（得到“${question ?? ''}”）`,
      `name the question: budget, coverage or sensitivity (got "${question ?? ''}")`,
    );
  }
  limitPositionals('solve', { ...args, positionals: rest }, 1);
  if (kind !== 'budget' && !isNationalScope(scope)) {
    throw usageError(
      '--province 与 --area 只用于 solve budget（一个省的预算）',
      '--province and --area apply to solve budget only (one province’s budget)',
    );
  }
  const loadedScenario = await readScenarioFile(io.cwd, stringOption(args, 'scenario'));
  const { scenario } = loadedScenario;
  let budget: number | undefined;
  let target: number | undefined;
  if (kind === 'budget') {
    const raw = stringOption(args, 'budget');
    budget = raw === undefined ? undefined : parseYuan(raw);
    if (budget === undefined) {
      throw usageError(
        '请用 --budget 给出年度预算，如 3000亿 或 3e11',
        'give the annual budget with --budget, e.g. 3000亿 or 3e11',
      );
    }
  }
  if (kind === 'coverage') {
    target = numberOption(args, 'target', 0, 1);
    if (target === undefined) {
      throw usageError(
        '请用 --target 给出覆盖率目标（0–1，如 0.03）',
        'give the coverage target with --target (0–1, e.g. 0.03)',
      );
    }
  }
  const metric = choiceOption(args, 'metric', ['cash', 'lowIncome', 'monitored'] as const, 'cash');
  const budgetLevers = ['scalePct', 'consumptionRatio'] as const;
  const coverageLevers = ['scalePct', 'consumptionRatio', 'monitoringMultiplier'] as const;
  const lever =
    kind === 'budget'
      ? choiceOption(args, 'lever', budgetLevers, 'scalePct')
      : choiceOption(args, 'lever', coverageLevers, metric === 'monitored' ? 'monitoringMultiplier' : 'scalePct');
  const leverError = kind === 'budget' ? scopedLeverError(lever, scope) : null;
  if (leverError) throw usageError(`--lever：${leverError.zh}`, `--lever: ${leverError.en}`);
  const swingRaw = stringOption(args, 'swing') ?? 'range';
  const swing = swingRaw === 'range' ? 'range' : numberOption(args, 'swing', 0, 1);

  const files = await datasetFilesFromArgs({ ...io }, { ...args, positionals: rest });
  const duck = await openNativeDatabase();
  let dataset;
  try {
    dataset = await loadDataset(duck, files, await readMappings(io.cwd, mappingFiles(args)));
  } finally {
    duck.close();
  }
  const { households, regions } = dataset;
  assertScenarioRegions(loadedScenario, regions);
  assertScope(regions, scope);
  const decile = incomeDeciles(households);

  if (kind === 'sensitivity') {
    const rows = sensitivity({ households, regions, scenario, swing: swing ?? 'range', decile });
    if (flag(args, 'json')) {
      println(io, JSON.stringify({ question: kind, scenario: scenario.name, swing: swing ?? 'range', rows }, null, 2));
      return 0;
    }
    println(io, `敏感性（按支出变动排序）/ Sensitivity, ranked by cost swing — ${scenario.name}`);
    println(io, swingText(swing ?? 'range', rows));
    println(
      io,
      formatTextTable(
        [
          '参数 / Parameter',
          '低 low',
          '高 high',
          '摆动 swing',
          '支出 低→高 cost (亿元)',
          '现金救助人数 低→高 cash persons (万)',
        ],
        rows.map((r) => [
          `${r.labelZh} / ${r.labelEn}`,
          formatNumber(r.low, 2),
          formatNumber(r.high, 2),
          SWING_MARK[r.swingBasis],
          `${formatNumber(r.costLow / 1e8, 1)} → ${formatNumber(r.costHigh / 1e8, 1)}`,
          `${formatNumber(r.personsLow / 1e4, 1)} → ${formatNumber(r.personsHigh / 1e4, 1)}`,
        ]),
        [1, 2, 4, 5],
      ),
    );
    return 0;
  }
  const result =
    kind === 'budget'
      ? solveBudget({
          households,
          regions,
          scenario,
          budget: budget ?? 0,
          lever: lever === 'monitoringMultiplier' ? 'scalePct' : lever,
          decile,
          scope,
        })
      : solveCoverage({ households, regions, scenario, target: target ?? 0, metric, lever, decile });
  if (flag(args, 'json')) {
    println(
      io,
      JSON.stringify(
        {
          question: kind,
          scenario: scenario.name,
          budget: budget ?? null,
          target: target ?? null,
          metric,
          scope: isNationalScope(scope) ? null : { ...scope, name: scopeName(regions, scope) },
          result,
        },
        null,
        2,
      ),
    );
  } else {
    println(
      io,
      kind === 'budget'
        ? `预算 / Budget${scopeTitle(regions, scope)}: ${formatNumber((budget ?? 0) / 1e8, 1)} 亿元 (100M yuan) — ${scenario.name}`
        : `覆盖目标 / Coverage target: ${metric} ${formatNumber((target ?? 0) * 100, 3)}% — ${scenario.name}`,
    );
    println(io, resultText(result, scopeName(regions, scope)));
  }
  return result.ok ? 0 : 1;
}

/** The `solve` command. */
export const solveCommand: Command = {
  name: 'solve',
  summaryZh: '反向问题',
  summaryEn: 'inverse questions',
  help: `safetynet solve — 反向问题：预算可负担的标准、达到覆盖目标所需的标准或监测范围、敏感性排序
                  inverse questions: what a budget affords, what reaches a coverage target, sensitivity ranking

用法 / Usage:
  safetynet solve budget DIR --budget 3000亿 [--lever scalePct|consumptionRatio] [--scenario FILE]
  safetynet solve budget DIR --budget 80亿 --province 43 [--area rural]   一个省的预算 / one province's budget
  safetynet solve coverage DIR --target 0.035 [--metric cash|lowIncome|monitored]
                               [--lever scalePct|consumptionRatio|monitoringMultiplier]
  safetynet solve sensitivity DIR [--swing range|0.2] [--scenario FILE]

选项 / Options:
${DATASET_HELP}
      --budget AMOUNT    年度总预算（元；可带单位 亿、万、B、M）/ annual budget in yuan (suffixes 亿, 万, B, M)
${SCOPE_HELP}
                         solve budget：预算只算该省（城乡）的支出，杠杆只调整该省（城乡）的标准，其他地区不变
                         solve budget: the budget is that province's (area's) spending and the lever moves only its
                         standards; every other region keeps its own
      --target SHARE     覆盖率目标，占总人口比例 / coverage target as a share of the population
      --metric M         cash（低保+特困，默认）、lowIncome（+边缘+刚性）、monitored（监测）
                         cash (dibao + tekun, default), lowIncome (+ marginal + rigid), monitored
      --lever L          调整的政策杠杆 / the lever to move (default scalePct; monitoringMultiplier for monitored)
      --swing S          敏感性摆动：range（参数全范围，默认）或相对幅度如 0.2 / swing: full range (default) or r, e.g. 0.2
                         (± r × 当前值；当前值为 0 时 ± r × 取值范围 / ± r × the value; ± r × the range when the value is 0)
  -s, --scenario FILE    在此情景基础上求解（省略则为基线）/ solve on top of this scenario (baseline if omitted)
      --json             机器可读输出 / machine-readable output
  -h, --help             显示帮助 / show this help

退出码：0 有解，1 目标在杠杆范围内无法达到或数据错误，2 参数错误。
Exit codes: 0 solved, 1 target out of the lever's reach or data error, 2 bad arguments.`,
  run: runSolve,
};
