// The synthetic demo household generator (v2): a pure function (count, seed) → household and region columns. Every
// province × area cell draws per-capita survey income from one smooth Dagum distribution (no strata on either side of
// any threshold); household make-up, assets and spending vary smoothly with the income rank. Current programmes
// (dibao, tekun, marginal, rigid) then follow from the engine's own rules on assessed income (sim/rules/
// assessed-income.ts), with a stock take-up. A few scalar knobs are solved against the engine's baseline so the
// admin targets hold (POLICY.md §7). Synthetic; the model is documented in datasets/SCHEMA.md and MODEL-VALIDATION.md.
//
// Income model. Per cell, survey income per capita x ~ Dagum(a, b, p): F(x) = (1 + (x/b)^-a)^-p, quantile
// x(u) = b (u^(-1/p) - 1)^(-1/a). The shapes (a, p) and one level factor per area are fitted jointly (minimising the
// largest relative deviation, the bottom fifth weighted 1.6×) to eleven NBS 2023 figures uprated to the demo year
// (2024) by the 2023→2024 growth of the mean: the national quintile means (five equal groups of households), the
// national, urban and rural medians (NBS's median is the per-capita income of the middle household) and means.
// NBS's national mean is not the urbanisation-weighted average of its urban and rural means (39,218 implies an urban
// weight of 58%; urbanisation is 66%), so with the official urbanisation no population meets all three means: the
// fit puts the national mean about 2% above and the area means 2–4% below. The scale b of each cell makes its mean
// over persons the province's previous-year mean (reference/provinces.csv, split urban/rural in demo-regions.ts)
// times the growth times the area's level. Household size varies smoothly with the rank (`sizeDistribution`).
//
// Assets. Financial assets are proportional to income with a log-normal spread, scaled per area by a solved knob,
// net of the last 12 months' rigid spending (medical, education, rehabilitation) paid out of them. The urban knob
// comes out far above any household-savings figure: it stands in for the urban exclusions the rules do not model
// (dibao's local-hukou requirement, income imputed to able-bodied members, legal supporters' income), which keep
// urban dibao at 0.7% of the urban population while about 6% have survey income below the urban standard.
//
// Sample design. Household k of a cell has rank u = v² (v uniform): the bottom of the distribution is oversampled
// (a tenth of persons gets 32% of the sample) with a smooth design weight ∝ 2√u, normalised so each cell's weighted
// persons equal its population. Each household has its own random stream (seed, row), so re-building with other
// knob values changes only what the knobs touch.

import {
  AREA,
  PROGRAMME,
  SUPPORT_TYPE,
  hash4,
  BASELINE_SCENARIO,
  resolveScenario,
  withParams,
  simulateYear,
  aggregate,
} from '../../sim/index.ts';
import { nationalTarget, nationalTargetAsOf } from '../reference/reference-data.ts';
import { HOUSEHOLDS, columnDef } from '../schema.ts';
import { buildDemoRegions } from './demo-regions.ts';
import type { DemoRegions } from './demo-regions.ts';
import { demoToEngineArrays } from './engine-arrays.ts';
import { Prng } from './prng.ts';

/**
 * Money columns the generator draws from unbounded tails are kept inside the schema's plausible range: at 40 million
 * households a handful of lognormal asset draws of the richest households pass the validation bound (1亿 per person);
 * they are recorded at the bound, far above every asset limit, so no programme result changes.
 */
const MAX_MONEY_PC = {
  income: columnDef(HOUSEHOLDS, 'income_pc')?.max ?? Infinity,
  assets: columnDef(HOUSEHOLDS, 'assets_pc')?.max ?? Infinity,
};

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

/** National growth of mean disposable income per capita 2023 → 2024 (NBS: 39,218 → 41,314 yuan), the uprating. */
export const INCOME_GROWTH_2023_2024 =
  nationalTargetAsOf('disposable_income_pc_national', '2024').value /
  nationalTargetAsOf('disposable_income_pc_national', '2023').value;

