// Counter-based random numbers: a uniform draw is a pure hash of (seed, replication, household, draw id), so Monte
// Carlo results are bit-identical on rerun and independent of how replications are split across workers.

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of four integers (murmur3 finaliser chain). */
export function hash4(a: number, b: number, c: number, d: number): number {
  let h = fmix32((a ^ 0x9e3779b9) >>> 0);
  h = fmix32((h ^ Math.imul(b + 0x7f4a7c15, 0x27d4eb2f)) >>> 0);
  h = fmix32((h ^ Math.imul(c + 0x165667b1, 0x9e3779b1)) >>> 0);
  h = fmix32((h ^ Math.imul(d + 0x61c88647, 0x85ebca77)) >>> 0);
  return h;
}

/**
 * Uniform draw in [0, 1) for (seed, replication, household index, draw id): three finaliser rounds, one keyed by
 * seed and replication (loop-invariant in the kernel), one by household, one by draw.
 */
export function uniform(seed: number, replication: number, index: number, draw: number): number {
  return uniformOfRow(uniformRow(uniformStream(seed, replication), index), draw);
}

/** The first round of `uniform`: keyed by seed and replication (the same for every household of a run). */
export function uniformStream(seed: number, replication: number): number {
  return fmix32((seed ^ Math.imul(replication + 0x632be5ab, 0x85ebca77)) >>> 0);
}

/** The second round of `uniform`: keyed by household index (the same for every draw of a household). */
export function uniformRow(stream: number, index: number): number {
  return fmix32((stream + Math.imul(index, 0x9e3779b1)) >>> 0);
}

/** The last round of `uniform`: draw `draw` of a household from its `uniformRow` hash. */
export function uniformOfRow(row: number, draw: number): number {
  return fmix32((row ^ Math.imul(draw + 1, 0xc2b2ae3d)) >>> 0) / 4294967296;
}

/**
 * Draw ids used by the kernel (one per random event of a household). `certifyYear + yearIndex` is the yearly
 * certification draw (ids from 16 up); `income` keys the income shocks of projection years (one path shared by every run), `incomeYear + yearIndex` a
 * Monte Carlo replication's own income-shock path (ids from 128 up), `bootstrap` a household's
 * bootstrap weight in a Monte Carlo replication and `param` a parameter's draw (keyed by the parameter's index).
 */
export const DRAW = {
  affected: 0,
  takeup: 1,
  medical: 2,
  other: 3,
  disaster: 4,
  housing: 5,
  certify: 6,
  income: 7,
  bootstrap: 8,
  param: 9,
  certifyYear: 16,
  incomeYear: 128,
} as const;
