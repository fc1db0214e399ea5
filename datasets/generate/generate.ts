// The synthetic demo household generator: a pure function (count, seed) → household and region columns, stratified by
// province × area × status so that the engine's baseline reproduces the national targets (POLICY.md §7). Synthetic.

import { AREA, PROGRAMME, SUPPORT_TYPE } from '../../sim/model/codes.ts';
import { nationalTarget } from '../reference/reference-data.ts';
import { buildDemoRegions } from './demo-regions.ts';
import type { DemoRegions } from './demo-regions.ts';
import { Prng, inverseNormal, normalCdf } from './prng.ts';

/** Seed and size of the bundled demo dataset. */
export const DEMO_SEED = 20240601;
export const DEMO_HOUSEHOLDS = 200_000;

/** Canonical household columns (schema HOUSEHOLDS) as typed arrays. */
export interface DemoHouseholds {
  count: number;
  household_id: Int32Array;
  region_code: string[];
  area: Uint8Array;
  size: Uint8Array;
  elderly: Uint8Array;
  children: Uint8Array;
  disabled: Uint8Array;
  ill: Uint8Array;
  able_to_work: Uint8Array;
  working: Uint8Array;
  care_full: Uint8Array;
  care_half: Uint8Array;
  income_pc: Float64Array;
  earnings_pc: Float64Array;
  assets_pc: Float64Array;
  car: Uint8Array;
  homes: Uint8Array;
  medical_hh: Float64Array;
  education_hh: Float64Array;
  rehab_hh: Float64Array;
  programme: Uint8Array;
  gradual_exit: Uint8Array;
  monitored: Uint8Array;
  tekun_profile: Uint8Array;
  local_hukou: Uint8Array;
  orphans: Uint8Array;
  support_type: Uint8Array;
  weight: Float64Array;
}

/** A generated demo dataset. */
export interface DemoData {
  households: DemoHouseholds;
  regions: DemoRegions;
  seed: number;
}

/**
 * The calibration design: national targets (persons) and the engine defaults the design assumes. Calibrated against
 * the engine's real baseline; change these, not the engine, when the targets move.
 */
export const DEMO_DESIGN = {
  /** Share of dibao-eligible persons not enrolled (exclusion error), and the monitored share among them. */
  exclusionShare: 0.08,
  exclusionMonitoredShare: 0.3,
  /** Low-income persons failing the asset test, relative to dibao persons. */
  assetFailShare: 0.04,
  /**
   * Share of dibao persons whose income from work has just risen above the standard: the baseline moves them into the
   * gradual exit (their `gradual_exit` flag is 0 because the exit starts in the simulated year).
   */
  gradualExitShare: 0.01,
  /** Share of tekun persons in urban areas. */
  tekunUrbanShare: 0.12,
  /** Dibao-marginal and rigid-expenditure persons (10k persons). */
  marginal10k: 600,
  rigid10k: 250,
  /** Engine defaults assumed by the calibration (checked against sim/ in the calibration test). */
  takeupMonitored: 0.85,
  takeupUnmonitored: 0.4,
  assetMonths: 24,
  marginalMultiplier: 1.5,
  tekunLivingMultiplier: 1.3,
  /** Effective tekun care shares of the minimum wage (engine defaults: 25% centralised at 0.5/0.3/0.05, dispersed 0.35/0.2/0.03). */
  careShareFull: 0.3875,
  careShareHalf: 0.225,
  careShareSelf: 0.035,
  /** Share of sample households by stratum (oversampling the assisted and low-income). */
  sampleShare: {
    dibao: 0.2,
    tekun: 0.05,
    excluded: 0.03,
    assetFail: 0.01,
    marginal: 0.05,
    rigid: 0.03,
    watched: 0.08,
    general: 0.55,
  },
} as const;

/** Sample strata: current status groups the generator builds explicitly. */
export const STRATA = ['dibao', 'tekun', 'excluded', 'assetFail', 'marginal', 'rigid', 'watched', 'general'] as const;
export type Stratum = (typeof STRATA)[number];