/**
 * The design of the demo: income shapes per area, the stock take-up of current programmes, and the starting values
 * of the knobs solved against the engine's baseline.
 */
export const DEMO_DESIGN = {
  /** Dagum shapes (a, p) of survey income per capita, urban and rural (fitted; see the file header). */
  dagum: { urban: { a: 4.7256, p: 0.2788 }, rural: { a: 4.8067, p: 0.2983 } },
  /**
   * Level of each area's cells relative to the province's previous-year mean × growth, urban and rural (fitted with
   * the shapes; see the file header: NBS's national mean implies an urban weight of 58%, the population's is 66%).
   */
  areaLevel: { urban: 1.0138, rural: 1.0862 },
  /** Share of households eligible for dibao or tekun last year that were enrolled (new eligibles enrol with `takeup.*`). */
  stockTakeup: 0.96,
  /** Share of tekun persons in urban areas. */
  tekunUrbanShare: 0.12,
  /** Oversampling exponent: rank u = v^k. */
  rankExponent: 2,
  /** Iterations of the knob solver. */
  iterations: 10,
} as const;

/** Knobs solved so the baseline meets the admin targets; each moves one smooth quantity, never a threshold. */
export interface DemoKnobs {
  /** Scale of financial assets relative to income, urban and rural (dibao persons per area). */
  assets: [number, number];
  /** Tekun-profile intensity at the bottom of the rank, urban and rural (tekun persons per area). */
  tekun: [number, number];
  /** Tekun persons needing full care (half care: twice as many), for the tekun spending estimate. */
  care: number;
  /** Intensity of the monitoring-platform flag (monitored low-income persons). */
  monitored: number;
  /** Scale of out-of-pocket medical spending (temporary assistance person-times), within [0.5, 2]. */
  medical: number;
  /**
   * Share of households eligible for marginal or rigid-expenditure status last year that were certified (marginal
   * persons): certification under the 2024-10 MCA measures is recent, so the stock is below the cash programmes'.
   */
  certified: number;
}

const INITIAL_KNOBS: DemoKnobs = {
  assets: [1, 1],
  tekun: [0.1, 0.3],
  care: 0.1,
  monitored: 0.3,
  medical: 1,
  certified: 0.5,
};

const cum = (p: number[]): number[] => {
  const out: number[] = [];
  let s = 0;
  for (const x of p) out.push((s += x));
  out[out.length - 1] = 1;
  return out;
};

/**
 * Household sizes 1–6: at the very bottom (elderly and disabled people living alone or in pairs), in the lower
 * middle (larger families: NBS's equal-household quintile means average 5.6% above the per-person mean, so poorer
 * households are larger) and at the top (smaller). Mixed smoothly by rank u; rural households add a member with
 * probability 0.15.
 */
const SIZE_BOTTOM = [0.45, 0.28, 0.14, 0.08, 0.05, 0];
const SIZE_LARGE = [0.15, 0.25, 0.25, 0.18, 0.11, 0.06];
const SIZE_SMALL = [0.3, 0.35, 0.2, 0.1, 0.04, 0.01];
const RURAL_EXTRA_MEMBER = 0.15;

/** Size distribution (probabilities of 1–6 members, before the rural extra member) at rank u. */
export function sizeDistribution(u: number): number[] {
  const bottom = Math.exp(-u / 0.06);
  return SIZE_LARGE.map((l, i) => bottom * SIZE_BOTTOM[i] + (1 - bottom) * ((1 - u) * l + u * SIZE_SMALL[i]));
}

/** Expected household size at rank u in an area. */
export function expectedSize(u: number, area: number): number {
  const d = sizeDistribution(u);
  return d.reduce((s, p, i) => s + p * (i + 1), 0) + (area === AREA.rural ? RURAL_EXTRA_MEMBER : 0);
}

/**
 * Mean per-capita income over persons of a unit-scale Dagum cell in `area` (ranks weighted by expected household
 * size, midpoint rule on 4,000 points): the cell's scale is its target mean divided by this.
 */
