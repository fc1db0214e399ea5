// Runs Monte Carlo replications on worker threads (both cores by default): households are shared through
// SharedArrayBuffers, each worker runs a contiguous slice of replications, and the slices are merged in order.
// Results are bit-identical whatever the number of workers, because each draw depends only on seed, replication, row.
import os from 'node:os';
import { mergeReplications } from '../../sim/index.ts';
import type { HouseholdArrays, RegionArrays, ReplicationResult, ResolvedParams } from '../../sim/index.ts';
import { shareBytes, shareHouseholds } from './shared-arrays.ts';
import { ask, startEngineWorker } from './threads.ts';

/** A started pool of Monte Carlo workers. */
export interface McPool {
  size: number;
  /** Runs replications 0..replications-1 split across the workers; `onProgress` after each slice. */
  run(input: McJob, onProgress?: (done: number, total: number) => void): Promise<ReplicationResult>;
  close(): Promise<void>;
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
  return {
    size,
    async run(job, onProgress) {
      let households = sharedCache.get(job.households);
      if (households === undefined) {
        households =
          job.households.weight.buffer instanceof SharedArrayBuffer ? job.households : shareHouseholds(job.households);
        sharedCache.set(job.households, households);
      }
      const decile = job.decile === undefined ? undefined : shareBytes(job.decile);
      const total = job.replications;
      const chunk = Math.max(1, Math.min(chunkSize, Math.ceil(total / workers.length)));
      const parts: ReplicationResult[] = [];
      let next = 0;
      let done = 0;
      await Promise.all(
        workers.map(async (worker) => {
          while (next < total) {
            const from = next;
            const to = Math.min(total, from + chunk);
            next = to;
            const input = { households, regions: job.regions, params: job.params, seed: job.seed, from, to, decile };
            parts.push(await ask<ReplicationResult>(worker, { kind: 'replications', input }));
            done += to - from;
            onProgress?.(done, total);
          }
        }),
      );
      return mergeReplications(parts);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
