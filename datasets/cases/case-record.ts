// Turns a case preset (household by name + region code) into the engine's HouseholdRecord, copying the region's
// parameters from a RegionArrays table: the loaded dataset's, or the demo regions when no dataset is open.
import type { RegionArrays, HouseholdRecord } from '../../sim/index.ts';
import { buildDemoRegions } from '../generate/demo-regions.ts';
import { demoRegionsToArrays } from '../generate/engine-arrays.ts';
import type { CaseHousehold } from './cases.ts';
import { householdCodes } from './cases.ts';

/** A bilingual error naming what the user must fix. */
export interface RecordError {
  messageZh: string;
  messageEn: string;
}

/**
 * Index of the region row for a code: the exact code, else its province (as the hand-off resolves households), else
 * the first row inside it (a province's first county when the dataset is at county level); -1 when none.
 */
export function regionIndex(regions: RegionArrays, code: string): number {
  const exact = regions.code.indexOf(code);
  if (exact >= 0) return exact;
  const province = code.length > 2 ? regions.code.indexOf(code.slice(0, 2)) : -1;
  if (province >= 0) return province;
  return regions.code.findIndex((candidate) => candidate.startsWith(code));
}

const pair = (values: Float64Array, index: number): [number, number] => [values[index * 2], values[index * 2 + 1]];

/** The engine record of a household living in `regionCode`, or an error when the regions table lacks the code. */
export function caseRecord(
  regionCode: string,
  household: CaseHousehold,
  regions: RegionArrays,
): { record: HouseholdRecord } | { error: RecordError } {
  const index = regionIndex(regions, regionCode);
  if (index < 0) {
    return {
      error: {
        messageZh: `当前数据集中没有地区代码 ${regionCode}，请选择其他地区`,
        messageEn: `The loaded dataset has no region with code ${regionCode}; choose another region`,
      },
    };
  }
  const { area: _area, programme: _programme, orphans: _orphans, supportType: _supportType, ...counts } = household;
  return {
    record: {
      ...counts,
      ...householdCodes(household),
      regionCode: regions.code[index],
      regionNameZh: regions.nameZh[index],
      regionNameEn: regions.nameEn[index],
      regionStandard: pair(regions.standard, index),
      regionIncomePrev: pair(regions.incomePrev, index),
      regionConsumptionPrev: pair(regions.consumptionPrev, index),
      regionMinWage: pair(regions.minWage, index),
      regionPopulation: pair(regions.population, index),
      regionCentralShare: regions.centralShare[index],
    },
  };
}

/** The demo's 31 provinces as the engine's RegionArrays (urban and rural side by side), for use without a dataset. */
export function demoRegionArrays(): RegionArrays {
  return demoRegionsToArrays(buildDemoRegions()).regions;
}
