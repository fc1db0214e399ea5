// One shard of a sharded kernel: a contiguous run of whole blocks of households (in a worker or in-process). It keeps
// the status carried between projection years for its rows and answers the coordinator's requests block by block.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { monitoringMass } from '../kernel/monitoring-target.ts';
import { KernelPrep } from '../kernel/prep.ts';
import { simulateYear } from '../kernel/simulate-year.ts';
import { incomeDynamics, incomeShockFactors } from '../kernel/dynamics.ts';
import type { ShockPath } from '../kernel/dynamics.ts';
import type { HouseholdState, ResolvedParams } from '../kernel/types.ts';
import { BLOCK_ROWS, blockRanges, sliceHouseholds, sliceState } from './blocks.ts';
import type { RowRange } from './blocks.ts';

/** What a shard holds: its rows (starting at row `rowOffset` of the whole dataset), the regions and its deciles. */
export interface ShardData {
  households: HouseholdArrays;
  regions: RegionArrays;
  /** National income deciles of the shard's rows (from `incomeDeciles` over the whole dataset). */
  decile: Uint8Array;
  rowOffset: number;
  /** Rows per block (default BLOCK_ROWS); the same for every shard of a kernel. */
  blockRows?: number;
  /** Per-row factors on the weights (bootstrap weights of a Monte Carlo replication, sim/montecarlo), read at every
   * year run: the owner may refill the array between projections. Default: none. */
  weightFactor?: Float64Array;
}

/** Which status a year starts from: the dataset's current one, or the one carried from the previous year run. */
export type StartState = 'dataset' | 'carried';

/** Requests a coordinator sends to a shard. */
export type ShardRequest =
  | {
      kind: 'mass';
      params: ResolvedParams;
      start: StartState;
      /** A Monte Carlo replication's income-shock path (absent: the shared path of expected value). */
      path?: ShockPath;
    }
  | {
      kind: 'year';
      params: ResolvedParams;
      mode: 'ev' | 'mc';
      seed: number;
      replication: number;
      /** Monitoring-by-share cutoff for the whole dataset (from the merged histograms). */
      monitoringRatio: number;
      start: StartState;
      /** Keep this year's end status for the next 'carried' year. */
      carry: boolean;
    };

/** A shard's answer: one array per block, in block order (histograms for 'mass'; cells and deciles for 'year'). */
export interface ShardReply {
  cells: Float64Array[];
  deciles: Float64Array[];
}

/**
 * Bytes of income-shock factors a shard keeps for later projections (12 per household and carried year). Shards too
 * large to keep SHOCK_CACHE_YEARS years (above ~1.4M rows) compute them inline in the kernel, as without the cache.
 */
const SHOCK_CACHE_BYTES = 160 * 2 ** 20;
const SHOCK_CACHE_YEARS = 10;

/** A carried year's income shocks: exp(e(t) − logMean) per household and e(t) for the next year's status. */
interface ShockYear {
  factor: Float64Array;
  next: Float32Array;
}

function newState(n: number): HouseholdState {
  return {
    programme: new Uint8Array(n),
    enrol: new Float64Array(n),
    gradualExit: new Uint8Array(n),
    shock: new Float32Array(n),
  };
}

/** The worker-side half of a sharded kernel. */
export class KernelShard {
  private readonly data: ShardData;
  /** The shard's blocks in its own row numbers. */
  private readonly blocks: RowRange[];
  private readonly blockHouseholds: HouseholdArrays[];
  /** Quantities computed once for the shard's rows (assessed-income factors). */
  private readonly prep: KernelPrep;
  private carried: HouseholdState | undefined;
  private spare: HouseholdState | undefined;
  /** Which income shocks the carried status holds: '' for none (a start-year status), else the years and dynamics
   * that produced them; with the year's dynamics it keys the cached shock factors. */
  private carriedShocks = '';
  /** Shock factors of carried years by key, least recently used first. The shocks of a projection year depend only
   * on the dynamics parameters of it and the years before (not on the scenario's rules), so a baseline and a reform
   * projection, or a rerun after an edit, share them. */
  private readonly shockCache = new Map<string, ShockYear>();
  /** Years whose shocks were drawn without a key (a replication's own path), counted to mark the carried status. */
  private uncachedPaths = 0;

  constructor(data: ShardData) {
    const blockRows = data.blockRows ?? BLOCK_ROWS;
    if (data.rowOffset % blockRows !== 0) throw new Error(`shard must start on a block boundary (${data.rowOffset})`);
    this.data = data;
    this.blocks = blockRanges(data.households.count, blockRows);
    this.blockHouseholds = this.blocks.map((b) => sliceHouseholds(data.households, b.from, b.to));
    this.prep = new KernelPrep(data.households);
  }

