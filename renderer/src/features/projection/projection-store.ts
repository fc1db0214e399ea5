// The projection screen's state and its one action: which scenarios to overlay, the span, and the latest run (its
// ProjectionRun[] lives in the non-reactive cache under `runKey`; the store keeps only the key and status).
import { DEFAULT_START_YEAR, NATIONAL_SCOPE } from '../../../../sim/index.ts';
import { create } from 'zustand';
import { cacheGet, cachePut } from '../../services/cache.ts';
import { getEngine } from '../../services/engine/engine.ts';
import type { ProjectionMcResult, ProjectionRun } from '../../services/engine/engine-calls.ts';
import type { ErrorInfo } from '../../i18n/i18n.ts';
import type { JsonValue } from '../../../../contract/host-api.ts';
import { BASELINE_SCENARIO_ID, selectActiveDataset, useWorkspaceStore } from '../../store/workspace-store.ts';
import { errorInfoOf } from '../../i18n/i18n.ts';
import type { RunScope } from '../../../../sim/index.ts';

/** What a finished run left in the cache. */
export interface CachedProjection {
  runs: ProjectionRun[];
  scenarios: { id: string; name: string }[];
}

export interface ProjectionState {
  /** Scenario ids to overlay; null until the user chooses (then: baseline + active scenario). */
  selected: string[] | null;
  startYear: number;
  years: number;
  status: 'idle' | 'running' | 'ready' | 'error';
  progress: number | null;
  /** When the running projection was sent (ms since epoch). */
  startedAt: number | null;
  error: ErrorInfo | null;
  /** Cache key of the shown run, and the inputs key it was made from. */
  runKey: string | null;
  inputsKey: string | null;
  ms: number | null;
  /** Where the lines are read: the nation, or one province (one area); the run itself does not change. */
  scope: RunScope;
  setScope: (scope: RunScope) => void;
  toggleScenario: (id: string, current: readonly string[]) => void;
  setStartYear: (year: number) => void;
  setYears: (years: number) => void;
  run: () => Promise<void>;
  /** The Monte Carlo interval of the projection (one scenario: the last selected), run on demand. */
  interval: {
    status: 'idle' | 'running' | 'ready' | 'error';
    /** Cache key of the ProjectionMcResult, and the inputs key it was made from. */
    key: string | null;
    inputsKey: string | null;
    error: ErrorInfo | null;
    /** Share of the replications done while running (0..1), and when the run started (ms since epoch). */
    progress?: number;
    startedAt?: number;
  };
  /** Replications the interval is computed from (the user's choice; INTERVAL_REPLICATIONS by default). */
  intervalReplications: number;
  setIntervalReplications: (replications: number) => void;
  runInterval: () => Promise<void>;
}

/** Default replications of the projection's Monte Carlo interval on this screen. */
export const INTERVAL_REPLICATIONS = 40;

/** The scenario ids shown when the user has not chosen: the baseline and the active scenario. */
export function defaultSelection(activeScenarioId: string): string[] {
  return activeScenarioId === BASELINE_SCENARIO_ID ? [BASELINE_SCENARIO_ID] : [BASELINE_SCENARIO_ID, activeScenarioId];
}

/** The key of the inputs a run depends on: dataset, span and the selected scenarios' documents. */
export function projectionInputsKey(): string | null {
  const workspace = useWorkspaceStore.getState();
  const dataset = selectActiveDataset(workspace);
  if (!dataset || dataset.status !== 'ready') return null;
  const { startYear, years } = useProjectionStore.getState();
  const ids = useProjectionStore.getState().selected ?? defaultSelection(workspace.activeScenarioId);
  const docs = workspace.scenarios.filter((s) => ids.includes(s.id)).map((s) => [s.id, s.name, s.document]);
  return JSON.stringify([dataset.id, startYear, years, docs]);
}

/** The interval computed on the Projection screen, if it was computed for the current inputs. */
export function currentInterval(): ProjectionMcResult | undefined {
  const { interval } = useProjectionStore.getState();
  if (interval.status !== 'ready' || interval.key === null || interval.inputsKey !== projectionInputsKey()) return;
  return cacheGet<ProjectionMcResult>(interval.key);
}

