// Native DuckDB (@duckdb/node-api) as the data layer's DuckDbPort, so the CLI imports and validates with the very SQL
// the app runs in DuckDB-wasm, but 64-bit, multi-threaded and spilling to disk: a database file and spill folder in a
// fresh temporary folder (removed on close; one left by a killed process is removed by the next open), a memory limit, files "registered" by writing them there. Results come
// back as Arrow tables built chunk by chunk, one contiguous buffer per column (no row objects); Arrow input is appended
// through data chunks.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DuckDBDataChunk,
  DuckDBInstance,
  DuckDBTypeId,
  BIGINT,
  BLOB,
  BOOLEAN,
  DOUBLE,
  FLOAT,
  INTEGER,
  SMALLINT,
  TINYINT,
  UBIGINT,
  UINTEGER,
  USMALLINT,
  UTINYINT,
  VARCHAR,
} from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBType, DuckDBVector } from '@duckdb/node-api';
import {
  Bool,
  DataType,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  makeData,
  tableFromIPC,
  vectorFromArray,
} from 'apache-arrow';
import type { Data, Table as ArrowTable } from 'apache-arrow';
import type { DuckDbPort } from '../../datasets/index.ts';
import { ident } from '../../datasets/index.ts';

/** Settings of the native database. */
export interface NativeOptions {
  /** Worker threads (default: the machine's cores). */
  threads?: number;
  /** DuckDB memory limit, e.g. "4GB" (default: SAFETYNET_DUCKDB_MEMORY, else 4GB); past it DuckDB spills to disk. */
  memoryLimit?: string;
  /** Parent of the temporary folder (default: SAFETYNET_TMPDIR, else the system's). */
  tempParent?: string;
}

/** An open native database and its port. */
export interface NativeDatabase {
  connection: DuckDBConnection;
  port: DuckDbPort;
  version: string;
  /** The temporary folder holding the database file, spill files and registered files. */
  dir: string;
  close(): void;
}

type NumericArray =
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array
  | Float32Array
  | Float64Array;
type NumericCtor = { new (n: number): NumericArray };

/** DuckDB numeric type ids read as typed arrays, with their Arrow type. */
const NUMERIC: Partial<Record<DuckDBTypeId, { ctor: NumericCtor; arrow: () => DataType }>> = {
  [DuckDBTypeId.TINYINT]: { ctor: Int8Array, arrow: () => new Int8() },
  [DuckDBTypeId.SMALLINT]: { ctor: Int16Array, arrow: () => new Int16() },
  [DuckDBTypeId.INTEGER]: { ctor: Int32Array, arrow: () => new Int32() },
  [DuckDBTypeId.BIGINT]: { ctor: BigInt64Array, arrow: () => new Int64() },
  [DuckDBTypeId.UTINYINT]: { ctor: Uint8Array, arrow: () => new Uint8() },
  [DuckDBTypeId.USMALLINT]: { ctor: Uint16Array, arrow: () => new Uint16() },
  [DuckDBTypeId.UINTEGER]: { ctor: Uint32Array, arrow: () => new Uint32() },
  [DuckDBTypeId.UBIGINT]: { ctor: BigUint64Array, arrow: () => new Uint64() },
  [DuckDBTypeId.FLOAT]: { ctor: Float32Array, arrow: () => new Float32() },
  [DuckDBTypeId.DOUBLE]: { ctor: Float64Array, arrow: () => new Float64() },
};

const BLOCK_ROWS = 1 << 20;

/** One result column gathered chunk by chunk: numbers into blocks of typed arrays, anything else as JS values. */
class ColumnGatherer {
  private blocks: NumericArray[] = [];
  private filled = 0;
  private values: unknown[] = [];
  private nulls: number[] = [];
  rows = 0;

  constructor(
    readonly name: string,
    private readonly typeId: DuckDBTypeId,
  ) {}

  add(vector: DuckDBVector, count: number): void {
    const numeric = NUMERIC[this.typeId];
    const items = (vector as unknown as { items?: NumericArray }).items;
    if (numeric && items) {
      let done = 0;
      while (done < count) {
        let block = this.blocks[this.blocks.length - 1];
        if (!block || this.filled === block.length) {
          // Blocks start at the first chunk's size and double up to BLOCK_ROWS: a one-row result (a validation count of
          // a hundred columns) must not zero-fill 8 MB per column.
          const size = Math.min(BLOCK_ROWS, Math.max(count - done, this.rows + done));
          block = new numeric.ctor(size);
          this.blocks.push(block);
          this.filled = 0;
        }
        const n = Math.min(count - done, block.length - this.filled);
        (block as Float64Array).set(items.subarray(done, done + n) as unknown as Float64Array, this.filled);
        this.filled += n;
        done += n;
      }
      if ((vector as unknown as { validity?: { data: unknown } }).validity?.data) {
        for (let i = 0; i < count; i++) if (vector.getItem(i) === null) this.nulls.push(this.rows + i);
      }
    } else {
      for (let i = 0; i < count; i++) this.values.push(toJs(vector.getItem(i)));
    }
    this.rows += count;
  }

