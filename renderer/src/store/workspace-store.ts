// The workspace: datasets opened (demo or user files, with their summaries and hashes), the scenarios (JSON patches
// over the baseline, as the engine's scenario schema defines them), the active dataset and scenario, and undo/redo of
// scenario edits. Small serialisable state only; arrays live in services/cache.ts keyed by dataset id.
import { create } from 'zustand';
import type { Bilingual } from '../i18n/i18n.ts';
import type { JsonValue } from '../../../contract/host-api.ts';

/** SHA-256 (hex) of one source file of a dataset, with its size, for integrity checks on reopen. */
export interface DatasetFile {
  name: string;
  bytes: number;
  sha256: string;
}

/** Where a dataset is in its life: loading (with progress), ready, failed, or known from a previous session only. */
export type DatasetStatus = 'loading' | 'ready' | 'error' | 'reopen-needed';

/** Progress of a load or import, shown with row counts. */
export interface DatasetProgress {
  phase: 'fetch' | 'read' | 'identifiers' | 'mapping' | 'validate' | 'handoff' | 'baseline';
  rows?: number;
  /** 0..1 when known. */
  fraction?: number;
}

/** What the UI shows about a dataset (computed by the data layer and the engine, never in the UI). */
export interface DatasetSummary {
  id: string;
  /** Display name: file name(s) or the demo's name. */
  name: string;
  source: 'demo' | 'file';
  /** True for the generated demo (labelled 合成演示数据 / synthetic everywhere). */
  synthetic: boolean;
  files: DatasetFile[];
  status: DatasetStatus;
  progress?: DatasetProgress;
  error?: Bilingual;
  /** Sample households (rows) and region rows. */
  rows?: number;
  regionRows?: number;
  /** Sum of weights: households represented, and persons represented (weight × size). */
  weightedHouseholds?: number;
  weightedPopulation?: number;
  /** Milliseconds spent loading (read + validate + hand-off), for reporting. */
  loadMs?: number;
  /** Milliseconds per load phase (fetch, read, validate, tables, handoff, totals), for reporting. */
  timings?: Record<string, number>;
}

/** A scenario as stored: id, name and the JSON patch the engine parses (`parseScenario`). */
export interface ScenarioEntry {
  id: string;
  name: string;
  /** The scenario document (engine schema); edited through `setScenario`. */
  document: JsonValue;
  /** The shipped baseline cannot be edited or deleted. */
  builtIn?: boolean;
  /** True when edited since the last save. */
  dirty?: boolean;
  savedAt?: string;
}

/** One undoable scenario edit. */
interface ScenarioEdit {
  scenarioId: string;
  before: JsonValue;
  after: JsonValue;
  coalesceKey?: string;
  at: number;
}

/** Id of the baseline scenario (always present). */
export const BASELINE_SCENARIO_ID = 'baseline';
/** How close (ms) two edits with the same coalesce key must be to merge into one undo step (slider drags). */
export const COALESCE_MS = 1000;
const HISTORY_LIMIT = 200;

/** The baseline scenario document: the empty patch (the engine's defaults plus the dataset's own standards). */
export function baselineDocument(): JsonValue {
  return { schemaVersion: 1, name: '基线 / Baseline' };
}

function baselineEntry(): ScenarioEntry {
  return { id: BASELINE_SCENARIO_ID, name: '基线 / Baseline', document: baselineDocument(), builtIn: true };
}

