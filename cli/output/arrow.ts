// Arrow IPC (file format) writer for column tables: typed arrays keep their type, plain columns get Float64/Utf8/Bool.
import { Bool, Float64, Table, Utf8, makeVector, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { Vector } from 'apache-arrow';
import type { Column, ColumnTable } from './column-table.ts';

function toVector(column: Column): Vector {
  if (ArrayBuffer.isView(column)) return makeVector(column);
  const values: readonly unknown[] = column;
  if (values.every((v) => typeof v === 'number' || v === null)) return vectorFromArray(values, new Float64());
  if (values.every((v) => typeof v === 'boolean')) return vectorFromArray(values, new Bool());
  return vectorFromArray(
    values.map((v) => (v === null ? null : String(v))),
    new Utf8(),
  );
}

/** Converts a column table to an apache-arrow Table, optionally with schema metadata. */
export function tableToArrow(table: ColumnTable, metadata?: Record<string, string>): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, column] of Object.entries(table.columns)) vectors[name] = toVector(column);
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
