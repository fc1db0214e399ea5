// Tests of workspace persistence through the browser host over in-memory storage: autosave of scenarios, language,
// screen, SQL history and mappings; restore on restart; recovery from a damaged save reported as a notice.
// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserHost } from './host/browser-host.ts';
import { documentKeys, memoryStorage } from './host/document-store.ts';
import { AUTOSAVE_MS, restoreWorkspace, startAutosave } from './persistence.ts';
import { useWorkspaceStore, BASELINE_SCENARIO_ID } from '../store/workspace-store.ts';
import { useUiStore } from '../store/ui-store.ts';
import { useSqlStore } from '../store/sql-store.ts';
import { useDataStore } from '../store/data-store.ts';
import { makeMapping } from '../../../datasets/index.ts';

const workspaceInitial = useWorkspaceStore.getState();
const uiInitial = useUiStore.getState();
const sqlInitial = useSqlStore.getState();
const dataInitial = useDataStore.getState();

function resetStores() {
  useWorkspaceStore.setState(workspaceInitial, true);
  useUiStore.setState(uiInitial, true);
  useSqlStore.setState(sqlInitial, true);
  useDataStore.setState(dataInitial, true);
}

beforeEach(() => {
  resetStores();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

async function session(storage: ReturnType<typeof memoryStorage>) {
  const host = createBrowserHost(storage);
  await restoreWorkspace(host);
  const stop = startAutosave(host);
  return { host, stop };
}

describe('workspace persistence', () => {
  it('autosaves the workspace and restores it after a restart', async () => {
    const storage = memoryStorage();
    const first = await session(storage);
    const id = useWorkspaceStore.getState().createScenario('农村 40%', { schemaVersion: 1, name: 'x' });
    useUiStore.getState().setLanguage('en');
    useUiStore.getState().setScreen('sql');
    useSqlStore.getState().record({ sql: 'SELECT 1', at: '2025-01-01T00:00:00Z', rows: 1 });
    useDataStore.getState().saveMapping(makeMapping('households', ['a', 'b'], { weight: 'b' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 50);
    first.stop();

    resetStores();
    const recovery = await restoreWorkspace(createBrowserHost(storage));
    expect(recovery).toBeNull();
    const workspace = useWorkspaceStore.getState();
    expect(workspace.scenarios.map((s) => s.name)).toEqual(['基线 / Baseline', '农村 40%']);
    expect(workspace.activeScenarioId).toBe(id);
    expect(useUiStore.getState()).toMatchObject({ language: 'en', screen: 'sql' });
    expect(useSqlStore.getState().history[0].sql).toBe('SELECT 1');
    expect(useDataStore.getState().mappings[0].columns).toEqual({ weight: 'b' });
  });

  it('recovers the previous version when the saved workspace is damaged, and says so in both languages', async () => {
    const storage = memoryStorage();
    const first = await session(storage);
    useWorkspaceStore.getState().createScenario('A', { schemaVersion: 1, name: 'A' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 50);
    useWorkspaceStore.getState().createScenario('B', { schemaVersion: 1, name: 'B' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 50);
    first.stop();
    storage.setItem(documentKeys('scenarios').current, '{"format":"safetynet-document","ver');

    resetStores();
    const recovery = await restoreWorkspace(createBrowserHost(storage));
    expect(recovery?.messageZh).toContain('恢复');
    expect(recovery?.messageEn).toContain('restored from the previous version');
    expect(useWorkspaceStore.getState().scenarios.map((s) => s.name)).toEqual(['基线 / Baseline', 'A']);
  });

  it('starts a fresh workspace when a document has the wrong shape, keeping the baseline', async () => {
    const storage = memoryStorage();
    const host = createBrowserHost(storage);
    await host.saveDocument('workspace', { version: 99 });
    const recovery = await restoreWorkspace(host);
    expect(recovery?.messageEn).toContain('could not be read');
    expect(useWorkspaceStore.getState().activeScenarioId).toBe(BASELINE_SCENARIO_ID);
  });

  it('lists datasets of the previous session as needing their files reopened', async () => {
    const storage = memoryStorage();
    const first = await session(storage);
    useWorkspaceStore.getState().upsertDataset({
      id: 'ds1',
      name: 'extract.parquet',
      source: 'file',
      synthetic: false,
      files: [{ name: 'extract.parquet', bytes: 10, sha256: 'ab' }],
      status: 'ready',
      rows: 5,
    });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 50);
    first.stop();
    resetStores();
    await restoreWorkspace(createBrowserHost(storage));
    expect(useWorkspaceStore.getState().datasets).toMatchObject([{ id: 'ds1', status: 'reopen-needed', rows: 5 }]);
  });
});
