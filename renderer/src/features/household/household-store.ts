// State and actions of the household calculator: the open case, the edited form, the scenario compared with the
// baseline, and the engine's latest trace of the household (plain objects, small).
import { create } from 'zustand';
import { CASE_PRESETS } from '../../../../datasets/index.ts';
import type { RegionArrays, HouseholdTrace } from '../../../../sim/index.ts';
import { getEngine } from '../../services/engine/engine.ts';
import { EngineError } from '../../services/engine/engine-client.ts';
import type { Bilingual } from '../../i18n/i18n.ts';
import type { JsonValue } from '../../../../contract/host-api.ts';
import { formFromPreset, setField, setSelect } from './household-form.ts';
import type { HouseholdForm, NumericKey, SelectKey } from './household-form.ts';
import { toHouseholdRecord } from './household-record.ts';

/** How a case is evaluated: in expected value (as the kernel counts a population) or as it happened (the review's
 * events struck and the approved amounts were paid; the household applied). */
export type CaseView = 'expected' | 'happened';

export interface HouseholdState {
  presetId: string;
  view: CaseView;
  form: HouseholdForm;
  /** Scenario compared with the baseline; null = the active scenario. */
  scenarioId: string | null;
  status: 'idle' | 'running' | 'ready' | 'error';
  trace: HouseholdTrace | null;
  error: Bilingual | null;
  /** Inputs of the shown trace (form + scenario + regions), to skip identical runs. */
  traceKey: string | null;
  openPreset: (id: string) => void;
  setField: (key: NumericKey, value: number) => void;
  setSelect: (key: SelectKey, value: string) => void;
  reset: () => void;
  setScenarioId: (id: string) => void;
  setView: (view: CaseView) => void;
  runTrace: (regions: RegionArrays, regionsId: string, scenario: JsonValue) => Promise<void>;
}

const first = CASE_PRESETS[0];

export const useHouseholdStore = create<HouseholdState>((set, get) => ({
  presetId: first.id,
  view: 'happened',
  form: formFromPreset(first),
  scenarioId: null,
  status: 'idle',
  trace: null,
  error: null,
  traceKey: null,
  openPreset: (id) => {
    const preset = CASE_PRESETS.find((p) => p.id === id);
    // The previous case's trace goes at once: it must never show beside another case's form.
    if (preset) set({ presetId: id, form: formFromPreset(preset), trace: null, traceKey: null, status: 'idle' });
  },
  setField: (key, value) => set({ form: setField(get().form, key, value) }),
  setSelect: (key, value) => set({ form: setSelect(get().form, key, value) }),
  reset: () => get().openPreset(get().presetId),
  setScenarioId: (scenarioId) => set({ scenarioId }),
  setView: (view) => set({ view }),
  runTrace: async (regions, regionsId, scenario) => {
    const { view, presetId, form } = get();
    const facts = CASE_PRESETS.find((p) => p.id === presetId)?.happened;
    const options =
      view === 'happened' && facts
        ? { outcome: 'realised' as const, events: facts.events, eventAmounts: facts.amounts }
        : { outcome: 'expected' as const };
    const key = JSON.stringify([get().form, regionsId, scenario, options]);
    if (key === get().traceKey && get().status !== 'error') return;
    const mapped = toHouseholdRecord(get().form, regions);
    if ('error' in mapped) {
      set({ status: 'error', error: mapped.error, traceKey: key });
      return;
    }
    set({ status: 'running' });
    try {
      const outcome = await getEngine().call(
        'trace',
        { record: mapped.record, scenario, ...options },
        { lane: 'household-trace' },
      );
      if (outcome.status !== 'done') return;
      // A reply for a case, form or view the user has since left is dropped, not shown beside the new one.
      const now = get();
      if (now.presetId !== presetId || now.view !== view || now.form !== form) return;
      set({ status: 'ready', trace: outcome.result, error: null, traceKey: key });
    } catch (error) {
      const info =
        error instanceof EngineError
          ? { messageZh: error.messageZh, messageEn: error.messageEn }
          : { messageZh: `计算失败：${String(error)}`, messageEn: `calculation failed: ${String(error)}` };
      set({ status: 'error', error: info, traceKey: key });
    }
  },
}));
