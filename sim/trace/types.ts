// Types of the household trace: one household as a plain record and every rule step applied to it.
import type { ComponentId } from '../kernel/metrics.ts';
import type { ProgrammeName } from '../model/codes.ts';

/**
 * One household as a plain record: the fields of one HouseholdArrays row (`region` replaced by the region's code
 * and its parameters, urban and rural side by side as [urban, rural]).
 */
export interface HouseholdRecord {
  regionCode: string;
  regionNameZh?: string;
  regionNameEn?: string;
  area: 0 | 1;
  size: number;
  elderly: number;
  children: number;
  disabled: number;
  ill: number;
  ableToWork: number;
  working: number;
  careFull: number;
  careHalf: number;
  incomePc: number;
  earningsPc: number;
  assetsPc: number;
  car: number;
  homes: number;
  medicalHh: number;
  educationHh: number;
  rehabHh: number;
  programme: number;
  gradualExit: number;
  monitored: number;
  tekunProfile: number;
  localHukou: number;
  /** Orphan members (under 18, no living parent); 0 if absent. */
  orphans: number;
  /** SUPPORT_TYPE code: 0 unknown, 1 centralised, 2 dispersed. */
  supportType: number;
  weight: number;
  /** Region parameters per area [urban, rural]. */
  regionStandard: [number, number];
  regionIncomePrev: [number, number];
  regionConsumptionPrev: [number, number];
  regionMinWage: [number, number];
  regionPopulation: [number, number];
  regionCentralShare: number;
}

/** The kind of a trace step's numeric result, so every reader prints it with its unit. */
export type TraceUnit = 'yuanPerPersonMonth' | 'yuanPerYear' | 'probability' | 'programme' | 'events';

/** One rule step: inputs, the threshold and comparison, and the result, with a bilingual label. */
export interface TraceStep {
  id: string;
  labelZh: string;
  labelEn: string;
  inputs: Record<string, number>;
  /** The value compared (e.g. countable income) and the threshold it is compared with, if a test. */
  value?: number;
  threshold?: number;
  comparison?: '<' | '≤' | '>' | '≥';
  /** Test outcome (true = passes) or a computed number, whose kind `unit` names. */
  result: boolean | number;
  /**
   * What a numeric result is: an amount per person per month or per household per year, a probability, a programme
   * code, or a number of events (a realised case's outcome: a fact, not a test that passes or fails).
   */
  unit?: TraceUnit;
  noteZh?: string;
  noteEn?: string;
}

/** The trace of one household under one scenario. */
export interface HouseholdTraceRun {
  scenarioName: string;
  status: ProgrammeName;
  /** Expected-value probability of being enrolled. */
  enrol: number;
  steps: TraceStep[];
  /** Expected yuan/year per component, equal to the kernel's household columns. */
  components: Record<ComponentId, number>;
  total: number;
}

/** Baseline and reform traces side by side. */
export interface HouseholdTrace {
  baseline: HouseholdTraceRun;
  reform: HouseholdTraceRun;
}
