// Types of the inverse questions (POLICY.md §5): budget and coverage solvers and sensitivity ranking.
import type { ParamId } from '../params/catalogue.ts';
import type { RunScope } from '../run/scope.ts';

/** Lever the budget/coverage solvers move. */
export type InverseLever = 'scalePct' | 'consumptionRatio' | 'monitoringMultiplier';

/** Answer of a solver: the lever value and the outcomes it gives. */
export interface SolveResult {
  ok: boolean;
  lever: InverseLever;
  /** Lever value found: percent for scalePct, urban ratio for consumptionRatio (rural = urban + gap), multiplier. */
  value: number;
  cost: number;
  households: number;
  persons: number;
  coverageCash: number;
  coverageLowIncome: number;
  coverageMonitored: number;
  iterations: number;
  /** The province (and area) the budget and the lever were limited to; absent for the nation. */
  scope?: RunScope;
  /** When not ok: why (target outside what the lever's range can reach). */
  messageZh?: string;
  messageEn?: string;
}

/** One bar of the tornado: outcomes at the low and high end of a parameter's swing. */
export interface SensitivityRow {
  paramId: ParamId;
  labelZh: string;
  labelEn: string;
  low: number;
  high: number;
  /** How low and high were set: the catalogue range, ± r × the current value, or ± r × the catalogue range. */
  swingBasis: SwingBasis;
  costLow: number;
  costHigh: number;
  /** Cash households (dibao + tekun) at the low and high value. */
  casesLow: number;
  casesHigh: number;
  /** Cash persons (dibao + tekun) at the low and high value. */
  personsLow: number;
  personsHigh: number;
  /** |costHigh − costLow|, the sort key. */
  costSwing: number;
  casesSwing: number;
  personsSwing: number;
}

/**
 * Meaning of a sensitivity swing: `range` the catalogue minimum to maximum; `relative` ± r × the current value;
 * `rangeShare` ± r × (maximum − minimum), used for a relative swing when the current value is 0, where a relative
 * swing would not move the lever at all.
 */
export type SwingBasis = 'range' | 'relative' | 'rangeShare';
