// The plain household record the engine's hand-computed tests start from: one urban adult in region 43 with nothing,
// locally registered, weight 1, in a region with standards [800, 600] yuan/month. Tests spread their changes over it.
import type { HouseholdRecord } from '../trace/types.ts';

/** The base test household with `partial` applied. */
export function testRecord(partial: Partial<HouseholdRecord> = {}): HouseholdRecord {
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
    ...partial,
  };
}
