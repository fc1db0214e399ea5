// Which region × area cells rest on too small a sample for their year-to-year projection changes to be read: the
// rule (effective sample size of the cell's cash-assistance recipients), its documented threshold, and the rows of
// a region-level table it marks. Used beside every sub-national projection (CLI, Projection and Map screens).
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { AREA_ALL } from '../outputs/types.ts';
import type { SummaryTable } from '../outputs/types.ts';
import type { Bilingual } from '../bilingual.ts';

/**
 * Minimum effective sample size (Kish, persons-weighted) of a cell's dibao and tekun recipients in the data for its
 * year-to-year projection changes to be read. On the bundled demo (200,000 households) the unchanged baseline's
 * dibao persons move year to year by a root-mean-square of 2–6% in cells below 400 (Gansu rural: effective sample
 * 199, moves of +7.5% and −9.2%) and mostly under 3% above it; the projection's Monte Carlo interval shows the same
 * noise cell by cell (`safetynet run --mode mc --years N`).
 */
export const THIN_CELL_MIN_EFFECTIVE_SAMPLE = 400;

/** Per cell (`region * 2 + area`): recipients in the sample, their effective sample size and whether it is thin. */
export interface CellSampleSize {
  /** Sample households receiving dibao or tekun in the data. */
  recipients: Float64Array;
  /** Kish effective sample size (Σ w)² / Σ w² of those households, w = weight × household size. */
  effective: Float64Array;
  /** Σ w and Σ w² per cell (to combine cells). */
  sum: Float64Array;
  sumSq: Float64Array;
}

/** The recipients and their effective sample size in every cell. */
export function cellSampleSizes(h: HouseholdArrays, regions: RegionArrays): CellSampleSize {
  const cells = regions.count * 2;
  const sum = new Float64Array(cells);
  const sumSq = new Float64Array(cells);
  const recipients = new Float64Array(cells);
  for (let i = 0; i < h.count; i++) {
    const programme = h.programme[i];
    if (programme !== 1 && programme !== 2) continue;
    const c = (h.region[i] << 1) | h.area[i];
    const w = h.weight[i] * h.size[i];
    sum[c] += w;
    sumSq[c] += w * w;
    recipients[c] += 1;
  }
  const effective = new Float64Array(cells);
  for (let c = 0; c < cells; c++) effective[c] = sumSq[c] > 0 ? (sum[c] * sum[c]) / sumSq[c] : 0;
  return { recipients, effective, sum, sumSq };
}

/** Whether a cell's year-to-year changes cannot be read (effective sample below the threshold). */
export function isThinCell(sizes: CellSampleSize, cell: number): boolean {
  return sizes.effective[cell] < THIN_CELL_MIN_EFFECTIVE_SAMPLE;
}

/**
 * Rows of a province-level table whose year-to-year changes cannot be read (1 = thin): an urban or rural row when its
 * province's cells of that area together have an effective recipient sample below the threshold, a both-areas row
 * when all its cells together do. Regions below province level are added up into their province.
 */
export function thinRows(table: SummaryTable, regions: RegionArrays, sizes: CellSampleSize): Uint8Array {
  const sum = new Map<string, number>();
  const sumSq = new Map<string, number>();
  const add = (key: string, s: number, q: number) => {
    sum.set(key, (sum.get(key) ?? 0) + s);
    sumSq.set(key, (sumSq.get(key) ?? 0) + q);
  };
  for (let r = 0; r < regions.count; r++) {
    const code = regions.provinceCodes[regions.province[r]] ?? String(regions.code[r]);
    for (const area of [0, 1]) {
      const c = r * 2 + area;
      add(`${code}|${area}`, sizes.sum[c], sizes.sumSq[c]);
      add(`${code}|${AREA_ALL}`, sizes.sum[c], sizes.sumSq[c]);
    }
  }
  const out = new Uint8Array(table.rows);
  for (let row = 0; row < table.rows; row++) {
    const key = `${table.code[row]}|${table.area[row]}`;
    const s = sum.get(key);
    const q = sumSq.get(key) ?? 0;
    if (s === undefined) continue;
    out[row] = (q > 0 ? (s * s) / q : 0) < THIN_CELL_MIN_EFFECTIVE_SAMPLE ? 1 : 0;
  }
  return out;
}

/** The warning shown beside a projection that has thin cells, in both languages (names the rule). */
export function thinCellWarning(names: Bilingual[]): Bilingual | undefined {
  if (names.length === 0) return undefined;
  const n = THIN_CELL_MIN_EFFECTIVE_SAMPLE;
  return {
    zh: `样本不足，逐年变化不可解读：${names.map((x) => x.zh).join('、')}（低保和特困样本户的有效样本量低于 ${n}；逐年起伏主要是抽样和收入冲击噪声，请看蒙特卡洛区间）`,
    en: `Sample too small to read year-to-year changes: ${names.map((x) => x.en).join(', ')} (effective sample of dibao and tekun sample households below ${n}; the year-to-year moves are mostly sampling and income-shock noise: see the Monte Carlo interval)`,
  };
}
