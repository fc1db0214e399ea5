// National deciles of pre-transfer per-capita income, weighted by persons, in O(n) with a fine log-scale histogram.
import type { HouseholdArrays } from '../model/households.ts';

const BINS = 1 << 16;

/** Decile (0 = poorest tenth of persons) of every household by pre-transfer per-capita income. */
export function incomeDeciles(h: HouseholdArrays): Uint8Array {
  const n = h.count;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  let max = 0;
  for (let i = 0; i < n; i++) if (h.incomePc[i] > max) max = h.incomePc[i];
  const scale = (BINS - 1) / Math.log1p(Math.max(1, max));
  const mass = new Float64Array(BINS);
  const bin = new Uint16Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const b = Math.floor(Math.log1p(Math.max(0, h.incomePc[i])) * scale);
    bin[i] = b;
    const m = h.weight[i] * h.size[i];
    mass[b] += m;
    total += m;
  }
  const decileOfBin = new Uint8Array(BINS);
  let cum = 0;
  for (let b = 0; b < BINS; b++) {
    // A bin belongs to the decile in which its persons' midpoint falls.
    const mid = cum + mass[b] / 2;
    decileOfBin[b] = Math.min(9, Math.floor((mid / total) * 10));
    cum += mass[b];
  }
  for (let i = 0; i < n; i++) out[i] = decileOfBin[bin[i]];
  return out;
}
