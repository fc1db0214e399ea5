// `safetynet household`: one household (a case file or a shipped case preset) under the baseline and a scenario:
// status, benefit by component and the rule-by-rule trace computed by the engine.
import path from 'node:path';
import { z } from 'zod';
import {
  CASE_PRESETS,
  caseHouseholdSchema,
  checkConsistency,
  caseRecord,
  buildDemoRegions,
  demoRegionsToArrays,
  MAX_SCENARIO_FILE_BYTES,
} from '../../datasets/index.ts';
import type { CaseHappened, CaseHousehold, CasePreset } from '../../datasets/index.ts';
import {
  COMPONENT_IDS,
  COMPONENT_LABELS,
  TRACE_EVENTS,
  baselineFor,
  traceHousehold,
  errorTextBoth,
} from '../../sim/index.ts';
import type { HouseholdRecord, HouseholdTraceRun, RegionArrays, TraceEvent, TraceStep } from '../../sim/index.ts';
import { choiceOption, flag, limitPositionals, parseCommandArgs, stringOption } from '../args.ts';
import type { Command } from '../command.ts';
import { DATASET_HELP, DATASET_OPTIONS, datasetFilesFromArgs, mappingFiles } from '../dataset/dataset-options.ts';
import { loadDataset, readMappings } from '../dataset/load-dataset.ts';
import { openNativeDatabase } from '../duckdb/native-port.ts';
import { dataError, usageError } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { println } from '../io.ts';
import { formatNumber, formatTextTable } from '../output/text-table.ts';
import { readScenarioFile, readSmallText } from '../scenario-file.ts';

const householdFileSchema = z.object({
  regionCode: z.string().regex(/^\d{2}(\d{2}){0,2}$/),
  household: caseHouseholdSchema,
});

const PROGRAMME_ZH: Record<string, string> = {
  none: '无',
  dibao: '低保',
  tekun: '特困',
  marginal: '低保边缘',
  rigid: '刚性支出困难',
};

/** Reads a household file: a case preset or `{ regionCode, household }`; errors name the file and field path. */
export async function readHouseholdFile(file: string): Promise<{ regionCode: string; household: CaseHousehold }> {
  const text = await readSmallText(file, MAX_SCENARIO_FILE_BYTES, '家庭文件', 'household file');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw dataError(`无法读取家庭文件 ${file}：${why}`, `cannot read the household file ${file}: ${why}`);
  }
  const parsed = householdFileSchema.safeParse(json);
  if (!parsed.success) {
    throw dataError(
      `家庭文件 ${file} 有错误`,
      `the household file ${file} has errors`,
      parsed.error.issues.map((i) => {
        const where = i.path.join('.') || '(root)';
        return `字段 ${where} 无效 / field ${where} is invalid: ${i.message}`;
      }),
    );
  }
  const issues = checkConsistency(file, parsed.data.household);
  if (issues.length > 0) {
    throw dataError(
      `家庭文件 ${file} 的成员人数不一致`,
      `the household file ${file} has inconsistent member counts`,
      issues.map((i) => `${i.path}: ${errorTextBoth(i)}`),
    );
  }
  return parsed.data;
}

/** Builds the engine's one-household record from a case household and the regions it lives in. */
export function householdRecord(regionCode: string, h: CaseHousehold, regions: RegionArrays): HouseholdRecord {
  const built = caseRecord(regionCode, h, regions);
  if ('error' in built) {
    throw dataError(`地区表中没有地区代码 ${regionCode}`, `the regions table has no region code ${regionCode}`);
  }
  return built.record;
}

function stepRows(step: TraceStep): string[][] {
  const num = (v: number | undefined): string => (v === undefined ? '' : formatNumber(v, 2));
  const result =
    typeof step.result === 'boolean'
      ? step.result
        ? '✓ 是 yes'
        : '✗ 否 no'
      : formatNumber(step.result, step.unit === 'events' ? 0 : 2);
  const rows = [
    [step.labelZh, num(step.value), step.comparison ?? '', num(step.threshold), result],
    [`  ${step.labelEn}`, '', '', '', ''],
  ];
  if (step.noteZh !== undefined)
    rows.push([`  ↳ ${step.noteZh}${step.noteEn === undefined ? '' : ` / ${step.noteEn}`}`, '', '', '', '']);
  return rows;
}

