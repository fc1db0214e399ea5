// Fixed blocks of household rows. Sums are accumulated per block and added in block order, so a result is the same
// to the last bit whether one thread or several run the blocks; shards are whole blocks, split as evenly as possible.
import type { HouseholdArrays } from '../model/households.ts';
import { HOUSEHOLD_ARRAY_KEYS } from '../model/households.ts';
import type { HouseholdState } from '../kernel/types.ts';

/** Rows per block: large enough that per-block overhead is negligible, small enough to balance two to eight shards. */
export const BLOCK_ROWS = 1 << 16;

/** A half-open range of rows [from, to) of the whole dataset. */
export interface RowRange {
  from: number;
  to: number;
}

/** The blocks of `n` rows, in order. */
export function blockRanges(n: number, blockRows = BLOCK_ROWS): RowRange[] {
  const out: RowRange[] = [];
  for (let from = 0; from < n; from += blockRows) out.push({ from, to: Math.min(n, from + blockRows) });
  if (out.length === 0) out.push({ from: 0, to: 0 });
  return out;
}

/** Up to `shards` contiguous ranges of whole blocks covering `n` rows (fewer when there are fewer blocks). */
export function shardRanges(n: number, shards: number, blockRows = BLOCK_ROWS): RowRange[] {
  const blocks = blockRanges(n, blockRows);
  const k = Math.max(1, Math.min(Math.floor(shards), blocks.length));
  const out: RowRange[] = [];
  for (let j = 0; j < k; j++) {
    const first = Math.floor((j * blocks.length) / k);
    const last = Math.floor(((j + 1) * blocks.length) / k) - 1;
    out.push({ from: blocks[first].from, to: blocks[last].to });
  }
  return out;
}

/** Rows [from, to) of `h` as views (no copy). */
export function sliceHouseholds(h: HouseholdArrays, from: number, to: number): HouseholdArrays {
  const out = { count: to - from } as Record<string, unknown>;
  for (const key of HOUSEHOLD_ARRAY_KEYS) out[key] = h[key].subarray(from, to);
  return out as unknown as HouseholdArrays;
}

/** Rows [from, to) of a carried state as views (no copy). */
export function sliceState(state: HouseholdState, from: number, to: number): HouseholdState {
  return {
    programme: state.programme.subarray(from, to),
    enrol: state.enrol.subarray(from, to),
    gradualExit: state.gradualExit.subarray(from, to),
    shock: state.shock.subarray(from, to),
  };
}

/** Rows [from, to) of `h` copied into their own buffers (to send a shard's part to a worker without shared memory). */
export function copyHouseholds(h: HouseholdArrays, from: number, to: number): HouseholdArrays {
  const out = { count: to - from } as Record<string, unknown>;
  for (const key of HOUSEHOLD_ARRAY_KEYS) out[key] = h[key].slice(from, to);
  return out as unknown as HouseholdArrays;
}
