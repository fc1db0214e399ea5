// A year and a projection written once as a sequence of shard requests (generators): the caller answers each request
// with the replies of all shards, synchronously (in-process `project`) or by awaiting workers (ShardedKernel).
// Per-block sums are added in block order and finished as a single run would, so every driver gives the same bits.
import type { RegionArrays } from '../model/regions.ts';
import { DECILE_METRIC_COUNT, METRIC_COUNT } from '../kernel/metrics.ts';
import { MONITORING_MASS_LENGTH, monitoringCutoff, monitoringTargetShare } from '../kernel/monitoring-target.ts';
import { deriveCellSums } from '../kernel/simulate-year.ts';
import type { ResolvedParams, YearResult } from '../kernel/types.ts';
import { resolveScenario } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { DEFAULT_START_YEAR } from '../scenario/types.ts';
import type { ShardReply, ShardRequest, StartState } from './kernel-shard.ts';
import type { ParamShift } from '../params/shift.ts';
import type { DrawSettings } from '../run/options.ts';

/** A multi-year panel: one YearResult per year, start … start + years. */
export interface ProjectionResult {
  scenarioName: string;
  startYear: number;
  years: YearResult[];
}

/** Steps that send requests to every shard (in row order) and get back all their replies. */
export type Steps<T> = Generator<ShardRequest, T, ShardReply[]>;

function addInOrder(replies: ShardReply[], pick: (r: ShardReply) => Float64Array[], length: number): Float64Array {
  const out = new Float64Array(length);
  for (const reply of replies) {
    for (const part of pick(reply)) for (let k = 0; k < length; k++) out[k] += part[k];
  }
  return out;
}

/** One year: the monitoring histogram first when widening to a target share, then the year itself. */
export function* yearSteps(
  params: ResolvedParams,
  regions: RegionArrays,
  run: DrawSettings,
  start: StartState,
  carry: boolean,
): Steps<YearResult> {
  const target = monitoringTargetShare(params);
  let monitoringRatio = -Infinity;
  if (target > 0) {
    const path = run.mode === 'mc' ? { seed: run.seed >>> 0, replication: run.replication >>> 0 } : undefined;
    const masses = yield { kind: 'mass', params, start, ...(path === undefined ? {} : { path }) };
    monitoringRatio = monitoringCutoff(
      target,
      addInOrder(masses, (r) => r.cells, MONITORING_MASS_LENGTH),
    );
  }
  const replies = yield { kind: 'year', params, ...run, monitoringRatio, start, carry };
  const cells = addInOrder(replies, (r) => r.cells, regions.count * 2 * METRIC_COUNT);
  deriveCellSums(cells, params);
  return {
    year: params.year,
    yearIndex: params.yearIndex,
    mode: run.mode,
    replication: run.replication,
    regionCount: regions.count,
    cells,
    deciles: addInOrder(replies, (r) => r.deciles, 10 * DECILE_METRIC_COUNT),
    priceIndex: params.priceIndex,
    standard: params.standard,
  };
}

/**
 * Every projection year (POLICY.md §3.3), each starting from the status the previous one carried; `shifts`: a Monte
 * Carlo replication's parameter draws, applied in every year (sim/montecarlo/projection-replications.ts).
 */
export function* projectionSteps(
  scenario: Scenario,
  regions: RegionArrays,
  run: DrawSettings,
  years: number,
  shifts?: readonly ParamShift[],
): Steps<ProjectionResult> {
  const out: YearResult[] = [];
  for (let t = 0; t <= years; t++) {
    const params = resolveScenario(scenario, regions, { yearIndex: t, shifts });
    out.push(yield* yearSteps(params, regions, run, t === 0 ? 'dataset' : 'carried', t < years));
  }
  return { scenarioName: scenario.name, startYear: scenario.projection?.startYear ?? DEFAULT_START_YEAR, years: out };
}

/** Drives steps synchronously. */
export function driveSync<T>(steps: Steps<T>, answer: (request: ShardRequest) => ShardReply[]): T {
  let next = steps.next();
  while (!next.done) next = steps.next(answer(next.value));
  return next.value;
}

/** Drives steps, awaiting each answer. */
export async function driveAsync<T>(
  steps: Steps<T>,
  answer: (request: ShardRequest) => Promise<ShardReply[]>,
): Promise<T> {
  let next = steps.next();
  while (!next.done) next = steps.next(await answer(next.value));
  return next.value;
}
