// Types describing one policy parameter in the catalogue: identity, bilingual text, unit, range and provenance.
import type { DatedValues } from './dated.ts';

/** Programme or lever group a parameter belongs to (POLICY.md §2–§3, §9). */
export type ParamGroup =
  | 'standard'
  | 'dibao'
  | 'tekun'
  | 'marginal'
  | 'rigid'
  | 'temporary'
  | 'services'
  | 'oneOff'
  | 'orphan'
  | 'poverty'
  | 'monitoring'
  | 'takeup'
  | 'funding'
  | 'disaster'
  | 'projection'
  | 'output';

/** Unit of a parameter value, used for display and validation messages. */
export type ParamUnit =
  | 'share' // 0..1 fraction (shown as %)
  | 'multiplier' // × something (see description)
  | 'percent' // percentage points, e.g. 10 = +10%
  | 'months'
  | 'years'
  | 'yuan/person/year'
  | 'yuan/person'
  | 'yuan/person/month'
  | 'probability/year'
  | 'homes'
  | 'households'
  | 'switch'; // 0 off, 1 on (booleans in scenario JSON)

/** One entry of the parameter catalogue. */
export interface ParamDef {
  /** Dotted id `group.name`; the scenario path is `params.group.name`. */
  id: string;
  group: ParamGroup;
  labelZh: string;
  labelEn: string;
  /** Hover explanation. */
  descriptionZh: string;
  descriptionEn: string;
  unit: ParamUnit;
  /**
   * The parameter's legal history: ISO date → `{ value, reference }` in force from that day (switches: 0/1). The
   * simulated year resolves to the value in force on its 1 January (`valueInForce`, sim/params/dated.ts).
   */
  values: DatedValues;
  /** The value in force in `DEFAULT_START_YEAR` (derived from `values`): the baseline a screen shows and resets to. */
  default: number;
  min: number;
  max: number;
  step: number;
  /** Legal or source reference of the value in force in `DEFAULT_START_YEAR` (derived from `values`). */
  reference: string;
  /** Date that value is in force from, ISO `YYYY-MM-DD` (derived from `values`). */
  inForce: string;
  /** True if a scenario may set it per region (region code prefix and/or area). */
  regional: boolean;
  /** True if the baseline value per region comes from the dataset; `default` is then only a fallback. */
  fromDataset?: boolean;
  /** How well the default is known: a published figure (high), derived from one (medium), or an assumption (low). */
  confidence?: 'high' | 'medium' | 'low';
  /**
   * Plausible range of the true value, [low, high] in the parameter's unit, around the default. Monte Carlo draws the
   * parameter uniformly within it (as a shift of the scenario's value) for parameter uncertainty.
   */
  uncertainty?: readonly [number, number];
  /** The switch (a catalogue id) this parameter takes effect under, e.g. the consumption ratios under
   * `standard.useConsumptionRatio`: a reader who sees the switch turned on must also see these values. */
  appliesWith?: string;
}

type ParamDescription = Omit<ParamDef, 'values' | 'default' | 'reference' | 'inForce'>;

/**
 * A catalogue entry as written: one value with its source and the date it is in force from (most parameters), or a
 * dated history `values` (a parameter whose law changed). `datedParam` turns either into a `ParamDef`.
 */
export type ParamEntry = ParamDescription &
  (
    | { default: number; reference: string; inForce: string; values?: undefined }
    | { values: DatedValues; default?: undefined; reference?: undefined; inForce?: undefined }
  );
