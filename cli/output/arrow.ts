// Arrow IPC (file format) writer for column tables: typed arrays keep their type, plain columns get Float64/Utf8/Bool
// (the project's one CSP-safe vector builder, datasets/formats/arrow-vectors.ts).
import { RecordBatchFileWriter, Table, tableToIPC } from 'apache-arrow';
import type { Vector } from 'apache-arrow';
import { columnVector } from '../../datasets/index.ts';
import type { ColumnTable } from './column-table.ts';
import { PieceSink } from './arrow-file-sink.ts';

/** Converts a column table to an apache-arrow Table, optionally with schema metadata. */
export function tableToArrow(table: ColumnTable, metadata?: Record<string, string>): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, column] of Object.entries(table.columns)) vectors[name] = columnVector(column);
  const arrow = new Table(vectors);
  if (metadata !== undefined) {
    for (const [key, value] of Object.entries(metadata)) arrow.schema.metadata.set(key, value);
  }
  return arrow;
}

/** Serialises a column table as Arrow IPC file bytes (deterministic for equal input). */
export function tableToArrowBytes(table: ColumnTable, metadata?: Record<string, string>): Uint8Array {
  return tableToIPC(tableToArrow(table, metadata), 'file');
}

/** Arrow IPC file bytes of a large column table as pieces, written record batch by record batch of `rows` rows. */
export function* arrowPieces(
  table: ColumnTable,
  rows: number,
  metadata?: Record<string, string>,
): Generator<Uint8Array> {
  const arrow = tableToArrow(table, metadata);
  const sink = new PieceSink();
  const writer = new RecordBatchFileWriter();
  writer.reset(sink, arrow.schema);
  for (const batch of arrow.batches) {
    for (let from = 0; from < batch.numRows; from += rows) {
      writer.write(batch.slice(from, Math.min(batch.numRows, from + rows)));
      yield* sink.take();
    }
  }
  writer.finish();
  yield* sink.take();
}
