// Conversions between one household row of the typed arrays and a plain HouseholdRecord (for the trace and presets).
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import type { HouseholdRecord } from './types.ts';

/** Read household i (and its region's parameters) as a plain record. */
export function recordFromArrays(h: HouseholdArrays, regions: RegionArrays, i: number): HouseholdRecord {
  const r = h.region[i];
  const u = r * 2;
  const pair = (a: Float64Array): [number, number] => [a[u], a[u + 1]];
  return {
    regionCode: regions.code[r],
    regionNameZh: regions.nameZh[r],
    regionNameEn: regions.nameEn[r],
    area: h.area[i] === 1 ? 1 : 0,
    size: h.size[i],
    elderly: h.elderly[i],
    children: h.children[i],
    disabled: h.disabled[i],
    ill: h.ill[i],
    ableToWork: h.ableToWork[i],
    working: h.working[i],
    careFull: h.careFull[i],
    careHalf: h.careHalf[i],
    incomePc: h.incomePc[i],
    earningsPc: h.earningsPc[i],
    assetsPc: h.assetsPc[i],
    car: h.car[i],
    homes: h.homes[i],
    medicalHh: h.medicalHh[i],
    educationHh: h.educationHh[i],
    rehabHh: h.rehabHh[i],
    programme: h.programme[i],
    gradualExit: h.gradualExit[i],
    monitored: h.monitored[i],
    tekunProfile: h.tekunProfile[i],
    localHukou: h.localHukou[i],
    orphans: h.orphans[i],
    supportType: h.supportType[i],
    weight: h.weight[i],
    regionStandard: pair(regions.standard),
    regionIncomePrev: pair(regions.incomePrev),
    regionConsumptionPrev: pair(regions.consumptionPrev),
    regionMinWage: pair(regions.minWage),
    regionPopulation: pair(regions.population),
    regionCentralShare: regions.centralShare[r],
  };
}

/** A one-household, one-region dataset built from a record (the kernel run behind the trace). */
export function recordToArrays(rec: HouseholdRecord): { households: HouseholdArrays; regions: RegionArrays } {
  const u8 = (v: number) => Uint8Array.of(v);
  const f64 = (v: number) => Float64Array.of(v);
  const households: HouseholdArrays = {
    count: 1,
    region: Uint32Array.of(0),
    area: u8(rec.area),
    size: u8(rec.size),
    elderly: u8(rec.elderly),
    children: u8(rec.children),
    disabled: u8(rec.disabled),
    ill: u8(rec.ill),
    ableToWork: u8(rec.ableToWork),
    working: u8(rec.working),
    careFull: u8(rec.careFull),
    careHalf: u8(rec.careHalf),
    incomePc: f64(rec.incomePc),
    earningsPc: f64(rec.earningsPc),
    assetsPc: f64(rec.assetsPc),
    car: u8(rec.car),
    homes: u8(rec.homes),
    medicalHh: f64(rec.medicalHh),
    educationHh: f64(rec.educationHh),
    rehabHh: f64(rec.rehabHh),
    programme: u8(rec.programme),
    gradualExit: u8(rec.gradualExit),
    monitored: u8(rec.monitored),
    tekunProfile: u8(rec.tekunProfile),
    localHukou: u8(rec.localHukou),
    orphans: u8(rec.orphans),
    supportType: u8(rec.supportType),
    weight: f64(rec.weight),
  };
  const regions: RegionArrays = {
    count: 1,
    code: [rec.regionCode],
    province: Uint16Array.of(0),
    provinceCodes: [rec.regionCode.slice(0, 2)],
    nameZh: [rec.regionNameZh ?? rec.regionCode],
    nameEn: [rec.regionNameEn ?? rec.regionCode],
    population: Float64Array.from(rec.regionPopulation),
    standard: Float64Array.from(rec.regionStandard),
    incomePrev: Float64Array.from(rec.regionIncomePrev),
    consumptionPrev: Float64Array.from(rec.regionConsumptionPrev),
    minWage: Float64Array.from(rec.regionMinWage),
    centralShare: Float64Array.of(rec.regionCentralShare),
  };
  return { households, regions };
}
