// Small seeded synthetic households and regions for engine tests, property tests and the engine's own timing script.
// Not the calibrated demo data (that is the data layer's generator); just plausible rows exercising every rule.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { hash4 } from '../random/counter-hash.ts';

/** A seeded uniform stream: u(k) for successive k. */
function stream(seed: number, lane: number): () => number {
  let k = 0;
  return () => hash4(seed, lane, k++, 0x5eed) / 4294967296;
}

/** Regions: `count` provinces with codes 11, 12, … and plausible standards, incomes and wages. */
export function syntheticRegions(count = 4, seed = 1): RegionArrays {
  const u = stream(seed, 1);
  const code: string[] = [];
  const n2 = count * 2;
  const r: RegionArrays = {
    count,
    code,
    province: new Uint16Array(count),
    provinceCodes: [],
    nameZh: [],
    nameEn: [],
    population: new Float64Array(n2),
    standard: new Float64Array(n2),
    incomePrev: new Float64Array(n2),
    consumptionPrev: new Float64Array(n2),
    minWage: new Float64Array(n2),
    centralShare: new Float64Array(count),
  };
  for (let i = 0; i < count; i++) {
    const c = String(11 + i);
    code.push(c);
    r.provinceCodes.push(c);
    r.province[i] = i;
    r.nameZh.push(`省${c}`);
    r.nameEn.push(`Province ${c}`);
    const urbanStd = Math.round(700 + 500 * u());
    r.standard[i * 2] = urbanStd;
    r.standard[i * 2 + 1] = Math.round(urbanStd * (0.65 + 0.35 * u()));
    r.incomePrev[i * 2] = 40000 + 30000 * u();
    r.incomePrev[i * 2 + 1] = 18000 + 10000 * u();
    r.consumptionPrev[i * 2] = r.incomePrev[i * 2] * 0.65;
    r.consumptionPrev[i * 2 + 1] = r.incomePrev[i * 2 + 1] * 0.8;
    r.minWage[i * 2] = 1900 + 600 * u();
    r.minWage[i * 2 + 1] = r.minWage[i * 2] * 0.9;
    r.population[i * 2] = 3e7 * u();
    r.population[i * 2 + 1] = 2e7 * u();
    r.centralShare[i] = 0.4 + 0.5 * u();
  }
  return r;
}

/**
 * `n` households over the regions. `lowShare` of them have incomes spread across 0.2–3× the standard so every
 * programme and boundary occurs; the others follow a log-normal around 5× the standard.
 */
