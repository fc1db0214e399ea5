// Loading datasets: the bundled synthetic demo on first start, and the user's own files through the data layer's
// import (identifier refusal → column mapping → validation report → canonical tables) and the hand-off of typed
// arrays to the engine worker (transferred). Progress with row counts, cancel, saved mappings reused.
import type { OpenedFile } from '../../../../contract/host-api.ts';
import {
  loadFile,
  type LoadedTable,
  identityMapping,
  type ColumnMapping,
  MappingSchema,
  validateDataset,
  type DatasetSources,
  handOff,
  completeImport,
  importDataset,
  type EngineArrays,
  type ImportProgress,
  ident,
  literal,
  rowsOf,
} from '../../../../datasets/index.ts';
import type { DataIssue } from '../../../../datasets/index.ts';
import type { Bilingual } from '../../i18n/i18n.ts';
import { useDataStore, type ImportFile, type ImportSession } from '../../store/data-store.ts';
import { useWorkspaceStore, newId, type DatasetFile, type DatasetSummary } from '../../store/workspace-store.ts';
import { getDuckDb, type DuckDbClient } from '../duckdb/duckdb-client.ts';
import { getEngine } from '../engine/engine.ts';
import { getHost } from '../host/host.ts';
import { CACHE_KEYS, cachePut } from '../cache.ts';
import { columnsNeedingCodes, guessTarget, initialMapping, withSuggestedCodes } from './mapping-logic.ts';

/** Id of the bundled demo dataset. */
export const DEMO_DATASET_ID = 'demo';
const DEMO_NAME = '合成演示数据 / Synthetic demo';
const DEMO_FILES = ['households.arrow', 'regions.arrow'] as const;

/** Largest total size of files imported at once: beyond it the browser's memory (DuckDB-wasm, 4 GB) runs out. */
export const MAX_IMPORT_BYTES = 1_000_000_000;
/** Most sample households handed to the engine (arrays plus DuckDB's copy must fit in memory). */
export const MAX_HOUSEHOLD_ROWS = 4_000_000;

/** Refusal of an import whose files would not fit in memory, saying what size fits. */
export function sizeIssue(totalBytes: number): DataIssue {
  const message = {
    zh: `所选文件共 ${(totalBytes / 1e9).toFixed(2)} GB，超过浏览器内存可容纳的 ${MAX_IMPORT_BYTES / 1e9} GB；请抽样或按地区拆分后再导入。`,
    en: `The files total ${(totalBytes / 1e9).toFixed(2)} GB, more than the ${MAX_IMPORT_BYTES / 1e9} GB that fits in the browser's memory; sample the extract or split it by region.`,
  };
  return { rule: 'too_large', severity: 'error', table: '', count: totalBytes, examples: [], message };
}

/** SHA-256 of bytes as hex (Web Crypto). */
export async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function message(error: unknown): Bilingual {
  if (error && typeof error === 'object' && 'messageZh' in error && 'messageEn' in error) {
    const { messageZh, messageEn } = error as Bilingual;
    return { messageZh, messageEn };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { messageZh: `载入数据失败：${detail}`, messageEn: `loading the dataset failed: ${detail}` };
}

function issuesMessage(issues: readonly DataIssue[]): Bilingual {
  const errors = issues.filter((i) => i.severity === 'error').slice(0, 3);
  return {
    messageZh: errors.map((i) => i.message.zh).join('；'),
    messageEn: errors.map((i) => i.message.en).join('; '),
  };
}

/** Weighted households and persons of the canonical households table (summed by DuckDB). */
async function weightedTotals(db: DuckDbClient): Promise<{ households: number; persons: number }> {
  const [row] = await rowsOf(
    db,
    'SELECT sum(weight)::DOUBLE AS households, sum(weight * size)::DOUBLE AS persons FROM households',
  );
  return { households: Number(row.households), persons: Number(row.persons) };
}

/** Raw tables behind the canonical `households`/`regions` views of the dataset in use. */
let rawTablesInUse: readonly string[] = [];

/** Records the raw tables of the dataset now in use and drops those of the previous one (memory). */
async function replaceRawTables(db: DuckDbClient, tables: readonly string[]): Promise<void> {
  const stale = rawTablesInUse.filter((table) => !tables.includes(table));
  rawTablesInUse = tables;
  await dropTables(db, stale);
}

/** Arrow tables decoded at import, by raw DuckDB table: the hand-off takes numeric columns straight from them. */
const decodedArrow = new Map<string, NonNullable<LoadedTable['arrow']>>();

/** Drops raw import tables no view reads any more. */
async function dropTables(db: DuckDbClient, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    decodedArrow.delete(table);
    await db.query(`DROP TABLE IF EXISTS ${ident(table)}`);
  }
}

