// Timing and memory helpers for the benchmark: medians of repeated runs, machine description, RSS sampling.
import os from 'node:os';
import { performance } from 'node:perf_hooks';

/** Result of timing a function several times, in milliseconds. */
export interface Timing {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

/** Median of a list of numbers (mean of the two middle values for even lengths). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Summarises a list of durations in milliseconds. */
export function summarise(durations: readonly number[]): Timing {
  return {
    runs: durations.length,
    medianMs: median(durations),
    minMs: Math.min(...durations),
    maxMs: Math.max(...durations),
  };
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns the timing summary. */
export async function timeRuns(runs: number, warmup: number, fn: () => unknown): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    durations.push(performance.now() - start);
  }
  return summarise(durations);
}

/** Times one call of `fn`, returning its value and the elapsed milliseconds. */
export async function timeOnce<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/** A one-line description of the machine: CPU model, cores, memory, Node and OS. */
export function machineDescription(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const memGiB = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${model}, ${cpus.length} cores (os.availableParallelism ${os.availableParallelism()}), ${memGiB} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** Samples process RSS at an interval and keeps the peak, so short spikes between phases are seen. */
export function rssSampler(intervalMs = 5): { peak(): number; stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
  }, intervalMs);
  timer.unref();
  return {
    peak: () => Math.max(peak, process.memoryUsage.rss()),
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}
