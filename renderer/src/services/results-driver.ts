// Keeps the results store current: whenever the active dataset (once in the engine) or the active scenario's
// document changes, asks the engine for baseline + scenario (debounced, latest wins) and stores the comparison.
import { useResultsStore, resultsKey } from '../store/results-store.ts';
import { selectActiveDataset, selectActiveScenario, useWorkspaceStore } from '../store/workspace-store.ts';
import { EngineError, type EngineClient } from './engine/engine-client.ts';
import { getEngine } from './engine/engine.ts';

/** Delay between the last scenario edit and the run (slider moves inside it collapse into one run). */
export const RESULTS_DEBOUNCE_MS = 30;

/** Runs the active scenario now (no debounce); resolves when the results store is updated or the run superseded. */
export async function runActiveScenario(engine: EngineClient = getEngine()): Promise<void> {
  const workspace = useWorkspaceStore.getState();
  const dataset = selectActiveDataset(workspace);
  const scenario = selectActiveScenario(workspace);
  if (!dataset || dataset.status !== 'ready' || engine.datasetId !== dataset.id) return;
  const key = resultsKey(dataset.id, scenario);
  useResultsStore.setState({ status: 'running' });
  try {
    const outcome = await engine.call('year', { scenario: scenario.document }, { lane: 'results' });
    if (outcome.status !== 'done') return;
    useResultsStore.setState({
      status: 'ready',
      key,
      comparison: outcome.result,
      error: null,
      runMs: outcome.ms,
      roundTripMs: outcome.roundTripMs,
    });
  } catch (error) {
    const info =
      error instanceof EngineError
        ? { messageZh: error.messageZh, messageEn: error.messageEn, paths: error.paths }
        : { messageZh: `计算失败：${String(error)}`, messageEn: `run failed: ${String(error)}` };
    useResultsStore.setState({ status: 'error', key, error: info });
  }
}

/** Starts watching the workspace; returns the stop function. */
export function startResultsDriver(engine: EngineClient = getEngine()): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastKey: string | null = null;
  const check = () => {
    const workspace = useWorkspaceStore.getState();
    const dataset = selectActiveDataset(workspace);
    if (!dataset || dataset.status !== 'ready') return;
    const key = resultsKey(dataset.id, selectActiveScenario(workspace));
    if (key === lastKey) return;
    lastKey = key;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void runActiveScenario(engine);
    }, RESULTS_DEBOUNCE_MS);
  };
  const stop = useWorkspaceStore.subscribe(check);
  check();
  return () => {
    stop();
    if (timer !== null) clearTimeout(timer);
  };
}
