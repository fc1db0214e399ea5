// The options of a run and their defaults, written once: mode, seed, replications, projection years and the
// disclosure threshold. The CLI's flags, the app's engine calls and the kernels all resolve through these functions.
import type { Scenario } from '../scenario/types.ts';
import { scenarioParamValues } from '../scenario/resolve.ts';

/** How a kernel draws one run: expected value or one Monte Carlo replication of a seed. */
export interface DrawSettings {
  mode: 'ev' | 'mc';
  seed: number;
  replication: number;
}

/** The options of a whole run (scenario compared with the baseline). */
export interface RunOptions {
  /** Expected value, or Monte Carlo percentiles over `replications` draws of `seed`. */
  mode: 'ev' | 'mc';
  seed: number;
  replications: number;
  /** Projection years after the start year (0 = the start year only). */
  years: number;
  /** Disclosure threshold: sub-national cells resting on fewer sample households are suppressed. */
  minCell: number;
}

/** Defaults when neither the caller nor the scenario says otherwise (`minCell` comes from `output.minCell`). */
export const RUN_DEFAULTS: Readonly<Omit<RunOptions, 'minCell'>> = {
  mode: 'ev',
  seed: 0,
  replications: 100,
  years: 0,
};

/** The options of a run: what the caller gave, else the scenario's own settings, else `RUN_DEFAULTS`. */
export function runOptions(scenario: Scenario, given: Partial<RunOptions> = {}): RunOptions {
  const mc = scenario.monteCarlo;
  return {
    mode: given.mode ?? mc?.mode ?? RUN_DEFAULTS.mode,
    seed: given.seed ?? mc?.seed ?? RUN_DEFAULTS.seed,
    replications: given.replications ?? mc?.replications ?? RUN_DEFAULTS.replications,
    years: given.years ?? scenario.projection?.years ?? RUN_DEFAULTS.years,
    minCell: given.minCell ?? scenarioParamValues(scenario)['output.minCell'],
  };
}

/** How a kernel draws a projection or a year of `scenario`: its Monte Carlo mode and seed unless given. */
export function drawSettings(scenario: Scenario | undefined, given: Partial<DrawSettings> = {}): DrawSettings {
  return {
    mode: given.mode ?? scenario?.monteCarlo?.mode ?? RUN_DEFAULTS.mode,
    seed: given.seed ?? scenario?.monteCarlo?.seed ?? RUN_DEFAULTS.seed,
    replication: given.replication ?? 0,
  };
}