  get rows(): number {
    return this.data.households.count;
  }

  run(request: ShardRequest): ShardReply {
    return request.kind === 'mass' ? this.mass(request.params, request.start, request.path) : this.year(request);
  }

  private startState(start: StartState): HouseholdState | undefined {
    if (start === 'dataset') return undefined;
    if (this.carried === undefined) throw new Error('no carried status: run a year with carry first');
    return this.carried;
  }

  /** Key of the shocks a carried year draws from the carried status (undefined when the year has none). */
  private shockKey(params: ResolvedParams, start: StartState, path: ShockPath | undefined): string | undefined {
    const dyn = incomeDynamics(params);
    // A Monte Carlo replication's own shock path is drawn inline (kept, it would only evict the shared path's years).
    if (start === 'dataset' || !dyn.on || path !== undefined) return undefined;
    return `${this.carriedShocks};${params.yearIndex}:${dyn.rho}:${dyn.sd}`;
  }

  /** The year's shock factors, from the cache or computed once for the histogram and the year (if they fit). */
  private shocks(
    params: ResolvedParams,
    state: HouseholdState | undefined,
    key: string | undefined,
  ): ShockYear | undefined {
    if (key === undefined || state === undefined) return undefined;
    const hit = this.shockCache.get(key);
    if (hit !== undefined) {
      this.shockCache.delete(key);
      this.shockCache.set(key, hit);
      return hit;
    }
    const n = this.rows;
    const bytes = 12 * n;
    if (bytes * SHOCK_CACHE_YEARS > SHOCK_CACHE_BYTES) return undefined;
    let kept = bytes * this.shockCache.size;
    for (const oldest of this.shockCache.keys()) {
      if (kept + bytes <= SHOCK_CACHE_BYTES) break;
      this.shockCache.delete(oldest);
      kept -= bytes;
    }
    const year: ShockYear = { factor: new Float64Array(n), next: new Float32Array(n) };
    incomeShockFactors(
      incomeDynamics(params),
      state.shock,
      this.data.rowOffset,
      params.yearIndex,
      year.factor,
      year.next,
    );
    this.shockCache.set(key, year);
    return year;
  }

  private mass(params: ResolvedParams, start: StartState, path?: ShockPath): ShardReply {
    const state = this.startState(start);
    const shocks = this.shocks(params, state, this.shockKey(params, start, path));
    const assessed = this.prep.assessedFactors(params);
    const cells = this.blocks.map((b, k) =>
      monitoringMass(
        this.blockHouseholds[k],
        params,
        state && sliceState(state, b.from, b.to),
        this.data.rowOffset + b.from,
        assessed.subarray(b.from, b.to),
        shocks?.factor.subarray(b.from, b.to),
        path,
      ),
    );
    return { cells, deciles: [] };
  }

  private year(request: Extract<ShardRequest, { kind: 'year' }>): ShardReply {
    const state = this.startState(request.start);
    let into: HouseholdState | undefined;
    if (request.carry) {
      // Written into the buffer not being read; it becomes the carried status afterwards.
      into = this.spare ?? newState(this.rows);
      this.spare = this.carried;
    }
    const path = request.mode === 'mc' ? { seed: request.seed, replication: request.replication } : undefined;
    const key = this.shockKey(request.params, request.start, path);
    const shocks = this.shocks(request.params, state, key);
    const assessed = this.prep.assessedFactors(request.params);
    const cells: Float64Array[] = [];
    const deciles: Float64Array[] = [];
    this.blocks.forEach((b, k) => {
      const result = simulateYear(this.blockHouseholds[k], this.data.regions, request.params, {
        mode: request.mode,
        seed: request.seed,
        replication: request.replication,
        rowOffset: this.data.rowOffset + b.from,
        householdColumns: false,
        decile: this.data.decile.subarray(b.from, b.to),
        assessed: assessed.subarray(b.from, b.to),
        weightFactor: this.data.weightFactor?.subarray(b.from, b.to),
        monitoringRatio: request.monitoringRatio,
        state: state && sliceState(state, b.from, b.to),
        carryState: request.carry,
        stateInto: into && sliceState(into, b.from, b.to),
        shockFactor: shocks?.factor.subarray(b.from, b.to),
      });
      cells.push(result.cells);
      deciles.push(result.deciles);
    });
    if (into !== undefined) {
      if (shocks !== undefined) into.shock.set(shocks.next);
      this.carried = into;
      // The kernel wrote e(t) when the year drew shocks and zeros when it did not; shocks of a replication's own path
      // are marked so that no later key matches them.
      const drew = request.start === 'carried' && incomeDynamics(request.params).on;
      this.carriedShocks = key ?? (drew ? `path ${++this.uncachedPaths}` : '');
    }
    return { cells, deciles };
  }
}