/**
 * The scenario document with the chosen span in its `projection` settings (the engine labels years from
 * `projection.startYear`); the scenario's own standard path is kept, 'fixed' when it has none.
 */
export function withSpan(document: JsonValue, startYear: number, years: number): JsonValue {
  if (!document || typeof document !== 'object' || Array.isArray(document)) return document;
  const current = document.projection;
  const path =
    current && typeof current === 'object' && !Array.isArray(current) && current.standardPath === 'rule'
      ? 'rule'
      : 'fixed';
  return { ...document, projection: { startYear, years, standardPath: path } };
}

let runCounter = 0;

export const useProjectionStore = create<ProjectionState>((set, get) => ({
  selected: null,
  startYear: DEFAULT_START_YEAR,
  years: 5,
  status: 'idle',
  progress: null,
  startedAt: null,
  error: null,
  runKey: null,
  inputsKey: null,
  ms: null,
  scope: NATIONAL_SCOPE,
  setScope: (scope) => set({ scope }),
  toggleScenario: (id, current) =>
    set({ selected: current.includes(id) ? current.filter((x) => x !== id) : [...current, id] }),
  setStartYear: (startYear) => set({ startYear }),
  setYears: (years) => set({ years }),
  interval: { status: 'idle', key: null, inputsKey: null, error: null },
  intervalReplications: INTERVAL_REPLICATIONS,
  setIntervalReplications: (intervalReplications) => set({ intervalReplications }),
  runInterval: async () => {
    const workspace = useWorkspaceStore.getState();
    const ids = get().selected ?? defaultSelection(workspace.activeScenarioId);
    const scenario = workspace.scenarios.filter((s) => ids.includes(s.id)).at(-1);
    const inputsKey = projectionInputsKey();
    if (scenario === undefined || inputsKey === null) return;
    const startedAt = Date.now();
    set({ interval: { status: 'running', key: null, inputsKey, error: null, progress: 0, startedAt } });
    try {
      // The replications are split over both engine workers (the same bits whatever the split).
      const outcome = await getEngine().projectionMonteCarlo(
        withSpan(scenario.document, get().startYear, get().years),
        get().years,
        get().intervalReplications,
        { onProgress: (progress) => set({ interval: { ...get().interval, progress } }) },
      );
      if (outcome.status !== 'done') return;
      runCounter += 1;
      const key = `projection-mc:${runCounter}`;
      cachePut<ProjectionMcResult>(key, { ...outcome.result, scenarioName: scenario.name });
      set({ interval: { status: 'ready', key, inputsKey, error: null } });
    } catch (error) {
      const info = errorInfoOf(error, { zh: '区间计算失败', en: 'interval failed' });
      set({ interval: { status: 'error', key: null, inputsKey, error: info } });
    }
  },
  run: async () => {
    const workspace = useWorkspaceStore.getState();
    const ids = get().selected ?? defaultSelection(workspace.activeScenarioId);
    const scenarios = workspace.scenarios.filter((s) => ids.includes(s.id));
    const inputsKey = projectionInputsKey();
    if (scenarios.length === 0 || inputsKey === null) return;
    set({ status: 'running', progress: null, startedAt: Date.now(), error: null });
    try {
      const outcome = await getEngine().call(
        'project',
        {
          scenarios: scenarios.map((s) => withSpan(s.document, get().startYear, get().years)),
          startYear: get().startYear,
          years: get().years,
        },
        { lane: 'projection', onProgress: (fraction) => set({ progress: fraction }) },
      );
      if (outcome.status !== 'done') return;
      runCounter += 1;
      const runKey = `projection:${runCounter}`;
      cachePut<CachedProjection>(runKey, {
        runs: outcome.result,
        scenarios: scenarios.map((s) => ({ id: s.id, name: s.name })),
      });
      set({ status: 'ready', progress: null, runKey, inputsKey, ms: outcome.ms });
    } catch (error) {
      const info = errorInfoOf(error, { zh: '预测失败', en: 'projection failed' });
      set({ status: 'error', progress: null, error: info });
    }
  },
}));
