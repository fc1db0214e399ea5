// Arrow tables the SQL cross-check reads: households straight from HouseholdArrays, and one row per region cell.
import { Table, makeVector } from 'apache-arrow';
import type { HouseholdArrays, RegionArrays, ResolvedParams } from '../../sim/index.ts';
import { assessedFactor, assessmentNormal } from '../../sim/index.ts';

/** SQL column name for each HouseholdArrays field (snake_case; `region` is the region index, not its code). */
export const HH_SQL_COLUMNS = {
  region: 'region',
  area: 'area',
  size: 'size',
  elderly: 'elderly',
  children: 'children',
  disabled: 'disabled',
  ill: 'ill',
  ableToWork: 'able_to_work',
  working: 'working',
  careFull: 'care_full',
  careHalf: 'care_half',
  incomePc: 'income_pc',
  earningsPc: 'earnings_pc',
  assetsPc: 'assets_pc',
  car: 'car',
  homes: 'homes',
  medicalHh: 'medical_hh',
  educationHh: 'education_hh',
  rehabHh: 'rehab_hh',
  programme: 'programme',
  gradualExit: 'gradual_exit',
  monitored: 'monitored',
  tekunProfile: 'tekun_profile',
  localHukou: 'local_hukou',
  orphans: 'orphans',
  supportType: 'support_type',
  weight: 'weight',
} as const satisfies Record<Exclude<keyof HouseholdArrays, 'count'>, string>;

/** A numeric column of the SQL tables. */
export type SqlColumn = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/** Household columns under their SQL names, plus a row id `hh_id` (the typed arrays themselves, not copies). */
export function householdSqlColumns(households: HouseholdArrays): Record<string, SqlColumn> {
  const hhId = new Uint32Array(households.count);
  for (let i = 0; i < households.count; i++) hhId[i] = i;
  const columns: Record<string, SqlColumn> = { hh_id: hhId };
  for (const [field, column] of Object.entries(HH_SQL_COLUMNS)) {
    const key = field satisfies string as keyof typeof HH_SQL_COLUMNS;
    columns[column] = households[key];
  }
  return columns;
}

function toArrow(columns: Record<string, SqlColumn>): Table {
  const vectors: Record<string, ReturnType<typeof makeVector>> = {};
  for (const [name, column] of Object.entries(columns)) vectors[name] = makeVector(column);
  return new Table(vectors);
}

/** Households as an Arrow table (zero-copy over the typed arrays), plus a row id `hh_id`. */
export function householdsArrowTable(households: HouseholdArrays): Table {
  return toArrow(householdSqlColumns(households));
}

/**
 * Region cells (region*2+area) with the parameters the rules read. `standard` defaults to the dataset's current
 * standards; pass the engine's resolved standards to cross-check a reform.
 */
export function cellSqlColumns(
  regions: RegionArrays,
  standard: Float64Array = regions.standard,
): Record<string, SqlColumn> {
  const cells = regions.count * 2;
  const cell = new Uint32Array(cells);
  const province = new Uint16Array(cells);
  const centralShare = new Float64Array(cells);
  for (let c = 0; c < cells; c++) {
    cell[c] = c;
    province[c] = regions.province[c >> 1];
    centralShare[c] = regions.centralShare[c >> 1];
  }
  return {
    cell,
    province,
    standard,
    income_prev: regions.incomePrev,
    consumption_prev: regions.consumptionPrev,
    min_wage: regions.minWage,
    central_share: centralShare,
    population: regions.population,
  };
}

/** Region cells as an Arrow table (see cellSqlColumns). */
export function cellsArrowTable(regions: RegionArrays, standard?: Float64Array): Table {
  return toArrow(cellSqlColumns(regions, standard));
}

/**
 * The households as the rules see them: income and earnings per capita scaled to assessed income with the engine's
 * error model (sim/rules/assessed-income.ts, the scenario's bias and dispersion per cell); the other columns are
 * shared, not copied. The SQL rules then read `income_pc` as the kernel's eligibility tests do.
 */
export function assessedHouseholds(households: HouseholdArrays, resolved: ResolvedParams): HouseholdArrays {
  const n = households.count;
  const incomePc = new Float64Array(n);
  const earningsPc = new Float64Array(n);
  const bias = resolved.cell['takeup.assessedBias'];
  const noise = resolved.cell['takeup.assessedNoise'];
  for (let i = 0; i < n; i++) {
    const c = (households.region[i] << 1) | households.area[i];
    const z = assessmentNormal(households.incomePc[i], households.earningsPc[i], households.size[i]);
    const f = assessedFactor(z, bias[c], noise[c]);
    incomePc[i] = households.incomePc[i] * f;
    earningsPc[i] = households.earningsPc[i] * f;
  }
  return { ...households, incomePc, earningsPc };
}
