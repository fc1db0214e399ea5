// The one import sequence of a dataset: each file read into DuckDB (identifiers refused), its column mapping chosen
// (a saved mapping for the same columns, else the identity), the validation report and, when it has no errors, the
// canonical views and the engine's typed arrays. The CLI and the app's demo load run it whole; the app's import screen
// runs the same steps between the user's decisions (loadFile, validateDataset, then completeImport).

import type { Table as ArrowTable } from 'apache-arrow';
import type { HouseholdArrays, RegionArrays } from '../../sim/index.ts';
import { handOff } from './handoff.ts';
import type { DataIssue, DataResult } from './issues.ts';
import { findMapping, identityMapping, mappingDrift } from './mapping.ts';
import type { ColumnMapping } from './mapping.ts';
import { loadFile } from './read-file.ts';
import type { LoadedTable, LoadOptions } from './read-file.ts';
import { buildCanonicalTables, validateDataset } from './validate.ts';
import type { DatasetSources, MappedSource, ValidationReport } from './validate.ts';
import type { DuckDbPort } from './duckdb-port.ts';

/** The two tables of a dataset. */
export type DatasetTable = 'households' | 'regions';

/** Import phases, in order (the app's progress indicator names them). */
export type ImportPhase = 'read' | 'identifiers' | 'validate' | 'handoff';

/** A progress report: the phase, the table being read (read phases) and the rows known so far. */
export interface ImportProgress {
  phase: ImportPhase;
  table?: DatasetTable;
  rows?: number;
}

/** One file of a dataset. */
export interface DatasetFileInput {
  fileName: string;
  bytes: Uint8Array;
}

/** A file its caller reads into DuckDB table `table` itself (the CLI's native reader, from the file's path). */
export interface DatasetFileReader {
  fileName: string;
  read(db: DuckDbPort, table: string, allowPlainName: boolean): Promise<DataResult<LoadedTable>>;
}

