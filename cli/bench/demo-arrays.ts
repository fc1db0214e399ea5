// Turns generated demo columns straight into the engine's HouseholdArrays/RegionArrays (no DuckDB), so the benchmark
// can build 1,000,000 households quickly; the import path through DuckDB is timed separately.
import type { DemoData } from '../../datasets/generate/generate.ts';
import type { DemoRegions } from '../../datasets/generate/demo-regions.ts';
import type { HouseholdArrays } from '../../sim/model/households.ts';
import type { RegionArrays } from '../../sim/model/regions.ts';

/** Engine regions of generated region rows: one region per code, urban and rural parameters side by side. */
export function demoRegionsToArrays(r: DemoRegions): { regions: RegionArrays; index: Map<string, number> } {
  const codes = [...new Set(r.region_code)].sort();
  const index = new Map(codes.map((code, i) => [code, i]));
  const provinceCodes = [...new Set(codes.map((c) => c.slice(0, 2)))].sort();
  const provinceIndex = new Map(provinceCodes.map((code, i) => [code, i]));
  const cells = codes.length * 2;
  const regions: RegionArrays = {
    count: codes.length,
    code: codes,
    province: Uint16Array.from(codes, (c) => provinceIndex.get(c.slice(0, 2)) ?? 0),
    provinceCodes,
    nameZh: new Array<string>(codes.length).fill(''),
    nameEn: new Array<string>(codes.length).fill(''),
    population: new Float64Array(cells),
    standard: new Float64Array(cells),
    incomePrev: new Float64Array(cells),
    consumptionPrev: new Float64Array(cells),
    minWage: new Float64Array(cells),
    centralShare: new Float64Array(codes.length),
  };
  for (let row = 0; row < r.count; row++) {
    const region = index.get(r.region_code[row]) ?? 0;
    const cell = region * 2 + r.area[row];
    regions.nameZh[region] = r.name_zh[row];
    regions.nameEn[region] = r.name_en[row];
    regions.population[cell] = r.population[row];
    regions.standard[cell] = r.dibao_standard[row];
    regions.incomePrev[cell] = r.income_prev_pc[row];
    regions.consumptionPrev[cell] = r.consumption_prev_pc[row];
    regions.minWage[cell] = r.min_wage[row];
    regions.centralShare[region] = r.central_share[row];
  }
  return { regions, index };
}

/** Engine arrays of a generated dataset (households joined to their region by code). */
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
    weight: h.weight,
  };
  return { households, regions };
}