/** Hands the engine's arrays to its worker (transferred: they are unusable here afterwards; after a worker crash it
 * rebuilds them from DuckDB's canonical tables); returns the milliseconds taken (transfer + the worker's one-off
 * deciles). */
async function handToEngine(db: DuckDbClient, datasetId: string, arrays: EngineArrays): Promise<number> {
  const started = performance.now();
  // The screens that work on one household (Household, briefing cases) read the dataset's regions here; a copy,
  // since the engine may take over the arrays' buffers.
  cachePut(CACHE_KEYS.regions(datasetId), structuredClone(arrays.regions));
  await getEngine().loadDataset(datasetId, arrays.households, arrays.regions, () => handOff(db));
  return Math.round(performance.now() - started);
}

/** Loads the bundled synthetic demo (fetched from the app itself), validates it, and hands it to the engine. */
export async function loadDemo(): Promise<void> {
  const workspace = useWorkspaceStore.getState();
  const started = performance.now();
  const previous = workspace.datasets.find((d) => d.id === DEMO_DATASET_ID);
  const summary: DatasetSummary = {
    id: DEMO_DATASET_ID,
    name: DEMO_NAME,
    source: 'demo',
    synthetic: true,
    files: previous?.files ?? [],
    status: 'loading',
    progress: { phase: 'fetch' },
  };
  workspace.upsertDataset(summary);
  const update = (patch: Partial<DatasetSummary>) => useWorkspaceStore.getState().updateDataset(DEMO_DATASET_ID, patch);
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };
  try {
    const [db, ...bytes] = await Promise.all([
      getDuckDb().then((ready) => {
        timings.duckdbStart = Math.round(performance.now() - started);
        return ready;
      }),
      ...DEMO_FILES.map(async (name) => {
        const response = await fetch(`./demo/${name}`);
        if (!response.ok) throw new Error(`demo/${name}: HTTP ${response.status}`);
        return new Uint8Array(await response.arrayBuffer());
      }),
    ]);
    lap('fetch');
    const tables = ['raw_demo_households', 'raw_demo_regions'] as const;
    const imported = await importDataset(db, {
      households: { fileName: DEMO_FILES[0], bytes: bytes[0] },
      regions: { fileName: DEMO_FILES[1], bytes: bytes[1] },
      tables: { households: tables[0], regions: tables[1] },
      digest: sha256,
      onProgress: (progress: ImportProgress) => update({ progress: { phase: progress.phase, rows: progress.rows } }),
    });
    if (!imported.ok) throw issuesMessage(imported.issues);
    const { loaded, report, arrays } = imported.value;
    const files: DatasetFile[] = DEMO_FILES.map((name, i) => {
      const file = i === 0 ? loaded.households : loaded.regions;
      return { name, bytes: bytes[i].byteLength, sha256: file.digest ?? '' };
    });
    update({ files });
    useDataStore.getState().setReport(DEMO_DATASET_ID, report);
    if (!report.ok || !arrays) throw issuesMessage(report.issues);
    const engineStarted = performance.now();
    const engineMs = await handToEngine(db, DEMO_DATASET_ID, arrays);
    await replaceRawTables(db, tables);
    const steps = imported.value.timings;
    Object.assign(timings, {
      read: Math.round(steps.read),
      validate: Math.round(steps.validate),
      tables: Math.round(steps.tables),
      handoff: Math.round(steps.handoff + performance.now() - engineStarted),
      handoffArrays: Math.round(steps.handoff),
      handoffEngine: engineMs,
    });
    mark = performance.now();
    const totals = await weightedTotals(db);
    lap('totals');
    update({
      status: 'ready',
      progress: undefined,
      error: undefined,
      rows: loaded.households.rows,
      regionRows: loaded.regions.rows,
      weightedHouseholds: totals.households,
      weightedPopulation: totals.persons,
      synthetic: loaded.households.metadata.synthetic !== 'false',
      loadMs: Math.round(performance.now() - started),
      timings,
    });
    for (const dataset of useWorkspaceStore.getState().datasets) {
      if (dataset.id !== DEMO_DATASET_ID && dataset.status === 'ready') {
        useWorkspaceStore.getState().updateDataset(dataset.id, { status: 'reopen-needed' });
      }
    }
    useWorkspaceStore.getState().setActiveDataset(DEMO_DATASET_ID);
  } catch (error) {
    update({ status: 'error', progress: undefined, error: message(error) });
  }
}

