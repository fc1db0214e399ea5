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
  buildCanonicalTables,
  validateDataset,
  type DatasetSources,
  handOff,
  householdArraysFromArrow,
  DEMO_CACHE_FILE,
  decodeRegions,
  demoCacheForRules,
  matchingDemoCache,
  sha256Hex,
  weightedTotals,
  type DemoCache,
  completeImport,
  importDataset,
  mappingFor,
  type EngineArrays,
  type ImportProgress,
  ident,
  literal,
  rowsOf,
} from '../../../../datasets/index.ts';
import type { DataIssue } from '../../../../datasets/index.ts';
import type { ErrorInfo } from '../../i18n/i18n.ts';
import { useDataStore, type ImportFile, type ImportSession } from '../../store/data-store.ts';
import { useWorkspaceStore, newId, type DatasetSummary } from '../../store/workspace-store.ts';
import {
  getDuckDb,
  type DuckDbClient,
  deferDatasetTables,
  dropDeferredTables,
  startDuckDb,
} from '../duckdb/duckdb-client.ts';
import { getEngine } from '../engine/engine.ts';
import { getHost } from '../host/host.ts';
import { CACHE_KEYS, cachePut } from '../cache.ts';
import { columnsNeedingCodes, guessTarget, initialMapping, withSuggestedCodes, importIssues } from './mapping-logic.ts';
import { errorInfoOf } from '../../i18n/i18n.ts';
import { tableFromIPC } from 'apache-arrow';

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
export const sha256 = sha256Hex;

function message(error: unknown): ErrorInfo {
  return errorInfoOf(error, { zh: '载入数据失败', en: 'loading the dataset failed' });
}

