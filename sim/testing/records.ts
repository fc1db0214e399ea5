// The named base household records the engine's hand-computed tests start from (golden files name theirs); the plain
// one is an urban adult in region 43 with nothing, in a region with standards [800, 600] yuan/month.
import type { HouseholdRecord } from '../trace/types.ts';

/** One urban adult in region 43 with nothing, locally registered, weight 1; standards [800, 600] yuan/month. */
function urbanAdult43(): HouseholdRecord {
  return {
    regionCode: '43',
    area: 0,
    size: 1,
    elderly: 0,
    children: 0,
    disabled: 0,
    ill: 0,
    ableToWork: 0,
    working: 0,
    careFull: 0,
    careHalf: 0,
    incomePc: 0,
    earningsPc: 0,
    assetsPc: 0,
    car: 0,
    homes: 1,
    medicalHh: 0,
    educationHh: 0,
    rehabHh: 0,
    programme: 0,
    gradualExit: 0,
    monitored: 0,
    tekunProfile: 0,
    localHukou: 1,
    orphans: 0,
    supportType: 0,
    weight: 1,
    regionStandard: [800, 600],
    regionIncomePrev: [50000, 20000],
    regionConsumptionPrev: [32000, 16000],
    regionMinWage: [2000, 1800],
    regionPopulation: [1e6, 1e6],
    regionCentralShare: 0.5,
  };
}

/** The named base households (a golden file names its own in `base`), each built fresh so tests cannot share arrays. */
export const BASE_HOUSEHOLDS = { 'urban-adult-43': urbanAdult43 } as const satisfies Record<
  string,
  () => HouseholdRecord
>;

/** Name of a base household. */
export type BaseHouseholdName = keyof typeof BASE_HOUSEHOLDS;

/** Names of the base households, for the golden file schema. */
export const BASE_HOUSEHOLD_NAMES = Object.keys(BASE_HOUSEHOLDS) as [BaseHouseholdName, ...BaseHouseholdName[]];

/** A base test household (default `urban-adult-43`) with `partial` applied. */
export function testRecord(
  partial: Partial<HouseholdRecord> = {},
  base: BaseHouseholdName = 'urban-adult-43',
): HouseholdRecord {
  return { ...BASE_HOUSEHOLDS[base](), ...partial };
}