let controller: AbortController | null = null;
let sessionCounter = 0;

function cancelledIssue(): Bilingual {
  return { messageZh: '导入已取消，数据未保留。', messageEn: 'Import cancelled; nothing was kept.' };
}

async function distinctValues(db: DuckDbClient, table: string, column: string): Promise<string[]> {
  const rows = await rowsOf(
    db,
    `SELECT DISTINCT CAST(${ident(column)} AS VARCHAR) AS v FROM ${ident(table)} WHERE ${ident(column)} IS NOT NULL ORDER BY v LIMIT 50`,
  );
  return rows.map((r) => String(r.v));
}

/** Fills the code mappings a file needs (text category columns) with suggestions and their distinct values. */
async function prepareCodes(db: DuckDbClient, file: ImportFile): Promise<ImportFile> {
  const types = Object.fromEntries(file.columns.map((c) => [c.name, c.type]));
  let mapping = file.mapping;
  const distinct: Record<string, string[]> = {};
  for (const column of columnsNeedingCodes(mapping, types)) {
    const values = await distinctValues(db, file.table, mapping.columns[column.name]);
    distinct[column.name] = values;
    mapping = withSuggestedCodes(mapping, column, values);
  }
  return { ...file, mapping, distinct };
}

/** Lets the user pick files through the host (desktop dialog or browser file input) and starts an import. */
export async function openDatasetFiles(): Promise<void> {
  const files = await getHost().openDatasetFiles();
  if (files && files.length > 0) await importFiles(files);
}

/** Reads the given files into raw DuckDB tables (identifier columns refused), then shows the mapping step. */
export async function importFiles(files: readonly OpenedFile[]): Promise<void> {
  controller?.abort();
  controller = new AbortController();
  const signal = controller.signal;
  sessionCounter += 1;
  const session: ImportSession = {
    id: `import-${sessionCounter}`,
    step: 'reading',
    files: [],
    refused: [],
    report: null,
    warningsAccepted: false,
    builtInRegions: false,
    progress: { phase: 'read' },
    modified: [],
    timings: {},
  };
  const readStarted = performance.now();
  const data = useDataStore.getState();
  data.setSession(session);
  const totalBytes = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (totalBytes > MAX_IMPORT_BYTES) {
    data.patchSession({ step: 'failed', refused: [sizeIssue(totalBytes)], progress: null });
    return;
  }
  const known = new Map<string, string>();
  for (const dataset of useWorkspaceStore.getState().datasets) {
    if (dataset.source === 'file') for (const file of dataset.files) known.set(file.name, file.sha256);
  }
  const modified: ImportSession['modified'] = [];
  const db = await getDuckDb();
  const read: ImportFile[] = [];
  const refused: DataIssue[] = [];
  for (let i = 0; i < files.length; i += 1) {
    const file = files[i];
    if (signal.aborted) break;
    const size = file.bytes.byteLength;
    const table = `raw_${session.id.replace('-', '_')}_${i}`;
    // SHA-256 computed while DuckDB reads the file (loadFile keeps the bytes intact: refused files are hashed after).
    let hashing: Promise<string> | undefined;
    const result = await loadFile(db, {
      fileName: file.name,
      bytes: file.bytes,
      table,
      signal,
      allowPlainName: true,
      maxRows: MAX_HOUSEHOLD_ROWS,
      digest: (bytes) => (hashing = sha256(bytes)),
      onProgress: (_stage, rows) => useDataStore.getState().patchSession({ progress: { phase: file.name, rows } }),
    });
    const hash = await (hashing ?? sha256(file.bytes));
    const before = known.get(file.name);
    if (before !== undefined && before !== hash) modified.push({ fileName: file.name, before, after: hash });
    if (!result.ok) {
      refused.push(...result.issues);
      continue;
    }
    if (result.value.arrow) decodedArrow.set(table, result.value.arrow);
    const columns = result.value.columns.map((c) => c.name);
    const target = guessTarget(columns);
    const { mapping, reused, drift } = initialMapping(target, columns, useDataStore.getState().mappings);
    read.push(
      await prepareCodes(db, {
        fileName: file.name,
        bytes: size,
        sha256: hash,
        table,
        rows: result.value.rows,
        columns: result.value.columns,
        target,
        mapping,
        reused,
        ...(drift ? { drift } : {}),
        distinct: {},
        synthetic: result.value.metadata.synthetic === 'true',
      }),
    );
    useDataStore.getState().patchSession({ progress: { phase: file.name, rows: result.value.rows } });
  }
  if (signal.aborted) {
    useDataStore.getState().patchSession({ step: 'failed', refused: [cancelIssueAsData()], progress: null });
    return;
  }
  const hasHouseholds = read.some((f) => f.target === 'households');
  useDataStore.getState().patchSession({
    step: read.length > 0 && hasHouseholds ? 'mapping' : 'failed',
    files: read,
    // A refused file already says why it was refused; "no households table" is added only when nothing was refused.
    refused: hasHouseholds || read.length === 0 || refused.length > 0 ? refused : [...refused, noHouseholdsIssue()],
    builtInRegions: !read.some((f) => f.target === 'regions'),
    progress: null,
    modified,
    timings: { read: Math.round(performance.now() - readStarted) },
  });
}

