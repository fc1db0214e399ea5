// Writes a run's result tables to an output folder as Arrow, CSV (UTF-8 with BOM) and JSON, plus provenance.json.
// Data files depend only on the inputs, so the same inputs and seed give byte-identical files; only provenance.json
// carries a timestamp.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dataError } from '../errors.ts';
import { tableToArrowBytes } from './arrow.ts';
import type { ColumnTable } from './column-table.ts';
import { rowCount, unevenColumn } from './column-table.ts';
import { tableToCsv } from './csv.ts';
import type { FileHash, Provenance } from '../provenance.ts';
import { sha256Hex } from '../provenance.ts';

/** What to write: tables (each as .arrow and .csv), a JSON summary, and whether a table also goes into results.json. */
export interface ResultBundle {
  tables: readonly ColumnTable[];
  /** Tables also embedded, row by row, in results.json (keep these small: aggregates, not households). */
  jsonTables: readonly string[];
  /** Extra JSON-serialisable summary placed first in results.json. */
  summary: unknown;
  /** Schema metadata for every Arrow file (e.g. synthetic=true). */
  arrowMetadata?: Record<string, string>;
}

function rowsOf(table: ColumnTable): Record<string, unknown>[] {
  const names = Object.keys(table.columns);
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < rowCount(table); r++) {
    const row: Record<string, unknown> = {};
    for (const name of names) {
      const value = table.columns[name][r];
      row[name] = typeof value === 'number' && !Number.isFinite(value) ? null : value;
    }
    rows.push(row);
  }
  return rows;
}

/** Serialises results.json deterministically (stable key order, two-space indent, trailing newline). */
export function resultsJson(bundle: ResultBundle): string {
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const table of bundle.tables) if (bundle.jsonTables.includes(table.name)) tables[table.name] = rowsOf(table);
  return `${JSON.stringify({ summary: bundle.summary, tables }, null, 2)}\n`;
}

/** Writes the bundle into `outDir` (created if needed); returns the hashes of the data files written. */
export async function writeResultBundle(outDir: string, bundle: ResultBundle): Promise<FileHash[]> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw dataError(`无法创建输出文件夹 ${outDir}`, `cannot create the output folder ${outDir}`, [String(error)]);
  }
  const written: FileHash[] = [];
  const put = async (file: string, data: Uint8Array | string): Promise<void> => {
    await writeFile(path.join(outDir, file), data);
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    written.push({ file, sha256: sha256Hex(data), bytes });
  };
  for (const table of bundle.tables) {
    const uneven = unevenColumn(table);
    if (uneven !== null) throw new Error(`result table ${table.name}: column ${uneven} has a different length`);
    await put(`${table.name}.arrow`, tableToArrowBytes(table, bundle.arrowMetadata));
    await put(`${table.name}.csv`, tableToCsv(table));
  }
  await put('results.json', resultsJson(bundle));
  return written;
}

/** Writes provenance.json (the only file with a timestamp). */
export async function writeProvenance(outDir: string, provenance: Provenance): Promise<void> {
  await writeFile(path.join(outDir, 'provenance.json'), `${JSON.stringify(provenance, null, 2)}\n`);
}
