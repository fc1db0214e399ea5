// Maps the calculator's form to the engine's HouseholdRecord: codes by name become AREA/PROGRAMME integers and the
// region's parameters (standard, income, consumption, minimum wage, population, central share) are copied from the
// loaded dataset's region arrays. A region the dataset lacks is a bilingual error value naming the code.
import { AREA, PROGRAMME } from '../../../../sim/model/codes.ts';
import type { RegionArrays } from '../../../../sim/model/regions.ts';
import type { HouseholdRecord } from '../../../../sim/trace/types.ts';
import type { HouseholdForm } from './household-form';

/** A bilingual error naming what the user must fix. */
export interface RecordError {
  messageZh: string;
  messageEn: string;
}

/** Index of the region row for a code: the exact code, else the first row inside it (a province's first county). */
export function regionIndex(regions: RegionArrays, code: string): number {
  const exact = regions.code.indexOf(code);
  if (exact >= 0) return exact;
  return regions.code.findIndex((candidate) => candidate.startsWith(code));
}

const pair = (values: Float64Array, index: number): [number, number] => [values[index * 2], values[index * 2 + 1]];

/** The engine record for the form's household in the dataset's region, or an error when the region is missing. */
export function toHouseholdRecord(
  form: HouseholdForm,
  regions: RegionArrays,
): { record: HouseholdRecord } | { error: RecordError } {
  const index = regionIndex(regions, form.regionCode);
  if (index < 0) {
    return {
      error: {
        messageZh: `当前数据集中没有地区代码 ${form.regionCode}，请选择其他地区`,
        messageEn: `The loaded dataset has no region with code ${form.regionCode}; choose another region`,
      },
    };
  }
  const { area, programme, ...counts } = form.household;
  return {
    record: {
      ...counts,
      regionCode: regions.code[index],
      regionNameZh: regions.nameZh[index],
      regionNameEn: regions.nameEn[index],
      area: AREA[area],
      programme: PROGRAMME[programme],
      regionStandard: pair(regions.standard, index),
      regionIncomePrev: pair(regions.incomePrev, index),
      regionConsumptionPrev: pair(regions.consumptionPrev, index),
      regionMinWage: pair(regions.minWage, index),
      regionPopulation: pair(regions.population, index),
      regionCentralShare: regions.centralShare[index],
    },
  };
}
