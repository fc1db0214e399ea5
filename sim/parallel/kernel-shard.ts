// One shard of a sharded kernel: a contiguous run of whole blocks of households (in a worker or in-process). It keeps
// the status carried between projection years for its rows and answers the coordinator's requests block by block.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { monitoringMass } from '../kernel/monitoring-target.ts';
import { KernelPrep } from '../kernel/prep.ts';
import { simulateYear } from '../kernel/simulate-year.ts';
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

  private mass(params: ResolvedParams, start: StartState, path?: ShockPath): ShardReply {
    const state = this.startState(start);
    const assessed = this.prep.assessedFactors(params);
    const cells = this.blocks.map((b, k) =>
      monitoringMass(
        this.blockHouseholds[k],
        params,
        state && sliceState(state, b.from, b.to),
        this.data.rowOffset + b.from,
        assessed.subarray(b.from, b.to),
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
      });
      cells.push(result.cells);
      deciles.push(result.deciles);
    });
    if (into !== undefined) this.carried = into;
    return { cells, deciles };
  }
}