/** Options for {@link importDataset}. */
export interface ImportDatasetOptions {
  households: DatasetFileInput | DatasetFileReader;
  regions: DatasetFileInput | DatasetFileReader;
  /** DuckDB tables for the raw rows (replaced if they exist); default `raw_households` and `raw_regions`. */
  tables?: Readonly<Record<DatasetTable, string>>;
  /** Saved column mappings: the one made for a file's columns is used, else the identity mapping. */
  mappings?: readonly ColumnMapping[];
  /** Stop after the validation report: no canonical views, no arrays (`safetynet validate`). */
  validateOnly?: boolean;
  /** A content hash of each file, computed while DuckDB reads it (see `LoadOptions.digest`). */
  digest?: LoadOptions['digest'];
  /** Most rows a file may have (see `LoadOptions.maxRows`). */
  maxRows?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

/** Milliseconds spent per step. */
export interface ImportTimings {
  /** Both files read into DuckDB, identifiers refused. */
  read: number;
  validate: number;
  /** Canonical views. */
  tables: number;
  /** The engine's typed arrays built. */
  handoff: number;
}

/** The engine's inputs. */
export interface EngineArrays {
  households: HouseholdArrays;
  regions: RegionArrays;
}

/** A dataset read and validated (and handed off when the report has no errors and `validateOnly` was not set). */
export interface ImportedDataset {
  loaded: Record<DatasetTable, LoadedTable>;
  sources: Record<DatasetTable, MappedSource>;
  report: ValidationReport;
  arrays?: EngineArrays;
  timings: ImportTimings;
}

/** The outcome: a dataset (whose report may still hold errors), or the file that could not be read and why. */
export type ImportResult =
  { ok: true; value: ImportedDataset } | { ok: false; table: DatasetTable; fileName: string; issues: DataIssue[] };

/** A clock with sub-millisecond resolution where the environment has one. */
const now = (): number => (globalThis as { performance?: { now(): number } }).performance?.now() ?? Date.now();

/** The saved mapping made for these columns, else the identity mapping (schema names used as they are). */
export function mappingFor(
  mappings: readonly ColumnMapping[],
  table: DatasetTable,
  columns: readonly string[],
): ColumnMapping {
  return findMapping(mappings, table, columns) ?? identityMapping(table, columns);
}

/**
 * The refusal when mappings were given for `table` but none was made for this file's columns: silently falling back to
 * the identity mapping could take another column (a second weight) than the one the user chose.
 */
export function staleMappingIssue(
  mappings: readonly ColumnMapping[],
  table: DatasetTable,
  file: Pick<LoadedTable, 'fileName' | 'columns'>,
): DataIssue | undefined {
  const given = mappings.filter((m) => m.table === table);
  const columns = file.columns.map((c) => c.name);
  if (given.length === 0 || findMapping(given, table, columns)) return undefined;
  const { missing, added } = mappingDrift(given[0], columns);
  const list = (names: string[]): string => names.map((n) => `"${n}"`).join(', ') || '—';
  return {
    rule: 'mapping_mismatch',
    severity: 'error',
    table: file.fileName,
    count: 0,
    examples: [],
    message: {
      zh: `给出的${table === 'households' ? '家庭表' : '地区表'}列映射与文件“${file.fileName}”的列不一致（文件中缺少：${list(missing)}；映射未见过的列：${list(added)}）。未导入任何数据：请重新映射并保存。`,
      en: `The ${table} column mapping given does not match the columns of "${file.fileName}" (missing from the file: ${list(missing)}; columns the mapping never saw: ${list(added)}). Nothing was imported: map the file again and save the mapping.`,
    },
  };
}

/**
 * The last step of every import, after a report without errors: the canonical views over the mapped sources, then
 * the engine's typed arrays (numeric household columns straight from `householdsArrow`, the decoded households file,
 * when there is one). Throws if the report has errors.
 */
export async function completeImport(
  db: DuckDbPort,
  sources: DatasetSources,
  report: ValidationReport,
  householdsArrow?: ArrowTable,
  onProgress?: (progress: ImportProgress) => void,
): Promise<{ arrays: EngineArrays; timings: Pick<ImportTimings, 'tables' | 'handoff'> }> {
  onProgress?.({ phase: 'handoff', rows: report.rows.households });
  const started = now();
  await buildCanonicalTables(db, sources, report);
  const built = now();
  const arrays = await handOff(
    db,
    undefined,
    sources.households && householdsArrow ? { arrow: householdsArrow, mapping: sources.households.mapping } : undefined,
  );
  return { arrays, timings: { tables: built - started, handoff: now() - built } };
}

/** Read, map, validate and (without errors) hand off a dataset given as its two files. */
export async function importDataset(db: DuckDbPort, options: ImportDatasetOptions): Promise<ImportResult> {
  const tables = options.tables ?? { households: 'raw_households', regions: 'raw_regions' };
  const started = now();
  const loaded: Partial<Record<DatasetTable, LoadedTable>> = {};
  for (const table of ['households', 'regions'] as const) {
    const file = options[table];
    const result =
      'read' in file
        ? await file.read(db, tables[table], table === 'regions')
        : await loadFile(db, {
            fileName: file.fileName,
            bytes: file.bytes,
            table: tables[table],
            allowPlainName: table === 'regions',
            ...(options.maxRows !== undefined ? { maxRows: options.maxRows } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.digest ? { digest: options.digest } : {}),
            onProgress: (stage, rows) =>
              options.onProgress?.({ phase: stage === 'checking-identifiers' ? 'identifiers' : 'read', table, rows }),
          });
    if (!result.ok) return { ok: false, table, fileName: file.fileName, issues: result.issues };
    loaded[table] = result.value;
  }
  const { households, regions } = loaded as Record<DatasetTable, LoadedTable>;
  for (const table of ['households', 'regions'] as const) {
    const stale = staleMappingIssue(options.mappings ?? [], table, loaded[table] as LoadedTable);
    if (stale) return { ok: false, table, fileName: options[table].fileName, issues: [stale] };
  }
  const source = (table: DatasetTable, file: LoadedTable): MappedSource => ({
    table: file.table,
    mapping: mappingFor(
      options.mappings ?? [],
      table,
      file.columns.map((c) => c.name),
    ),
    label: file.fileName,
  });
  const sources = { households: source('households', households), regions: source('regions', regions) };
  const read = now();
  options.onProgress?.({ phase: 'validate', rows: households.rows });
  const report = await validateDataset(db, sources);
  const validated = now();
  const timings: ImportTimings = { read: read - started, validate: validated - read, tables: 0, handoff: 0 };
  const value: ImportedDataset = { loaded: { households, regions }, sources, report, timings };
  if (!report.ok || options.validateOnly) return { ok: true, value };
  const done = await completeImport(db, sources, report, households.arrow, options.onProgress);
  return { ok: true, value: { ...value, arrays: done.arrays, timings: { ...timings, ...done.timings } } };
}
