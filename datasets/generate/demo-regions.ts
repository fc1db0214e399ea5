// The demo regions table (31 provinces × urban/rural) derived from reference/provinces.csv: population scaled to the
// 2024 total, income and consumption split by area with national urban/rural ratios, illustrative standards, and
// illustrative minimum wages and central shares by east/centre/west (documented in SCHEMA.md; not official figures).

import { AREA } from '../../sim/model/codes.ts';
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

/** Build the 62 demo region rows (urban then rural for each province, provinces in code order). */
export function buildDemoRegions(): DemoRegions {
  const provinces = [...PROVINCES].sort((a, b) => a.code.localeCompare(b.code));
  const n = provinces.length * 2;
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
    for (const area of [AREA.urban, AREA.rural]) {
      const r = i * 2 + area;
      const urban = area === AREA.urban;
      out.region_code.push(p.code);
      out.area[r] = area;
      out.name_zh.push(p.nameZh);
      out.name_en.push(p.nameEn);
      out.population[r] = Math.round(p.population10k * 1e4 * scale * (urban ? s : 1 - s));
      out.dibao_standard[r] = urban ? p.dibaoUrban : p.dibaoRural;
      out.income_prev_pc[r] = Math.round(urban ? ruralIncome * incomeRatio : ruralIncome);
      out.consumption_prev_pc[r] = Math.round(urban ? ruralConsumption * consumptionRatio : ruralConsumption);
      out.min_wage[r] = ILLUSTRATIVE_MIN_WAGE[belt];
      out.central_share[r] = ILLUSTRATIVE_CENTRAL_SHARE[belt];
    }
  });
  return out;
}
