// Resolves a scenario against a dataset's regions for one year: per-cell parameter arrays and the standard rule.
import type { RegionArrays } from '../model/regions.ts';
import type { ParamId, ParamValues, RegionalParamId } from '../params/catalogue.ts';
import { REGIONAL_PARAM_IDS, getParamDef, paramValuesAt } from '../params/catalogue.ts';
import type { ResolvedParams } from '../kernel/types.ts';
import { applyParamShifts } from '../params/shift.ts';
import type { ParamShift } from '../params/shift.ts';
import type { ParamsPatch, RegionalParamsPatch, Scenario } from './types.ts';
import { BASELINE_SCENARIO, DEFAULT_START_YEAR } from './types.ts';

/** Flatten a nested params patch into dotted ids with switches as 0/1. */
function flattenPatch(patch: ParamsPatch | RegionalParamsPatch | undefined): [ParamId, number][] {
  const out: [ParamId, number][] = [];
  if (!patch) return out;
  for (const [group, fields] of Object.entries(patch)) {
    if (!fields) continue;
    for (const [name, value] of Object.entries(fields as Record<string, number | boolean | undefined>)) {
      if (value === undefined) continue;
      const id = `${group}.${name}`;
      if (!getParamDef(id)) continue;
      out.push([id as ParamId, typeof value === 'boolean' ? (value ? 1 : 0) : value]);
    }
  }
  return out;
}

/** The first simulated year of a scenario: its projection's start year, else `DEFAULT_START_YEAR`. */
export function scenarioStartYear(scenario: Scenario): number {
  return scenario.projection?.startYear ?? DEFAULT_START_YEAR;
}

/**
 * National parameter values of a scenario in a year (default: its start year): the catalogue values in force that
 * year (`paramValuesAt`) with the scenario's `params` applied (a scenario's value holds in every year).
 */
export function scenarioParamValues(scenario: Scenario, year = scenarioStartYear(scenario)): ParamValues {
  const values = paramValuesAt(year);
  for (const [id, v] of flattenPatch(scenario.params)) values[id] = v;
  return values;
}

/** A copy of the scenario with some national parameter values replaced (used by solvers and sensitivity). */
export function withParams(scenario: Scenario, values: Partial<Record<ParamId, number>>): Scenario {
  const params: Record<string, Record<string, number | boolean>> = {};
  for (const [group, fields] of Object.entries(scenario.params ?? {})) params[group] = { ...fields };
  for (const [id, v] of Object.entries(values)) {
    if (v === undefined) continue;
    const dot = id.indexOf('.');
    const group = id.slice(0, dot);
    params[group] = { ...(params[group] ?? {}), [id.slice(dot + 1)]: v };
  }
  return { ...scenario, params: params as ParamsPatch };
}

/**
 * The baseline a scenario is compared with: current policy, measured the same way as the scenario. Measurement
 * parameters (the `poverty` group: which poverty line) are copied from the scenario, so baseline and scenario are
 * measured against the same line; the scenario's start year and span are copied, so both are under the same year's
 * law (dated parameter values); every policy parameter stays at its value in force, the standards on the fixed path.
 */
export function baselineFor(scenario: Scenario): Scenario {
  const poverty = scenario.params?.poverty;
  const projection = scenario.projection;
  if (poverty === undefined && projection === undefined) return BASELINE_SCENARIO;
  const baseline: Scenario = { ...BASELINE_SCENARIO };
  if (poverty !== undefined) baseline.params = { poverty: { ...poverty } };
  if (projection !== undefined) {
    baseline.projection = { startYear: projection.startYear, years: projection.years, standardPath: 'fixed' };
  }
  return baseline;
}

/** The poverty line's description: which line post-transfer poverty is measured against (for headlines). */
export function povertyLineText(scenario: Scenario): { zh: string; en: string; national: boolean; value?: number } {
  const v = scenarioParamValues(scenario);
  if (v['poverty.useNationalLine'] >= 0.5) {
    const line = v['poverty.nationalLine'];
    return {
      zh: `全国统一贫困线 ${line} 元/人/月（按物价逐年调整）`,
      en: `one national line of ${line} yuan/person/month (indexed to prices)`,
      national: true,
      value: line,
    };
  }
  return {
    zh: '各地区城乡基线低保标准（各情景相同）',
    en: 'the baseline dibao standard of each region and area (the same in every scenario)',
    national: false,
  };
}

