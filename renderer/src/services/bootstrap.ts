// Starts the workbench's services once per window: restores the workspace (with a recovery notice if needed), starts
// autosave and the results driver, follows host menu commands, loads the demo dataset, and mirrors run timings and
// statuses onto <html data-*> attributes for end-to-end tests.
import { useUiStore } from '../store/ui-store.ts';
import { useEngineStore } from '../store/engine-store.ts';
import { useResultsStore } from '../store/results-store.ts';
import { selectActiveDataset, useWorkspaceStore } from '../store/workspace-store.ts';
import { getHost } from './host/host.ts';
import { restoreWorkspace, startAutosave } from './persistence.ts';
import { startResultsDriver } from './results-driver.ts';
import { loadDemo, openDatasetFiles } from './data/dataset-service.ts';
import type { Bilingual } from '../i18n/i18n.ts';
import { useNoticeStore } from '../store/notice-store.ts';

function mirrorToDocument(): void {
  const root = document.documentElement;
  const set = (name: string, value: string | number | null | undefined) => {
    if (value === null || value === undefined) delete root.dataset[name];
    else root.dataset[name] = String(value);
  };
  useEngineStore.subscribe((state) => {
    set('runMs', state.lastYearRun ? state.lastYearRun.ms.toFixed(1) : null);
    set('roundTripMs', state.lastYearRun ? state.lastYearRun.roundTripMs.toFixed(1) : null);
    set('engineBusy', state.busy ? 1 : 0);
  });
  useResultsStore.subscribe((state) => set('resultsStatus', state.status));
  const datasetStatus = () => {
    const dataset = selectActiveDataset(useWorkspaceStore.getState());
    set('datasetStatus', dataset?.status ?? 'none');
    set('datasetLoadMs', dataset?.loadMs);
    set('datasetTimings', dataset?.timings ? JSON.stringify(dataset.timings) : null);
  };
  useWorkspaceStore.subscribe(datasetStatus);
  datasetStatus();
}

let started = false;

/** Starts everything (idempotent); resolves once the workspace is restored (the demo keeps loading afterwards). */
export async function startWorkbench(): Promise<void> {
  if (started) return;
  started = true;
  mirrorToDocument();
  const host = getHost();
  const notify = (notice: Bilingual) => useNoticeStore.getState().push({ kind: 'error', ...notice });
  const recovery = await restoreWorkspace(host);
  if (recovery) useNoticeStore.getState().push({ kind: 'info', ...recovery });
  startAutosave(host, notify);
  startResultsDriver();
  void host.setLanguage(useUiStore.getState().language);
  useUiStore.subscribe((state, previous) => {
    if (state.language !== previous.language) void host.setLanguage(state.language);
  });
  host.onMenuCommand((command) => {
    const ui = useUiStore.getState();
    if (command === 'open-dataset') {
      ui.setScreen('data');
      void openDatasetFiles();
    } else if (command === 'language-zh' || command === 'language-en') {
      ui.setLanguage(command === 'language-zh' ? 'zh' : 'en');
    } else if (command === 'save-scenario') {
      useWorkspaceStore.getState().saveScenario(useWorkspaceStore.getState().activeScenarioId);
    } else if (command === 'export-briefing') {
      ui.setScreen('briefing');
    }
  });
  useEngineStore.subscribe((state, previous) => {
    if (state.crash && state.crash !== previous.crash) notify(state.crash);
  });
  // The demo is always available; a user's own files from a previous session are listed as 'reopen-needed'.
  void loadDemo();
}
