// Parquet reading in JavaScript (hyparquet): DuckDB-wasm loads its Parquet extension from the network, which an offline
// desktop app and its CSP forbid, so Parquet is decoded here into an Arrow table and inserted like an Arrow file.

import { parquetMetadata, parquetRead } from 'hyparquet';
import { Bool, Float64, Int32, Int64, Table, Utf8 } from 'apache-arrow';
import type { DataType, Vector } from 'apache-arrow';
import { boolVector, float64Vector, int32Vector, int64Vector, utf8Vector } from '../formats/arrow-vectors.ts';

interface SchemaElement {
  name: string;
  type?: string;
  converted_type?: string;
  logical_type?: { type?: string };
  num_children?: number;
}

/** Arrow type for a flat Parquet column (nested columns are refused). */
function arrowTypeOf(e: SchemaElement): DataType {
  const logical = e.logical_type?.type ?? e.converted_type ?? '';
  if (e.type === 'BOOLEAN') return new Bool();
  if (/DATE|TIME|TIMESTAMP|JSON|UUID/.test(logical)) return new Utf8();
  if (e.type === 'INT32') return /UINT_32/.test(logical) ? new Float64() : new Int32();
  if (e.type === 'INT64') return /DECIMAL/.test(logical) ? new Float64() : new Int64();
  if (e.type === 'FLOAT' || e.type === 'DOUBLE' || /DECIMAL/.test(logical)) return new Float64();
  return new Utf8();
}

/** Convert one decoded column to an Arrow vector of `type` (dates and bytes become text, nulls kept; CSP-safe). */
function toVector(values: readonly unknown[], type: DataType): Vector {
  const absent = (v: unknown): v is null | undefined => v === null || v === undefined;
  if (type instanceof Utf8) {
    return utf8Vector(
      values.map((v) => {
        if (absent(v)) return null;
        if (v instanceof Date) return v.toISOString();
        if (v instanceof Uint8Array) return new TextDecoder().decode(v);
        return String(v);
      }),
    );
  }
  if (type instanceof Int64) return int64Vector(values.map((v) => (absent(v) ? null : BigInt(v as bigint | number))));
  if (type instanceof Int32) return int32Vector(values.map((v) => (absent(v) ? null : Number(v))));
  if (type instanceof Bool) return boolVector(values.map((v) => (absent(v) ? null : Boolean(v))));
  return float64Vector(values.map((v) => (absent(v) ? null : Number(v))));
}

/**
 * Refuses metadata whose column chunks do not match the schema's columns one to one. The decoder would otherwise start
 * reading chunks no one awaits, and a corrupt chunk would surface later as an unhandled rejection instead of this error.
 */
function assertChunksMatchSchema(
  groups: readonly { columns: readonly { meta_data?: { path_in_schema?: readonly string[] } }[] }[],
  leaves: readonly SchemaElement[],
): void {
  const names = new Set(leaves.map((e) => e.name));
  for (const group of groups) {
    const chunks = group.columns.map((c) => c.meta_data?.path_in_schema?.[0]);
    if (
      chunks.length !== leaves.length ||
      new Set(chunks).size !== chunks.length ||
      chunks.some((n) => !n || !names.has(n))
    ) {
      throw new Error('Parquet metadata is inconsistent: column chunks do not match the schema');
    }
  }
}

/** Rows a Parquet file declares in its footer, read without decoding any data. */
export function parquetRowCount(bytes: Uint8Array): number {
  return Number(
    parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).num_rows,
  );
}

/** Decode Parquet bytes into an Arrow table (flat schemas; throws with a clear reason otherwise). */
export async function parquetToArrow(bytes: Uint8Array): Promise<Table> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(file);
  const schema = metadata.schema as SchemaElement[];
  const leaves = schema.slice(1);
  if (leaves.some((e) => (e.num_children ?? 0) > 0)) throw new Error('nested Parquet columns are not supported');
  assertChunksMatchSchema(metadata.row_groups, leaves);
  const rows = Number(metadata.num_rows);
  const parts = new Map<string, { start: number; data: ArrayLike<unknown> }[]>();
  await parquetRead({
    file,
    onChunk: (chunk) => {
      const list = parts.get(chunk.columnName) ?? [];
      list.push({ start: chunk.rowStart, data: chunk.columnData });
      parts.set(chunk.columnName, list);
    },
  });
  const vectors: Record<string, Vector> = {};
  for (const e of leaves) {
    const values = new Array<unknown>(rows).fill(null);
    for (const part of parts.get(e.name) ?? []) {
      for (let i = 0; i < part.data.length; i++) values[part.start + i] = part.data[i];
    }
    vectors[e.name] = toVector(values, arrowTypeOf(e));
  }
  return new Table(vectors);
}
