// Sources of Monte Carlo uncertainty beyond the random events of one year: sampling (a Bayesian bootstrap of the
// sample households within each region × area cell) and parameters (each catalogue parameter with a stated
// `uncertainty` range drawn per replication). Every draw is a counter hash of (seed, replication, row or parameter),
// so a replication is the same whatever the split across workers.
import type { HouseholdArrays } from '../model/households.ts';
import type { ResolvedParams } from '../kernel/types.ts';
import { PARAM_CATALOGUE } from '../params/catalogue.ts';
import type { ParamId } from '../params/catalogue.ts';
import { applyParamShifts } from '../params/shift.ts';
import type { ParamShift } from '../params/shift.ts';
import { DRAW, uniform } from '../random/counter-hash.ts';
import type { Bilingual } from '../bilingual.ts';

const HALF_ULP = 1 / 8589934592;

/** A parameter varied across replications: uniform on [low, high], applied as a shift of the scenario's value. */
export interface UncertainParam {
  id: ParamId;
  low: number;
  high: number;
}

/** Which sources of uncertainty a Monte Carlo run includes (stated beside every Monte Carlo output). */
export interface McSources {
  /** Random events of the year: take-up and certification, temporary-assistance, disaster draws (always on). */
  events: true;
  /** Sampling error: Bayesian bootstrap weights of the sample households within each region × area cell. */
  sampling: boolean;
  /** Parameters drawn per replication within their catalogue ranges. */
  parameters: UncertainParam[];
  /** Replications of a whole projection: income-shock paths are drawn per replication and growth and income-shock
   * parameters are among the drawn ones (when parameters are on). Single-year runs: false or absent. */
  projection?: boolean;
}

/** Every catalogue parameter with an uncertainty range, in catalogue order. */
export const UNCERTAIN_PARAMS: readonly UncertainParam[] = PARAM_CATALOGUE.flatMap((p) =>
  'uncertainty' in p && p.uncertainty !== undefined
    ? [{ id: p.id as ParamId, low: p.uncertainty[0], high: p.uncertainty[1] }]
    : [],
);

/** Growth and income-shock parameters (`projection.*`): they act in projection years only. */
export const isProjectionParam = (p: UncertainParam): boolean => p.id.startsWith('projection.');

/**
 * The catalogue parameters with an uncertainty range that act within one simulated year. Growth and income-shock
 * parameters (`projection.*`) have ranges too but act only in projection years (`projectionReplications`).
 */
export const SINGLE_YEAR_UNCERTAIN_PARAMS: readonly UncertainParam[] = UNCERTAIN_PARAMS.filter(
  (p) => !isProjectionParam(p),
);

const PARAM_INDEX = new Map<string, number>(PARAM_CATALOGUE.map((p, k) => [p.id, k]));
const DEFAULTS = new Map<string, number>(PARAM_CATALOGUE.map((p) => [p.id, p.default]));

/**
 * The sources a run with these switches includes: single-year parameters, or with `projection` also growth and
 * income-shock parameters.
 */
export function mcSources(sampling: boolean, parameters: boolean, projection = false): McSources {
  const drawn = projection ? UNCERTAIN_PARAMS : SINGLE_YEAR_UNCERTAIN_PARAMS;
  return { events: true, sampling, parameters: parameters ? [...drawn] : [], ...(projection ? { projection } : {}) };
}

/**
 * The replication's parameter shifts: each uncertain parameter moves by (draw − catalogue default), the draw uniform
 * on its range and keyed by (seed, replication, the parameter's catalogue index), so a parameter's draw is the same
 * in a single-year and a projection replication.
 */
export function drawShifts(seed: number, replication: number, uncertain: readonly UncertainParam[]): ParamShift[] {
  return uncertain.map((u) => ({
    id: u.id,
    shift:
      u.low +
      uniform(seed, replication, PARAM_INDEX.get(u.id) ?? 0, DRAW.param) * (u.high - u.low) -
      (DEFAULTS.get(u.id) ?? 0),
  }));
}

/**
 * The replication's parameters (`drawShifts` applied by `applyParamShifts`): every cell shifts alike and stays
 * within the parameter's min..max. Returns a copy; `params` is not changed.
 */
