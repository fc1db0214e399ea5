// Inserts a decoded Arrow table into DuckDB as a series of self-contained IPC streams of whole row groups, about 20 MB
// each (the first creates the table, the others append, in row order). DuckDB-wasm copies every stream into its heap
// before reading it; in pieces, that copy reuses the same megabytes instead of growing the heap by the whole file, and
// DuckDB starts on the first piece while the next ones are being encoded. The pieces are re-encoded from the decoded
// table, so its layout is checked first: DuckDB and the hand-off then read exactly the same values.

import { DataType, Table, Type, tableToIPC } from 'apache-arrow';
import type { Data, RecordBatch, Table as ArrowTable } from 'apache-arrow';
import type { DuckDbPort } from './duckdb-port.ts';

/**
 * Why a column's buffers cannot hold what its header claims (too short, offsets out of order or out of bounds,
 * dictionary indices out of range), or undefined when they can. A corrupt file is refused on this instead of being
 * read past its buffers. Arrow JS conventions: `offset` counts into validity bitmaps and boolean values (bits), while
 * value and offset buffers already start at the first row.
 */
function layoutProblem(data: Data, path: string): string | undefined {
  const { offset, length, type } = data;
  if (!(offset >= 0 && length >= 0)) return `${path}: negative offset or length`;
  const bitmap = data.nullBitmap as Uint8Array | undefined;
  if (bitmap && bitmap.length > 0 && bitmap.length * 8 < offset + length)
    return `${path}: validity bitmap shorter than the column`;
  const values = data.values as ArrayLike<unknown> | undefined;
  const valuesLength = values?.length ?? 0;
  const variable = (childLength: number): string | undefined => {
    const offsets = data.valueOffsets as ArrayLike<number | bigint> | undefined;
    if (length === 0) return undefined;
    if (!offsets || offsets.length < length + 1) return `${path}: offsets shorter than the column`;
    let previous = Number(offsets[0]);
    if (previous < 0) return `${path}: negative offset`;
    for (let i = 1; i <= length; i++) {
      const next = Number(offsets[i]);
      if (next < previous) return `${path}: offsets out of order at row ${i}`;
      previous = next;
    }
    return previous > childLength ? `${path}: offsets past the end of the data` : undefined;
  };
  switch (type.typeId) {
    case Type.Null:
      return undefined;
    case Type.Bool:
      return valuesLength * 8 < offset + length ? `${path}: values shorter than the column` : undefined;
    case Type.Utf8:
    case Type.Binary:
    case Type.LargeUtf8:
    case Type.LargeBinary:
      return variable(valuesLength);
    case Type.List:
    case Type.Map: {
      const child = data.children[0] as Data | undefined;
      if (!child) return `${path}: list without values`;
      return variable(child.length) ?? layoutProblem(child, `${path}[]`);
    }
    case Type.FixedSizeList: {
      const child = data.children[0] as Data | undefined;
      if (!child || child.length < length * data.stride) return `${path}: list values shorter than the column`;
      return layoutProblem(child, `${path}[]`);
    }
    case Type.Struct: {
      for (const [i, child] of (data.children as Data[]).entries()) {
        if (child.length < length) return `${path}.${i}: shorter than the column`;
        const problem = layoutProblem(child, `${path}.${i}`);
        if (problem) return problem;
      }
      return undefined;
    }
    case Type.Dictionary: {
      if (valuesLength < length) return `${path}: dictionary indices shorter than the column`;
      const dictionary = data.dictionary;
      if (!dictionary) return `${path}: dictionary missing`;
      for (const chunk of dictionary.data) {
        const problem = layoutProblem(chunk, `${path} (dictionary)`);
        if (problem) return problem;
      }
      const size = dictionary.length;
      const indices = values as ArrayLike<number | bigint>;
      for (let i = 0; i < length; i++) {
        if (!data.getValid(i)) continue;
        const index = Number(indices[i]);
        if (!(index >= 0 && index < size)) return `${path}: dictionary index out of range at row ${i + 1}`;
      }
      return undefined;
    }
    default:
      if (DataType.isUnion(type)) return `${path}: union columns are not supported`;
      // Fixed-width values: integers, floats, decimals, dates, times, timestamps, intervals, durations, binary(n).
      return valuesLength < length * data.stride ? `${path}: values shorter than the column` : undefined;
  }
}

