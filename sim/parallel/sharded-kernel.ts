// The coordinator of a sharded kernel: shards (in workers, or in-process) hold contiguous runs of whole blocks of
// households and the status carried between years; the coordinator runs a year or a projection over all of them.
import type { RegionArrays } from '../model/regions.ts';
import type { ResolvedParams, YearResult } from '../kernel/types.ts';
import type { Scenario } from '../scenario/types.ts';
import type { KernelShard, ShardReply, ShardRequest } from './kernel-shard.ts';
import { driveAsync, projectionSteps, yearSteps } from './run-steps.ts';
import type { ProjectionResult, RunSettings, Steps } from './run-steps.ts';

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
export type ShardedRunOptions = Partial<RunSettings>;

/**
 * Runs the kernel over shards given in row order (shard 0 holds the first rows). Calls are queued, so two
 * projections (a baseline and a scenario) never interleave their years on the shards' carried status.
 */
export class ShardedKernel {
  private readonly ports: ShardPort[];
  private readonly regions: RegionArrays;
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
    const run = { mode: options.mode ?? 'ev', seed: options.seed ?? 0, replication: options.replication ?? 0 };
    return this.run(() => yearSteps(params, this.regions, run, 'dataset', false));
  }

  /** The multi-year projection (`project`), each year's status carried into the next inside the shards. */
  project(scenario: Scenario, options: ShardedRunOptions & { years?: number } = {}): Promise<ProjectionResult> {
    const run = {
      mode: options.mode ?? scenario.monteCarlo?.mode ?? 'ev',
      seed: options.seed ?? scenario.monteCarlo?.seed ?? 0,
      replication: options.replication ?? 0,
    };
    const years = options.years ?? scenario.projection?.years ?? 0;
    return this.run(() => projectionSteps(scenario, this.regions, run, years));
  }
}
