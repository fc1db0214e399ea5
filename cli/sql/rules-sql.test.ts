// Hand-computed cases for the SQL rules in DuckDB-wasm: eligibility precedence, boundaries, take-up and amounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdArrays, RegionArrays } from '../../sim/index.ts';
import type { WasmDuckDb } from '../duckdb/wasm-node.ts';
import { openSharedWasmDuckDb } from '../../tests/fixtures/data/shared-wasm.ts';
import type { SqlRuleParams } from './rules-sql.ts';
import { loadIntoWasm, orphanTotalsWasm, programmeTotalsWasm } from './run-rules.ts';

const PARAMS: SqlRuleParams = {
  assetTest: true,
  assetMonths: 24,
  carTest: true,
  homeTest: true,
  maxHomes: 1,
  disregardShare: 0,
  minBenefitShare: 0,
  supplementElderly: 0,
  supplementChildren: 0,
  supplementDisabled: 0,
  supplementIll: 0,
  tekunLivingMultiplier: 1.3,
  tekunCareFullDispersed: 0.35,
  tekunCareHalfDispersed: 0.2,
  tekunCareSelfDispersed: 0.03,
  tekunCareFullCentralised: 0.5,
  tekunCareHalfCentralised: 0.3,
  tekunCareSelfCentralised: 0.05,
  // 0: an unrecorded support type blends to the dispersed shares (the tests below set the type where it matters).
  tekunCentralisedShare: 0,
  orphanInstitutional: 1000,
  orphanDispersed: 600,
  tekunAssetTest: false,
  marginalMultiplier: 1.5,
  marginalSpecialPerPerson: 500,
  rigidSpecialPerPerson: 800,
  rigidRatio: 0.6,
  rigidIncomeMultiplier: 1,
  nonLocalHukouEligible: true,
  takeupMonitored: 0.85,
  takeupUnmonitored: 0.4,
  certifyShare: 0.7,
  certifyRate: 0.4,
};

type Row = Partial<Record<Exclude<keyof HouseholdArrays, 'count'>, number>>;

function households(rows: Row[]): HouseholdArrays {
  const n = rows.length;
  const u8 = (key: keyof Row, fallback = 0): Uint8Array => Uint8Array.from(rows, (r) => r[key] ?? fallback);
  const f64 = (key: keyof Row, fallback = 0): Float64Array => Float64Array.from(rows, (r) => r[key] ?? fallback);
  return {
    count: n,
    region: Uint32Array.from(rows, (r) => r.region ?? 0),
    area: u8('area'),
    size: u8('size', 1),
    elderly: u8('elderly'),
    children: u8('children'),
    disabled: u8('disabled'),
    ill: u8('ill'),
    ableToWork: u8('ableToWork'),
    working: u8('working'),
    careFull: u8('careFull'),
    careHalf: u8('careHalf'),
    incomePc: f64('incomePc'),
    earningsPc: f64('earningsPc'),
    assetsPc: f64('assetsPc'),
    car: u8('car'),
    homes: u8('homes', 1),
    medicalHh: f64('medicalHh'),
    educationHh: f64('educationHh'),
    rehabHh: f64('rehabHh'),
    programme: u8('programme'),
    gradualExit: u8('gradualExit'),
    monitored: u8('monitored'),
    tekunProfile: u8('tekunProfile'),
    localHukou: u8('localHukou', 1),
    orphans: u8('orphans'),
    supportType: u8('supportType'),
    weight: f64('weight', 1),
  };
}

// One province: urban standard 1000, rural 600 yuan/month; minimum wage 2000/1600; previous income 40000/20000.
const REGIONS: RegionArrays = {
  count: 1,
  code: ['43'],
  province: Uint16Array.from([0]),
  provinceCodes: ['43'],
  nameZh: ['湖南'],
  nameEn: ['Hunan'],
  population: Float64Array.from([1e6, 1e6]),
  standard: Float64Array.from([1000, 600]),
  incomePrev: Float64Array.from([40000, 20000]),
  consumptionPrev: Float64Array.from([30000, 15000]),
  minWage: Float64Array.from([2000, 1600]),
  centralShare: Float64Array.from([0.6]),
};

let duck: WasmDuckDb;
beforeAll(async () => {
  duck = await openSharedWasmDuckDb();
}, 120_000);
afterAll(() => duck.close());

function run(rows: Row[], params: SqlRuleParams = PARAMS) {
  loadIntoWasm(duck, households(rows), REGIONS);
  return programmeTotalsWasm(duck, params);
}

