// Results of the active scenario against the baseline on the active dataset, kept current by the results driver
// (services/results-driver.ts). Components read them with `useResults()`; nothing is recomputed in the UI.
import { create } from 'zustand';
import type { YearComparison } from '../services/engine/engine-calls.ts';
import type { EngineErrorInfo } from '../services/engine/engine-protocol.ts';
import {
  selectActiveDataset,
  selectActiveScenario,
  useWorkspaceStore,
  type DatasetSummary,
  type ScenarioEntry,
} from './workspace-store.ts';

export type ResultsStatus = 'idle' | 'running' | 'ready' | 'error';

export interface ResultsState {
  status: ResultsStatus;
  /** Identifies the inputs of `comparison`: dataset id + the scenario document. */
  key: string | null;
  comparison: YearComparison | null;
  /** Invalid scenario (with field paths) or engine failure; the last good comparison stays visible. */
  error: EngineErrorInfo | null;
  /** Worker time and round trip of the run that produced `comparison`, in ms. */
  runMs: number | null;
  roundTripMs: number | null;
}

export const useResultsStore = create<ResultsState>(() => ({
  status: 'idle',
  key: null,
  comparison: null,
  error: null,
  runMs: null,
  roundTripMs: null,
}));

/** The key of the inputs results depend on. */
export function resultsKey(datasetId: string | null, scenario: ScenarioEntry): string | null {
  return datasetId === null ? null : `${datasetId}|${JSON.stringify(scenario.document)}`;
}

/** What `useResults()` gives a component. */
export interface ResultsView extends ResultsState {
  dataset: DatasetSummary | null;
  scenario: ScenarioEntry;
  /** True while the shown comparison belongs to older inputs (a run for the new ones is pending). */
  stale: boolean;
}

/** The active scenario's results vs the baseline on the active dataset (re-renders when either changes). */
export function useResults(): ResultsView {
  const results = useResultsStore();
  const dataset = useWorkspaceStore(selectActiveDataset);
  const scenario = useWorkspaceStore(selectActiveScenario);
  const key = resultsKey(dataset?.id ?? null, scenario);
  return { ...results, dataset, scenario, stale: results.key !== key };
}
