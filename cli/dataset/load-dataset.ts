// Reads a dataset from disk into DuckDB-wasm and hands it to the engine through the data layer's own functions
// (loadFile → mapping → validateDataset → buildCanonicalTables → handOff), so the CLI validates exactly as the app does.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { handOff } from '../../datasets/import/handoff.ts';
import type { DataIssue } from '../../datasets/import/issues.ts';
import type { ColumnMapping } from '../../datasets/import/mapping.ts';
import { findMapping, identityMapping, parseMapping } from '../../datasets/import/mapping.ts';
import { loadFile } from '../../datasets/import/read-file.ts';
import type { LoadedTable } from '../../datasets/import/read-file.ts';
import { buildCanonicalTables, validateDataset } from '../../datasets/import/validate.ts';
import type { DatasetSources, ValidationReport } from '../../datasets/import/validate.ts';
import type { HouseholdArrays, RegionArrays } from '../../sim/index.ts';
import type { WasmDuckDb } from '../duckdb/wasm-node.ts';
import { wasmPort } from '../duckdb/wasm-node.ts';
import { dataError, usageError } from '../errors.ts';

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
    let text: string;
    try {
      text = await readFile(full, 'utf8');
    } catch {
      throw dataError(`无法读取映射文件 ${full}`, `cannot read the mapping file ${full}`);
    }
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
  timings: { loadMs: number; validateMs: number; handOffMs: number };
}

async function loadOne(duck: WasmDuckDb, file: string, table: 'households' | 'regions'): Promise<LoadedTable> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    throw dataError(`无法读取文件 ${file}`, `cannot read the file ${file}`);
  }
  const result = await loadFile(wasmPort(duck), {
    fileName: path.basename(file),
    bytes,
    table: `raw_${table}`,
    allowPlainName: table === 'regions',
  });
  if (!result.ok) {
    throw dataError(
      `无法导入 ${file}`,
      `cannot import ${file}`,
      result.issues.map((issue) => formatIssue(issue)),
    );
  }
  return result.value;
}

/** Loads and validates the dataset only; returns the report (and the sources, for a later hand-off). */
export async function validateFiles(
  duck: WasmDuckDb,
  files: DatasetFiles,
  mappings: readonly ColumnMapping[],
): Promise<{
  report: ValidationReport;
  sources: DatasetSources;
  metadata: Record<string, string>;
  /** The households file decoded as Arrow (Arrow and Parquet inputs), for the direct hand-off. */
  householdsArrow: LoadedTable['arrow'];
  loadMs: number;
  validateMs: number;
}> {
  const t0 = performance.now();
  const hh = await loadOne(duck, files.households, 'households');
  const rg = await loadOne(duck, files.regions, 'regions');
  const t1 = performance.now();
  const mappingFor = (loaded: LoadedTable, table: 'households' | 'regions'): ColumnMapping => {
    const columns = loaded.columns.map((c) => c.name);
    return findMapping(mappings, table, columns) ?? identityMapping(table, columns);
  };
  const sources: DatasetSources = {
    households: { table: hh.table, mapping: mappingFor(hh, 'households'), label: path.basename(files.households) },
    regions: { table: rg.table, mapping: mappingFor(rg, 'regions'), label: path.basename(files.regions) },
  };
  const report = await validateDataset(wasmPort(duck), sources);
  const t2 = performance.now();
  return { report, sources, metadata: hh.metadata, householdsArrow: hh.arrow, loadMs: t1 - t0, validateMs: t2 - t1 };
}

/** Loads, validates and hands over a dataset; validation errors become a data error listing every issue. */
export async function loadDataset(
  duck: WasmDuckDb,
  files: DatasetFiles,
  mappings: readonly ColumnMapping[] = [],
): Promise<LoadedDataset> {
  const { report, sources, metadata, householdsArrow, loadMs, validateMs } = await validateFiles(duck, files, mappings);
  if (!report.ok) {
    throw dataError(
      '数据集未通过校验（运行 safetynet validate 查看完整报告）',
      'the dataset failed validation (run safetynet validate for the full report)',
      report.issues.filter((i) => i.severity === 'error').map((issue) => formatIssue(issue)),
    );
  }
  const t0 = performance.now();
  const port = wasmPort(duck);
  await buildCanonicalTables(port, sources, report);
  const { households, regions } = await handOff(port, undefined, {
    arrow: householdsArrow,
    mapping: sources.households!.mapping,
  });
  return {
    files,
    households,
    regions,
    report,
    metadata,
    timings: { loadMs, validateMs, handOffMs: performance.now() - t0 },
  };
}