describe('SQL rules (DuckDB-wasm)', () => {
  it('pays an enrolled dibao household the gap to the standard, weighted', () => {
    // (1000 − 6000/12) × 2 members × 12 months = 12000 per household; weight 10 → 120000; enrolled → p = 1.
    const [dibao] = run([{ size: 2, incomePc: 6000, programme: 1, weight: 10 }]);
    expect(dibao.programme).toBe(1);
    expect(dibao.households).toBeCloseTo(10, 9);
    expect(dibao.persons).toBeCloseTo(20, 9);
    expect(dibao.cost.dibao_base).toBeCloseTo(120000, 6);
  });

  it('enrols a newly eligible monitored household with the monitored take-up', () => {
    // Rural: (600 − 3600/12) × 3 × 12 = 10800; p = 0.85; weight 2 → 1.7 households, 18360 yuan.
    const [dibao] = run([{ area: 1, size: 3, incomePc: 3600, monitored: 1, weight: 2 }]);
    expect(dibao.households).toBeCloseTo(1.7, 9);
    expect(dibao.eligibleHouseholds).toBeCloseTo(2, 9);
    expect(dibao.cost.dibao_base).toBeCloseTo(18360, 6);
  });

  it('assesses non-local hukou households where they live only when the residence rule lets them', () => {
    // Both urban, 1 person, income 0, weight 1, enrolled last year: (1000 − 0) × 1 × 12 = 12000 each.
    // Rule on: local and non-local both dibao, 24000. Rule off: only the local one, 12000; the non-local household
    // has no status here (it is not counted as eligible either).
    const rows = [
      { size: 1, incomePc: 0, programme: 1, localHukou: 1 },
      { size: 1, incomePc: 0, programme: 1, localHukou: 0 },
    ];
    const on = run(rows);
    expect(on.map((t) => t.programme)).toEqual([1]);
    expect(on[0].eligibleHouseholds).toBeCloseTo(2, 9);
    expect(on[0].cost.dibao_base).toBeCloseTo(24000, 9);
    const off = run(rows, { ...PARAMS, nonLocalHukouEligible: false });
    expect(off.map((t) => t.programme)).toEqual([1]);
    expect(off[0].eligibleHouseholds).toBeCloseTo(1, 9);
    expect(off[0].cost.dibao_base).toBeCloseTo(12000, 9);
    // A non-local marginal household (income 12000/12 = 1000, below 1.5 × 1000) has no status with the rule off.
    expect(run([{ size: 2, incomePc: 12000, localHukou: 0 }], { ...PARAMS, nonLocalHukouEligible: false })).toEqual([]);
  });

  it('treats income exactly at the standard as not dibao-eligible (strict <) but marginal', () => {
    // 12000/12 = 1000 is not < 1000; 1000 < 1.5 × 1000 → marginal; certified in the first year with rate 0.4 ×
    // eventual share 0.7 = 0.28 (not the dibao take-up); special 500 × 2 persons.
    const totals = run([{ size: 2, incomePc: 12000 }]);
    expect(totals.map((t) => t.programme)).toEqual([3]);
    expect(totals[0].households).toBeCloseTo(0.28, 9);
    expect(totals[0].cost.marginal_special).toBeCloseTo(0.28 * 1000, 9);
  });

  it('passes assets exactly at the limit (≤) and fails just above it, or with a car or a second home', () => {
    // Limit 24 × 1000 = 24000 per person.
    const totals = run([
      { size: 1, incomePc: 0, assetsPc: 24000, programme: 1 },
      { size: 1, incomePc: 0, assetsPc: 24000.01, programme: 1 },
      { size: 1, incomePc: 0, car: 1, programme: 1 },
      { size: 1, incomePc: 0, homes: 2, programme: 1 },
    ]);
    expect(totals).toHaveLength(1);
    expect(totals[0].sample).toBe(1);
    expect(totals[0].cost.dibao_base).toBeCloseTo(12000, 9);
  });

  it('gives tekun precedence over dibao and pays living plus care by care level', () => {
    // Rural, 1 person, full care: living 1.3 × 600 × 12 = 9360; care 0.35 × 1600 × 12 = 6720.
    const totals = run([{ area: 1, size: 1, incomePc: 1200, careFull: 1, tekunProfile: 1, programme: 2 }]);
    expect(totals.map((t) => t.programme)).toEqual([2]);
    expect(totals[0].cost.tekun_living).toBeCloseTo(9360, 9);
    expect(totals[0].cost.tekun_care).toBeCloseTo(6720, 9);
  });

  it('uses the household support type for tekun care and blends only when it is not recorded', () => {
    // Urban, 1 person full care, minimum wage 2000: centralised 0.5 × 2000 × 12 = 12000; dispersed 0.35 × 2000 × 12
    // = 8400; unrecorded with centralised share 0.25: (0.25 × 0.5 + 0.75 × 0.35) × 2000 × 12 = 0.3875 × 24000 = 9300.
    const row = { size: 1, incomePc: 1200, careFull: 1, tekunProfile: 1, programme: 2 };
    const params = { ...PARAMS, tekunCentralisedShare: 0.25 };
    expect(run([{ ...row, supportType: 1 }], params)[0].cost.tekun_care).toBeCloseTo(12000, 9);
    expect(run([{ ...row, supportType: 2 }], params)[0].cost.tekun_care).toBeCloseTo(8400, 9);
    expect(run([{ ...row, supportType: 0 }], params)[0].cost.tekun_care).toBeCloseTo(9300, 9);
  });

  it('supports orphans by the orphan allowance: orphan-only households are not tekun, and tekun covers the others', () => {
    // A: urban orphan alone, institutional: not tekun even with the profile; allowance 1000 × 12 = 12000.
    // B: rural tekun household of 2 (grandmother + orphan), dispersed: tekun persons 2 − 1 = 1; living 1.3 × 600 × 12
    // = 9360; self-care 0.03 × 1600 × 12 = 576; orphan allowance 600 × 12 = 7200.
    const rows = [
      { size: 1, children: 1, orphans: 1, supportType: 1, incomePc: 0, tekunProfile: 1, programme: 2, weight: 3 },
      {
        area: 1,
        size: 2,
        elderly: 1,
        children: 1,
        orphans: 1,
        supportType: 2,
        incomePc: 1200,
        tekunProfile: 1,
        programme: 2,
        weight: 5,
      },
    ];
    const totals = run(rows);
    expect(totals.map((t) => t.programme)).toEqual([2]);
    expect(totals[0].sample).toBe(1);
    expect(totals[0].persons).toBeCloseTo(5 * 1, 9);
    expect(totals[0].cost.tekun_living).toBeCloseTo(5 * 9360, 9);
    expect(totals[0].cost.tekun_care).toBeCloseTo(5 * 576, 9);
    const orphans = orphanTotalsWasm(duck, PARAMS);
    expect(orphans.orphans).toBeCloseTo(3 + 5, 9);
    expect(orphans.sample).toBe(2);
    expect(orphans.allowance).toBeCloseTo(3 * 12000 + 5 * 7200, 9);
  });

  it('keeps a household enrolled within its family of programmes and re-draws take-up across families', () => {
    // Enrolled rigid (4) now marginal (3): same family, p = 1. Enrolled marginal (3) now dibao (1): other family,
    // counted as monitored because it is in a programme → p = 0.85. Base (1000 − 500) × 1 × 12 = 6000.
    const totals = run([
      { size: 1, incomePc: 14400, programme: 4 },
      { size: 1, incomePc: 6000, programme: 3 },
    ]);
    expect(totals.find((t) => t.programme === 3)?.households).toBeCloseTo(1, 12);
    const dibao = totals.find((t) => t.programme === 1);
    expect(dibao?.households).toBeCloseTo(0.85, 12);
    expect(dibao?.cost.dibao_base).toBeCloseTo(0.85 * 6000, 9);
  });

  it('classifies rigid-expenditure hardship when spending exceeds the ratio of household income', () => {
    // Urban, 2 persons, 30000/person (2500/month > 1500): total income 60000; medical 36001 > 0.6 × 60000; 30000 < 40000.
    const totals = run([
      { size: 2, incomePc: 30000, medicalHh: 36001, programme: 4 },
      { size: 2, incomePc: 30000, medicalHh: 36000, programme: 4 },
    ]);
    expect(totals.map((t) => t.programme)).toEqual([4]);
    expect(totals[0].sample).toBe(1);
    expect(totals[0].cost.rigid_special).toBeCloseTo(1600, 9);
  });

  it('caps the earnings disregard at the household earnings', () => {
    // Disregard 0.3 × 1000 = 300/month, but earnings are only 1200/yr × 1 person = 100/month: countable 900 − 100 = 800.
    const totals = run([{ size: 1, incomePc: 10800, earningsPc: 1200, working: 1, ableToWork: 1, programme: 1 }], {
      ...PARAMS,
      disregardShare: 0.3,
    });
    expect(totals[0].cost.dibao_base).toBeCloseTo((1000 - 800) * 12, 9);
  });

  it('applies the earnings disregard and the classified supplements once per member', () => {
    // Disregard 0.3 × 1000 = 300/month per worker; 2 persons, 1 worker, income 12000/yr → 1000 − 150 = 850/month.
    // Base (1000 − 850) × 2 × 12 = 3600. Supplements: elderly 0.2, disabled 0.3, 2 elderly + 1 disabled in 2
    // members → 1 disabled at 0.3 then 1 elderly at 0.2 = 0.5 × 1000 × 12 = 6000.
    const totals = run(
      [
        {
          size: 2,
          incomePc: 12000,
          earningsPc: 6000,
          working: 1,
          ableToWork: 1,
          elderly: 2,
          disabled: 1,
          programme: 1,
        },
      ],
      {
        ...PARAMS,
        disregardShare: 0.3,
        supplementElderly: 0.2,
        supplementDisabled: 0.3,
      },
    );
    expect(totals[0].cost.dibao_base).toBeCloseTo(3600, 9);
    expect(totals[0].cost.dibao_supplements).toBeCloseTo(6000, 9);
  });
});