function personMeanUnitScale(area: number): number {
  const { a, p } = dagumShape(area);
  let num = 0;
  let den = 0;
  for (let k = 0; k < 4000; k++) {
    const u = (k + 0.5) / 4000;
    const size = expectedSize(u, area);
    num += size * dagumQuantile(u, a, 1, p);
    den += size;
  }
  return num / den;
}

/** Weight of the "poor" household profile at rank u: 1 at the bottom, fading smoothly by the median. */
const poorProfile = (u: number): number => Math.exp(-u / 0.12);

/** Dagum quantile x(u) = b (u^(-1/p) - 1)^(-1/a). */
export function dagumQuantile(u: number, a: number, b: number, p: number): number {
  return b * Math.pow(Math.pow(u, -1 / p) - 1, -1 / a);
}

/** Dagum shapes of an area. */
export function dagumShape(area: number): { a: number; p: number } {
  return area === AREA.urban ? DEMO_DESIGN.dagum.urban : DEMO_DESIGN.dagum.rural;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Fewest sample households for `prefectures` per province: 1,000 per 62 region rows (31 provinces × 2 areas), so
 * every region row gets a usable sample.
 */
export function minimumHouseholds(prefectures = 0): number {
  return 1000 * Math.max(1, prefectures);
}

/** Options of `generateDemo`. */
export interface GenerateOptions {
  /** Synthetic prefectures per province (0 = province rows only, the default; at most 9). */
  prefectures?: number;
  /** Knobs already solved (the first tile of a dataset written in tiles); solved here when absent. */
  knobs?: DemoKnobs;
  /** Told the knobs used, so later tiles can reuse them. */
  onKnobs?: (knobs: DemoKnobs) => void;
}

/** Most sample households the generator makes (typed arrays of this length stay well inside memory). */
export const MAX_GENERATED_HOUSEHOLDS = 5_000_000;

/** Sample households per region row: in proportion to population, at least `min` each, summing to `count`. */
function allocate(population: Float64Array, count: number, min: number): Int32Array {
  const n = population.length;
  const out = new Int32Array(n);
  const sum = population.reduce((s, x) => s + x, 0);
  let used = 0;
  const rema: { r: number; frac: number }[] = [];
  for (let r = 0; r < n; r++) {
    const exact = (population[r] / sum) * count;
    out[r] = Math.max(min, Math.floor(exact));
    used += out[r];
    rema.push({ r, frac: exact - Math.floor(exact) });
  }
  rema.sort((a, b) => b.frac - a.frac || a.r - b.r);
  for (let i = 0; used < count && rema.length > 0; i = (i + 1) % rema.length) {
    out[rema[i].r]++;
    used++;
  }
  while (used > count) {
    let largest = 0;
    for (let r = 1; r < n; r++) if (out[r] > out[largest]) largest = r;
    if (out[largest] <= min) break;
    out[largest]--;
    used--;
  }
  return out;
}

/**
 * Draw every household of the sample with the given knobs (programme, gradual exit: none yet). The same seed and
 * knobs give the same columns; each household's random stream depends only on (seed, row).
 */
function drawHouseholds(regions: DemoRegions, alloc: Int32Array, seed: number, knobs: DemoKnobs): DemoHouseholds {
  const count = alloc.reduce((s, x) => s + x, 0);
  const hh = emptyHouseholds(count);
  const k = DEMO_DESIGN.rankExponent;
  const unitMean = [personMeanUnitScale(AREA.urban), personMeanUnitScale(AREA.rural)];
  let row = 0;
  for (let r = 0; r < regions.count; r++) {
    const area = regions.area[r];
    const urban = area === AREA.urban;
    const code = regions.region_code[r];
    const std = regions.dibao_standard[r] * 12;
    const prev = regions.income_prev_pc[r];
    const { a, p } = dagumShape(area);
    const level = urban ? DEMO_DESIGN.areaLevel.urban : DEMO_DESIGN.areaLevel.rural;
    const b = (prev * INCOME_GROWTH_2023_2024 * level) / unitMean[area];
    const start = row;
    let personsDesign = 0;
    for (let j = 0; j < alloc[r]; j++, row++) {
      const rng = new Prng(hash4(seed >>> 0, row, 0x67656e32, 0));
      // Draws whose use the knobs scale come first, so every knob value sees the same stream.
      const v = rng.uniform();
      const u = Math.pow(v, k);
      const uTekun = rng.uniform();
      const uCare = rng.uniform();
      const uMonitored = rng.uniform();
      const nAssets = rng.normal();
      const nMedical = rng.normal();
      const pi = poorProfile(u);
      const tekun = uTekun < knobs.tekun[area] * Math.exp(-u / 0.04);
      hh.household_id[row] = row + 1;
      hh.region_code[row] = code;
      hh.area[row] = area;
      let size: number;
      if (tekun) size = rng.chance(0.95) ? 1 : 2;
      else size = 1 + rng.pick(cum(sizeDistribution(u))) + (urban || !rng.chance(RURAL_EXTRA_MEMBER) ? 0 : 1);
      hh.size[row] = size;
      const pElderly = tekun ? 0.7 : 0.2 + 0.25 * pi;
      const pChild = tekun ? 0 : 0.19 - 0.03 * pi;
      const pDisabled = tekun ? 0.45 : 0.015 + 0.12 * pi;
      const pIll = tekun ? 0.2 : 0.02 + 0.14 * pi;
      const pWork = tekun ? 0 : 0.85 - 0.4 * pi;
      let elderly = 0;
      let children = 0;
      let disabled = 0;
      let ill = 0;
      let able = 0;
      let working = 0;
      for (let m = 0; m < size; m++) {
        const x = rng.uniform();
        const isElderly = x < pElderly;
        const isChild = !isElderly && m > 0 && x < pElderly + pChild;
        const isDisabled = rng.chance(pDisabled);
        const isIll = rng.chance(pIll);
        if (isElderly) elderly++;
        if (isChild) children++;
        if (isDisabled) disabled++;
        if (isIll) ill++;
        if (!tekun && !isElderly && !isChild && !isDisabled && !isIll && rng.chance(0.95)) {
          able++;
          if (rng.chance(pWork)) working++;
        }
      }
      if (tekun && elderly === 0 && disabled === 0) disabled = 1;
      hh.elderly[row] = elderly;
      hh.children[row] = children;
      hh.disabled[row] = disabled;
      hh.ill[row] = ill;
      hh.able_to_work[row] = able;
      hh.working[row] = working;
      let careFull = 0;
      let careHalf = 0;
      if (tekun) {
        if (uCare < knobs.care) careFull = 1;
        else if (uCare < 3 * knobs.care) careHalf = 1;
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

      const income = dagumQuantile(u, a, b, p);
      const earnings = working > 0 ? income * rng.between(0.3, 0.9) : tekun ? 0 : income * rng.between(0, 0.3);
      const earningsKept = Math.min(earnings, income);
      const assets = knobs.assets[area] * income * Math.exp(nAssets * 0.9) * 0.9;
      const car = rng.chance(Math.min(0.85, (urban ? 0.25 : 0.15) * (income / prev))) ? 1 : 0;
      let homes = tekun ? (rng.chance(0.6) ? 1 : 0) : urban ? (rng.chance(0.2) ? 0 : 1) : 1;
      if (rng.chance(0.12 * Math.min(1, income / prev))) homes++;
      const localHukou = rng.chance(urban ? 0.8 : 0.97) ? 1 : 0;
      // The platform flag (monitored outside any programme): likelier the closer income is to the standard.
      const ratio = income / std;
      const monitored = uMonitored < knobs.monitored / (1 + Math.exp((ratio - 2) / 0.3)) ? 1 : 0;
      let medical =
        knobs.medical * size * 650 * Math.exp(nMedical * 0.9 - 0.4) + ill * 12000 * Math.exp(1.1 * rng.normal() - 0.2);
      const education = children * rng.between(800, urban ? 6000 : 3500);
      const rehab = disabled * rng.between(0, 4000);
      // Spending out of reach of low incomes is capped (households cannot spend far beyond their means for long).
      const cap = income * size * 3 + 2000;
      if (medical > cap) medical = cap;
      // Savings net of the rigid spending of the last 12 months, paid out of them: households with large bills have
      // run down their savings, so they pass the asset test more often than others with the same income.
      const assetsNet = Math.max(0, assets - (medical + education + rehab) / size);
      hh.income_pc[row] = round2(Math.min(income, MAX_MONEY_PC.income));
      hh.earnings_pc[row] = round2(earningsKept);
      hh.assets_pc[row] = round2(Math.min(assetsNet, MAX_MONEY_PC.assets));
      hh.car[row] = car;
      hh.homes[row] = homes;
      hh.medical_hh[row] = round2(medical);
      hh.education_hh[row] = round2(education);
      hh.rehab_hh[row] = round2(rehab);
      hh.programme[row] = PROGRAMME.none;
      hh.gradual_exit[row] = 0;
      hh.monitored[row] = monitored;
      hh.tekun_profile[row] = tekun ? 1 : 0;
      hh.local_hukou[row] = localHukou;
      // Design weight ∝ 1 / density of u (density of v² is 1 / (2√u)); normalised below.
      hh.weight[row] = 2 * Math.sqrt(u);
      personsDesign += hh.weight[row] * size;
    }
    const scale = regions.population[r] / personsDesign;
    for (let i = start; i < row; i++) hh.weight[i] *= scale;
  }
  return hh;
}

/**
 * Current programmes from the rules: the engine's baseline status of every household (eligibility on assessed
 * income, assets and status), enrolled with the stock take-up; those not drawn are the exclusion error the baseline
 * then partly closes with `takeup.*`. The draw is a hash of (seed, row), independent of the knobs' other draws.
 */
function assignProgrammes(data: DemoData, certified: number): void {
  const h = data.households;
  for (let i = 0; i < h.count; i++) h.programme[i] = PROGRAMME.none;
  const { households, regions } = demoToEngineArrays(data);
  const allEnrol = withParams(BASELINE_SCENARIO, { 'takeup.monitored': 1, 'takeup.unmonitored': 1 });
  const year = simulateYear(households, regions, resolveScenario(allEnrol, regions));
  const status = year.households?.status;
  if (!status) throw new Error('内部错误：缺少住户结果列 / Internal error: no household result columns');
  for (let i = 0; i < h.count; i++) {
    const cash = status[i] === PROGRAMME.dibao || status[i] === PROGRAMME.tekun;
    const enrolled =
      hash4(data.seed >>> 0, i, 0x656e726f, 1) / 4294967296 < (cash ? DEMO_DESIGN.stockTakeup : certified);
    h.programme[i] = enrolled ? status[i] : PROGRAMME.none;
  }
}

/** The baseline quantities the knobs are solved for, from the engine's national summary. */
function knobTargets(): {
  dibao: [number, number];
  tekun: [number, number];
  care: number;
  monitored: number;
  temporary: number;
  marginal: number;
} {
  const tekun = nationalTarget('tekun_persons').value * 1e4;
  return {
    dibao: [nationalTarget('dibao_persons_urban').value * 1e4, nationalTarget('dibao_persons_rural').value * 1e4],
    tekun: [tekun * DEMO_DESIGN.tekunUrbanShare, tekun * (1 - DEMO_DESIGN.tekunUrbanShare)],
    care: nationalTarget('tekun_spending_annual_est').value * 1e8,
    monitored: nationalTarget('monitored_low_income_persons').value * 1e4,
    temporary: nationalTarget('temporary_assistance_person_times').value * 1e4,
    marginal: nationalTarget('dibao_marginal_persons').value * 1e4,
  };
}

/** One knob's secant step in logs towards its target (slope from the last two iterates, else `slope0`). */
class LogSecant {
  private lastX = NaN;
  private lastY = NaN;
  constructor(private readonly slope0: number) {}
  next(x: number, y: number, target: number): number {
    let slope = this.slope0;
    if (Number.isFinite(this.lastX) && Math.abs(Math.log(x / this.lastX)) > 1e-9 && y > 0 && this.lastY > 0) {
      const s = Math.log(y / this.lastY) / Math.log(x / this.lastX);
      if (Number.isFinite(s) && Math.sign(s) === Math.sign(this.slope0) && Math.abs(s) > 0.05) slope = s;
    }
    this.lastX = x;
    this.lastY = y;
    if (!(y > 0)) return x * (this.slope0 > 0 ? 2 : 0.5);
    const step = Math.max(-1.4, Math.min(1.4, Math.log(target / y) / slope));
    return x * Math.exp(step);
  }
}

/**
 * Generate the synthetic demo: `count` sample households (at least 1,000) from a 32-bit `seed`, over provinces or
 * (with `prefectures`) synthetic prefectures. Deterministic: the same arguments give byte-identical columns.
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
  const alloc = allocate(regions.population, count, Math.max(8, Math.min(200, Math.floor(count / regions.count / 4))));
  // Step 1: the knobs, solved against the engine's baseline on the drawn population.
  const knobs = options.knobs ?? solveKnobs(regions, alloc, seed);
  options.onKnobs?.(knobs);
  // Step 2: the population with the solved knobs, and current programmes from the rules.
  const data: DemoData = { households: drawHouseholds(regions, alloc, seed, knobs), regions, seed };
  assignProgrammes(data, knobs.certified);
  // Step 3: isolated additions to the population (each a small function of `data` and the seed) go here.
  addOrphansAndSupportTypes(data.households, seed);
  return data;
}

/** Solve the knobs: draw, assign programmes, run the baseline, step every knob towards its target; a few rounds. */
export function solveKnobs(regions: DemoRegions, alloc: Int32Array, seed: number): DemoKnobs {
  const t = knobTargets();
  const knobs: DemoKnobs = { ...INITIAL_KNOBS, assets: [...INITIAL_KNOBS.assets], tekun: [...INITIAL_KNOBS.tekun] };
  const solver = {
    assets: [new LogSecant(-0.5), new LogSecant(-0.5)],
    tekun: [new LogSecant(1), new LogSecant(1)],
    care: new LogSecant(0.3),
    monitored: new LogSecant(0.4),
    medical: new LogSecant(0.5),
    certified: new LogSecant(0.3),
  };
  for (let it = 0; it < DEMO_DESIGN.iterations; it++) {
    const data: DemoData = { households: drawHouseholds(regions, alloc, seed, knobs), regions, seed };
    assignProgrammes(data, knobs.certified);
    const { households, regions: engineRegions } = demoToEngineArrays(data);
    const year = simulateYear(households, engineRegions, resolveScenario(BASELINE_SCENARIO, engineRegions), {
      householdColumns: false,
    });
    const nat = aggregate(year, engineRegions, 'national').values;
    for (const area of [AREA.urban, AREA.rural]) {
      knobs.assets[area] = solver.assets[area].next(knobs.assets[area], nat['persons.dibao'][area], t.dibao[area]);
      knobs.tekun[area] = solver.tekun[area].next(knobs.tekun[area], nat['persons.tekun'][area], t.tekun[area]);
    }
    const all = 2;
    knobs.care = Math.min(
      0.3,
      solver.care.next(knobs.care, nat['cost.tekunLiving'][all] + nat['cost.tekunCare'][all], t.care),
    );
    knobs.monitored = Math.min(1, solver.monitored.next(knobs.monitored, nat['monitored.persons'][all], t.monitored));
    knobs.medical = Math.min(
      2,
      Math.max(0.5, solver.medical.next(knobs.medical, nat['temporary.personTimes'][all], t.temporary)),
    );
    knobs.certified = Math.min(
      DEMO_DESIGN.stockTakeup,
      Math.max(0.01, solver.certified.next(knobs.certified, nat['persons.marginal'][all], t.marginal)),
    );
  }
  return knobs;
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
