// Reads a dataset from disk and runs the data layer's import sequence on it (importDataset: loadFile → mapping →
// validateDataset → buildCanonicalTables → handOff), the same sequence and SQL as the app's, so the CLI validates and
// hands off exactly as the app does. The CLI runs it in native DuckDB (files of any size read from their paths); the
// DuckDB-wasm build of the app is accepted too (whole files in memory), which the tests use to compare the two.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { importDataset, parseMapping, MAX_MAPPING_FILE_BYTES } from '../../datasets/index.ts';
import type {
  DatasetFileInput,
  DatasetFileReader,
  DatasetTable,
  ImportedDataset,
  DataIssue,
  ColumnMapping,
  LoadedTable,
  DatasetSources,
  ValidationReport,
} from '../../datasets/index.ts';
import type { HouseholdArrays, RegionArrays } from '../../sim/index.ts';
import type { WasmDuckDb } from '../duckdb/wasm-node.ts';
import { wasmPort } from '../duckdb/wasm-node.ts';
import type { NativeDatabase } from '../duckdb/native-port.ts';
import { IN_MEMORY_FILE_BYTES, nativeFileReader } from './native-read.ts';
import { dataError, usageError } from '../errors.ts';
import { readSmallText } from '../scenario-file.ts';
import type { FileHash } from '../provenance.ts';
import { sha256Hex } from '../provenance.ts';

/** The database a dataset is imported into: native DuckDB (the CLI) or DuckDB-wasm (the app's engine). */
export type DatasetDb = NativeDatabase | WasmDuckDb;

/** True for the native database. */
function isNative(db: DatasetDb): db is NativeDatabase {
  return 'port' in db;
}

/** The two files of a dataset. */
export interface DatasetFiles {
  households: string;
  regions: string;
}

const EXTENSIONS = ['.arrow', '.arrows', '.feather', '.ipc', '.parquet', '.csv'];

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function findTableFile(dir: string, table: 'households' | 'regions'): Promise<string | undefined> {
  const names = await readdir(dir);
  for (const ext of EXTENSIONS) if (names.includes(`${table}${ext}`)) return path.join(dir, `${table}${ext}`);
  return undefined;
}

/**
 * Works out the dataset files from a folder (holding households.* and regions.*) or explicit file options.
 * Throws a usage error naming what is missing.
 */
export async function resolveDatasetFiles(
  cwd: string,
  dataDir: string | undefined,
  householdsOption: string | undefined,
  regionsOption: string | undefined,
): Promise<DatasetFiles> {
  let households = householdsOption === undefined ? undefined : path.resolve(cwd, householdsOption);
  let regions = regionsOption === undefined ? undefined : path.resolve(cwd, regionsOption);
  if (dataDir !== undefined) {
    const dir = path.resolve(cwd, dataDir);
    if (!(await isDirectory(dir))) {
      throw dataError(`数据文件夹不存在：${dir}`, `the dataset folder does not exist: ${dir}`);
    }
    households ??= await findTableFile(dir, 'households');
    regions ??= await findTableFile(dir, 'regions');
    if (households === undefined || regions === undefined) {
      const missing = [households === undefined ? 'households' : '', regions === undefined ? 'regions' : ''].filter(
        Boolean,
      );
      throw dataError(
        `文件夹 ${dir} 中缺少 ${missing.map((m) => `${m}.arrow/.parquet/.csv`).join('、')}`,
        `the folder ${dir} has no ${missing.map((m) => `${m}.arrow/.parquet/.csv`).join(' or ')}`,
      );
    }
  }
  if (households === undefined || regions === undefined) {
    throw usageError(
      '请指定数据集：--data 文件夹，或 --households 文件 与 --regions 文件',
      'give a dataset: --data FOLDER, or --households FILE and --regions FILE',
    );
  }
  return { households, regions };
}

/** Reads saved mapping documents (JSON); a bad file is a data error naming it. */
export async function readMappings(cwd: string, files: readonly string[]): Promise<ColumnMapping[]> {
  const out: ColumnMapping[] = [];
  for (const file of files) {
    const full = path.resolve(cwd, file);
    const text = await readSmallText(full, MAX_MAPPING_FILE_BYTES, '映射文件', 'mapping file');
    const parsed = parseMapping(text);
    if (!parsed.ok) throw dataError(`${full}：${parsed.message.zh}`, `${full}: ${parsed.message.en}`);
    out.push(parsed.mapping);
  }
  return out;
}

/** One issue as text lines (Chinese, then English), with count and example rows. */
export function formatIssue(issue: DataIssue): string {
  const where = [issue.table, issue.column].filter(Boolean).join('.');
  const tag = issue.severity === 'error' ? '错误 error' : '警告 warning';
  return `[${tag}] ${where} (${issue.rule}, ${issue.count}): ${issue.message.zh}\n    ${issue.message.en}`;
}

