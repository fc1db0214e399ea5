// Which region × area cells rest on too small a sample for their year-to-year projection changes to be read: the
// rule (effective sample size of the cell's cash-assistance recipients), its documented threshold, and the rows of
// a region-level table it marks. Used beside every sub-national projection (CLI, Projection and Map screens).
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import type { SummaryTable } from '../outputs/types.ts';

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
 * Rows of a province-level table (urban or rural rows, and both-area rows whose two cells are both thin) whose
 * year-to-year changes cannot be read. Returns one flag per row (1 = thin).
 */
export function thinRows(table: SummaryTable, regions: RegionArrays, sizes: CellSampleSize): Uint8Array {
  const out = new Uint8Array(table.rows);
  const index = new Map<string, number>();
  for (let r = 0; r < regions.count; r++) index.set(String(regions.code[r]), r);
  for (let row = 0; row < table.rows; row++) {
    const r = index.get(String(table.code[row]));
    if (r === undefined) continue;
    const area = table.area[row];
    if (area === 0 || area === 1) out[row] = isThinCell(sizes, r * 2 + area) ? 1 : 0;
    else {
      // Both areas: the effective sample of the two cells' recipients together.
      const s = sizes.sum[r * 2] + sizes.sum[r * 2 + 1];
      const q = sizes.sumSq[r * 2] + sizes.sumSq[r * 2 + 1];
      out[row] = (q > 0 ? (s * s) / q : 0) < THIN_CELL_MIN_EFFECTIVE_SAMPLE ? 1 : 0;
    }
  }
  return out;
}

/** The warning shown beside a projection that has thin cells, in both languages (names the rule). */
export function thinCellWarning(names: { zh: string; en: string }[]): { zh: string; en: string } | undefined {
  if (names.length === 0) return undefined;
  const n = THIN_CELL_MIN_EFFECTIVE_SAMPLE;
  return {
    zh: `样本不足，逐年变化不可解读：${names.map((x) => x.zh).join('、')}（低保和特困样本户的有效样本量低于 ${n}；逐年起伏主要是抽样和收入冲击噪声，请看蒙特卡洛区间）`,
    en: `Sample too small to read year-to-year changes: ${names.map((x) => x.en).join(', ')} (effective sample of dibao and tekun sample households below ${n}; the year-to-year moves are mostly sampling and income-shock noise: see the Monte Carlo interval)`,
  };
}
