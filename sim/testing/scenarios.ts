// Scenarios shared by engine tests: one that exercises every step a sharded run must get right.
import type { Scenario } from '../scenario/types.ts';

/** Widening to a target share (the histogram step), a disaster (both branches), growth, carried status over years. */
export const SHARDING_SCENARIO: Scenario = {
  schemaVersion: 1,
  name: 'sharded',
  params: {
    standard: { scalePct: 12 },
    monitoring: { targetShare: 0.12, phaseYears: 2 },
    projection: { incomeGrowth: 0.03, standardRise: 0.05 },
  },
  disaster: { regions: ['12'], affectedShare: 0.3, incomeLossShare: 0.4, durationMonths: 6 },
  projection: { startYear: 2025, years: 3, standardPath: 'rule' },
};
