// The editor's one write path: every edit goes through the workspace store's undoable `setScenario`; editing the
// read-only baseline first forks it into a new named scenario so a first-time user can just start moving sliders.
import { useCallback } from 'react';
import { selectActiveScenario, useWorkspaceStore } from '../../store/workspace-store.ts';
import type { JsonValue } from './param-form.ts';

/** Name of the n-th new scenario, in both languages (names are data, shown to every reader). */
export function newScenarioName(n: number): string {
  return `新方案 ${n} / New scenario ${n}`;
}

/** Returns `edit(update, coalesceKey?)`, applying `update` to the active scenario document (forking the baseline). */
export function useScenarioEdit(): (update: (document: JsonValue) => JsonValue, coalesceKey?: string) => void {
  return useCallback((update, coalesceKey) => {
    let state = useWorkspaceStore.getState();
    let active = selectActiveScenario(state);
    if (active.builtIn) {
      const taken = new Set(state.scenarios.map((s) => s.name));
      let n = state.scenarios.filter((s) => !s.builtIn).length + 1;
      while (taken.has(newScenarioName(n))) n += 1;
      const name = newScenarioName(n);
      state.createScenario(name, { schemaVersion: 1, name });
      state = useWorkspaceStore.getState();
      active = selectActiveScenario(state);
    }
    state.setScenario(update(active.document), { coalesceKey });
  }, []);
}
