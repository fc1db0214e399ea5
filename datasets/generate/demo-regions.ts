// The demo regions table (31 provinces × urban/rural) derived from reference/provinces.csv: population scaled to the
// 2024 total, income and consumption split by area with national urban/rural ratios, illustrative standards, and
// illustrative minimum wages and central shares by east/centre/west (documented in SCHEMA.md; not official figures).
// Optionally each province is split into synthetic prefectures (4-digit codes) to exercise the finer region level.

import { AREA } from '../../sim/index.ts';
import { PROVINCES, nationalTarget } from '../reference/reference-data.ts';

/** Economic belt of a province, used only for the illustrative minimum wage and central share. */
export type Belt = 'east' | 'centre' | 'west';

const EAST = new Set(['11', '12', '13', '21', '31', '32', '33', '35', '37', '44', '46']);
const CENTRE = new Set(['14', '22', '23', '34', '36', '41', '42', '43']);

/** Illustrative monthly minimum wage (yuan) by belt. */
export const ILLUSTRATIVE_MIN_WAGE: Record<Belt, number> = { east: 2200, centre: 1900, west: 1850 };
/** Illustrative central-government share of assistance cost by belt. */
export const ILLUSTRATIVE_CENTRAL_SHARE: Record<Belt, number> = { east: 0.4, centre: 0.7, west: 0.8 };

/** Belt of a two-digit province code. */
export function beltOf(code: string): Belt {
  if (EAST.has(code)) return 'east';
  if (CENTRE.has(code)) return 'centre';
  return 'west';
}

/** The demo regions as canonical columns (schema REGIONS), one row per province and area. */
export interface DemoRegions {
  count: number;
  region_code: string[];
  area: Uint8Array;
  name_zh: string[];
  name_en: string[];
  population: Float64Array;
  dibao_standard: Float64Array;
  income_prev_pc: Float64Array;
  consumption_prev_pc: Float64Array;
  min_wage: Float64Array;
  central_share: Float64Array;
}

/** Largest number of synthetic prefectures per province (codes pp01 … pp09). */
export const MAX_DEMO_PREFECTURES = 9;

const PREFECTURE_ZH = '甲乙丙丁戊己庚辛壬';
const PREFECTURE_EN = 'ABCDEFGHI';

/**
 * How synthetic prefecture j of k differs from its province: its share of the province's population (the first is
 * the largest), and factors on the standard and on income and consumption (from +10% / +20% down to −10% / −20%).
 */
function prefectureProfile(j: number, k: number): { share: number; standard: number; income: number } {
  if (k <= 1) return { share: 1, standard: 1, income: 1 };
  const t = j / (k - 1);
  return { share: (k - j) / ((k * (k + 1)) / 2), standard: 1.1 - 0.2 * t, income: 1.2 - 0.4 * t };
}

/**
 * Build the demo region rows: urban then rural for each province in code order (62 rows); with `prefectures` k > 0,
 * urban then rural for each of k synthetic prefectures per province instead (codes pp01 … pp0k, names 甲市 / City A …),
 * the province's population split among them and standards, income and consumption varied around the province's.
 */
export function buildDemoRegions(prefectures = 0): DemoRegions {
  if (!Number.isInteger(prefectures) || prefectures < 0 || prefectures > MAX_DEMO_PREFECTURES) {
    throw new RangeError(
      `每省地市数须为 0–${MAX_DEMO_PREFECTURES} 的整数：${prefectures} / Prefectures per province must be an integer from 0 to ${MAX_DEMO_PREFECTURES}: ${prefectures}`,
    );
  }
  const provinces = [...PROVINCES].sort((a, b) => a.code.localeCompare(b.code));
  const parts = Math.max(1, prefectures);
  const n = provinces.length * parts * 2;
  const totalRef = nationalTarget('population_total').value * 1e4;
  const sumProv = provinces.reduce((s, p) => s + p.population10k * 1e4, 0);
  const scale = totalRef / sumProv;
  const incomeRatio =
    nationalTarget('disposable_income_pc_urban').value / nationalTarget('disposable_income_pc_rural').value;
  const consumptionRatio = nationalTarget('consumption_pc_urban').value / nationalTarget('consumption_pc_rural').value;
  const out: DemoRegions = {
    count: n,
    region_code: [],
    area: new Uint8Array(n),
    name_zh: [],
    name_en: [],
    population: new Float64Array(n),
    dibao_standard: new Float64Array(n),
    income_prev_pc: new Float64Array(n),
    consumption_prev_pc: new Float64Array(n),
    min_wage: new Float64Array(n),
    central_share: new Float64Array(n),
  };
  provinces.forEach((p, i) => {
    const s = p.urbanizationPct / 100;
    const ruralIncome = p.incomePc / (s * incomeRatio + 1 - s);
    const ruralConsumption = p.consumptionPc / (s * consumptionRatio + 1 - s);
    const belt = beltOf(p.code);
    for (let j = 0; j < parts; j++) {
      const f = prefectureProfile(j, prefectures);
      for (const area of [AREA.urban, AREA.rural]) {
        const r = (i * parts + j) * 2 + area;
        const urban = area === AREA.urban;
        out.region_code.push(prefectures > 0 ? `${p.code}0${j + 1}` : p.code);
        out.area[r] = area;
        out.name_zh.push(prefectures > 0 ? `${p.nameZh}${PREFECTURE_ZH[j]}市` : p.nameZh);
        out.name_en.push(prefectures > 0 ? `${p.nameEn} City ${PREFECTURE_EN[j]}` : p.nameEn);
        out.population[r] = Math.round(p.population10k * 1e4 * scale * (urban ? s : 1 - s) * f.share);
        const standard = urban ? p.dibaoUrban : p.dibaoRural;
        out.dibao_standard[r] = prefectures > 0 ? Math.round((standard * f.standard) / 5) * 5 : standard;
        out.income_prev_pc[r] = Math.round((urban ? ruralIncome * incomeRatio : ruralIncome) * f.income);
        out.consumption_prev_pc[r] = Math.round(
          (urban ? ruralConsumption * consumptionRatio : ruralConsumption) * f.income,
        );
        out.min_wage[r] = ILLUSTRATIVE_MIN_WAGE[belt];
        out.central_share[r] = ILLUSTRATIVE_CENTRAL_SHARE[belt];
      }
    }
  });
  return out;
}