interface Profile {
  /** Cumulative probabilities of household sizes 1, 2, 3, ... */
  sizeCum: number[];
  pElderly: number;
  pChild: number;
  pDisabled: number;
  pIll: number;
  pWork: number;
}

const cum = (p: number[]): number[] => {
  const out: number[] = [];
  let s = 0;
  for (const x of p) out.push((s += x));
  out[out.length - 1] = 1;
  return out;
};

const PROFILES: Record<Stratum, Profile> = {
  dibao: {
    sizeCum: cum([0.52, 0.27, 0.12, 0.06, 0.03]),
    pElderly: 0.42,
    pChild: 0.16,
    pDisabled: 0.14,
    pIll: 0.16,
    pWork: 0.45,
  },
  tekun: { sizeCum: cum([0.95, 0.05]), pElderly: 0.7, pChild: 0, pDisabled: 0.45, pIll: 0.2, pWork: 0 },
  excluded: {
    sizeCum: cum([0.45, 0.28, 0.14, 0.08, 0.05]),
    pElderly: 0.38,
    pChild: 0.18,
    pDisabled: 0.1,
    pIll: 0.12,
    pWork: 0.5,
  },
  assetFail: {
    sizeCum: cum([0.35, 0.3, 0.18, 0.1, 0.07]),
    pElderly: 0.35,
    pChild: 0.18,
    pDisabled: 0.06,
    pIll: 0.08,
    pWork: 0.55,
  },
  marginal: {
    sizeCum: cum([0.35, 0.3, 0.18, 0.1, 0.07]),
    pElderly: 0.33,
    pChild: 0.2,
    pDisabled: 0.08,
    pIll: 0.1,
    pWork: 0.6,
  },
  rigid: {
    sizeCum: cum([0.2, 0.3, 0.25, 0.15, 0.1]),
    pElderly: 0.25,
    pChild: 0.22,
    pDisabled: 0.08,
    pIll: 0.25,
    pWork: 0.75,
  },
  watched: {
    sizeCum: cum([0.28, 0.3, 0.2, 0.12, 0.06, 0.04]),
    pElderly: 0.3,
    pChild: 0.2,
    pDisabled: 0.05,
    pIll: 0.07,
    pWork: 0.7,
  },
  general: {
    sizeCum: cum([0.25, 0.3, 0.21, 0.13, 0.07, 0.04]),
    pElderly: 0.2,
    pChild: 0.19,
    pDisabled: 0.015,
    pIll: 0.02,
    pWork: 0.85,
  },
};