/** Throws, naming the column, if a decoded table's buffers cannot hold the rows its headers claim. */
export function assertArrowLayout(table: ArrowTable): void {
  for (const batch of table.batches as RecordBatch[]) {
    batch.schema.fields.forEach((field, i) => {
      const data = batch.data.children[i] as Data | undefined;
      const problem = data ? layoutProblem(data, field.name) : `${field.name}: no data`;
      if (problem) throw new Error(`column ${problem}`);
    });
  }
}

/** Target size of one inserted piece (bytes of Arrow data). */
export const INSERT_CHUNK_BYTES = 20 << 20;

/**
 * Rows in one of DuckDB's row groups. Pieces are whole row groups so that each append hands DuckDB complete groups,
 * which it takes over as they are instead of copying a partial one again when the append commits.
 */
export const DUCKDB_ROW_GROUP_ROWS = 122_880;

/** Rows per piece: whole row groups, as many as make about `chunkBytes` of data (at least one). */
function rowsPerChunk(table: ArrowTable, chunkBytes: number): number {
  let bytes = 0;
  for (const batch of table.batches) bytes += batch.data.byteLength;
  const perRow = table.numRows > 0 ? Math.max(1, bytes / table.numRows) : 1;
  return DUCKDB_ROW_GROUP_ROWS * Math.max(1, Math.round(chunkBytes / perRow / DUCKDB_ROW_GROUP_ROWS));
}

/**
 * Consecutive row slices of `table` as IPC streams (schema, the slice's record batches, end marker), in row order,
 * `rows` rows each (the last may be shorter; default whole row groups of about {@link INSERT_CHUNK_BYTES}); small
 * record batches are gathered into one piece. A table without rows gives one stream holding only its schema, so the
 * DuckDB table is still created with its columns.
 */
export function* ipcStreamChunks(
  table: ArrowTable,
  chunkBytes = INSERT_CHUNK_BYTES,
  rows = rowsPerChunk(table, chunkBytes),
): Generator<Uint8Array> {
  let piece: RecordBatch[] = [];
  let pieceRows = 0;
  let any = false;
  for (const batch of table.batches as RecordBatch[]) {
    for (let start = 0; start < batch.numRows;) {
      const take = Math.min(rows - pieceRows, batch.numRows - start);
      piece.push(start === 0 && take === batch.numRows ? batch : batch.slice(start, start + take));
      pieceRows += take;
      start += take;
      if (pieceRows === rows) {
        any = true;
        yield tableToIPC(new Table(piece), 'stream');
        piece = [];
        pieceRows = 0;
      }
    }
  }
  if (pieceRows > 0) yield tableToIPC(new Table(piece), 'stream');
  else if (!any) yield tableToIPC(table, 'stream');
}

/**
 * Create DuckDB table `name` (it must not exist) from `table`, piece by piece. Every piece is handed to DuckDB before
 * the first one is awaited, so with an asynchronous client (DuckDB in a worker) the caller's next statements run while
 * DuckDB inserts. Rejects with the first failure once every piece has settled.
 */
export async function insertArrowTable(db: DuckDbPort, name: string, table: ArrowTable, rows?: number): Promise<void> {
  const pending: Promise<unknown>[] = [];
  let create = true;
  for (const stream of ipcStreamChunks(table, INSERT_CHUNK_BYTES, rows)) {
    try {
      // Called synchronously: an asynchronous client posts the piece to its worker right here.
      pending.push(Promise.resolve(db.insertArrowFromIPCStream(stream, { name, create })));
    } catch (error) {
      // A synchronous client failed on this piece: the rest would fail too.
      pending.push(Promise.reject(error instanceof Error ? error : new Error(String(error))));
      break;
    }
    create = false;
  }
  const settled = await Promise.allSettled(pending);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
}
