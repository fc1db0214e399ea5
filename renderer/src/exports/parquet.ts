// Result tables as Parquet files through hyparquet-writer, the companion of the hyparquet reader the import uses (DuckDB-
// wasm 1.32.0 cannot run `COPY … TO`: "function signature mismatch" in the browser, a hang in Node). DuckDB, hyparquet,
// pyarrow, pandas and R's arrow read the files back.
import type { DataType, Table } from 'apache-arrow';
import { Bool, Float64, Int32, Uint8, Utf8 } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { BasicType, ColumnSource } from 'hyparquet-writer';

/** The Parquet type of an Arrow column type the result tables use; other types are refused, naming the column. */
function parquetType(name: string, type: DataType): BasicType {
  if (type instanceof Float64) return 'DOUBLE';
  if (type instanceof Int32 || type instanceof Uint8) return 'INT32';
  if (type instanceof Bool) return 'BOOLEAN';
  if (type instanceof Utf8) return 'STRING';
  throw new Error(`column ${name}: type ${String(type)} is not supported by the Parquet export`);
}

/** One Arrow column as hyparquet-writer's column: typed arrays as they are when nothing is null, else values or null. */
function columnSource(table: Table, name: string, type: DataType): ColumnSource {
  const vector = table.getChild(name);
  const basic = parquetType(name, type);
  if (vector === null) throw new Error(`column ${name} is missing from the table`);
  const nullable = vector.nullCount > 0;
  if (!nullable && type instanceof Float64) return { name, type: basic, nullable, data: Float64Array.from(vector) };
  if (!nullable && basic === 'INT32') return { name, type: basic, nullable, data: Int32Array.from(vector) };
  const data: unknown[] = [];
  for (let i = 0; i < table.numRows; i++) data.push(vector.get(i) ?? null);
  return { name, type: basic, nullable, data };
}

/** Writes an Arrow table (Float64, Int32, Uint8, Bool and Utf8 columns; nulls kept) as a Parquet file. */
export function tableToParquet(table: Table, createdBy: string): Uint8Array {
  const columnData = table.schema.fields.map((field) => columnSource(table, field.name, field.type));
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy }));
}

/** The MIME type of Parquet files. */
export const PARQUET_MIME = 'application/vnd.apache.parquet';