/** Persons (not households) per region cell and stratum, from the national targets and the regions table. */
export function stratumPersons(regions: DemoRegions): Record<Stratum, Float64Array> {
  const n = regions.count;
  const make = (): Float64Array => new Float64Array(n);
  const out: Record<Stratum, Float64Array> = {
    dibao: make(),
    tekun: make(),
    excluded: make(),
    assetFail: make(),
    marginal: make(),
    rigid: make(),
    watched: make(),
    general: make(),
  };
  const d = DEMO_DESIGN;
  const tk = (m: number): number =>
    d.exclusionMonitoredShare * m + (1 - d.exclusionMonitoredShare) * d.takeupUnmonitored;
  const expectedTakeup = tk(d.takeupMonitored);
  const targets = [
    nationalTarget('dibao_persons_urban').value * 1e4,
    nationalTarget('dibao_persons_rural').value * 1e4,
  ];
  const tekunTotal = nationalTarget('tekun_persons').value * 1e4;
  const tekunTargets = [tekunTotal * d.tekunUrbanShare, tekunTotal * (1 - d.tekunUrbanShare)];
  for (const area of [AREA.urban, AREA.rural]) {
    let natPop = 0;
    let natIncome = 0;
    for (let r = area; r < n; r += 2) {
      natPop += regions.population[r];
      natIncome += regions.population[r] * regions.income_prev_pc[r];
    }
    natIncome /= natPop;
    const intensity = new Float64Array(n);
    let sumIntensity = 0;
    for (let r = area; r < n; r += 2) {
      intensity[r] = regions.population[r] * Math.pow(natIncome / regions.income_prev_pc[r], 1.5);
      sumIntensity += intensity[r];
    }
    for (let r = area; r < n; r += 2) {
      const share = intensity[r] / sumIntensity;
      const eligible = (targets[area] * share) / (1 - d.exclusionShare + d.exclusionShare * expectedTakeup);
      out.excluded[r] = eligible * d.exclusionShare;
      out.dibao[r] = eligible * (1 - d.exclusionShare);
      out.tekun[r] = tekunTargets[area] * share;
      out.assetFail[r] = targets[area] * share * d.assetFailShare;
    }
  }
  const dibaoTotal = targets[0] + targets[1];
  const popTotal = regions.population.reduce((s, x) => s + x, 0);
  const monitoredTarget = nationalTarget('monitored_low_income_persons').value * 1e4;
  let notWatched = 0;
  for (let r = 0; r < n; r++) {
    out.marginal[r] = ((out.dibao[r] + out.excluded[r]) / dibaoTotal) * d.marginal10k * 1e4;
    out.rigid[r] = (regions.population[r] / popTotal) * d.rigid10k * 1e4;
    const excludedMonitoredEv =
      out.excluded[r] * (d.exclusionMonitoredShare + (1 - d.exclusionMonitoredShare) * d.takeupUnmonitored);
    notWatched += out.dibao[r] + out.tekun[r] + out.marginal[r] + out.rigid[r] + excludedMonitoredEv;
  }
  const watchedTotal = Math.max(0, monitoredTarget - notWatched);
  for (let r = 0; r < n; r++) {
    out.watched[r] = (regions.population[r] / popTotal) * watchedTotal;
    let others = 0;
    for (const s of STRATA) if (s !== 'general') others += out[s][r];
    out.general[r] = Math.max(0, regions.population[r] - others - out.dibao[r] * d.gradualExitShare);
  }
  return out;
}

/** Allocate `total` sample households to cells in proportion to `persons`, at least `min` per non-empty cell. */
function allocate(persons: Float64Array, total: number, min: number): Int32Array {
  const n = persons.length;
  const out = new Int32Array(n);
  const sum = persons.reduce((s, x) => s + x, 0);
  let used = 0;
  const rema: { r: number; frac: number }[] = [];
  for (let r = 0; r < n; r++) {
    if (persons[r] <= 0) continue;
    const exact = (persons[r] / sum) * total;
    out[r] = Math.max(min, Math.floor(exact));
    used += out[r];
    rema.push({ r, frac: exact - Math.floor(exact) });
  }
  rema.sort((a, b) => b.frac - a.frac || a.r - b.r);
  for (let i = 0; used < total && rema.length > 0; i = (i + 1) % rema.length) {
    out[rema[i].r]++;
    used++;
  }
  while (used > total) {
    let largest = 0;
    for (let r = 1; r < n; r++) if (out[r] > out[largest]) largest = r;
    if (out[largest] <= min) break;
    out[largest]--;
    used--;
  }
  return out;
}

/** Mean income fraction of the standard for dibao households, so the dibao gap cost hits the annualised estimate. */
function dibaoIncomeShare(regions: DemoRegions, persons: Record<Stratum, Float64Array>): number {
  const d = DEMO_DESIGN;
  const takeup = d.exclusionMonitoredShare * d.takeupMonitored + (1 - d.exclusionMonitoredShare) * d.takeupUnmonitored;
  let full = 0;
  for (let r = 0; r < regions.count; r++) {
    full +=
      (persons.dibao[r] * (1 - d.gradualExitShare) + persons.excluded[r] * takeup) * regions.dibao_standard[r] * 12;
  }
  const target = nationalTarget('dibao_spending_annual_est').value * 1e8;
  return Math.min(0.9, Math.max(0.05, 1 - target / full));
}