function cancelIssueAsData(): DataIssue {
  const text = cancelledIssue();
  return {
    rule: 'cancelled',
    severity: 'error',
    table: '',
    count: 0,
    examples: [],
    message: { zh: text.messageZh, en: text.messageEn },
  };
}

function noHouseholdsIssue(): DataIssue {
  return {
    rule: 'no_households',
    severity: 'error',
    table: '',
    count: 0,
    examples: [],
    message: {
      zh: '所选文件中没有家庭表（每行一户）。请至少选择一个家庭数据文件。',
      en: 'None of the files is a households table (one row per household). Choose at least one households file.',
    },
  };
}

/** Changes which table a session file feeds (recomputes its starting mapping). */
export async function setFileTarget(fileName: string, target: 'households' | 'regions'): Promise<void> {
  const session = useDataStore.getState().session;
  const file = session?.files.find((f) => f.fileName === fileName);
  if (!session || !file) return;
  const { mapping, reused, drift } = initialMapping(
    target,
    file.columns.map((c) => c.name),
    useDataStore.getState().mappings,
  );
  const { drift: _previous, ...rest } = file;
  const prepared = await prepareCodes(await getDuckDb(), {
    ...rest,
    target,
    mapping,
    reused,
    ...(drift ? { drift } : {}),
  });
  useDataStore.getState().setFileTarget(fileName, target, prepared.mapping);
  useDataStore.getState().patchSession({
    builtInRegions: !useDataStore.getState().session?.files.some((f) => f.target === 'regions'),
  });
}

/** Updates one file's mapping and refreshes the code suggestions for newly mapped text columns. */
export async function updateFileMapping(fileName: string, mapping: ColumnMapping): Promise<void> {
  const session = useDataStore.getState().session;
  const file = session?.files.find((f) => f.fileName === fileName);
  if (!session || !file) return;
  useDataStore.getState().setFileMapping(fileName, mapping);
  const prepared = await prepareCodes(await getDuckDb(), { ...file, mapping });
  const current = useDataStore.getState().session;
  if (!current) return;
  useDataStore.getState().patchSession({
    files: current.files.map((f) =>
      f.fileName === fileName ? { ...f, mapping: prepared.mapping, distinct: prepared.distinct } : f,
    ),
  });
}

/** The built-in provincial regions (the demo's regions file), used when the user gives households only. */
async function ensureBuiltInRegions(db: DuckDbClient): Promise<string> {
  const table = 'raw_builtin_regions';
  const response = await fetch('./demo/regions.arrow');
  if (!response.ok) throw new Error(`demo/regions.arrow: HTTP ${response.status}`);
  const result = await loadFile(db, {
    fileName: 'regions.arrow',
    bytes: new Uint8Array(await response.arrayBuffer()),
    table,
    allowPlainName: true,
  });
  if (!result.ok) throw issuesMessage(result.issues);
  return table;
}

async function sessionSources(db: DuckDbClient, session: ImportSession): Promise<DatasetSources> {
  const households = session.files.find((f) => f.target === 'households');
  const regions = session.files.find((f) => f.target === 'regions');
  const sources: DatasetSources = {};
  if (households)
    sources.households = { table: households.table, mapping: households.mapping, label: households.fileName };
  if (regions) sources.regions = { table: regions.table, mapping: regions.mapping, label: regions.fileName };
  else {
    const table = await ensureBuiltInRegions(db);
    const columns = (
      await rowsOf(db, `SELECT column_name FROM information_schema.columns WHERE table_name = ${literal(table)}`)
    ).map((r) => String(r.column_name));
    sources.regions = { table, mapping: identityMapping('regions', columns), label: 'regions.arrow (内置 / built-in)' };
  }
  return sources;
}

