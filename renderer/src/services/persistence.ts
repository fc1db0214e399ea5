// Workspace persistence: restores datasets opened, scenarios, active screen and language from the host's documents on
// start (reporting a recovery from the previous version), then autosaves them (debounced) whenever they change.
import { z } from 'zod';
import type { HostApi, JsonValue } from '../../../contract/host-api.ts';
import { useUiStore, SCREENS, type ScreenId } from '../store/ui-store.ts';
import {
  useWorkspaceStore,
  type DatasetSummary,
  type ScenarioEntry,
  type WorkspaceState,
} from '../store/workspace-store.ts';
import type { Bilingual } from '../i18n/i18n.ts';
import { useSqlStore } from '../store/sql-store.ts';
import { useDataStore } from '../store/data-store.ts';
import { MappingSchema } from '../../../datasets/index.ts';

/** Autosave delay after the last change, in ms. */
export const AUTOSAVE_MS = 400;

const jsonValue: z.ZodType<JsonValue> = z.json();

const datasetSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  source: z.enum(['demo', 'file']),
  synthetic: z.boolean(),
  files: z.array(z.object({ name: z.string(), bytes: z.number(), sha256: z.string() })),
  rows: z.number().optional(),
  regionRows: z.number().optional(),
  weightedHouseholds: z.number().optional(),
  weightedPopulation: z.number().optional(),
});

/** The workspace document (kind `workspace`). */
export const workspaceDocumentSchema = z.object({
  version: z.literal(1),
  language: z.enum(['zh', 'en']),
  screen: z.enum(SCREENS as [ScreenId, ...ScreenId[]]),
  activeDatasetId: z.string().nullable(),
  activeScenarioId: z.string(),
  datasets: z.array(datasetSchema),
});
export type WorkspaceDocument = z.infer<typeof workspaceDocumentSchema>;

/** The scenarios document (kind `scenarios`). */
export const scenariosDocumentSchema = z.object({
  version: z.literal(1),
  scenarios: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      document: jsonValue,
      dirty: z.boolean().optional(),
      savedAt: z.string().optional(),
    }),
  ),
});
export type ScenariosDocument = z.infer<typeof scenariosDocumentSchema>;

/** The settings document (kind `settings`): console history and other per-user preferences. */
export const settingsDocumentSchema = z.object({
  version: z.literal(1),
  sqlHistory: z.array(
    z.object({
      sql: z.string(),
      at: z.string(),
      rows: z.number().optional(),
      ms: z.number().optional(),
      failed: z.boolean().optional(),
    }),
  ),
});
export type SettingsDocument = z.infer<typeof settingsDocumentSchema>;

/** The mappings document (kind `mappings`): saved column mappings, reused for files with the same columns. */
export const mappingsDocumentSchema = z.object({ version: z.literal(1), mappings: z.array(MappingSchema) });
export type MappingsDocument = z.infer<typeof mappingsDocumentSchema>;

/** Builds the workspace document from the stores' state. */
export function workspaceDocument(
  workspace: Pick<WorkspaceState, 'datasets' | 'activeDatasetId' | 'activeScenarioId'>,
  ui: { language: 'zh' | 'en'; screen: ScreenId },
): WorkspaceDocument {
  return {
    version: 1,
    language: ui.language,
    screen: ui.screen,
    activeDatasetId: workspace.activeDatasetId,
    activeScenarioId: workspace.activeScenarioId,
    datasets: workspace.datasets
      .filter((d) => d.status === 'ready' || d.status === 'reopen-needed')
      .map((d) => ({
        id: d.id,
        name: d.name,
        source: d.source,
        synthetic: d.synthetic,
        files: d.files,
        rows: d.rows,
        regionRows: d.regionRows,
        weightedHouseholds: d.weightedHouseholds,
        weightedPopulation: d.weightedPopulation,
      })),
  };
}

/** Builds the scenarios document (the built-in baseline is not stored). */
export function scenariosDocument(scenarios: readonly ScenarioEntry[]): ScenariosDocument {
  return {
    version: 1,
    scenarios: scenarios
      .filter((s) => !s.builtIn)
      .map((s) => ({ id: s.id, name: s.name, document: s.document, dirty: s.dirty, savedAt: s.savedAt })),
  };
}

/** Datasets from a previous session come back as `reopen-needed` (the demo reloads itself; files must be reopened). */
export function restoredDatasets(document: WorkspaceDocument): DatasetSummary[] {
  return document.datasets.map((d) => ({ ...d, status: 'reopen-needed' }));
}

const RECOVERED: Bilingual = {
  messageZh: '上次保存的工作区文件已损坏，已从上一个版本恢复。最近的少量修改可能丢失。',
  messageEn:
    'The last saved workspace was damaged and has been restored from the previous version. The latest few changes may be missing.',
};
const UNREADABLE: Bilingual = {
  messageZh: '保存的工作区无法读取，已使用新的工作区。',
  messageEn: 'The saved workspace could not be read; a new workspace was started.',
};