function matches(regions: RegionArrays, r: number, prefix: string): boolean {
  return regions.code[r].startsWith(prefix);
}

function forCells(
  regions: RegionArrays,
  prefix: string,
  area: 'urban' | 'rural' | undefined,
  fn: (cell: number, region: number) => void,
): void {
  for (let r = 0; r < regions.count; r++) {
    if (!matches(regions, r, prefix)) continue;
    if (area !== 'rural') fn(r * 2, r);
    if (area !== 'urban') fn(r * 2 + 1, r);
  }
}

/** Options of `resolveScenario`. */
export interface ResolveOptions {
  /** Projection year index (0 = start year). */
  yearIndex?: number;
  /** Monte Carlo parameter draws of a replication (sim/montecarlo/uncertainty.ts): applied after the regional
   * overrides and phase-ins and before growth factors and standards, so drawn growth rates compound over the years. */
  shifts?: readonly ParamShift[];
}

/** Resolve a scenario against the regions for one projection year (POLICY.md §3.1, §3.3, §3.4, §3.5). */
export function resolveScenario(
  scenario: Scenario,
  regions: RegionArrays,
  options: ResolveOptions = {},
): ResolvedParams {
  const yearIndex = options.yearIndex ?? 0;
  const year = scenarioStartYear(scenario) + yearIndex;
  const nCells = regions.count * 2;
  // The law of the simulated year: each parameter's value in force on its 1 January, the scenario's values on top.
  const scalars = scenarioParamValues(scenario, year);
  const defaults = paramValuesAt(year);
  const explicitNational = new Set(flattenPatch(scenario.params).map(([id]) => id));

  const cell = {} as Record<RegionalParamId, Float64Array>;
  for (const id of REGIONAL_PARAM_IDS) cell[id] = new Float64Array(nCells).fill(scalars[id]);
  if (!explicitNational.has('funding.centralShare')) {
    for (let c = 0; c < nCells; c++) cell['funding.centralShare'][c] = regions.centralShare[c >> 1];
  }

  const d = scenario.disaster;
  if (d) {
    for (const code of d.regions) {
      forCells(regions, code, d.area, (c) => {
        cell['disaster.affectedShare'][c] = d.affectedShare;
        if (d.incomeLossShare !== undefined) cell['disaster.incomeLossShare'][c] = d.incomeLossShare;
        if (d.durationMonths !== undefined) cell['disaster.durationMonths'][c] = d.durationMonths;
        if (d.housingLostShare !== undefined) cell['disaster.housingLostShare'][c] = d.housingLostShare;
      });
    }
  }
  for (const o of scenario.regionOverrides ?? []) {
    const values = flattenPatch(o.params);
    forCells(regions, o.region, o.area, (c) => {
      for (const [id, v] of values) {
        if (id in cell) cell[id as RegionalParamId][c] = v;
      }
    });
  }

  // Phase-in of take-up and monitoring widening (§3.3).
  const takeupPhase = Math.min(1, (yearIndex + 1) / Math.max(1, scalars['takeup.phaseYears']));
  const monitoringPhase = Math.min(1, (yearIndex + 1) / Math.max(1, scalars['monitoring.phaseYears']));
  for (const id of ['takeup.monitored', 'takeup.unmonitored'] as const) {
    const a = cell[id];
    for (let c = 0; c < nCells; c++) a[c] = defaults[id] + (a[c] - defaults[id]) * takeupPhase;
  }
  const mult = cell['monitoring.coverageMultiplier'];
  for (let c = 0; c < nCells; c++) {
    const m = mult[c];
    mult[c] = m <= 0 ? 0 : m >= 1 ? 1 + (m - 1) * monitoringPhase : m * monitoringPhase;
  }

  if (options.shifts !== undefined && options.shifts.length > 0) applyParamShifts(scalars, cell, options.shifts);

  // Growth factors since the start year.
  const incomeFactor = new Float64Array(nCells);
  const consumptionFactor = new Float64Array(nCells);
  const populationFactor = new Float64Array(nCells);
  for (let c = 0; c < nCells; c++) {
    incomeFactor[c] = Math.pow(1 + cell['projection.incomeGrowth'][c], yearIndex);
    consumptionFactor[c] = Math.pow(1 + cell['projection.consumptionGrowth'][c], yearIndex);
    populationFactor[c] = Math.pow(1 + cell['projection.populationGrowth'][c], yearIndex);
  }

  const { standard, povertyLine } = resolveStandards(scenario, regions, cell, defaults, yearIndex, year);
  // The poverty line (§4): the baseline standard per cell (default), or one national line indexed to prices.
  if (scalars['poverty.useNationalLine'] >= 0.5) {
    povertyLine.fill(scalars['poverty.nationalLine'] * Math.pow(1 + scalars['projection.inflation'], yearIndex));
  }
  const centralShare = Float64Array.from(cell['funding.centralShare']);
  return {
    year,
    yearIndex,
    scalars,
    cell,
    standard,
    povertyLine,
    incomeFactor,
    consumptionFactor,
    populationFactor,
    centralShare,
    priceIndex: Math.pow(1 + scalars['projection.inflation'], yearIndex),
    monitoringPhase,
    takeupPhase,
  };
}

