// The projection screen's state and its one action: which scenarios to overlay, the span, and the latest run (its
// ProjectionRun[] lives in the non-reactive cache under `runKey`; the store keeps only the key and status).
import { DEFAULT_START_YEAR } from '../../../../sim/index.ts';
import { create } from 'zustand';
import { cachePut } from '../../services/cache.ts';
import { getEngine } from '../../services/engine/engine.ts';
import { EngineError } from '../../services/engine/engine-client.ts';
import type { ProjectionRun } from '../../services/engine/engine-calls.ts';
import type { Bilingual } from '../../i18n/i18n.ts';
import type { JsonValue } from '../../../../contract/host-api.ts';
import { BASELINE_SCENARIO_ID, selectActiveDataset, useWorkspaceStore } from '../../store/workspace-store.ts';

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
  error: Bilingual | null;
  /** Cache key of the shown run, and the inputs key it was made from. */
  runKey: string | null;
  inputsKey: string | null;
  ms: number | null;
  toggleScenario: (id: string, current: readonly string[]) => void;
  setStartYear: (year: number) => void;
  setYears: (years: number) => void;
  run: () => Promise<void>;
}

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
  toggleScenario: (id, current) =>
    set({ selected: current.includes(id) ? current.filter((x) => x !== id) : [...current, id] }),
  setStartYear: (startYear) => set({ startYear }),
  setYears: (years) => set({ years }),
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
      const info =
        error instanceof EngineError
          ? { messageZh: error.messageZh, messageEn: error.messageEn }
          : { messageZh: `预测失败：${String(error)}`, messageEn: `projection failed: ${String(error)}` };
      set({ status: 'error', progress: null, error: info });
    }
  },
}));