/** Shares of tekun persons needing full and half care, so tekun cost hits the annualised estimate. */
function tekunCareShares(regions: DemoRegions, persons: Record<Stratum, Float64Array>): { full: number; half: number } {
  const d = DEMO_DESIGN;
  let living = 0;
  let wageYear = 0;
  let total = 0;
  for (let r = 0; r < regions.count; r++) {
    living += persons.tekun[r] * d.tekunLivingMultiplier * regions.dibao_standard[r] * 12;
    wageYear += persons.tekun[r] * regions.min_wage[r] * 12;
    total += persons.tekun[r];
  }
  const target = nationalTarget('tekun_spending_annual_est').value * 1e8;
  const careShare = (target - living) / wageYear;
  const f =
    (careShare - d.careShareSelf) / (d.careShareFull - d.careShareSelf + 2 * (d.careShareHalf - d.careShareSelf));
  const full = Math.min(0.3, Math.max(0, f));
  return total > 0 ? { full, half: 2 * full } : { full: 0, half: 0 };
}

/** Draw from a log-normal with the given mean and sigma, conditioned on being at least `floor`. */
function truncatedLogNormal(rng: Prng, mean: number, sigma: number, floor: number, cap = Infinity): number {
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  const lo = normalCdf((Math.log(floor) - mu) / sigma);
  const hi = cap === Infinity ? 1 : normalCdf((Math.log(cap) - mu) / sigma);
  const u = lo + (hi - lo) * rng.uniform();
  const x = Math.exp(mu + sigma * inverseNormal(Math.min(1 - 1e-12, Math.max(1e-12, u))));
  return Math.min(cap, Math.max(floor, x));
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Fewest sample households for `prefectures` per province: 1,000 per 62 region rows (31 provinces × 2 areas), so
 * every stratum of every region row gets its minimum sample.
 */
export function minimumHouseholds(prefectures = 0): number {
  return 1000 * Math.max(1, prefectures);
}

/** Options of `generateDemo`. */
export interface GenerateOptions {
  /** Synthetic prefectures per province (0 = province rows only, the default; at most 9). */
  prefectures?: number;
}

/** Most sample households the generator makes (typed arrays of this length stay well inside memory). */
export const MAX_GENERATED_HOUSEHOLDS = 5_000_000;

/**
 * Generate the synthetic demo: `count` sample households (at least 1,000) from a 32-bit `seed`, over provinces or
 * (with `prefectures`) synthetic prefectures. Deterministic.
 */
export function generateDemo(count: number, seed: number, options: GenerateOptions = {}): DemoData {
  if (!Number.isInteger(count) || count < 1000 || count > MAX_GENERATED_HOUSEHOLDS) {
    throw new RangeError(
      `样本户数须为 1,000–5,000,000 的整数：${count} / Household count must be an integer from 1,000 to 5,000,000: ${count}`,
    );
  }
  const regions = buildDemoRegions(options.prefectures ?? 0);
  const needed = minimumHouseholds(options.prefectures);
  if (count < needed) {
    throw new RangeError(
      `${regions.count} 个地区行至少需要 ${needed} 户样本：${count} / ${regions.count} region rows need at least ${needed} sample households: ${count}`,
    );
  }
  const persons = stratumPersons(regions);
  const d = DEMO_DESIGN;
  // Minimum sample per stratum and region row: one per 1,000 households per 62 region rows, at most 12.
  const min = Math.max(1, Math.min(12, Math.floor(count / needed)));
  const alloc = {} as Record<Stratum, Int32Array>;
  let allocated = 0;
  for (const s of STRATA) {
    if (s === 'general') continue;
    alloc[s] = allocate(persons[s], Math.round(count * d.sampleShare[s]), min);
    allocated += alloc[s].reduce((a, x) => a + x, 0);
  }
  alloc.general = allocate(persons.general, Math.max(regions.count, count - allocated), min);
  const incomeShare = dibaoIncomeShare(regions, persons);
  const incomeExponent = 1 / incomeShare - 1;
  const care = tekunCareShares(regions, persons);

  const hh = emptyHouseholds(count);
  const rng = new Prng(seed);
  let row = 0;
  for (let r = 0; r < regions.count && row < count; r++) {
    const area = regions.area[r];
    const urban = area === AREA.urban;
    const code = regions.region_code[r];
    const std = regions.dibao_standard[r] * 12;
    const prev = regions.income_prev_pc[r];
    const assetLimit = d.assetMonths * regions.dibao_standard[r];
    for (const s of STRATA) {
      const n = Math.min(alloc[s][r], count - row);
      if (n === 0) continue;
      const start = row;
      const profile = PROFILES[s];
      let sizeSum = 0;
      for (let k = 0; k < n; k++, row++) {
        hh.household_id[row] = row + 1;
        hh.region_code[row] = code;
        hh.area[row] = area;
        const size =
          s === 'tekun'
            ? 1 + rng.pick(profile.sizeCum)
            : 1 + rng.pick(profile.sizeCum) + (urban || !rng.chance(0.15) ? 0 : 1);
        hh.size[row] = size;
        let elderly = 0;
        let children = 0;
        let disabled = 0;
        let ill = 0;
        let able = 0;
        let working = 0;
        for (let m = 0; m < size; m++) {
          const u = rng.uniform();
          const isElderly = u < profile.pElderly;
          const isChild = !isElderly && m > 0 && u < profile.pElderly + profile.pChild;
          const isDisabled = rng.chance(profile.pDisabled);
          const isIll = rng.chance(profile.pIll);
          if (isElderly) elderly++;
          if (isChild) children++;
          if (isDisabled) disabled++;
          if (isIll) ill++;
          if (s !== 'tekun' && !isElderly && !isChild && !isDisabled && !isIll && rng.chance(0.95)) {
            able++;
            if (rng.chance(profile.pWork)) working++;
          }
        }
        if (s === 'tekun' && elderly === 0 && disabled === 0) disabled = 1;
        hh.elderly[row] = elderly;
        hh.children[row] = children;
        hh.disabled[row] = disabled;
        hh.ill[row] = ill;
        hh.able_to_work[row] = able;
        hh.working[row] = working;
        let careFull = 0;
        let careHalf = 0;
        if (s === 'tekun') {
          const c = rng.uniform();
          if (c < care.full) careFull = 1;
          else if (c < care.full + care.half) careHalf = 1;
        } else {
          const dependants = Math.min(size, disabled + (elderly > 0 && ill > 0 ? 1 : 0));
          for (let m = 0; m < dependants; m++) {
            const c = rng.uniform();
            if (c < 0.25) careFull++;
            else if (c < 0.55) careHalf++;
          }
        }
        hh.care_full[row] = careFull;
        hh.care_half[row] = careHalf;

        let income: number;
        let assets: number;
        let car = 0;
        let homes = urban ? (rng.chance(0.2) ? 0 : 1) : 1;
        let programme: number = PROGRAMME.none;
        let monitored = 0;
        let leaving = 0;
        let tekunProfile = 0;
        let localHukou = 1;
        let rigidFloor = 0;
        let rigidCap = Infinity;
        switch (s) {
          case 'dibao':
            programme = PROGRAMME.dibao;
            monitored = 1;
            if (rng.chance(d.gradualExitShare / 0.4) && working > 0) {
              leaving = 1;
              income = std * rng.between(1.02, 1.3);
            } else {
              income = std * Math.pow(rng.uniform(), incomeExponent) * 0.999;
            }
            assets = assetLimit * rng.uniform() * rng.uniform() * 0.8;
            break;
          case 'excluded':
            monitored = rng.chance(d.exclusionMonitoredShare) ? 1 : 0;
            income = std * Math.pow(rng.uniform(), incomeExponent) * 0.999;
            assets = assetLimit * rng.uniform() * 0.8;
            break;
          case 'tekun':
            programme = PROGRAMME.tekun;
            monitored = 1;
            tekunProfile = 1;
            homes = rng.chance(0.6) ? 1 : 0;
            income = std * rng.uniform() * 0.5;
            assets = assetLimit * rng.uniform() * 0.3;
            break;
          case 'assetFail':
            income = std * rng.uniform() * 0.999;
            if (rng.chance(0.5)) {
              car = 1;
              assets = assetLimit * rng.uniform();
            } else {
              assets = assetLimit * rng.between(1.6, 4);
            }
            break;
          case 'marginal':
            programme = PROGRAMME.marginal;
            monitored = 1;
            income = std * rng.between(1.001, d.marginalMultiplier * 0.999);
            assets = assetLimit * rng.uniform() * 0.8;
            break;
          case 'rigid':
            programme = PROGRAMME.rigid;
            monitored = 1;
            income = rng.between(
              d.marginalMultiplier * std * 1.01,
              Math.max(d.marginalMultiplier * std * 1.02, prev * 0.98),
            );
            assets = assetLimit * rng.uniform() * 0.8;
            rigidFloor = income * size * rng.between(1.0, 1.8);
            break;
          case 'watched':
            monitored = 1;
            income = truncatedLogNormal(rng, prev * 0.55, 0.45, d.marginalMultiplier * std * 1.01);
            assets = income * Math.exp(rng.normal() * 0.8) * 0.6;
            car = rng.chance(0.08) ? 1 : 0;
            rigidCap = income < prev ? income * size * 0.45 : Infinity;
            break;
          default:
            income = truncatedLogNormal(rng, prev * 1.05, urban ? 0.6 : 0.65, d.marginalMultiplier * std * 1.01);
            assets = income * Math.exp(rng.normal() * 0.9) * 0.9;
            car = rng.chance(Math.min(0.85, (urban ? 0.25 : 0.15) * (income / prev))) ? 1 : 0;
            if (rng.chance(0.12)) homes++;
            localHukou = rng.chance(urban ? 0.8 : 0.97) ? 1 : 0;
            rigidCap = income < prev ? income * size * 0.45 : Infinity;
        }
        const earnings =
          working > 0
            ? income * (leaving ? rng.between(0.6, 0.95) : rng.between(0.3, 0.9))
            : s === 'general' || s === 'watched'
              ? income * rng.between(0, 0.3)
              : 0;
        let medical = size * 650 * Math.exp(rng.normal() * 0.9 - 0.4) + ill * rng.between(4000, 30000);
        let education = children * rng.between(800, urban ? 6000 : 3500);
        let rehab = disabled * rng.between(0, 4000);
        const rigidTotal = medical + education + rehab;
        if (rigidTotal < rigidFloor) medical += rigidFloor - rigidTotal;
        if (rigidTotal > rigidCap) {
          const f = rigidCap / rigidTotal;
          medical *= f;
          education *= f;
          rehab *= f;
        }
        hh.income_pc[row] = round2(income);
        hh.earnings_pc[row] = round2(Math.min(earnings, income));
        hh.assets_pc[row] = round2(assets);
        hh.car[row] = car;
        hh.homes[row] = homes;
        hh.medical_hh[row] = round2(medical);
        hh.education_hh[row] = round2(education);
        hh.rehab_hh[row] = round2(rehab);
        hh.programme[row] = programme;
        hh.gradual_exit[row] = 0;
        hh.monitored[row] = monitored;
        hh.tekun_profile[row] = tekunProfile;
        hh.local_hukou[row] = localHukou;
        if (!leaving) sizeSum += size;
      }
      const w = persons[s][r] / Math.max(1, sizeSum);
      for (let k = start; k < row; k++) hh.weight[k] = w;
    }
  }
  if (row !== count)
    throw new Error(
      `内部错误：生成 ${row} 户而非 ${count} 户 / Internal error: generated ${row} households, not ${count}`,
    );
  addOrphansAndSupportTypes(hh, seed);
  return { households: hh, regions, seed };
}

/**
 * Orphans and support types (a separate step with its own random stream, so the strata above are unchanged).
 * Targets: MCA 2020 statistical bulletin, 193 thousand orphans, of whom 134 thousand dispersed (社会散居) and so 59
 * thousand in institutions. Dispersed orphans: one child in households with children and an elderly member
 * (grandparents raising a grandchild), drawn until their weight reaches the target. Institutional orphans: general
 * one-person households turned into an orphan of 15 in a children's welfare institution (no income or assets), drawn
 * until their weight reaches the target; the population total is unchanged. Tekun households: centralised support
 * with probability 0.25, the engine's default `tekun.centralisedShare`, so the calibrated care cost holds.
 */
export const DEMO_ORPHANS = { dispersed: 134_000, institutional: 59_000, tekunCentralisedShare: 0.25 } as const;

function addOrphansAndSupportTypes(hh: DemoHouseholds, seed: number): void {
  const rng = new Prng((seed ^ 0x6f727068) >>> 0);
  const kin: number[] = [];
  const single: number[] = [];
  for (let i = 0; i < hh.count; i++) {
    if (hh.programme[i] === PROGRAMME.tekun) {
      hh.support_type[i] = rng.chance(DEMO_ORPHANS.tekunCentralisedShare)
        ? SUPPORT_TYPE.centralised
        : SUPPORT_TYPE.dispersed;
    } else if (hh.children[i] > 0 && hh.elderly[i] > 0) {
      kin.push(i);
    } else if (hh.size[i] === 1 && hh.programme[i] === PROGRAMME.none && hh.tekun_profile[i] === 0) {
      single.push(i);
    }
  }
  const draw = (candidates: number[], target: number, mark: (i: number) => void): void => {
    // Fisher–Yates on the candidate list, then take rows until their weighted orphans reach the target.
    for (let k = candidates.length - 1; k > 0; k--) {
      const j = Math.floor(rng.uniform() * (k + 1));
      [candidates[k], candidates[j]] = [candidates[j], candidates[k]];
    }
    let total = 0;
    for (const i of candidates) {
      if (total >= target) break;
      mark(i);
      total += hh.weight[i];
    }
  };
  draw(kin, DEMO_ORPHANS.dispersed, (i) => {
    hh.orphans[i] = 1;
    hh.support_type[i] = SUPPORT_TYPE.dispersed;
    hh.monitored[i] = 1;
  });
  draw(single, DEMO_ORPHANS.institutional, (i) => {
    hh.children[i] = 1;
    hh.orphans[i] = 1;
    hh.support_type[i] = SUPPORT_TYPE.centralised;
    hh.elderly[i] = 0;
    hh.disabled[i] = 0;
    hh.ill[i] = 0;
    hh.able_to_work[i] = 0;
    hh.working[i] = 0;
    hh.care_full[i] = 0;
    hh.care_half[i] = 0;
    hh.income_pc[i] = 0;
    hh.earnings_pc[i] = 0;
    hh.assets_pc[i] = 0;
    hh.car[i] = 0;
    hh.homes[i] = 0;
    hh.medical_hh[i] = round2(hh.medical_hh[i] * 0.2);
    hh.education_hh[i] = round2(rng.between(800, 3000));
    hh.rehab_hh[i] = 0;
    hh.monitored[i] = 1;
    hh.local_hukou[i] = 1;
  });
}

/** Allocate empty household columns for `count` rows. */
function emptyHouseholds(count: number): DemoHouseholds {
  const u8 = (): Uint8Array => new Uint8Array(count);
  const f64 = (): Float64Array => new Float64Array(count);
  return {
    count,
    household_id: new Int32Array(count),
    region_code: new Array<string>(count),
    area: u8(),
    size: u8(),
    elderly: u8(),
    children: u8(),
    disabled: u8(),
    ill: u8(),
    able_to_work: u8(),
    working: u8(),
    care_full: u8(),
    care_half: u8(),
    income_pc: f64(),
    earnings_pc: f64(),
    assets_pc: f64(),
    car: u8(),
    homes: u8(),
    medical_hh: f64(),
    education_hh: f64(),
    rehab_hh: f64(),
    programme: u8(),
    gradual_exit: u8(),
    monitored: u8(),
    tekun_profile: u8(),
    local_hukou: u8(),
    orphans: u8(),
    support_type: u8(),
    weight: f64(),
  };
}