export function drawParams(
  params: ResolvedParams,
  seed: number,
  replication: number,
  uncertain: readonly UncertainParam[],
): ResolvedParams {
  if (uncertain.length === 0) return params;
  const cell = {} as ResolvedParams['cell'];
  for (const [id, a] of Object.entries(params.cell)) cell[id as keyof ResolvedParams['cell']] = Float64Array.from(a);
  const scalars = { ...params.scalars };
  applyParamShifts(scalars, cell, drawShifts(seed, replication, uncertain));
  return { ...params, cell, scalars };
}

/**
 * Bayesian bootstrap weight factors of households [0, n) (rows rowOffset… of the whole dataset) for one
 * replication: g = −ln(1 − u), a unit-mean exponential draw per household, rescaled within each region × area cell
 * so the cell's weighted household total is kept. Cells with few sample households get widely varying totals of
 * everything else, which is what widens their intervals.
 */
export function bootstrapWeights(
  h: HouseholdArrays,
  cellCount: number,
  seed: number,
  replication: number,
  rowOffset = 0,
  into?: Float64Array,
): Float64Array {
  const n = h.count;
  const g = into !== undefined && into.length === n ? into : new Float64Array(n);
  const drawn = new Float64Array(cellCount);
  const total = new Float64Array(cellCount);
  for (let i = 0; i < n; i++) {
    const c = (h.region[i] << 1) | h.area[i];
    const x = -Math.log(1 - uniform(seed, replication, i + rowOffset, DRAW.bootstrap) + HALF_ULP);
    g[i] = x;
    drawn[c] += h.weight[i] * x;
    total[c] += h.weight[i];
  }
  for (let c = 0; c < cellCount; c++) drawn[c] = drawn[c] > 0 ? total[c] / drawn[c] : 1;
  for (let i = 0; i < n; i++) g[i] *= drawn[(h.region[i] << 1) | h.area[i]];
  return g;
}

const fmtRange = (p: UncertainParam): string => `${p.low}–${p.high}`;

/**
 * The sources as one sentence in each language, for every Monte Carlo output (CLI text and tables, the app's panel):
 * what is included and what is not.
 */
export function describeMcSources(sources: McSources): Bilingual {
  const label = new Map<string, Bilingual>(PARAM_CATALOGUE.map((p) => [p.id, { zh: p.labelZh, en: p.labelEn }]));
  const zh = ['随机事件（纳入、认定、临时救助、灾害）'];
  const en = ['random events (take-up, certification, temporary assistance, disasters)'];
  if (sources.projection === true) {
    zh.push('每户逐年收入冲击的实现值');
    en.push("each household's yearly income shocks");
  }
  if (sources.sampling) {
    zh.push('抽样误差（省×城乡内贝叶斯自助法）');
    en.push('sampling error (Bayesian bootstrap within province × area)');
  }
  if (sources.parameters.length > 0) {
    zh.push(`参数（${sources.parameters.map((p) => `${label.get(p.id)?.zh ?? p.id} ${fmtRange(p)}`).join('；')}）`);
    en.push(
      `parameters (${sources.parameters.map((p) => `${label.get(p.id)?.en ?? p.id} ${fmtRange(p)}`).join('; ')})`,
    );
  }
  const notZh: string[] = [];
  const notEn: string[] = [];
  if (sources.projection !== true) {
    notZh.push('增长率与收入冲击（只作用于预测年份）');
    notEn.push('growth rates and income shocks (act in projection years only)');
  }
  if (!sources.sampling) {
    notZh.push('抽样误差');
    notEn.push('sampling error');
  }
  if (sources.parameters.length === 0) {
    notZh.push('参数不确定性');
    notEn.push('parameter uncertainty');
  }
  notZh.push('模型设定本身（规则、收入分布形式）');
  notEn.push('the model specification itself (rules, form of the income distribution)');
  return {
    zh: `包含：${zh.join('；')}。未包含：${notZh.join('；')}。`,
    en: `Includes ${en.join('; ')}. Not included: ${notEn.join('; ')}.`,
  };
}
