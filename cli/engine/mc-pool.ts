// Runs Monte Carlo replications on worker threads (both cores by default): households are shared through
// SharedArrayBuffers, each worker runs a contiguous slice of replications, and the slices are merged in order.
// Results are bit-identical whatever the number of workers, because each draw depends only on seed, replication, row.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { mergeProjectionReplications, mergeReplications } from '../../sim/index.ts';
import type {
  HouseholdArrays,
  ProjectionReplicationResult,
  RegionArrays,
  ReplicationResult,
  ResolvedParams,
  Scenario,
} from '../../sim/index.ts';
import { shareBytes, shareHouseholds } from './shared-arrays.ts';
import { ask, startEngineWorker } from './threads.ts';

/** A started pool of Monte Carlo workers. */
export interface McPool {
  size: number;
  /** Runs replications 0..replications-1 split across the workers; `onProgress` after each slice. */
  run(input: McJob, onProgress?: (done: number, total: number) => void): Promise<ReplicationResult>;
  /** Runs replications 0..replications-1 of a whole projection, split the same way. */
  runProjection(
    input: ProjectionMcJob,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ProjectionReplicationResult>;
  close(): Promise<void>;
}

/** One Monte Carlo job over a projection. */
export interface ProjectionMcJob {
  households: HouseholdArrays;
  regions: RegionArrays;
  scenario: Scenario;
  years: number;
  seed: number;
  replications: number;
  decile?: Uint8Array;
}

/** One Monte Carlo job. */
export interface McJob {
  households: HouseholdArrays;
  regions: RegionArrays;
  params: ResolvedParams;
  seed: number;
  replications: number;
  decile?: Uint8Array;
}

/**
 * Starts `size` workers (default: available cores, at least 1). Each takes slices of at most `chunkSize`
 * replications in turn, so progress is reported often and a slow worker does not hold up the rest.
 */
export async function startMcPool(size = Math.max(1, os.availableParallelism()), chunkSize = 10): Promise<McPool> {
  const workers = await Promise.all(Array.from({ length: size }, () => startEngineWorker()));
  const sharedCache = new WeakMap<HouseholdArrays, HouseholdArrays>();
  const shared = (households: HouseholdArrays): HouseholdArrays => {
    let out = sharedCache.get(households);
    if (out === undefined) {
      out = households.weight.buffer instanceof SharedArrayBuffer ? households : shareHouseholds(households);
      sharedCache.set(households, out);
    }
    return out;
  };
  /** Slices of at most `chunk` replications taken in turn by the workers; the parts in any order. */
  async function slices<T>(
    total: number,
    ask1: (worker: Worker, from: number, to: number) => Promise<T>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<T[]> {
    const chunk = Math.max(1, Math.min(chunkSize, Math.ceil(total / workers.length)));
    const parts: T[] = [];
    let next = 0;
    let done = 0;
    await Promise.all(
      workers.map(async (worker) => {
        while (next < total) {
          const from = next;
          const to = Math.min(total, from + chunk);
          next = to;
          parts.push(await ask1(worker, from, to));
          done += to - from;
          onProgress?.(done, total);
        }
      }),
    );
    return parts;
  }
  return {
    size,
    async run(job, onProgress) {
      const households = shared(job.households);
      const decile = job.decile === undefined ? undefined : shareBytes(job.decile);
      const parts = await slices(
        job.replications,
        (worker, from, to) => {
          const input = { households, regions: job.regions, params: job.params, seed: job.seed, from, to, decile };
          return ask<ReplicationResult>(worker, { kind: 'replications', input });
        },
        onProgress,
      );
      return mergeReplications(parts);
    },
    async runProjection(job, onProgress) {
      const households = shared(job.households);
      const decile = job.decile === undefined ? undefined : shareBytes(job.decile);
      const { regions, scenario, years, seed } = job;
      const parts = await slices(
        job.replications,
        (worker, from, to) => {
          const input = { households, regions, scenario, years, seed, from, to, decile };
          return ask<ProjectionReplicationResult>(worker, { kind: 'projectionReplications', input });
        },
        onProgress,
      );
      return mergeProjectionReplications(parts);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
