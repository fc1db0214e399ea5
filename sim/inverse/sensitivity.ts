// Sensitivity (POLICY.md §5): swing each key parameter over its range and rank the effect on cost and caseload.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { incomeDeciles } from '../kernel/deciles.ts';
import type { ParamId } from '../params/catalogue.ts';
import { getParamDef } from '../params/catalogue.ts';
import { scenarioParamValues, withParams } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { evaluate } from './evaluate.ts';
import type { SensitivityRow } from './types.ts';

/** Parameters swung by default (the main levers of §2–§3). */
export const DEFAULT_SENSITIVITY_PARAMS: readonly ParamId[] = [
  'standard.scalePct',
  'dibao.assetMonths',
  'dibao.disregardShare',
  'dibao.minBenefitShare',
  'dibao.suppElderly',
  'dibao.gradualExitMonths',
  'tekun.livingMultiplier',
  'marginal.multiplier',
  'rigid.ratio',
  'takeup.monitored',
  'takeup.unmonitored',
  'temporary.takeup',
  'monitoring.coverageMultiplier',
];

/** Input of `sensitivity`. */
export interface SensitivityInput {
  households: HouseholdArrays;
  regions: RegionArrays;
  scenario: Scenario;
  params?: readonly ParamId[];
  /** 'range': swing from the catalogue min to max; a number r: swing the current value by ±r (relative), clamped. */
  swing?: 'range' | number;
  decile?: Uint8Array;
}

/** Tornado data: for each parameter the cost and cash caseload at its low and high value, sorted by cost swing. */
export function sensitivity(input: SensitivityInput): SensitivityRow[] {
  const decile = input.decile ?? incomeDeciles(input.households);
  const current = scenarioParamValues(input.scenario);
  const rows: SensitivityRow[] = [];
  for (const id of input.params ?? DEFAULT_SENSITIVITY_PARAMS) {
    const def = getParamDef(id);
    if (!def) continue;
    const swing = input.swing ?? 'range';
    const v = current[id];
    const low = swing === 'range' ? def.min : Math.max(def.min, v - Math.abs(v) * swing);
    const high = swing === 'range' ? def.max : Math.min(def.max, v + Math.abs(v) * swing);
    const a = evaluate(input.households, input.regions, withParams(input.scenario, { [id]: low }), decile);
    const b = evaluate(input.households, input.regions, withParams(input.scenario, { [id]: high }), decile);
    rows.push({
      paramId: id,
      labelZh: def.labelZh,
      labelEn: def.labelEn,
      low,
      high,
      costLow: a.cost,
      costHigh: b.cost,
      casesLow: a.households,
      casesHigh: b.households,
      costSwing: Math.abs(b.cost - a.cost),
      casesSwing: Math.abs(b.households - a.households),
    });
  }
  return rows.sort((x, y) => y.costSwing - x.costSwing);
}
