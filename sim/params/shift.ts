// Parameter shifts of a Monte Carlo replication, applied in one place: every cell and the national value of a
// parameter move by the same amount and stay within the catalogue's min..max (single-year and projection runs alike).
import { PARAM_CATALOGUE } from './catalogue.ts';
import type { ParamId, ParamValues, RegionalParamId } from './catalogue.ts';

/** One parameter moved by `shift` from its value (drawn per replication, sim/montecarlo/uncertainty.ts). */
export interface ParamShift {
  id: ParamId;
  shift: number;
}

const BOUNDS = new Map<string, [number, number]>(PARAM_CATALOGUE.map((p) => [p.id, [p.min, p.max]]));

/**
 * Apply shifts in place: `scalars[id]` and every cell of a regional parameter become value + shift, clamped to the
 * parameter's min..max. Callers pass copies they own.
 */
export function applyParamShifts(
  scalars: ParamValues,
  cell: Record<RegionalParamId, Float64Array>,
  shifts: readonly ParamShift[],
): void {
  for (const { id, shift } of shifts) {
    const [min, max] = BOUNDS.get(id) ?? [-Infinity, Infinity];
    const clamp = (v: number) => Math.min(max, Math.max(min, v + shift));
    scalars[id] = clamp(scalars[id]);
    if (id in cell) {
      const a = cell[id as RegionalParamId];
      for (let c = 0; c < a.length; c++) a[c] = clamp(a[c]);
    }
  }
}