/** Restores the stores from the host's documents; returns the recovery notice (or null) it set. */
export async function restoreWorkspace(host: HostApi): Promise<Bilingual | null> {
  const [workspaceLoaded, scenariosLoaded, settingsLoaded] = await Promise.all([
    host.loadDocument('workspace').catch(() => ({ data: null, recovered: true })),
    host.loadDocument('scenarios').catch(() => ({ data: null, recovered: true })),
    host.loadDocument('settings').catch(() => ({ data: null, recovered: true })),
  ]);
  const mappingsLoaded = await host.loadDocument('mappings').catch(() => ({ data: null, recovered: true }));
  const mappings = mappingsLoaded.data === null ? null : mappingsDocumentSchema.safeParse(mappingsLoaded.data);
  if (mappings?.success) useDataStore.getState().restoreMappings(mappings.data.mappings);
  const settings = settingsLoaded.data === null ? null : settingsDocumentSchema.safeParse(settingsLoaded.data);
  if (settings?.success) useSqlStore.getState().restore(settings.data.sqlHistory);
  let recovery: Bilingual | null = workspaceLoaded.recovered || scenariosLoaded.recovered ? RECOVERED : null;
  const workspace = workspaceLoaded.data === null ? null : workspaceDocumentSchema.safeParse(workspaceLoaded.data);
  const scenarios = scenariosLoaded.data === null ? null : scenariosDocumentSchema.safeParse(scenariosLoaded.data);
  if ((workspace && !workspace.success) || (scenarios && !scenarios.success)) recovery = UNREADABLE;
  if (
    (workspaceLoaded.recovered || scenariosLoaded.recovered) &&
    workspaceLoaded.data === null &&
    scenariosLoaded.data === null
  ) {
    recovery = UNREADABLE;
  }
  const ws = workspace?.success ? workspace.data : null;
  if (ws) {
    useUiStore.getState().setLanguage(ws.language);
    useUiStore.getState().setScreen(ws.screen);
  }
  useWorkspaceStore.getState().restore({
    datasets: ws ? restoredDatasets(ws) : undefined,
    activeDatasetId: ws?.activeDatasetId ?? undefined,
    scenarios: scenarios?.success ? scenarios.data.scenarios : undefined,
    activeScenarioId: ws?.activeScenarioId,
    recovery,
  });
  return recovery;
}

/** Subscribes to the stores and autosaves both documents (debounced); returns the stop function. */
export function startAutosave(host: HostApi, onError: (error: Bilingual) => void = () => undefined): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWorkspace = '';
  let lastScenarios = '';
  let lastSettings = '';
  let lastMappings = '';
  const flush = async () => {
    timer = null;
    const workspace = useWorkspaceStore.getState();
    const ui = useUiStore.getState();
    const ws = workspaceDocument(workspace, ui);
    const sc = scenariosDocument(workspace.scenarios);
    const wsText = JSON.stringify(ws);
    const scText = JSON.stringify(sc);
    const st: SettingsDocument = { version: 1, sqlHistory: useSqlStore.getState().history };
    const stText = JSON.stringify(st);
    const mp: MappingsDocument = { version: 1, mappings: useDataStore.getState().mappings };
    const mpText = JSON.stringify(mp);
    try {
      if (wsText !== lastWorkspace) {
        await host.saveDocument('workspace', ws as unknown as JsonValue);
        lastWorkspace = wsText;
      }
      if (scText !== lastScenarios) {
        await host.saveDocument('scenarios', sc as unknown as JsonValue);
        lastScenarios = scText;
      }
      if (stText !== lastSettings) {
        await host.saveDocument('settings', st as unknown as JsonValue);
        lastSettings = stText;
      }
      if (mpText !== lastMappings) {
        await host.saveDocument('mappings', mp as unknown as JsonValue);
        lastMappings = mpText;
      }
    } catch (error) {
      const info = error && typeof error === 'object' && 'messageZh' in error ? (error as Bilingual) : null;
      const detail = error instanceof Error ? error.message : String(error);
      onError(info ?? { messageZh: `自动保存失败：${detail}`, messageEn: `autosave failed: ${detail}` });
    }
  };
  const schedule = () => {
    if (!useWorkspaceStore.getState().restored) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void flush(), AUTOSAVE_MS);
  };
  const stopWorkspace = useWorkspaceStore.subscribe(schedule);
  const stopUi = useUiStore.subscribe(schedule);
  const stopSql = useSqlStore.subscribe((state, previous) => {
    if (state.history !== previous.history) schedule();
  });
  const stopData = useDataStore.subscribe((state, previous) => {
    if (state.mappings !== previous.mappings) schedule();
  });
  return () => {
    stopWorkspace();
    stopUi();
    stopSql();
    stopData();
    if (timer !== null) clearTimeout(timer);
  };
}