export function syntheticHouseholds(n: number, regions: RegionArrays, seed = 7, lowShare = 0.1): HouseholdArrays {
  const u = stream(seed, 2);
  const h: HouseholdArrays = {
    count: n,
    region: new Uint32Array(n),
    area: new Uint8Array(n),
    size: new Uint8Array(n),
    elderly: new Uint8Array(n),
    children: new Uint8Array(n),
    disabled: new Uint8Array(n),
    ill: new Uint8Array(n),
    ableToWork: new Uint8Array(n),
    working: new Uint8Array(n),
    careFull: new Uint8Array(n),
    careHalf: new Uint8Array(n),
    incomePc: new Float64Array(n),
    earningsPc: new Float64Array(n),
    assetsPc: new Float64Array(n),
    car: new Uint8Array(n),
    homes: new Uint8Array(n),
    medicalHh: new Float64Array(n),
    educationHh: new Float64Array(n),
    rehabHh: new Float64Array(n),
    programme: new Uint8Array(n),
    gradualExit: new Uint8Array(n),
    monitored: new Uint8Array(n),
    tekunProfile: new Uint8Array(n),
    localHukou: new Uint8Array(n),
    orphans: new Uint8Array(n),
    supportType: new Uint8Array(n),
    weight: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = Math.floor(u() * regions.count);
    const a = u() < 0.4 ? 1 : 0;
    const c = r * 2 + a;
    h.region[i] = r;
    h.area[i] = a;
    const size = 1 + Math.floor(u() * u() * 6);
    h.size[i] = size;
    const elderly = Math.min(size, Math.floor(u() * 2.5));
    const children = Math.min(size - elderly, Math.floor(u() * 2.2));
    h.elderly[i] = elderly;
    h.children[i] = children;
    h.disabled[i] = u() < 0.08 ? 1 : 0;
    h.ill[i] = u() < 0.1 ? 1 : 0;
    const adults = size - elderly - children;
    h.ableToWork[i] = adults;
    const working = adults > 0 ? Math.floor(u() * (adults + 1)) : 0;
    h.working[i] = working;
    h.careFull[i] = u() < 0.05 ? 1 : 0;
    h.careHalf[i] = u() < 0.05 && size > h.careFull[i] ? 1 : 0;
    // Income relative to the standard: a share `lowShare` of households log-uniform from 0.2× to 3× the standard
    // (exercising every rule and boundary), the rest log-normal around 5× (a realistic tail of the distribution).
    const rel =
      u() < lowShare
        ? Math.exp(Math.log(0.2) + u() * Math.log(15))
        : Math.exp(Math.log(5) + 0.8 * Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u()));
    const income = u() < 0.03 ? 0 : rel * regions.standard[c] * 12;
    h.incomePc[i] = income;
    h.earningsPc[i] = working > 0 ? income * (0.3 + 0.7 * u()) : 0;
    h.assetsPc[i] = u() * 40 * regions.standard[c];
    h.car[i] = u() < 0.15 ? 1 : 0;
    h.homes[i] = u() < 0.1 ? 2 : u() < 0.85 ? 1 : 0;
    h.medicalHh[i] = u() < 0.2 ? u() * 40000 : u() * 2000;
    h.educationHh[i] = children > 0 ? u() * 8000 : 0;
    h.rehabHh[i] = h.disabled[i] ? u() * 10000 : 0;
    const below = income / 12 < regions.standard[c];
    h.programme[i] = below && u() < 0.7 ? 1 : !below && u() < 0.03 ? 1 : 0;
    h.tekunProfile[i] = size === 1 && elderly + h.disabled[i] > 0 && u() < 0.3 ? 1 : 0;
    if (h.tekunProfile[i] && below && u() < 0.8) h.programme[i] = 2;
    h.gradualExit[i] = h.programme[i] === 1 && u() < 0.02 ? 1 : 0;
    h.monitored[i] = h.programme[i] !== 0 || (income / 12 < 2 * regions.standard[c] && u() < 0.5) ? 1 : 0;
    h.localHukou[i] = u() < 0.85 ? 1 : 0;
    // Orphans and support types from the row number (no extra draws, so every other column stays as it was): the
    // children of every 53rd household are orphans; tekun and orphan households cycle unknown/centralised/dispersed.
    h.orphans[i] = i % 53 === 0 ? children : 0;
    h.supportType[i] = h.tekunProfile[i] > 0 || h.orphans[i] > 0 ? i % 3 : 0;
    h.weight[i] = 50 + 200 * u();
  }
  return h;
}

/**
 * Regions below province level: `provinces` provinces (codes 11, 12, …) with `perProvince` prefectures each (codes
 * 1101, 1102, …), parameters as `syntheticRegions` draws them.
 */
export function syntheticPrefectures(provinces = 3, perProvince = 3, seed = 1): RegionArrays {
  const r = syntheticRegions(provinces * perProvince, seed);
  r.provinceCodes = Array.from({ length: provinces }, (_, p) => String(11 + p));
  for (let i = 0; i < r.count; i++) {
    const p = Math.floor(i / perProvince);
    const code = `${11 + p}${String((i % perProvince) + 1).padStart(2, '0')}`;
    r.code[i] = code;
    r.province[i] = p;
    r.nameZh[i] = `市${code}`;
    r.nameEn[i] = `City ${code}`;
  }
  return r;
}