function issuesMessage(issues: readonly DataIssue[]): ErrorInfo {
  const errors = issues.filter((i) => i.severity === 'error').slice(0, 3);
  return {
    messageZh: errors.map((i) => i.message.zh).join('；'),
    messageEn: errors.map((i) => i.message.en).join('; '),
  };
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
async function handToEngine(datasetId: string, arrays: EngineArrays): Promise<number> {
  const started = performance.now();
  // The screens that work on one household (Household, briefing cases) read the dataset's regions here; a copy,
  // since the engine may take over the arrays' buffers.
  cachePut(CACHE_KEYS.regions(datasetId), structuredClone(arrays.regions));
  await getEngine().loadDataset(datasetId, arrays.households, arrays.regions, async () => handOff(await getDuckDb()));
  return Math.round(performance.now() - started);
}

/** Hash of the validation rules this app was built with (vite.config.ts); empty outside the build (tests). */
declare const __SAFETYNET_RULES_HASH__: string | undefined;
const RULES_HASH = typeof __SAFETYNET_RULES_HASH__ === 'string' ? __SAFETYNET_RULES_HASH__ : '';

/** Raw DuckDB tables of the demo's two files. */
const DEMO_TABLES = ['raw_demo_households', 'raw_demo_regions'] as const;

/** One of the demo's files, fetched from the app itself. */
async function fetchDemoFile(name: string): Promise<Uint8Array> {
  const response = await fetch(`./demo/${name}`);
  if (!response.ok) throw new Error(`demo/${name}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The demo cache file as parsed JSON, or undefined when the build has none (it is then not used). */
async function fetchDemoCache(): Promise<unknown> {
  try {
    const response = await fetch(`./demo/${DEMO_CACHE_FILE}`);
    return response.ok ? ((await response.json()) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** The demo's file hashes by name, as the cache key holds them. */
function demoHashes(hashes: readonly string[]): Record<string, string> {
  return Object.fromEntries(DEMO_FILES.map((name, i) => [name, hashes[i]]));
}

/** What the Data screen shows of a loaded demo besides its files. */
interface DemoLoaded {
  rows: number;
  regionRows: number;
  weightedHouseholds: number;
  weightedPopulation: number;
  synthetic: boolean;
}

/**
 * Loads the demo's SQL tables into DuckDB (deferred until SQL or an export first needs them): the files fetched again
 * and checked against the cache key, read with the identifier refusal, and the canonical views built from the cached
 * report, exactly as an import builds them.
 */
async function loadDemoTables(db: DuckDbClient, cache: DemoCache): Promise<void> {
  const bytes = await Promise.all(DEMO_FILES.map(fetchDemoFile));
  const hashes = await Promise.all(bytes.map(sha256));
  if (!matchingDemoCache(cache, RULES_HASH, demoHashes(hashes)))
    throw new Error('demo files changed since the app started: reload the demo');
  const sources: DatasetSources = {};
  for (const [i, table] of (['households', 'regions'] as const).entries()) {
    const result = await loadFile(db, {
      fileName: DEMO_FILES[i],
      bytes: bytes[i],
      table: DEMO_TABLES[i],
      allowPlainName: table === 'regions',
    });
    if (!result.ok) throw issuesMessage(result.issues);
    const columns = result.value.columns.map((c) => c.name);
    sources[table] = { table: DEMO_TABLES[i], mapping: mappingFor([], table, columns), label: DEMO_FILES[i] };
  }
  await buildCanonicalTables(db, sources, cache.report);
  await replaceRawTables(db, DEMO_TABLES);
}

/**
 * The demo from its build-time cache (report, totals, region arrays), its households straight from the Arrow file:
 * no DuckDB on the way to the engine (its SQL tables are loaded when SQL first needs them). Undefined when some engine column would need SQL (then DuckDB does it all).
 */
async function demoFromCache(
  cache: DemoCache,
  householdBytes: Uint8Array,
  timings: Record<string, number>,
): Promise<DemoLoaded | undefined> {
  const started = performance.now();
  const arrow = tableFromIPC(householdBytes);
  const regions = decodeRegions(cache.regions);
  const mapping = mappingFor(
    [],
    'households',
    arrow.schema.fields.map((f) => f.name),
  );
  const households = householdArraysFromArrow({ arrow, mapping }, regions.code);
  if (!households) return undefined;
  timings.handoffArrays = Math.round(performance.now() - started);
  useDataStore.getState().setReport(DEMO_DATASET_ID, cache.report);
  timings.handoffEngine = await handToEngine(DEMO_DATASET_ID, { households, regions });
  timings.handoff = timings.handoffArrays + timings.handoffEngine;
  return {
    rows: cache.rows.households,
    regionRows: cache.rows.regions,
    weightedHouseholds: cache.totals.households,
    weightedPopulation: cache.totals.persons,
    synthetic: cache.metadata.synthetic !== 'false',
  };
}

/** The demo read, validated and handed off through DuckDB, as any import (no cache for these files and rules). */
async function demoThroughDuckDb(
  bytes: readonly Uint8Array[],
  timings: Record<string, number>,
  update: (patch: Partial<DatasetSummary>) => void,
): Promise<DemoLoaded> {
  const started = performance.now();
  await dropDeferredTables();
  const db = await startDuckDb();
  timings.duckdbStart = Math.round(performance.now() - started);
  const imported = await importDataset(db, {
    households: { fileName: DEMO_FILES[0], bytes: bytes[0] },
    regions: { fileName: DEMO_FILES[1], bytes: bytes[1] },
    tables: { households: DEMO_TABLES[0], regions: DEMO_TABLES[1] },
    onProgress: (progress: ImportProgress) => update({ progress: { phase: progress.phase, rows: progress.rows } }),
  });
  if (!imported.ok) throw issuesMessage(imported.issues);
  const { loaded, report, arrays } = imported.value;
  useDataStore.getState().setReport(DEMO_DATASET_ID, report);
  if (!report.ok || !arrays) throw issuesMessage(report.issues);
  const engineStarted = performance.now();
  const engineMs = await handToEngine(DEMO_DATASET_ID, arrays);
  await replaceRawTables(db, DEMO_TABLES);
  const steps = imported.value.timings;
  Object.assign(timings, {
    read: Math.round(steps.read),
    validate: Math.round(steps.validate),
    tables: Math.round(steps.tables),
    handoff: Math.round(steps.handoff + performance.now() - engineStarted),
    handoffArrays: Math.round(steps.handoff),
    handoffEngine: engineMs,
  });
  const totalsStarted = performance.now();
  const totals = await weightedTotals(db);
  timings.totals = Math.round(performance.now() - totalsStarted);
  return {
    rows: loaded.households.rows,
    regionRows: loaded.regions.rows,
    weightedHouseholds: totals.households,
    weightedPopulation: totals.persons,
    synthetic: loaded.households.metadata.synthetic !== 'false',
  };
}

/**
 * Loads the bundled synthetic demo (fetched from the app itself) and hands it to the engine: from the build-time cache
 * when it was made for exactly these files and validation rules (DuckDB then waits until SQL needs it), else read and
 * validated through DuckDB like any import.
 */
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
  try {
    const [cacheJson, ...bytes] = await Promise.all([fetchDemoCache(), ...DEMO_FILES.map(fetchDemoFile)]);
    timings.fetch = Math.round(performance.now() - started);
    // The files are hashed (Web Crypto copies the bytes at the call, off the main thread) while the engine already
    // takes the cached arrays; the cache counts only if the hashes then match the ones it was built for.
    const hashStarted = performance.now();
    const hashing = Promise.all(bytes.map(sha256)).then((hashes) => {
      timings.hash = Math.round(performance.now() - hashStarted);
      return hashes;
    });
    const candidate = demoCacheForRules(cacheJson, RULES_HASH);
    const [fromCache, hashes] = await Promise.all([
      candidate ? demoFromCache(candidate, bytes[0], timings) : undefined,
      hashing,
    ]);
    update({ files: DEMO_FILES.map((name, i) => ({ name, bytes: bytes[i].byteLength, sha256: hashes[i] })) });
    const cache = matchingDemoCache(cacheJson, RULES_HASH, demoHashes(hashes));
    timings.cached = cache && fromCache ? 1 : 0;
    if (cache && fromCache) deferDatasetTables((db) => loadDemoTables(db, cache));
    const loaded =
      (cache ? fromCache : undefined) ??
      (await demoThroughDuckDb(candidate ? await Promise.all(DEMO_FILES.map(fetchDemoFile)) : bytes, timings, update));
    update({
      status: 'ready',
      progress: undefined,
      error: undefined,
      ...loaded,
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

function cancelledIssue(): ErrorInfo {
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
  const db = await startDuckDb();
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
    refused: importIssues(read, refused, noHouseholdsIssue),
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

/** The "no households table" issue of an import whose files are all regions tables. */
export function noHouseholdsIssue(): DataIssue {
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
  const prepared = await prepareCodes(await startDuckDb(), {
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
  const prepared = await prepareCodes(await startDuckDb(), { ...file, mapping });
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
    const db = await startDuckDb();
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
    // The imported dataset replaces the canonical views: deferred demo tables are no longer wanted.
    await dropDeferredTables();
    const db = await startDuckDb();
    const sources = await sessionSources(db, session);
    const done = await completeImport(db, sources, session.report, decodedArrow.get(households.table));
    const engineMs = await handToEngine(id, done.arrays);
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
  if (tables.length > 0) void startDuckDb().then((db) => dropTables(db, tables));
}
