// Writes a run's result tables to an output folder as Arrow, CSV (UTF-8 with BOM) and JSON, plus provenance.json.
// Data files depend only on the inputs, so the same inputs and seed give byte-identical files; only provenance.json
// carries a timestamp. The bundle is written whole into a temporary folder beside the target (each file fsynced,
// provenance.json last), then swapped in by rename; the previous bundle stays in place until the new one is complete,
// so a killed process or a full disk leaves a complete old or a complete new bundle, never a mixture.
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { dataError, systemReason } from '../errors.ts';
import { arrowPieces, tableToArrowBytes } from './arrow.ts';
import type { ColumnTable } from './column-table.ts';
import { rowCount, unevenColumn } from './column-table.ts';
import { csvPieces, tableToCsv } from './csv.ts';
import { BUNDLE_MARKER } from './out-path.ts';
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

/** The file operations the writer uses; tests replace `writeFile` to simulate a full or read-only disk. */
export interface BundleFs {
  /** Creates `file` (new), writes `data`, fsyncs and closes it. */
  writeFile(file: string, data: Uint8Array | string): Promise<void>;
  /** Like writeFile with the data given piece by piece (large tables are never held whole); else joined. */
  writeChunks?(file: string, pieces: Iterable<Uint8Array>): Promise<void>;
}

