// Maps the calculator's form to the engine's HouseholdRecord in the region table the calculator uses: the loaded
// dataset's regions when one is open, else the demo's 31 provinces (so the calculator works before any data loads).
import type { RegionArrays, HouseholdRecord } from '../../../../sim/index.ts';
import { caseRecord, demoRegionArrays } from '../../../../datasets/index.ts';
import type { RecordError } from '../../../../datasets/index.ts';
import type { HouseholdForm } from './household-form.ts';

export type { RecordError } from '../../../../datasets/index.ts';

let demoRegions: RegionArrays | null = null;

/** The demo regions, built once on first use. */
export function fallbackRegions(): RegionArrays {
  demoRegions ??= demoRegionArrays();
  return demoRegions;
}

/** The engine record for the form's household, or a bilingual error when the region table lacks its region. */
export function toHouseholdRecord(
  form: HouseholdForm,
  regions: RegionArrays,
): { record: HouseholdRecord } | { error: RecordError } {
  return caseRecord(form.regionCode, form.household, regions);
}
