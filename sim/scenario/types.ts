// The scenario type: a serialisable patch over the baseline parameters (POLICY.md §3), as stored in scenario JSON files.
import type { ParamGroup } from '../params/types.ts';
import type { ParamId, RegionalParamId } from '../params/catalogue.ts';
import type { ErrorInfo } from '../bilingual.ts';

/** Current scenario file format version; older versions are migrated by `migrateScenario`. */
export const SCENARIO_SCHEMA_VERSION = 1;

type NamesOf<G extends string, Ids extends string> = Ids extends `${G}.${infer N}` ? N : never;

/** Parameter values nested by group, e.g. `{ dibao: { assetMonths: 36 } }`; switches may be booleans. */
export type ParamsPatch = { [G in ParamGroup]?: { [N in NamesOf<G, ParamId>]?: number | boolean } };

/** Regional parameter values nested by group (only parameters marked `regional`). */
export type RegionalParamsPatch = { [G in ParamGroup]?: { [N in NamesOf<G, RegionalParamId>]?: number | boolean } };

/** Area selector in per-region settings: omitted means both areas. */
export type AreaSelector = 'urban' | 'rural';

/** Parameter values for the regions whose code starts with `region` (province `43`, prefecture `4301`, …). */
export interface RegionOverride {
  region: string;
  area?: AreaSelector;
  params: RegionalParamsPatch;
}

/** An absolute standard (yuan/person/month) for chosen regions: step 4 of the standard rule. */
export interface StandardOverride {
  region: string;
  area?: AreaSelector;
  value: number;
}

/** Disaster scenario (§3.5): sugar for regional `disaster.*` parameters in the listed regions. */
export interface DisasterScenario {
  regions: string[];
  area?: AreaSelector;
  affectedShare: number;
  incomeLossShare?: number;
  durationMonths?: number;
  housingLostShare?: number;
}

/** The year a dataset describes when a scenario names none (defined beside the dated parameter values it selects). */
export { DEFAULT_START_YEAR } from '../params/dated.ts';

/** Projection settings (§3.3); growth rates are `projection.*` parameters. */
export interface ProjectionSettings {
  startYear: number;
  /** Number of years after the start year (0 = start year only). */
  years: number;
  /** `fixed`: standards rise by `projection.standardRise` a year, the rule applied on top; `rule`: re-applied to grown consumption. */
  standardPath: 'fixed' | 'rule';
}

/** Expected-value (default) or Monte Carlo settings (§3.2). */
export interface MonteCarloSettings {
  mode: 'ev' | 'mc';
  seed: number;
  replications: number;
}

/** A validated scenario. */
export interface Scenario {
  /** Optional pointer to the JSON Schema, for editors. */
  $schema?: string;
  schemaVersion: typeof SCENARIO_SCHEMA_VERSION;
  name: string;
  description?: string;
  params?: ParamsPatch;
  regionOverrides?: RegionOverride[];
  standardOverrides?: StandardOverride[];
  disaster?: DisasterScenario;
  projection?: ProjectionSettings;
  monteCarlo?: MonteCarloSettings;
}

/** One problem found in a scenario: the field path and a message in both languages. */
export interface ScenarioError extends ErrorInfo {
  path: string;
}

/** Result of `parseScenario`: never throws on user input. */
export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** The baseline: defaults plus the dataset's standards (`standard_rule: keep`). */
export const BASELINE_SCENARIO: Scenario = { schemaVersion: SCENARIO_SCHEMA_VERSION, name: '基线 / Baseline' };
