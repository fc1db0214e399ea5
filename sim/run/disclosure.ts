// Disclosure control of the region hierarchy × area tables (POLICY.md §9), primary and complementary: cells resting
// on fewer than `minCell` sample households are suppressed, then further cells so that no suppressed cell can be
// recovered exactly from published ones through the tables' additive relations (urban + rural = all, regions sum to
// their province, provinces to the nation). The method follows sdcTable's SIMPLEHEURISTIC: singletons first, then
// the attacker's problem solved exactly (is the cell determined by the linear system?) until every cell is safe.
import { M, METRIC_COUNT } from '../kernel/metrics.ts';
import type { YearResult } from '../kernel/types.ts';
import type { RegionArrays } from '../model/regions.ts';
import type { McTables, RegionLevel, SummaryTable } from '../outputs/types.ts';
import { hasFinerLevel } from './levels.ts';

/** Which rows of each sub-national level are suppressed (rows = group × [urban, rural, all], 1 = suppressed). */
export interface SuppressionPattern {
  minCell: number;
  province: Uint8Array;
  /** Present when the dataset has a finer region level. */
  region?: Uint8Array;
  /** Cells suppressed for resting on fewer than `minCell` sample households. */
  primary: number;
  /** Cells suppressed only so that the primary ones cannot be recomputed. */
  secondary: number;
  /**
   * Suppressed cells that stay recoverable whatever else is suppressed (a province that is the whole dataset equals
   * the published national row); empty for any dataset with two provinces or more.
   */
  unprotectable: number;
}

/** The cells of the hierarchy as one index space: national rows, then province rows, then region rows. */
interface Hierarchy {
  /** Sample households per cell. */
  sample: Float64Array;
  /** Index of each level's first cell. */
  provinceStart: number;
  regionStart: number;
  cells: number;
  /** Additive relations: `relations[k][0]` (a total) = the sum of the others. */
  relations: Int32Array[];
  /** Relations each cell takes part in. */
  relationsOf: number[][];
}

/** Sample households per region × area cell of a simulated year (`cells[(r * 2 + a)]`). */
export function cellSamples(year: YearResult): Float64Array {
  const out = new Float64Array(year.regionCount * 2);
  for (let c = 0; c < out.length; c++) out[c] = year.cells[c * METRIC_COUNT + M['sample']];
  return out;
}

function hierarchyOf(regions: RegionArrays, cellSample: Float64Array, finer: boolean): Hierarchy {
  const provinces = regions.provinceCodes.length;
  const provinceStart = 3;
  const regionStart = provinceStart + provinces * 3;
  const cells = regionStart + (finer ? regions.count * 3 : 0);
  const sample = new Float64Array(cells);
  for (let r = 0; r < regions.count; r++) {
    for (let a = 0; a < 2; a++) {
      const n = cellSample[r * 2 + a];
      const p = provinceStart + regions.province[r] * 3;
      for (const row of [a, 2, p + a, p + 2]) sample[row] += n;
      if (finer) {
        sample[regionStart + r * 3 + a] += n;
        sample[regionStart + r * 3 + 2] += n;
      }
    }
  }
  const relations: Int32Array[] = [];
  const groupRows = (start: number, count: number) => {
    for (let g = 0; g < count; g++) relations.push(Int32Array.of(start + g * 3 + 2, start + g * 3, start + g * 3 + 1));
  };
  groupRows(0, 1);
  groupRows(provinceStart, provinces);
  if (finer) groupRows(regionStart, regions.count);
  for (let a = 0; a < 3; a++) {
    relations.push(Int32Array.from([a, ...Array.from({ length: provinces }, (_, p) => provinceStart + p * 3 + a)]));
  }
  if (finer) {
    const children: number[][] = Array.from({ length: provinces }, () => []);
    for (let r = 0; r < regions.count; r++) children[regions.province[r]].push(r);
    children.forEach((list, p) => {
      for (let a = 0; a < 3; a++) {
        relations.push(Int32Array.from([provinceStart + p * 3 + a, ...list.map((r) => regionStart + r * 3 + a)]));
      }
    });
  }
  const relationsOf: number[][] = Array.from({ length: cells }, () => []);
  relations.forEach((rel, k) => rel.forEach((cell) => relationsOf[cell].push(k)));
  return { sample, provinceStart, regionStart, cells, relations, relationsOf };
}