/** The standard rule (§3.1): keep → scale_pct → consumption_ratio → overrides → rural_floor → never_lower, per year. */
function resolveStandards(
  scenario: Scenario,
  regions: RegionArrays,
  cell: Record<RegionalParamId, Float64Array>,
  defaults: ParamValues,
  yearIndex: number,
  year: number,
): { standard: Float64Array; povertyLine: Float64Array } {
  const nCells = regions.count * 2;
  const fixedPath = (scenario.projection?.standardPath ?? 'fixed') === 'fixed';
  const neverLower = scenarioParamValues(scenario, year)['standard.neverLower'] >= 0.5;
  const overrideValue = new Float64Array(nCells).fill(NaN);
  for (const o of scenario.standardOverrides ?? [])
    forCells(regions, o.region, o.area, (c) => (overrideValue[c] = o.value));

  const povertyLine = new Float64Array(nCells);
  for (let c = 0; c < nCells; c++) {
    povertyLine[c] = regions.standard[c] * Math.pow(1 + defaults['projection.standardRise'], yearIndex);
  }
  const prev = Float64Array.from(regions.standard);
  const s = new Float64Array(nCells);
  for (let y = 0; y <= yearIndex; y++) {
    for (let c = 0; c < nCells; c++) {
      const pathFactor = fixedPath ? Math.pow(1 + cell['projection.standardRise'][c], y) : 1;
      let v = regions.standard[c] * pathFactor * (1 + cell['standard.scalePct'][c] / 100);
      if (cell['standard.useConsumptionRatio'][c] >= 0.5) {
        const ratio =
          (c & 1) === 0 ? cell['standard.consumptionRatioUrban'][c] : cell['standard.consumptionRatioRural'][c];
        const consumption = regions.consumptionPrev[c] * Math.pow(1 + cell['projection.consumptionGrowth'][c], y);
        v = (ratio * consumption) / 12;
      }
      if (!Number.isNaN(overrideValue[c])) v = overrideValue[c] * pathFactor;
      s[c] = v;
    }
    for (let r = 0; r < regions.count; r++) {
      const k = cell['standard.ruralFloor'][r * 2 + 1];
      if (k > 0) s[r * 2 + 1] = Math.max(s[r * 2 + 1], k * s[r * 2]);
    }
    if (neverLower) for (let c = 0; c < nCells; c++) s[c] = Math.max(s[c], prev[c]);
    prev.set(s);
  }
  return { standard: s, povertyLine };
}
