// Test support of the engine (synthetic households and regions, base records, scenarios, disclosure attacks): the
// second entry of sim/, for test files only (lint keeps it out of shipped code; see sim/API.md).

export { syntheticHouseholds, syntheticPrefectures, syntheticRegions } from './synthetic.ts';
export type { BaseHouseholdName } from './records.ts';
export { BASE_HOUSEHOLDS, BASE_HOUSEHOLD_NAMES, testRecord } from './records.ts';
export { SHARDING_SCENARIO } from './scenarios.ts';
export type { PublishedCell } from './disclosure-attack.ts';
export { attackRelations, cellKey, rankAttack, substitutionAttack } from './disclosure-attack.ts';
