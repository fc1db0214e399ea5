// State and actions of the inverse screen: the starting scenario, the budget and coverage questions with their
// answers, and the sensitivity rows. Answers are small plain objects from the engine (no typed arrays), so they sit
// in the store; every number in them was computed by the engine in its worker.
import { create } from 'zustand';
import { getEngine } from '../../services/engine/engine.ts';
import { EngineError } from '../../services/engine/engine-client.ts';
import type { InverseLever, SensitivityRow, SolveResult } from '../../../../sim/index.ts';
import type { EngineCalls } from '../../services/engine/engine-calls.ts';
import type { Bilingual } from '../../i18n/i18n.ts';
import { useWorkspaceStore } from '../../store/workspace-store.ts';
import type { JsonValue } from '../../../../contract/host-api.ts';

/** Levers the budget solver can move. */
export type BudgetLever = EngineCalls['solveBudget']['request']['lever'];
/** Which coverage the coverage solver targets. */
export type CoverageMetric = NonNullable<EngineCalls['solveCoverage']['request']['metric']>;
export const BUDGET_LEVERS: readonly BudgetLever[] = ['scalePct', 'consumptionRatio'];
export const COVERAGE_LEVERS: readonly InverseLever[] = ['scalePct', 'consumptionRatio', 'monitoringMultiplier'];
export const COVERAGE_METRICS: readonly CoverageMetric[] = ['cash', 'lowIncome', 'monitored'];

/** One engine task of the screen: its status, progress, answer and the scenario it started from. */
export interface Task<R> {
  status: 'idle' | 'running' | 'ready' | 'error';
  progress: number | null;
  error: Bilingual | null;
  result: R | null;
  startName: string | null;
  /** The scenario document the answer starts from, so it can be saved as a scenario with the lever applied. */
  startDocument: JsonValue | null;
  ms: number | null;
  /** When the running call was sent (ms since epoch), for the elapsed time. */
  startedAt: number | null;
}

/** National outcomes of the starting scenario, the reference the tornado's bars are measured from. */
export interface StartOutcome {
  cost: number;
  households: number;
  coverageCash: number;
  scenarioId: string;
  key: string;
}

export interface InverseState {
  /** Starting scenario id; null = the active scenario. */
  startId: string | null;
  budget: number | null;
  budgetLever: BudgetLever;
  target: number;
  coverageLever: InverseLever;
  coverageMetric: CoverageMetric;
  /** The target and measure the shown coverage answer was solved for. */
  coverageAsked: { target: number; metric: CoverageMetric } | null;
  start: StartOutcome | null;
  /** Why the starting scenario's outcomes could not be computed (e.g. an invalid scenario). */
  startError: Bilingual | null;
  budgetTask: Task<SolveResult>;
  coverageTask: Task<SolveResult>;
  sensitivityTask: Task<SensitivityRow[]>;
  setStartId: (id: string) => void;
  setBudget: (yuan: number) => void;
  setBudgetLever: (lever: BudgetLever) => void;
  setTarget: (share: number) => void;
  setCoverageLever: (lever: InverseLever) => void;
  setCoverageMetric: (metric: CoverageMetric) => void;
  loadStart: () => Promise<void>;
  solveBudget: () => Promise<void>;
  solveCoverage: () => Promise<void>;
  /** Swings each key parameter by ± a share of its value (a share of its range when the value is 0), or over its
   * whole catalogue range ('range'). */
  runSensitivity: (swing?: 'range' | number) => Promise<void>;
}

const idle = <R>(): Task<R> => ({
  status: 'idle',
  progress: null,
  error: null,
  result: null,
  startName: null,
  startDocument: null,
  ms: null,
  startedAt: null,
});

/** The starting scenario entry (chosen, else the active one). */
export function startScenario(startId: string | null): { id: string; name: string; document: JsonValue } {
  const workspace = useWorkspaceStore.getState();
  const id = startId ?? workspace.activeScenarioId;
  return workspace.scenarios.find((s) => s.id === id) ?? workspace.scenarios[0];
}

