// Types of the inverse questions (POLICY.md §5): budget and coverage solvers and sensitivity ranking.
import type { ParamId } from '../params/catalogue.ts';

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
  costLow: number;
  costHigh: number;
  casesLow: number;
  casesHigh: number;
  /** |costHigh − costLow|, the sort key. */
  costSwing: number;
  casesSwing: number;
}