/** Parses `--events medical,other,disaster` (comma-separated; each at most once). */
export function parseEvents(raw: string | undefined): TraceEvent[] {
  if (raw === undefined || raw.trim() === '') return [];
  const events: TraceEvent[] = [];
  for (const part of raw.split(',').map((p) => p.trim())) {
    const event = TRACE_EVENTS.find((e) => e === part);
    if (event === undefined) {
      throw usageError(
        `--events 中的“${part}”无效，可选：${TRACE_EVENTS.join('、')}（逗号分隔）`,
        `"${part}" in --events is not an event; choose from ${TRACE_EVENTS.join(', ')} (comma-separated)`,
      );
    }
    if (!events.includes(event)) events.push(event);
  }
  return events;
}

function runText(title: string, run: HouseholdTraceRun, realised: boolean): string {
  const lines = [
    `== ${title}: ${run.scenarioName}`,
    `认定 status: ${PROGRAMME_ZH[run.status] ?? run.status} / ${run.status}; 纳入概率 enrolment probability ${formatNumber(run.enrol, 3)}`,
    `年救助合计 total${realised ? '（实际发生 realised）' : '（期望值 expected）'}: ${formatNumber(run.total, 0)} 元/年 yuan/year`,
  ];
  const components = COMPONENT_IDS.filter((id) => run.components[id] !== 0).map((id) => [
    `${COMPONENT_LABELS[id].zh} / ${COMPONENT_LABELS[id].en}`,
    formatNumber(run.components[id], 0),
  ]);
  if (components.length > 0) lines.push(formatTextTable(['项目 / Component', '元/年 yuan/year'], components, [1]));
  const rows = run.steps.flatMap((step) => stepRows(step));
  lines.push(formatTextTable(['规则 / Rule', '值 value', '', '阈值 threshold', '结果 result'], rows, [1, 3]));
  return lines.join('\n');
}

async function regionsFor(io: CliIo, args: Parameters<typeof datasetFilesFromArgs>[1]): Promise<RegionArrays> {
  const given = stringOption(args, 'data') ?? stringOption(args, 'regions') ?? stringOption(args, 'households');
  if (given === undefined) return demoRegionsToArrays(buildDemoRegions()).regions;
  const files = await datasetFilesFromArgs(io, args);
  const duck = await openNativeDatabase();
  try {
    return (await loadDataset(duck, files, await readMappings(io.cwd, mappingFiles(args)))).regions;
  } finally {
    duck.close();
  }
}