  /** The column as one Arrow Data (the blocks are copied into one buffer and dropped). */
  finish(): Data {
    const numeric = NUMERIC[this.typeId];
    if (!numeric) {
      const values = this.values;
      this.values = [];
      return vectorFromArray(values, plainType(values)).data[0] as Data;
    }
    let all: NumericArray;
    if (this.blocks.length === 0) all = new numeric.ctor(0);
    else if (this.blocks.length === 1 && this.rows < BLOCK_ROWS) all = this.blocks[0].subarray(0, this.rows);
    else {
      // Large results land in shared memory, so the engine's worker threads can read them without another copy.
      const bytes = this.rows * this.blocks[0].BYTES_PER_ELEMENT;
      all =
        this.rows < BLOCK_ROWS
          ? new numeric.ctor(this.rows)
          : new (numeric.ctor as unknown as { new (b: SharedArrayBuffer): NumericArray })(new SharedArrayBuffer(bytes));
      let at = 0;
      for (const block of this.blocks.splice(0)) {
        const n = Math.min(block.length, this.rows - at);
        (all as Float64Array).set(block.subarray(0, n) as unknown as Float64Array, at);
        at += n;
      }
    }
    this.blocks = [];
    let nullBitmap: Uint8Array | undefined;
    if (this.nulls.length > 0) {
      nullBitmap = new Uint8Array(Math.ceil(this.rows / 8)).fill(0xff);
      for (const row of this.nulls) nullBitmap[row >> 3] &= ~(1 << (row & 7));
    }
    return makeData({
      type: numeric.arrow() as Float64,
      length: this.rows,
      nullCount: this.nulls.length,
      data: all as unknown as Float64Array,
      ...(nullBitmap ? { nullBitmap } : {}),
    }) as Data;
  }
}

/** The Arrow type for JS values read one by one: 64-bit integers, numbers, booleans, else text. */
function plainType(values: readonly unknown[]): DataType {
  const kinds = new Set(values.filter((v) => v !== null && v !== undefined).map((v) => typeof v));
  if (kinds.size === 1 && kinds.has('bigint')) return new Int64();
  if (kinds.size === 1 && kinds.has('number')) return new Float64();
  if (kinds.size === 1 && kinds.has('boolean')) return new Bool();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && typeof v !== 'string') (values as unknown[])[i] = String(v);
  }
  return new Utf8();
}

/** A DuckDB value as the plain JS value an Arrow column of the wasm build would give (numbers, strings, booleans). */
function toJs(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value;
  const decimal = value as { toDouble?: () => number };
  if (typeof decimal.toDouble === 'function') return decimal.toDouble();
  return String(value);
}

/** Runs `sql` and returns its result as an Arrow table with one contiguous buffer per column. */
export async function queryArrow(connection: DuckDBConnection, sql: string): Promise<ArrowTable> {
  const result = await connection.stream(sql);
  const names = result.columnNames();
  const gatherers = names.map((name, i) => new ColumnGatherer(name, result.columnTypeId(i)));
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    gatherers.forEach((g, i) => g.add(chunk.getColumnVector(i), n));
  }
  const rows = gatherers[0]?.rows ?? 0;
  const children = gatherers.map((g) => g.finish());
  const fields = children.map((d, i) => new Field(names[i], d.type, true));
  const schema = new Schema(fields);
  const struct = makeData({ type: new Struct(fields), length: rows, nullCount: 0, children });
  return new Table([new RecordBatch(schema, struct)]);
}

/** The DuckDB column type for an Arrow column (text for anything without a plain equivalent). */
function duckTypeOf(type: DataType): { sql: string; duck: DuckDBType } {
  if (DataType.isDictionary(type)) return duckTypeOf(type.dictionary);
  if (DataType.isBool(type)) return { sql: 'BOOLEAN', duck: BOOLEAN };
  if (DataType.isInt(type)) {
    const t = { 8: [TINYINT, UTINYINT], 16: [SMALLINT, USMALLINT], 32: [INTEGER, UINTEGER], 64: [BIGINT, UBIGINT] }[
      type.bitWidth
    ];
    const duck = type.isSigned ? t[0] : t[1];
    return { sql: duck.toString(), duck };
  }
  if (DataType.isFloat(type)) {
    return type.precision === 1 ? { sql: 'FLOAT', duck: FLOAT } : { sql: 'DOUBLE', duck: DOUBLE };
  }
  if (DataType.isBinary(type) || DataType.isLargeBinary(type)) return { sql: 'BLOB', duck: BLOB };
  return { sql: 'VARCHAR', duck: VARCHAR };
}

/**
 * Appends the rows of an Arrow table to DuckDB table `name` (created from the Arrow schema first when `create`), in
 * data chunks: numeric columns copied as typed arrays, others value by value.
 */
