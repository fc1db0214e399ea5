// The Arrow → Parquet copy read back by native DuckDB: every written type with nulls, sliced and multi-batch input,
// the DuckDB column types the appender would give, row numbers in file order; unsupported types are declined.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Binary,
  Bool,
  DateDay,
  Float32,
  Float64,
  Int16,
  Int64,
  Int8,
  Table,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { ArrowParquetWriter } from './arrow-parquet.ts';
import { appendArrow, openNativeDatabase } from '../duckdb/native-port.ts';
import type { NativeDatabase } from '../duckdb/native-port.ts';

let native: NativeDatabase;
let dir: string;

beforeAll(async () => {
  native = await openNativeDatabase({ threads: 1, memoryLimit: '256MB' });
  dir = mkdtempSync(path.join(tmpdir(), 'arrow-parquet-'));
});

afterAll(() => {
  native?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Writes the batches to a new Parquet file and returns its path. */
async function written(table: Table, name: string, slices = false): Promise<string> {
  const file = path.join(dir, `${name}.parquet`);
  const writer = await ArrowParquetWriter.create(file, table.schema.fields);
  if (!writer) throw new Error('declined');
  for (const batch of table.batches) {
    if (slices) {
      await writer.write(batch.slice(0, 3));
      await writer.write(batch.slice(3));
    } else await writer.write(batch);
  }
  await writer.close();
  return file;
}

const rowsOf = async (sql: string): Promise<unknown[][]> => (await native.connection.runAndReadAll(sql)).getRows();

describe('ArrowParquetWriter', () => {
  const table = new Table({
    text: vectorFromArray(['a', null, 'ccc', '', '户主 110105', null, 'x'], new Utf8()),
    flag: vectorFromArray([true, false, null, true, true, false, null], new Bool()),
    big: vectorFromArray([1n, null, -3n, 2n ** 40n, 5n, 6n, 7n], new Int64()),
    ubig: vectorFromArray([1n, 2n, 3n, 2n ** 63n, 5n, null, 7n], new Uint64()),
    single: vectorFromArray([1.5, 2, null, 4, 5, 6, 7], new Float32()),
    double: vectorFromArray([0.1, -2.5, 3, null, Number.NaN, 1e300, 7], new Float64()),
    tiny: vectorFromArray([-1, 2, 3, null, 5, 6, -128], new Int8()),
    small: vectorFromArray([-300, 2, 3, 4, 5, 6, 32767], new Int16()),
    byte: vectorFromArray([0, 255, 3, 4, 5, 6, 7], new Uint8()),
    word: vectorFromArray([4_000_000_000, 2, 3, 4, null, 6, 7], new Uint32()),
    bytes: vectorFromArray(
      [new Uint8Array([1, 2]), null, new Uint8Array([]), new Uint8Array([65]), null, new Uint8Array([0]), null],
      new Binary(),
    ),
  });

  it('gives the values, nulls and row order back, whole or cut into slices', async () => {
    for (const slices of [false, true]) {
      const file = await written(table, `all-${String(slices)}`, slices);
      const got = await rowsOf(
        `SELECT file_row_number, text, flag, big, ubig, single, double, tiny, small, byte, word, hex(bytes) FROM read_parquet('${file}') ORDER BY file_row_number`,
      );
      const expected = Array.from({ length: table.numRows }, (_, i) => {
        const row = table.get(i)?.toJSON() as Record<string, unknown>;
        const bytes = row.bytes as Uint8Array | null;
        return [
          BigInt(i),
          row.text,
          row.flag,
          row.big,
          row.ubig,
          row.single,
          row.double,
          row.tiny,
          row.small,
          row.byte,
          row.word,
          bytes ? Buffer.from(bytes).toString('hex').toUpperCase() : null,
        ];
      });
      expect(got).toEqual(expected);
    }
  });

  it('gives each column the DuckDB type the appender gives it', async () => {
    const file = await written(table, 'types');
    const plain = table.select(['text', 'flag', 'big', 'ubig', 'single', 'double', 'tiny', 'small', 'byte', 'word']);
    await appendArrow(native.connection, 'appended', plain, true);
    const parquetTypes = await rowsOf(
      `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${file}'))`,
    );
    const tableTypes = await rowsOf(`SELECT column_name, column_type FROM (DESCRIBE appended)`);
    expect(parquetTypes.filter((r) => r[0] !== 'bytes')).toEqual(tableTypes);
    expect(parquetTypes.find((r) => r[0] === 'bytes')?.[1]).toBe('BLOB');
  });

  it('declines a schema with a type it does not write (the appender takes those files)', async () => {
    const dates = new Table({ day: vectorFromArray([new Date(0)], new DateDay()) });
    expect(await ArrowParquetWriter.create(path.join(dir, 'dates.parquet'), dates.schema.fields)).toBeUndefined();
  });
});