async function runHousehold(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('household', argv, {
    ...DATASET_OPTIONS,
    household: { type: 'string' },
    case: { type: 'string' },
    scenario: { type: 'string', short: 's' },
    baseline: { type: 'string' },
    outcome: { type: 'string' },
    events: { type: 'string' },
    json: { type: 'boolean' },
  });
  limitPositionals('household', args, 0);
  const outcome = choiceOption(args, 'outcome', ['expected', 'realised'] as const, 'expected');
  let events = parseEvents(stringOption(args, 'events'));
  let eventAmounts: CaseHappened['amounts'] = {};
  if (outcome === 'expected' && events.length > 0) {
    throw usageError(
      '--events 只能与 --outcome realised 一起使用（期望值已按概率包含所有事件）',
      '--events needs --outcome realised (expected values already weigh every event by its probability)',
    );
  }
  const file = stringOption(args, 'household');
  const caseId = stringOption(args, 'case');
  if ((file === undefined) === (caseId === undefined)) {
    throw usageError(
      `请用 --household 文件 或 --case 案例 指定一个家庭（案例：${CASE_PRESETS.map((c) => c.id).join('、')}）`,
      `give one household with --household FILE or --case ID (cases: ${CASE_PRESETS.map((c) => c.id).join(', ')})`,
    );
  }
  let input: { regionCode: string; household: CaseHousehold; localRules?: CasePreset['localRules'] };
  if (caseId !== undefined) {
    const preset = CASE_PRESETS.find((c) => c.id === caseId);
    if (preset === undefined) {
      throw usageError(
        `没有案例“${caseId}”（可选：${CASE_PRESETS.map((c) => c.id).join('、')}）`,
        `no case "${caseId}" (choose from ${CASE_PRESETS.map((c) => c.id).join(', ')})`,
      );
    }
    input = preset;
    // A shipped case realised without --events is the case as the review tells it: its events, its approved amounts.
    if (outcome === 'realised' && stringOption(args, 'events') === undefined) {
      events = [...preset.happened.events];
      eventAmounts = preset.happened.amounts;
    }
  } else {
    input = await readHouseholdFile(path.resolve(io.cwd, file ?? ''));
  }
  const { scenario } = await readScenarioFile(io.cwd, stringOption(args, 'scenario'));
  const baselineFile = stringOption(args, 'baseline');
  // Without --baseline: current policy, measured against the scenario's poverty line (as `run` compares).
  const baseline =
    baselineFile === undefined ? baselineFor(scenario) : (await readScenarioFile(io.cwd, baselineFile)).scenario;
  const regions = await regionsFor(io, args);
  const record = householdRecord(input.regionCode, input.household, regions);
  // Cases and household files describe income as the civil-affairs office assesses it.
  // A case carries the rules in force where it happened (e.g. Nanjing's hukou rule) unless the scenario sets them.
  const localRules = input.localRules?.regionOverrides;
  const trace = traceHousehold(record, baseline, scenario, {
    outcome,
    events,
    eventAmounts,
    incomeAs: 'assessed',
    localRules,
  });
  if (flag(args, 'json')) {
    println(io, JSON.stringify({ household: record, outcome, events, trace }, null, 2));
    return 0;
  }
  const realised = outcome === 'realised';
  println(
    io,
    realised
      ? `实际发生的情形 / Realised case: 家庭已申请（符合即纳入）/ the household applied (enrolled when eligible); 事件 events: ${events.length > 0 ? events.join(', ') : '无 none'}`
      : '期望值 / Expected values: 纳入与临时救助事件按概率计 / take-up and temporary-assistance events weighted by their probabilities',
  );
  println(
    io,
    `家庭 household: ${record.regionNameZh ?? ''} ${record.regionNameEn ?? ''} (${record.regionCode}), ${input.household.area}, ${record.size} 人 persons`,
  );
  if (input.localRules !== undefined) {
    println(io, `当地规则 / Local rule: ${input.localRules.note.zh}`);
    println(io, `  ${input.localRules.note.en}`);
  }
  println(io);
  println(io, runText('基线 Baseline', trace.baseline, realised));
  println(io);
  println(io, runText('情景 Scenario', trace.reform, realised));
  println(io);
  const delta = trace.reform.total - trace.baseline.total;
  println(io, `差额 / difference: ${delta >= 0 ? '+' : ''}${formatNumber(delta, 0)} 元/年 yuan/year`);
  return 0;
}

/** The `household` command. */
export const householdCommand: Command = {
  name: 'household',
  summaryZh: '单个家庭计算与追踪',
  summaryEn: 'one household: benefit and trace',
  help: `safetynet household — 单个家庭在基线与情景下的认定、救助金额与逐条规则追踪
                      one household under baseline and scenario: status, benefit and rule-by-rule trace

用法 / Usage:
  safetynet household --case hunan-flood [--scenario FILE] [--baseline FILE] [--json]
  safetynet household --household FILE [--scenario FILE] [--baseline FILE] [--data DIR] [--json]
  safetynet household --case shandong-medical --outcome realised --events medical
  safetynet household --case hunan-flood --outcome realised   # 按复盘报道 / as the review tells it

选项 / Options:
      --household FILE   家庭 JSON：{ "regionCode": "43", "household": {...} }（与案例文件格式相同）
                         household JSON: { "regionCode": "43", "household": {...} } (the case file format)
      --case ID          内置案例 / shipped case: ${CASE_PRESETS.map((c) => c.id).join(', ')}
  -s, --scenario FILE    情景 JSON（省略则为基线）/ scenario JSON (baseline if omitted)
      --baseline FILE    作为比较基准的情景 JSON（省略则为现行政策）/ scenario JSON to compare against
                         (default: current policy, measured against the scenario's poverty line)
      --outcome O        expected（期望值，默认：纳入与事件按概率计）或 realised（实际发生：家庭已申请，
                         仅 --events 所列事件发生）/ expected (default: take-up and events weighted by probability)
                         or realised (the household applied; exactly the --events listed happened)
      --events LIST      实际发生的事件，逗号分隔 / events that happened, comma-separated: medical, other, disaster
                         （内置案例省略时按复盘报道的事件与批准金额 / for a shipped case, omitted = the review's
                         events and approved amounts）
${DATASET_HELP}
                         （省略则用演示数据的地区参数 / default: the demo regions）
      --json             机器可读输出 / machine-readable output
  -h, --help             显示帮助 / show this help`,
  run: runHousehold,
};
