// Tests of the workspace store: scenario edits with undo/redo (slider drags coalesced), duplicate, delete, restore.
import { beforeEach, describe, expect, it } from 'vitest';
import { BASELINE_SCENARIO_ID, selectActiveScenario, useWorkspaceStore } from './workspace-store.ts';

const initial = useWorkspaceStore.getState();

beforeEach(() => {
  useWorkspaceStore.setState(initial, true);
});

const doc = (rise: number) => ({ schemaVersion: 1, name: 'A', params: { standard: { scalePct: rise } } });

describe('workspace store', () => {
  it('starts with the built-in baseline active, which cannot be edited or deleted', () => {
    const store = useWorkspaceStore.getState();
    expect(store.activeScenarioId).toBe(BASELINE_SCENARIO_ID);
    store.setScenario(doc(5));
    store.deleteScenario(BASELINE_SCENARIO_ID);
    const after = useWorkspaceStore.getState();
    expect(after.scenarios).toHaveLength(1);
    expect(after.scenarios[0].document).toEqual({ schemaVersion: 1, name: '基线 / Baseline' });
    expect(after.past).toHaveLength(0);
  });

  it('creates a scenario, edits it, and undoes and redoes each edit', () => {
    const { createScenario } = useWorkspaceStore.getState();
    const id = createScenario('A', doc(0));
    useWorkspaceStore.getState().setScenario(doc(5));
    useWorkspaceStore.getState().setScenario(doc(10));
    expect(selectActiveScenario(useWorkspaceStore.getState()).document).toEqual(doc(10));
    useWorkspaceStore.getState().undo();
    expect(selectActiveScenario(useWorkspaceStore.getState()).document).toEqual(doc(5));
    useWorkspaceStore.getState().undo();
    expect(selectActiveScenario(useWorkspaceStore.getState()).document).toEqual(doc(0));
    useWorkspaceStore.getState().undo();
    expect(selectActiveScenario(useWorkspaceStore.getState()).document).toEqual(doc(0));
    useWorkspaceStore.getState().redo();
    expect(selectActiveScenario(useWorkspaceStore.getState()).document).toEqual(doc(5));
    expect(useWorkspaceStore.getState().activeScenarioId).toBe(id);
  });

  it('merges rapid edits with the same coalesce key into one undo step', () => {
    useWorkspaceStore.getState().createScenario('A', doc(0));
    for (let rise = 1; rise <= 20; rise += 1)
      useWorkspaceStore.getState().setScenario(doc(rise), { coalesceKey: 'slider' });
    expect(useWorkspaceStore.getState().past).toHaveLength(1);
    useWorkspaceStore.getState().undo();
    expect(selectActiveScenario(useWorkspaceStore.getState()).document).toEqual(doc(0));
  });

  it('a new edit clears the redo stack', () => {
    useWorkspaceStore.getState().createScenario('A', doc(0));
    useWorkspaceStore.getState().setScenario(doc(5));
    useWorkspaceStore.getState().undo();
    useWorkspaceStore.getState().setScenario(doc(7));
    expect(useWorkspaceStore.getState().future).toHaveLength(0);
  });

  it('duplicates a scenario under a new name and deletes it, falling back to the baseline', () => {
    const id = useWorkspaceStore.getState().createScenario('A', doc(3));
    const copy = useWorkspaceStore.getState().duplicateScenario(id, 'B');
    const state = useWorkspaceStore.getState();
    expect(copy).not.toBe(id);
    expect(state.scenarios.find((s) => s.id === copy)?.document).toEqual({ ...doc(3), name: 'B' });
    useWorkspaceStore.getState().deleteScenario(copy);
    expect(useWorkspaceStore.getState().activeScenarioId).toBe(BASELINE_SCENARIO_ID);
    expect(useWorkspaceStore.getState().scenarios.map((s) => s.id)).toEqual([BASELINE_SCENARIO_ID, id]);
  });

  it('saveScenario clears the dirty flag and stamps the time', () => {
    const id = useWorkspaceStore.getState().createScenario('A', doc(3));
    expect(useWorkspaceStore.getState().scenarios.find((s) => s.id === id)?.dirty).toBe(true);
    useWorkspaceStore.getState().saveScenario(id);
    const saved = useWorkspaceStore.getState().scenarios.find((s) => s.id === id);
    expect(saved?.dirty).toBe(false);
    expect(saved?.savedAt).toMatch(/^\d{4}-/);
  });

  it('restore keeps the baseline first and ignores an unknown active scenario id', () => {
    useWorkspaceStore.getState().restore({
      scenarios: [{ id: 's1', name: 'S1', document: doc(1) }],
      activeScenarioId: 'missing',
    });
    const state = useWorkspaceStore.getState();
    expect(state.scenarios.map((s) => s.id)).toEqual([BASELINE_SCENARIO_ID, 's1']);
    expect(state.activeScenarioId).toBe(BASELINE_SCENARIO_ID);
    expect(state.restored).toBe(true);
  });
});
