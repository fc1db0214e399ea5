// The region levels of a dataset, decided once: national and province always, and the dataset's own finer level
// (prefectures or counties) when any region code is longer than a province's two digits.
import type { RegionArrays } from '../model/regions.ts';
import type { RegionLevel } from '../outputs/types.ts';

/** True when the dataset has regions below province level (a region code of 4 or 6 digits). */
export function hasFinerLevel(regions: RegionArrays): boolean {
  return regions.code.some((code) => code.length > 2);
}

/** The levels every run aggregates to, coarsest first. */
export function regionLevels(regions: RegionArrays): RegionLevel[] {
  return hasFinerLevel(regions) ? ['national', 'province', 'region'] : ['national', 'province'];
}
