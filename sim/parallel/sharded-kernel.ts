// The coordinator of a sharded kernel: shards (in workers, or in-process) hold contiguous runs of whole blocks of
// households and the status carried between years; the coordinator runs a year or a projection over all of them.
import type { ParamShift } from '../params/shift.ts';
import type { RegionArrays } from '../model/regions.ts';
import type { ResolvedParams, YearResult } from '../kernel/types.ts';
import type { Scenario } from '../scenario/types.ts';
import type { KernelShard, ShardReply, ShardRequest } from './kernel-shard.ts';
import { driveAsync, projectionSteps, yearSteps } from './run-steps.ts';
import type { ProjectionResult, Steps } from './run-steps.ts';
import { drawSettings, runOptions } from '../run/options.ts';
import type { DrawSettings } from '../run/options.ts';

/** How a coordinator reaches one shard (a worker's message channel, or a shard in the same thread). */
export interface ShardPort {
  request(request: ShardRequest): Promise<ShardReply>;
}

/** A port to a shard running in the same thread. */
export function localShardPort(shard: KernelShard): ShardPort {
  // Runs after the caller has sent its other requests (a microtask later), so worker shards start first.
  return {
    request: async (request) => {
      await Promise.resolve();
      return shard.run(request);
    },
  };
}

/** Mode (default expected value), seed and replication of a sharded run. */
export type ShardedRunOptions = Partial<DrawSettings>;

/**
 * Runs the kernel over shards given in row order (shard 0 holds the first rows). Calls are queued, so two
 * projections (a baseline and a scenario) never interleave their years on the shards' carried status.
 */
export class ShardedKernel {
  private readonly ports: ShardPort[];
  readonly regions: RegionArrays;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(ports: ShardPort[], regions: RegionArrays) {
    if (ports.length === 0) throw new Error('a sharded kernel needs at least one shard');
    this.ports = ports;
    this.regions = regions;
  }

  get shards(): number {
    return this.ports.length;
  }

  private run<T>(steps: () => Steps<T>): Promise<T> {
    const task = () => driveAsync(steps(), (request) => Promise.all(this.ports.map((p) => p.request(request))));
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** One year from the dataset's current status: `simulateYear` with `householdColumns: false`, over all shards. */
  year(params: ResolvedParams, options: ShardedRunOptions = {}): Promise<YearResult> {
    return this.run(() => yearSteps(params, this.regions, drawSettings(undefined, options), 'dataset', false));
  }

  /** The multi-year projection (`project`), each year's status carried into the next inside the shards. */
  project(
    scenario: Scenario,
    options: ShardedRunOptions & { years?: number; shifts?: readonly ParamShift[] } = {},
  ): Promise<ProjectionResult> {
    const years = options.years ?? runOptions(scenario).years;
    return this.run(() =>
      projectionSteps(scenario, this.regions, drawSettings(scenario, options), years, options.shifts),
    );
  }
}