/** A new unique id with a readable prefix. */
export function newId(prefix: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}-${Date.now().toString(36)}-${random}`;
}

/** Sets the `name` field of a scenario document (kept in step with the entry's name). */
function withName(document: JsonValue, name: string): JsonValue {
  if (document && typeof document === 'object' && !Array.isArray(document)) return { ...document, name };
  return document;
}

export interface WorkspaceState {
  datasets: DatasetSummary[];
  activeDatasetId: string | null;
  scenarios: ScenarioEntry[];
  activeScenarioId: string;
  past: ScenarioEdit[];
  future: ScenarioEdit[];
  /** True once the workspace was restored from the host (autosave waits for it). */
  restored: boolean;
  /** Set when the host recovered a document from its previous version; shown once as a notice. */
  recovery: Bilingual | null;

  /** Adds or replaces a dataset summary (by id). */
  upsertDataset: (summary: DatasetSummary) => void;
  /** Patches a dataset summary. */
  updateDataset: (id: string, patch: Partial<DatasetSummary>) => void;
  /** Removes a dataset from the workspace. */
  removeDataset: (id: string) => void;
  /** Makes a dataset the one results are computed on. */
  setActiveDataset: (id: string | null) => void;

  /** Makes a scenario active. */
  setActiveScenario: (id: string) => void;
  /** Replaces the active scenario's document (undoable; edits with the same coalesceKey within 1 s merge). */
  setScenario: (document: JsonValue, options?: { coalesceKey?: string; scenarioId?: string }) => void;
  /** Creates a scenario from a document (e.g. a shipped example) and makes it active; returns its id. */
  createScenario: (name: string, document: JsonValue) => string;
  /** Renames a scenario. */
  renameScenario: (id: string, name: string) => void;
  /** Marks scenarios saved and persists them (through the persistence service's subscriber). */
  saveScenario: (id?: string) => void;
  /** Copies a scenario under a new name and makes the copy active; returns its id. */
  duplicateScenario: (id: string, name?: string) => string;
  /** Deletes a scenario (never the baseline); the baseline becomes active if it was active. */
  deleteScenario: (id: string) => void;
  /** Undoes the last scenario edit. */
  undo: () => void;
  /** Redoes the last undone edit. */
  redo: () => void;

  /** Restores persisted state (called once at start by the persistence service). */
  restore: (state: {
    datasets?: DatasetSummary[];
    activeDatasetId?: string | null;
    scenarios?: ScenarioEntry[];
    activeScenarioId?: string;
    recovery?: Bilingual | null;
  }) => void;
  /** Hides the recovery notice. */
  dismissRecovery: () => void;
}

function applyDocument(scenarios: ScenarioEntry[], id: string, document: JsonValue, dirty = true): ScenarioEntry[] {
  return scenarios.map((entry) => (entry.id === id ? { ...entry, document, dirty } : entry));
}

export const useWorkspaceStore = create<WorkspaceState>((set, get) => ({
  datasets: [],
  activeDatasetId: null,
  scenarios: [baselineEntry()],
  activeScenarioId: BASELINE_SCENARIO_ID,
  past: [],
  future: [],
  restored: false,
  recovery: null,

  upsertDataset: (summary) =>
    set((state) => {
      const exists = state.datasets.some((d) => d.id === summary.id);
      return {
        datasets: exists
          ? state.datasets.map((d) => (d.id === summary.id ? summary : d))
          : [...state.datasets, summary],
      };
    }),
  updateDataset: (id, patch) =>
    set((state) => ({ datasets: state.datasets.map((d) => (d.id === id ? { ...d, ...patch } : d)) })),
  removeDataset: (id) =>
    set((state) => ({
      datasets: state.datasets.filter((d) => d.id !== id),
      activeDatasetId: state.activeDatasetId === id ? null : state.activeDatasetId,
    })),
  setActiveDataset: (id) => set({ activeDatasetId: id }),

  setActiveScenario: (id) => {
    if (get().scenarios.some((s) => s.id === id)) set({ activeScenarioId: id });
  },
  setScenario: (document, options = {}) =>
    set((state) => {
      const scenarioId = options.scenarioId ?? state.activeScenarioId;
      const entry = state.scenarios.find((s) => s.id === scenarioId);
      if (!entry || entry.builtIn) return state;
      const now = Date.now();
      const last = state.past[state.past.length - 1];
      const coalesce =
        options.coalesceKey !== undefined &&
        last !== undefined &&
        last.scenarioId === scenarioId &&
        last.coalesceKey === options.coalesceKey &&
        now - last.at < COALESCE_MS;
      const past = coalesce
        ? [...state.past.slice(0, -1), { ...last, after: document, at: now }]
        : [
            ...state.past,
            { scenarioId, before: entry.document, after: document, coalesceKey: options.coalesceKey, at: now },
          ].slice(-HISTORY_LIMIT);
      return { scenarios: applyDocument(state.scenarios, scenarioId, document), past, future: [] };
    }),
  createScenario: (name, document) => {
    const id = newId('scenario');
    set((state) => ({
      scenarios: [...state.scenarios, { id, name, document: withName(document, name), dirty: true }],
      activeScenarioId: id,
    }));
    return id;
  },
  renameScenario: (id, name) =>
    set((state) => ({
      scenarios: state.scenarios.map((s) =>
        s.id === id && !s.builtIn ? { ...s, name, document: withName(s.document, name), dirty: true } : s,
      ),
    })),
  saveScenario: (id) =>
    set((state) => {
      const savedAt = new Date().toISOString();
      return {
        scenarios: state.scenarios.map((s) => (id === undefined || s.id === id ? { ...s, dirty: false, savedAt } : s)),
      };
    }),
  duplicateScenario: (id, name) => {
    const source = get().scenarios.find((s) => s.id === id);
    if (!source) return get().activeScenarioId;
    const copyName = name ?? `${source.name} (副本 / copy)`;
    return get().createScenario(copyName, source.document);
  },
  deleteScenario: (id) =>
    set((state) => {
      const entry = state.scenarios.find((s) => s.id === id);
      if (!entry || entry.builtIn) return state;
      return {
        scenarios: state.scenarios.filter((s) => s.id !== id),
        activeScenarioId: state.activeScenarioId === id ? BASELINE_SCENARIO_ID : state.activeScenarioId,
        past: state.past.filter((edit) => edit.scenarioId !== id),
        future: state.future.filter((edit) => edit.scenarioId !== id),
      };
    }),
  undo: () =>
    set((state) => {
      const edit = state.past[state.past.length - 1];
      if (!edit) return state;
      return {
        scenarios: applyDocument(state.scenarios, edit.scenarioId, edit.before),
        activeScenarioId: edit.scenarioId,
        past: state.past.slice(0, -1),
        future: [...state.future, edit],
      };
    }),
  redo: () =>
    set((state) => {
      const edit = state.future[state.future.length - 1];
      if (!edit) return state;
      return {
        scenarios: applyDocument(state.scenarios, edit.scenarioId, edit.after),
        activeScenarioId: edit.scenarioId,
        past: [...state.past, edit],
        future: state.future.slice(0, -1),
      };
    }),

  restore: (restored) =>
    set((state) => {
      const scenarios = [baselineEntry(), ...(restored.scenarios ?? []).filter((s) => s.id !== BASELINE_SCENARIO_ID)];
      const activeScenarioId =
        restored.activeScenarioId && scenarios.some((s) => s.id === restored.activeScenarioId)
          ? restored.activeScenarioId
          : BASELINE_SCENARIO_ID;
      return {
        datasets: restored.datasets ?? state.datasets,
        activeDatasetId: restored.activeDatasetId ?? state.activeDatasetId,
        scenarios,
        activeScenarioId,
        restored: true,
        recovery: restored.recovery ?? null,
      };
    }),
  dismissRecovery: () => set({ recovery: null }),
}));

/** The active scenario entry (baseline if none). */
export function selectActiveScenario(state: WorkspaceState): ScenarioEntry {
  return state.scenarios.find((s) => s.id === state.activeScenarioId) ?? state.scenarios[0];
}

/** The baseline scenario entry. */
export function selectBaseline(state: WorkspaceState): ScenarioEntry {
  return state.scenarios.find((s) => s.id === BASELINE_SCENARIO_ID) ?? baselineEntry();
}

/** The active dataset's summary, or null. */
/** The dataset being loaded (the demo at start, or an import), if any. */
export function selectLoadingDataset(state: WorkspaceState): DatasetSummary | null {
  return state.datasets.find((d) => d.status === 'loading') ?? null;
}

export function selectActiveDataset(state: WorkspaceState): DatasetSummary | null {
  return state.datasets.find((d) => d.id === state.activeDatasetId) ?? null;
}