function toBilingual(error: unknown): Bilingual {
  return error instanceof EngineError
    ? { messageZh: error.messageZh, messageEn: error.messageEn }
    : { messageZh: `计算失败：${String(error)}`, messageEn: `calculation failed: ${String(error)}` };
}

type TaskKey = 'budgetTask' | 'coverageTask' | 'sensitivityTask';

export const useInverseStore = create<InverseState>((set, get) => {
  /** Runs one engine call as a task: progress, answer or bilingual error, tagged with the starting scenario. */
  async function runTask<R>(
    key: TaskKey,
    call: (onProgress: (f: number) => void) => Promise<{ status: string; result?: R; ms?: number }>,
  ) {
    const { name: startName, document: startDocument } = startScenario(get().startId);
    const update = (patch: Partial<Task<R>>) =>
      set((state) => ({ [key]: { ...(state[key] as Task<R>), ...patch } }) as Pick<InverseState, TaskKey>);
    update({ status: 'running', progress: null, error: null, startedAt: Date.now() });
    try {
      const outcome = await call((fraction) => update({ progress: fraction }));
      if (outcome.status !== 'done' || outcome.result === undefined) return;
      update({
        status: 'ready',
        progress: null,
        result: outcome.result,
        startName,
        startDocument,
        ms: outcome.ms ?? null,
      });
    } catch (error) {
      update({ status: 'error', progress: null, error: toBilingual(error) });
    }
  }

  return {
    startId: null,
    budget: null,
    budgetLever: 'scalePct',
    target: 0.04,
    coverageLever: 'scalePct',
    coverageMetric: 'cash',
    coverageAsked: null,
    start: null,
    startError: null,
    budgetTask: idle(),
    coverageTask: idle(),
    sensitivityTask: idle(),
    setStartId: (startId) => set({ startId }),
    setBudget: (budget) => set({ budget }),
    setBudgetLever: (budgetLever) => set({ budgetLever }),
    setTarget: (target) => set({ target }),
    setCoverageLever: (coverageLever) => set({ coverageLever }),
    setCoverageMetric: (coverageMetric) => set({ coverageMetric }),
    loadStart: async () => {
      const scenario = startScenario(get().startId);
      const key = JSON.stringify([useWorkspaceStore.getState().activeDatasetId, scenario.document]);
      if (get().start?.key === key) return;
      try {
        const outcome = await getEngine().call('year', { scenario: scenario.document }, { lane: 'inverse-start' });
        if (outcome.status !== 'done') return;
        const table = outcome.result.scenario.national;
        const row = Array.from(table.area).indexOf(2);
        const value = (metric: 'cost.total' | 'households.dibao' | 'households.tekun' | 'coverage.cash') =>
          table.values[metric][row];
        const start: StartOutcome = {
          cost: value('cost.total'),
          households: value('households.dibao') + value('households.tekun'),
          coverageCash: value('coverage.cash'),
          scenarioId: scenario.id,
          key,
        };
        set((state) => ({
          start,
          startError: null,
          budget: state.budget ?? Math.round((start.cost * 1.1) / 1e8) * 1e8,
        }));
      } catch (error) {
        set({ startError: toBilingual(error) });
      }
    },
    solveBudget: () =>
      runTask<SolveResult>('budgetTask', (onProgress) =>
        getEngine().call(
          'solveBudget',
          { scenario: startScenario(get().startId).document, budget: get().budget ?? 0, lever: get().budgetLever },
          { lane: 'solve-budget', onProgress },
        ),
      ),
    solveCoverage: () => {
      set({ coverageAsked: { target: get().target, metric: get().coverageMetric } });
      return runTask<SolveResult>('coverageTask', (onProgress) =>
        getEngine().call(
          'solveCoverage',
          {
            scenario: startScenario(get().startId).document,
            target: get().target,
            lever: get().coverageLever,
            metric: get().coverageMetric,
          },
          { lane: 'solve-coverage', onProgress },
        ),
      );
    },
    runSensitivity: (swing: 'range' | number = 0.2) =>
      runTask<SensitivityRow[]>('sensitivityTask', (onProgress) =>
        getEngine().call(
          'sensitivity',
          { scenario: startScenario(get().startId).document, swing },
          { lane: 'sensitivity', onProgress },
        ),
      ),
  };
});
