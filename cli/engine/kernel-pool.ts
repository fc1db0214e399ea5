// The sharded kernel on worker threads: households shared once through SharedArrayBuffers, one shard of whole blocks
// per worker, so a year or a projection over a large dataset uses every core. Results are the same bits as the
// in-process `project` (sim/parallel), whatever the number of workers.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { ShardedKernel, shardRanges, sliceHouseholds } from '../../sim/index.ts';
import type { HouseholdArrays, RegionArrays, ShardReply, ShardRequest } from '../../sim/index.ts';
import { shareBytes, shareHouseholds } from './shared-arrays.ts';
import { ask, startEngineWorker } from './threads.ts';

/** A started pool: the kernel to run, and how to stop its workers. */
export interface KernelPool {
  kernel: ShardedKernel;
  workers: number;
  close(): Promise<void>;
}

/**
 * Starts up to `workers` threads (default: available cores) over the dataset; fewer when the data has fewer blocks.
 * `decile` is the whole dataset's, from `incomeDeciles`.
 */
export async function startKernelPool(
  households: HouseholdArrays,
  regions: RegionArrays,
  decile: Uint8Array,
  workers = Math.max(1, os.availableParallelism()),
): Promise<KernelPool> {
  const shared = households.weight.buffer instanceof SharedArrayBuffer ? households : shareHouseholds(households);
  const sharedDecile = decile.buffer instanceof SharedArrayBuffer ? decile : shareBytes(decile);
  const ranges = shardRanges(shared.count, workers);
  const threads: Worker[] = await Promise.all(ranges.map(() => startEngineWorker()));
  try {
    await Promise.all(
      ranges.map(({ from, to }, j) =>
        ask<number>(threads[j], {
          kind: 'shard',
          data: {
            households: sliceHouseholds(shared, from, to),
            regions,
            decile: sharedDecile.subarray(from, to),
            rowOffset: from,
          },
        }),
      ),
    );
  } catch (error) {
    await Promise.all(threads.map((t) => t.terminate()));
    throw error;
  }
  const ports = threads.map((worker) => ({
    request: (request: ShardRequest) => ask<ShardReply>(worker, { kind: 'request', request }),
  }));
  return {
    kernel: new ShardedKernel(ports, regions),
    workers: threads.length,
    async close() {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