/** The real file system: exclusive create, write, fsync, close. */
export const NODE_BUNDLE_FS: BundleFs = {
  async writeFile(file, data) {
    const handle = await open(file, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async writeChunks(file, pieces) {
    const handle = await open(file, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o644);
    try {
      for (const piece of pieces) await handle.write(piece);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

/** Tables with more rows than this are written piece by piece (Arrow record batches, CSV blocks of rows). */
export const STREAM_ROWS = 1 << 20;

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

/** Names of the temporary and retired folders beside `outDir` (hidden, unique per process). */
function sideFolder(outDir: string, kind: 'tmp' | 'old'): string {
  return path.join(
    path.dirname(outDir),
    `.${path.basename(outDir)}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
}

/** A bilingual data error for a failed write, naming the path and saying why in plain words (no stack trace). */
export function writeFailure(target: string, error: unknown): Error {
  const reason = systemReason(error);
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return dataError(
    `无法写入 ${target}：${reason?.zh ?? '写入失败'}；原有结果保持不变`,
    `cannot write ${target}: ${reason?.en ?? 'the write failed'}; any previous results are unchanged`,
    [detail],
  );
}

/** fsyncs a folder so renames inside it survive power loss (ignored where folders cannot be opened). */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    return;
  }
}

/**
 * Writes the bundle atomically into `outDir`: every file into a temporary folder beside it (fsynced), provenance.json
 * last when `provenance` is given (it receives the hashes of the data files), then the old folder is moved aside, the
 * new one renamed into place and the old one deleted. On any failure the temporary folder is removed, the previous
 * bundle is left as it was, and a bilingual error names the path. Returns the hashes of the data files written.
 */
export async function writeResultBundle(
  outDir: string,
  bundle: ResultBundle,
  provenance?: (outputs: FileHash[]) => Provenance | Promise<Provenance>,
  fs: BundleFs = NODE_BUNDLE_FS,
): Promise<FileHash[]> {
  for (const table of bundle.tables) {
    const uneven = unevenColumn(table);
    if (uneven !== null) throw new Error(`result table ${table.name}: column ${uneven} has a different length`);
  }
  await recoverInterruptedBundle(outDir);
  const parent = path.dirname(outDir);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw writeFailure(parent, error);
  }
  const temp = sideFolder(outDir, 'tmp');
  const written: FileHash[] = [];
  let current = temp;
  try {
    await mkdir(temp);
    const put = async (file: string, data: Uint8Array | string): Promise<void> => {
      current = path.join(outDir, file);
      await fs.writeFile(path.join(temp, file), data);
      const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
      written.push({ file, sha256: sha256Hex(data), bytes });
    };
    const putPieces = async (file: string, pieces: Iterable<Uint8Array>): Promise<void> => {
      current = path.join(outDir, file);
      const hash = createHash('sha256');
      let bytes = 0;
      const counted = function* (): Generator<Uint8Array> {
        for (const piece of pieces) {
          hash.update(piece);
          bytes += piece.byteLength;
          yield piece;
        }
      };
      if (fs.writeChunks) await fs.writeChunks(path.join(temp, file), counted());
      else await fs.writeFile(path.join(temp, file), Buffer.concat([...counted()]));
      written.push({ file, sha256: hash.digest('hex'), bytes });
    };
    for (const table of bundle.tables) {
      if (rowCount(table) > STREAM_ROWS) {
        await putPieces(`${table.name}.arrow`, arrowPieces(table, STREAM_ROWS, bundle.arrowMetadata));
        await putPieces(`${table.name}.csv`, csvPieces(table, STREAM_ROWS >> 4));
        continue;
      }
      await put(`${table.name}.arrow`, tableToArrowBytes(table, bundle.arrowMetadata));
      await put(`${table.name}.csv`, tableToCsv(table));
    }
    await put('results.json', resultsJson(bundle));
    if (provenance !== undefined) {
      const record = await provenance([...written]);
      current = path.join(outDir, BUNDLE_MARKER);
      await fs.writeFile(path.join(temp, BUNDLE_MARKER), `${JSON.stringify(record, null, 2)}\n`);
    }
    await syncFolder(temp);
    current = outDir;
    await swapIn(temp, outDir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    if (error instanceof Error && error.name === 'CliError') throw error;
    throw writeFailure(current, error);
  }
  return written;
}

/** Moves `fresh` to `target`, keeping the previous `target` until the rename has happened, then deletes it. */
async function swapIn(fresh: string, target: string): Promise<void> {
  let old: string | undefined;
  try {
    await stat(target);
    old = sideFolder(target, 'old');
    await rename(target, old);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
  try {
    await rename(fresh, target);
  } catch (error) {
    if (old !== undefined) await rename(old, target).catch(() => undefined);
    throw error;
  }
  await syncFolder(path.dirname(target));
  // The new bundle is in place; a retired folder that cannot be removed now is removed by the next run's recovery.
  if (old !== undefined) await rm(old, { recursive: true, force: true }).catch(() => undefined);
}

/** The hashes recorded in a bundle's provenance.json, or null when it has none or it does not parse. */
async function recordedOutputs(dir: string): Promise<FileHash[] | null> {
  try {
    const parsed = JSON.parse(await readFile(path.join(dir, BUNDLE_MARKER), 'utf8')) as { outputs?: FileHash[] };
    return Array.isArray(parsed.outputs) ? parsed.outputs : null;
  } catch {
    return null;
  }
}

/**
 * True when `dir` holds a complete bundle: provenance.json parses, every data file it lists exists with the recorded
 * size and SHA-256, and there is no other file.
 */
export async function isCompleteBundle(dir: string): Promise<boolean> {
  const outputs = await recordedOutputs(dir);
  if (outputs === null) return false;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return false;
  }
  const expected = new Set([BUNDLE_MARKER, ...outputs.map((o) => o.file)]);
  if (names.length !== expected.size || names.some((n) => !expected.has(n))) return false;
  for (const output of outputs) {
    try {
      const bytes = await readFile(path.join(dir, output.file));
      if (bytes.byteLength !== output.bytes || sha256Hex(bytes) !== output.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** True when the side folder `name` belongs to another process that is still running (it may be writing it now). */
function writerAlive(name: string): boolean {
  const pid = Number(/-(\d+)-[0-9a-f]{8}$/.exec(name)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * Finishes what a killed writer left beside `outDir`: when `outDir` is missing (killed between the two renames of the
 * swap) the newest complete retired or temporary folder is put back in place; leftover temporary and retired folders
 * are then removed, except those of a writer still running. Returns true when a bundle was restored.
 */
export async function recoverInterruptedBundle(outDir: string): Promise<boolean> {
  const parent = path.dirname(outDir);
  const prefix = `.${path.basename(outDir)}.`;
  let names: string[];
  try {
    names = (await readdir(parent)).filter(
      (n) => n.startsWith(prefix) && /\.(tmp|old)-\d+-[0-9a-f]{8}$/.test(n) && !writerAlive(n),
    );
  } catch {
    return false;
  }
  if (names.length === 0) return false;
  let restored = false;
  let missing = false;
  try {
    await stat(outDir);
  } catch {
    missing = true;
  }
  if (missing) {
    // A complete temporary folder is newer than a retired one: the swap had moved the old bundle aside already.
    const ordered = [...names.filter((n) => n.includes('.tmp-')), ...names.filter((n) => n.includes('.old-'))];
    for (const name of ordered) {
      if (await isCompleteBundle(path.join(parent, name))) {
        await rename(path.join(parent, name), outDir);
        restored = true;
        break;
      }
    }
  }
  for (const name of names) await rm(path.join(parent, name), { recursive: true, force: true });
  await syncFolder(parent);
  return restored;
}