/**
 * The suppressed cells that the published ones determine exactly: cell j is determined iff the unit vector e_j lies
 * in the row space of the relations restricted to the suppressed cells, i.e. iff, in that matrix's reduced row
 * echelon form, j is a pivot column whose row has no other non-zero entry.
 */
export function determinedCells(relations: readonly Int32Array[], suppressed: Uint8Array): number[] {
  const unknown: number[] = [];
  const column = new Int32Array(suppressed.length).fill(-1);
  for (let c = 0; c < suppressed.length; c++) {
    if (suppressed[c]) {
      column[c] = unknown.length;
      unknown.push(c);
    }
  }
  const rows = relations.filter((rel) => rel.some((c) => suppressed[c]));
  const n = unknown.length;
  if (n === 0 || rows.length === 0) return [];
  const a = new Float64Array(rows.length * n);
  rows.forEach((rel, i) =>
    rel.forEach((cell, k) => {
      if (column[cell] >= 0) a[i * n + column[cell]] += k === 0 ? -1 : 1;
    }),
  );
  const eps = 1e-9;
  const pivotRow = new Int32Array(n).fill(-1);
  let rank = 0;
  for (let col = 0; col < n && rank < rows.length; col++) {
    let best = -1;
    let bestAbs = eps;
    for (let i = rank; i < rows.length; i++) {
      const v = Math.abs(a[i * n + col]);
      if (v > bestAbs) {
        best = i;
        bestAbs = v;
      }
    }
    if (best < 0) continue;
    if (best !== rank) {
      for (let k = 0; k < n; k++) {
        const t = a[best * n + k];
        a[best * n + k] = a[rank * n + k];
        a[rank * n + k] = t;
      }
    }
    const pivot = a[rank * n + col];
    for (let k = 0; k < n; k++) a[rank * n + k] /= pivot;
    for (let i = 0; i < rows.length; i++) {
      const f = a[i * n + col];
      if (i === rank || Math.abs(f) <= eps) continue;
      for (let k = 0; k < n; k++) a[i * n + k] -= f * a[rank * n + k];
    }
    pivotRow[col] = rank;
    rank++;
  }
  const out: number[] = [];
  for (let col = 0; col < n; col++) {
    const i = pivotRow[col];
    if (i < 0) continue;
    let alone = true;
    for (let k = 0; k < n && alone; k++) if (k !== col && Math.abs(a[i * n + k]) > eps) alone = false;
    if (alone) out.push(unknown[col]);
  }
  return out;
}

/** The cheapest published cell (fewest sample households, then lowest index) sharing a relation with `cell`. */
function partnerOf(h: Hierarchy, cell: number, suppressed: Uint8Array, relations: readonly number[]): number {
  let best = -1;
  for (const k of relations) {
    for (const other of h.relations[k]) {
      if (other < h.provinceStart || suppressed[other] || other === cell) continue;
      if (best < 0 || h.sample[other] < h.sample[best] || (h.sample[other] === h.sample[best] && other < best)) {
        best = other;
      }
    }
  }
  return best;
}

/**
 * Secondary suppression: (1) while some relation holds exactly one suppressed cell, suppress the cheapest published
 * cell of that relation; (2) solve the attacker's problem over every relation at once and, for a cell it determines,
 * suppress the cheapest published cell related to it; repeat until no suppressed cell is determined. National cells
 * are always published. Cost = sample households, so the pattern depends on the sample only, never on the values: it
 * is the same for the scenario, the baseline, their difference, every year and every metric.
 */