/** Runs the validation report over the mapped files (the mappings are saved for reuse). */
export async function validateSession(): Promise<void> {
  const session = useDataStore.getState().session;
  if (!session) return;
  useDataStore.getState().patchSession({ step: 'validating', progress: { phase: 'validate' } });
  const started = performance.now();
  try {
    const db = await getDuckDb();
    for (const file of session.files) useDataStore.getState().saveMapping(MappingSchema.parse(file.mapping));
    const report = await validateDataset(db, await sessionSources(db, session));
    useDataStore.getState().patchSession({
      step: 'report',
      report,
      warningsAccepted: false,
      progress: null,
      timings: { ...session.timings, validate: Math.round(performance.now() - started) },
    });
  } catch (error) {
    const text = message(error);
    useDataStore.getState().patchSession({
      step: 'report',
      progress: null,
      report: {
        ok: false,
        rows: { households: 0, regions: 0 },
        issues: [
          {
            rule: 'internal',
            severity: 'error',
            table: '',
            count: 0,
            examples: [],
            message: { zh: text.messageZh, en: text.messageEn },
          },
        ],
      },
    });
  }
}

/** After a report without errors (and warnings accepted), builds the canonical tables and hands the data to the engine. */
export async function commitSession(): Promise<void> {
  const session = useDataStore.getState().session;
  if (!session?.report?.ok) return;
  const hasWarnings = session.report.issues.some((i) => i.severity === 'warning');
  if (hasWarnings && !session.warningsAccepted) return;
  const started = performance.now();
  const households = session.files.find((f) => f.target === 'households')!;
  const names = session.files
    .map((f) => f.fileName)
    .sort()
    .join('\u0000');
  const reopened = useWorkspaceStore.getState().datasets.find(
    (d) =>
      d.source === 'file' &&
      d.files
        .map((f) => f.name)
        .sort()
        .join('\u0000') === names,
  );
  const id = reopened?.id ?? newId('dataset');
  const files = session.files.map((f) => ({ name: f.fileName, bytes: f.bytes, sha256: f.sha256 }));
  const name = session.files.map((f) => f.fileName).join(' + ');
  useWorkspaceStore.getState().upsertDataset({
    id,
    name,
    source: 'file',
    synthetic: households.synthetic,
    files,
    status: 'loading',
    progress: { phase: 'handoff', rows: households.rows },
  });
  useDataStore.getState().patchSession({ step: 'loading', progress: { phase: 'handoff', rows: households.rows } });
  try {
    const db = await getDuckDb();
    const sources = await sessionSources(db, session);
    const done = await completeImport(db, sources, session.report, decodedArrow.get(households.table));
    const engineMs = await handToEngine(db, id, done.arrays);
    await replaceRawTables(db, [
      ...session.files.map((f) => f.table),
      ...(session.builtInRegions ? ['raw_builtin_regions'] : []),
    ]);
    const totals = await weightedTotals(db);
    useDataStore.getState().setReport(id, session.report);
    for (const dataset of useWorkspaceStore.getState().datasets) {
      if (dataset.id !== id && dataset.status === 'ready') {
        useWorkspaceStore.getState().updateDataset(dataset.id, { status: 'reopen-needed' });
      }
    }
    useWorkspaceStore.getState().updateDataset(id, {
      status: 'ready',
      progress: undefined,
      rows: session.report.rows.households,
      regionRows: session.report.rows.regions,
      weightedHouseholds: totals.households,
      weightedPopulation: totals.persons,
      loadMs: Math.round(performance.now() - started),
      timings: {
        ...session.timings,
        tables: Math.round(done.timings.tables),
        handoff: Math.round(done.timings.handoff) + engineMs,
        handoffArrays: Math.round(done.timings.handoff),
        handoffEngine: engineMs,
      },
    });
    useWorkspaceStore.getState().setActiveDataset(id);
    useDataStore.getState().setSession(null);
  } catch (error) {
    useWorkspaceStore.getState().updateDataset(id, { status: 'error', progress: undefined, error: message(error) });
    useDataStore.getState().patchSession({ step: 'failed', progress: null });
  }
}

/** Cancels the import in progress (reading stops; nothing is kept). */
export function cancelImport(): void {
  controller?.abort();
  controller = null;
  const tables = useDataStore.getState().session?.files.map((f) => f.table) ?? [];
  useDataStore.getState().setSession(null);
  if (tables.length > 0) void getDuckDb().then((db) => dropTables(db, tables));
}
