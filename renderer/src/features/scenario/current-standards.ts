// Current (dataset) dibao standards and previous-year consumption per province and area, read from the active
// dataset's region arrays (the engine's hand-off, kept on the main thread) for the editor's province table
// (province-level rows only); no DuckDB, so the table fills as soon as the dataset is ready.
import { useMemo } from 'react';
import type { RegionArrays } from '../../../../sim/index.ts';
import { CACHE_KEYS, cacheGet } from '../../services/cache.ts';

/** One province's current standards (yuan/person/month) and previous-year consumption (yuan/person/year). */
export interface ProvinceStandards {
  urban: number;
  rural: number;
  consumptionUrban: number;
  consumptionRural: number;
}

/** Province-level regions' standards and consumption by code (cell = region * 2 + area, area 0 urban, 1 rural). */
export function provinceStandards(regions: RegionArrays): Map<string, ProvinceStandards> {
  const out = new Map<string, ProvinceStandards>();
  for (let i = 0; i < regions.count; i += 1) {
    if (regions.code[i].length !== 2) continue;
    out.set(regions.code[i], {
      urban: regions.standard[i * 2],
      rural: regions.standard[i * 2 + 1],
      consumptionUrban: regions.consumptionPrev[i * 2],
      consumptionRural: regions.consumptionPrev[i * 2 + 1],
    });
  }
  return out;
}

/** The current standards of the active dataset once it is ready (empty map before). */
export function useProvinceStandards(datasetKey: string | null): Map<string, ProvinceStandards> {
  return useMemo(() => {
    const regions = datasetKey ? cacheGet<RegionArrays>(CACHE_KEYS.regions(datasetKey)) : undefined;
    return regions ? provinceStandards(regions) : new Map<string, ProvinceStandards>();
  }, [datasetKey]);
}