/** A dataset loaded, validated and handed to the engine. */
export interface LoadedDataset {
  files: DatasetFiles;
  households: HouseholdArrays;
  regions: RegionArrays;
  report: ValidationReport;
  /** Arrow schema metadata of the households file (e.g. synthetic=true). */
  metadata: Record<string, string>;
  /** SHA-256 and size of the bytes imported from each file (households, regions), for provenance. */
  fileHashes: FileHash[];
  timings: { loadMs: number; validateMs: number; handOffMs: number };
}

/** Reads both files of a dataset from disk; a missing or unreadable file is a data error naming it. */
async function readDatasetFiles(files: DatasetFiles): Promise<Record<DatasetTable, DatasetFileInput>> {
  const read = async (file: string): Promise<DatasetFileInput> => {
    try {
      return { fileName: path.basename(file), bytes: await readFile(file) };
    } catch {
      throw dataError(`无法读取文件 ${file}`, `cannot read the file ${file}`);
    }
  };
  return { households: await read(files.households), regions: await read(files.regions) };
}

/** Runs the data layer's import sequence on the dataset's files; a file that cannot be imported is a data error. */
async function runImport(
  duck: DatasetDb,
  files: DatasetFiles,
  mappings: readonly ColumnMapping[],
  validateOnly: boolean,
  inMemoryBelow = IN_MEMORY_FILE_BYTES,
): Promise<ImportedDataset & { fileHashes: FileHash[] }> {
  const native = isNative(duck) ? duck : undefined;
  const inputs: Record<DatasetTable, DatasetFileInput | DatasetFileReader> = native
    ? {
        households: nativeFileReader(native, files.households, inMemoryBelow, !validateOnly),
        regions: nativeFileReader(native, files.regions, inMemoryBelow, !validateOnly),
      }
    : await readDatasetFiles(files);
  const sizes: Record<DatasetTable, number> = { households: 0, regions: 0 };
  for (const table of ['households', 'regions'] as const) {
    try {
      sizes[table] = (await stat(files[table])).size;
    } catch {
      throw dataError(`无法读取文件 ${files[table]}`, `cannot read the file ${files[table]}`);
    }
  }
  // The hashes are of the very bytes imported, so provenance names what was computed on, whatever happens to the files.
  const result = await importDataset(native ? native.port : wasmPort(duck as WasmDuckDb), {
    ...inputs,
    mappings,
    validateOnly,
    digest: async (bytes) => sha256Hex(bytes),
  });
  if (!result.ok) {
    throw dataError(
      `无法导入 ${files[result.table]}`,
      `cannot import ${files[result.table]}`,
      result.issues.map((issue) => formatIssue(issue)),
    );
  }
  const fileHashes = (['households', 'regions'] as const).map((table) => {
    const input = inputs[table];
    return {
      file: input.fileName,
      sha256: result.value.loaded[table].digest ?? ('bytes' in input ? sha256Hex(input.bytes) : ''),
      bytes: sizes[table],
    };
  });
  return { ...result.value, fileHashes };
}

/** Loads and validates the dataset only; returns the report (and the sources, for a later hand-off). */
export async function validateFiles(
  duck: DatasetDb,
  files: DatasetFiles,
  mappings: readonly ColumnMapping[],
  inMemoryBelow?: number,
): Promise<{
  report: ValidationReport;
  sources: DatasetSources;
  metadata: Record<string, string>;
  /** The households file decoded as Arrow (Arrow and Parquet inputs), for the direct hand-off. */
  householdsArrow: LoadedTable['arrow'];
  loadMs: number;
  validateMs: number;
}> {
  const imported = await runImport(duck, files, mappings, true, inMemoryBelow);
  return {
    report: imported.report,
    sources: imported.sources,
    metadata: imported.loaded.households.metadata,
    householdsArrow: imported.loaded.households.arrow,
    loadMs: imported.timings.read,
    validateMs: imported.timings.validate,
  };
}

/** Loads, validates and hands over a dataset; validation errors become a data error listing every issue. */
export async function loadDataset(
  duck: DatasetDb,
  files: DatasetFiles,
  mappings: readonly ColumnMapping[] = [],
  inMemoryBelow?: number,
): Promise<LoadedDataset> {
  const { report, arrays, loaded, timings, fileHashes } = await runImport(duck, files, mappings, false, inMemoryBelow);
  if (!report.ok || !arrays) {
    throw dataError(
      '数据集未通过校验（运行 safetynet validate 查看完整报告）',
      'the dataset failed validation (run safetynet validate for the full report)',
      report.issues.filter((i) => i.severity === 'error').map((issue) => formatIssue(issue)),
    );
  }
  return {
    files,
    households: arrays.households,
    regions: arrays.regions,
    report,
    metadata: loaded.households.metadata,
    fileHashes,
    timings: { loadMs: timings.read, validateMs: timings.validate, handOffMs: timings.tables + timings.handoff },
  };
}