function protect(h: Hierarchy, suppressed: Uint8Array): number {
  let unprotectable = 0;
  const stuck = new Uint8Array(h.cells);
  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      h.relations.forEach((rel, k) => {
        let count = 0;
        let only = -1;
        for (const c of rel) {
          if (suppressed[c]) {
            count++;
            only = c;
          }
        }
        if (count !== 1 || stuck[only]) return;
        const partner = partnerOf(h, only, suppressed, [k]);
        if (partner >= 0) {
          suppressed[partner] = 1;
          changed = true;
        }
      });
    }
    const exposed = determinedCells(h.relations, suppressed).filter((c) => !stuck[c]);
    if (exposed.length === 0) return unprotectable;
    const cell = exposed[0];
    const partner = partnerOf(h, cell, suppressed, h.relationsOf[cell]);
    if (partner >= 0) {
      suppressed[partner] = 1;
    } else {
      stuck[cell] = 1;
      unprotectable++;
    }
  }
}

const patternCache = new WeakMap<RegionArrays, Map<string, SuppressionPattern>>();

/**
 * The suppression pattern of a dataset's tables: primary (sub-national cells below `minCell` sample households) and
 * complementary. `cellSample` holds the sample households per region × area cell (`cellSamples(year)`). Memoised per
 * regions object, threshold and sample, so every table of a run, and every run of a session, reuses it.
 */
export function suppressionPattern(
  regions: RegionArrays,
  cellSample: Float64Array,
  minCell: number,
): SuppressionPattern {
  let byKey = patternCache.get(regions);
  if (byKey === undefined) {
    byKey = new Map();
    patternCache.set(regions, byKey);
  }
  const key = `${minCell}|${cellSample.join(',')}`;
  const cached = byKey.get(key);
  if (cached !== undefined) return cached;
  const finer = hasFinerLevel(regions);
  const h = hierarchyOf(regions, cellSample, finer);
  const suppressed = new Uint8Array(h.cells);
  let primary = 0;
  for (let c = h.provinceStart; c < h.cells; c++) {
    if (h.sample[c] < minCell) {
      suppressed[c] = 1;
      primary++;
    }
  }
  const unprotectable = primary > 0 ? protect(h, suppressed) : 0;
  let total = 0;
  for (let c = 0; c < h.cells; c++) total += suppressed[c];
  const pattern: SuppressionPattern = {
    minCell,
    province: suppressed.slice(h.provinceStart, h.regionStart),
    region: finer ? suppressed.slice(h.regionStart) : undefined,
    primary,
    secondary: total - primary,
    unprotectable,
  };
  if (byKey.size >= 8) byKey.clear();
  byKey.set(key, pattern);
  return pattern;
}

/** The pattern's flags for a table of `level` (none at national level). */
export function patternRows(pattern: SuppressionPattern, level: RegionLevel, rows: number): Uint8Array {
  const flags = level === 'province' ? pattern.province : level === 'region' ? pattern.region : undefined;
  if (flags === undefined) return new Uint8Array(rows);
  if (flags.length !== rows) {
    throw new Error(`suppression pattern has ${flags.length} rows for a ${level} table of ${rows} / 抑制模式行数不符`);
  }
  return flags;
}

/** A copy of the table with the pattern's rows marked suppressed and their values set to NaN. */
export function applyPattern(table: SummaryTable, pattern: SuppressionPattern): SummaryTable {
  const suppressed = patternRows(pattern, table.level, table.rows).slice();
  const values = {} as SummaryTable['values'];
  for (const [id, col] of Object.entries(table.values) as [keyof SummaryTable['values'], Float64Array][]) {
    const out = col.slice();
    for (let r = 0; r < table.rows; r++) if (suppressed[r]) out[r] = NaN;
    values[id] = out;
  }
  return { ...table, suppressed, minCell: pattern.minCell, values };
}

/** `applyPattern` to each of a level's Monte Carlo tables (mean and percentiles). */
export function applyPatternMc(tables: McTables, pattern: SuppressionPattern): McTables {
  return {
    replications: tables.replications,
    mean: applyPattern(tables.mean, pattern),
    p5: applyPattern(tables.p5, pattern),
    p50: applyPattern(tables.p50, pattern),
    p95: applyPattern(tables.p95, pattern),
  };
}

/** Sample households per region × area cell of Monte Carlo replications (the same in every replication). */
export function replicationSamples(result: { cells: Float64Array; cellCount: number }): Float64Array {
  const out = new Float64Array(result.cellCount);
  for (let c = 0; c < out.length; c++) out[c] = result.cells[c * METRIC_COUNT + M['sample']];
  return out;
}
