// Direct conversion of generated demo columns to the engine's typed arrays (no DuckDB), for the CLI, benchmarks and
// the calibration check. Imported files go through DuckDB instead (import/handoff.ts); both give identical arrays.

import type { HouseholdArrays, RegionArrays } from '../../sim/index.ts';
import type { DemoData } from './generate.ts';
import type { DemoRegions } from './demo-regions.ts';

/** Engine regions from generated region rows: one region per code (sorted), urban and rural side by side. */
export function demoRegionsToArrays(r: DemoRegions): { regions: RegionArrays; index: Map<string, number> } {
  const codes = [...new Set(r.region_code)].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const n = codes.length;
  const cell = (
    name: 'population' | 'dibao_standard' | 'income_prev_pc' | 'consumption_prev_pc' | 'min_wage',
  ): Float64Array => {
    const out = new Float64Array(n * 2);
    for (let i = 0; i < r.count; i++) out[(index.get(r.region_code[i]) ?? 0) * 2 + r.area[i]] = r[name][i];
    return out;
  };
  const nameZh = new Array<string>(n);
  const nameEn = new Array<string>(n);
  const centralShare = new Float64Array(n);
  for (let i = r.count - 1; i >= 0; i--) {
    const k = index.get(r.region_code[i]) ?? 0;
    nameZh[k] = r.name_zh[i];
    nameEn[k] = r.name_en[i];
    centralShare[k] = r.central_share[i];
  }
  const provinceCodes = [...new Set(codes.map((c) => c.slice(0, 2)))].sort();
  const regions: RegionArrays = {
    count: n,
    code: codes,
    province: Uint16Array.from(codes, (c) => provinceCodes.indexOf(c.slice(0, 2))),
    provinceCodes,
    nameZh,
    nameEn,
    population: cell('population'),
    standard: cell('dibao_standard'),
    incomePrev: cell('income_prev_pc'),
    consumptionPrev: cell('consumption_prev_pc'),
    minWage: cell('min_wage'),
    centralShare,
  };
  return { regions, index };
}

/** Engine inputs from a generated demo: regions sorted by code, households in generated order. */
export function demoToEngineArrays(data: DemoData): { households: HouseholdArrays; regions: RegionArrays } {
  const { regions, index } = demoRegionsToArrays(data.regions);
  const h = data.households;
  const region = new Uint32Array(h.count);
  for (let i = 0; i < h.count; i++) region[i] = index.get(h.region_code[i]) ?? 0;
  const households: HouseholdArrays = {
    count: h.count,
    region,
    area: h.area,
    size: h.size,
    elderly: h.elderly,
    children: h.children,
    disabled: h.disabled,
    ill: h.ill,
    ableToWork: h.able_to_work,
    working: h.working,
    careFull: h.care_full,
    careHalf: h.care_half,
    incomePc: h.income_pc,
    earningsPc: h.earnings_pc,
    assetsPc: h.assets_pc,
    car: h.car,
    homes: h.homes,
    medicalHh: h.medical_hh,
    educationHh: h.education_hh,
    rehabHh: h.rehab_hh,
    programme: h.programme,
    gradualExit: h.gradual_exit,
    monitored: h.monitored,
    tekunProfile: h.tekun_profile,
    localHukou: h.local_hukou,
    orphans: h.orphans,
    supportType: h.support_type,
    weight: h.weight,
  };
  return { households, regions };
}