export async function appendArrow(
  connection: DuckDBConnection,
  name: string,
  table: ArrowTable,
  create: boolean,
): Promise<void> {
  const fields = table.schema.fields;
  const types = fields.map((f) => duckTypeOf(f.type as DataType));
  if (create) {
    const cols = fields.map((f, i) => `${ident(f.name)} ${types[i].sql}`).join(', ');
    await connection.run(`CREATE TABLE ${ident(name)} (${cols})`);
  }
  if (table.numRows === 0) return;
  const appender = await connection.createAppender(name);
  try {
    const size = 2048;
    for (const batch of table.batches) {
      const columns = fields.map((_, c) => batch.getChildAt(c));
      for (let start = 0; start < batch.numRows; start += size) {
        const n = Math.min(size, batch.numRows - start);
        const chunk = DuckDBDataChunk.create(
          types.map((t) => t.duck),
          n,
        );
        columns.forEach((column, c) => {
          const vector = chunk.getColumnVector(c);
          const items = (vector as unknown as { items?: NumericArray }).items;
          const data = column?.data.length === 1 ? column.data[0] : undefined;
          const plain =
            data &&
            data.nullCount === 0 &&
            items &&
            ArrayBuffer.isView(data.values) &&
            (data.values as NumericArray).constructor === items.constructor;
          if (plain) {
            const values = data.values as NumericArray;
            (items as Float64Array).set(values.subarray(start, start + n) as unknown as Float64Array);
          } else {
            for (let i = 0; i < n; i++) {
              const v: unknown = column?.get(start + i);
              vector.setItem(i, v === null || v === undefined ? null : (toDuck(v, types[c].sql) as never));
            }
          }
          vector.flush();
        });
        appender.appendDataChunk(chunk);
      }
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** An Arrow value as what the DuckDB vector of `sql` type accepts. */
function toDuck(v: unknown, sql: string): unknown {
  if (sql === 'VARCHAR') return typeof v === 'string' ? v : String(v);
  if (sql === 'BIGINT' || sql === 'UBIGINT') return typeof v === 'bigint' ? v : BigInt(v as number);
  if (sql === 'BLOB') return v instanceof Uint8Array ? v : new TextEncoder().encode(String(v));
  if (sql === 'BOOLEAN') return Boolean(v);
  return typeof v === 'bigint' ? Number(v) : v;
}

const TEMP_PREFIX = 'safetynet-duckdb-';
/** The file in a temporary folder naming the process that owns it. */
const OWNER_FILE = 'owner.pid';

/** True while process `pid` exists (one of another user's processes counts: it cannot be signalled but is alive). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary folders in `parent` whose owning process no longer runs: a run killed mid-read (kill -9, power
 * loss) cannot remove its own, and at national scale each holds a copy the size of the input file. Folders of running
 * processes, and folders without an owner file, are left alone.
 */
export function removeOrphanedTempFolders(parent: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent).filter((name) => name.startsWith(TEMP_PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const dir = path.join(parent, name);
    let pid: number;
    try {
      pid = Number(readFileSync(path.join(dir, OWNER_FILE), 'utf8'));
    } catch {
      continue;
    }
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || processAlive(pid)) continue;
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

/** Opens a native DuckDB in a fresh temporary folder, with a memory limit and spilling to disk. */
export async function openNativeDatabase(options: NativeOptions = {}): Promise<NativeDatabase> {
  const parent = options.tempParent ?? process.env.SAFETYNET_TMPDIR ?? os.tmpdir();
  removeOrphanedTempFolders(parent);
  const dir = mkdtempSync(path.join(parent, TEMP_PREFIX));
  const files = path.join(dir, 'files');
  try {
    writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
    const instance = await DuckDBInstance.create(path.join(dir, 'work.duckdb'), {
      threads: String(options.threads ?? Math.max(1, os.availableParallelism())),
      memory_limit: options.memoryLimit ?? process.env.SAFETYNET_DUCKDB_MEMORY ?? '4GB',
      temp_directory: path.join(dir, 'spill'),
      preserve_insertion_order: 'true',
      // The Parquet copy of a large Arrow file is read a few times from the page cache; keeping its blocks in DuckDB's
      // memory as well only adds to the peak while the engine's columns are held in JavaScript.
      enable_external_file_cache: 'false',
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    const connection = await instance.connect();
    rmSync(files, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(files));
    await connection.run(`SET file_search_path = '${files.replaceAll("'", "''")}'`);
    const version = String((await connection.runAndReadAll('SELECT version() AS v')).getRowObjects()[0]?.v);
    const fileOf = (name: string): string => path.join(files, path.basename(name));
    const port: DuckDbPort = {
      registerFileBuffer: (name, bytes) => writeFileSync(fileOf(name), bytes),
      dropFile: (name) => rmSync(fileOf(name), { force: true }),
      insertArrowFromIPCStream: async (bytes, { name, create }) =>
        appendArrow(connection, name, tableFromIPC(bytes), create ?? false),
      query: (sql) => queryArrow(connection, sql),
    };
    return {
      connection,
      port,
      version,
      dir,
      close() {
        connection.closeSync();
        instance.closeSync();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
