// Sensitivity (POLICY.md §5): swing each key parameter over its range and rank the effect on cost and caseload.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { incomeDeciles } from '../kernel/deciles.ts';
import type { ParamId } from '../params/catalogue.ts';
import { getParamDef } from '../params/catalogue.ts';
import { scenarioParamValues, withParams } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { evaluate } from './evaluate.ts';
import type { SensitivityRow, SwingBasis } from './types.ts';

/** Low and high value of one parameter's swing, and how they were set (see `SwingBasis`). */
export function swingBounds(
  value: number,
  min: number,
  max: number,
  swing: 'range' | number,
): { low: number; high: number; basis: SwingBasis } {
  if (swing === 'range') return { low: min, high: max, basis: 'range' };
  const basis: SwingBasis = value === 0 ? 'rangeShare' : 'relative';
  const delta = basis === 'relative' ? Math.abs(value) * swing : (max - min) * swing;
  return { low: Math.max(min, value - delta), high: Math.min(max, value + delta), basis };
}

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
  /**
   * 'range': swing from the catalogue min to max; a number r: swing the current value by ± r × |value| (relative),
   * or, when the current value is 0, by ± r × (max − min) of the catalogue range; clamped to the range.
   */
  swing?: 'range' | number;
  decile?: Uint8Array;
}

/** Tornado data: for each parameter the cost and cash households and persons at its low and high value, by cost swing. */
export function sensitivity(input: SensitivityInput): SensitivityRow[] {
  const decile = input.decile ?? incomeDeciles(input.households);
  const current = scenarioParamValues(input.scenario);
  const rows: SensitivityRow[] = [];
  for (const id of input.params ?? DEFAULT_SENSITIVITY_PARAMS) {
    const def = getParamDef(id);
    if (!def) continue;
    const { low, high, basis } = swingBounds(current[id], def.min, def.max, input.swing ?? 'range');
    const a = evaluate(input.households, input.regions, withParams(input.scenario, { [id]: low }), decile);
    const b = evaluate(input.households, input.regions, withParams(input.scenario, { [id]: high }), decile);
    rows.push({
      paramId: id,
      labelZh: def.labelZh,
      labelEn: def.labelEn,
      low,
      high,
      swingBasis: basis,
      costLow: a.cost,
      costHigh: b.cost,
      casesLow: a.households,
      casesHigh: b.households,
      personsLow: a.persons,
      personsHigh: b.persons,
      costSwing: Math.abs(b.cost - a.cost),
      casesSwing: Math.abs(b.households - a.households),
      personsSwing: Math.abs(b.persons - a.persons),
    });
  }
  return rows.sort((x, y) => y.costSwing - x.costSwing);
}
