// A small Parquet writer for the result panel: one row group, one uncompressed PLAIN data page per column, optional
// columns with RLE/bit-packed definition levels, metadata in Thrift compact protocol. It exists because DuckDB-wasm
// 1.32.0 cannot run `COPY … TO` (browser: "function signature mismatch"; Node: hangs); DuckDB reads these files back
// (tested), and so do pyarrow, pandas and R's arrow, which only need the core format.
import type { Table } from 'apache-arrow';
import { Bool, Float64, Int32, Uint8, Utf8 } from 'apache-arrow';

/** Growable little-endian byte buffer. */
class Bytes {
  private buffer = new Uint8Array(1024);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value & 0xff;
  }

  bytes(values: Uint8Array): void {
    this.reserve(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
  }

  int32(value: number): void {
    this.reserve(4);
    new DataView(this.buffer.buffer).setInt32(this.length, value, true);
    this.length += 4;
  }

  float64(value: number): void {
    this.reserve(8);
    new DataView(this.buffer.buffer).setFloat64(this.length, value, true);
    this.length += 8;
  }

  /** Unsigned LEB128 varint of a non-negative integer below 2^53. */
  varint(value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.byte((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.byte(rest);
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Thrift compact protocol, only what Parquet metadata needs. */
const T = { i32: 5, i64: 6, binary: 8, list: 9, struct: 12 } as const;

class Thrift {
  readonly out = new Bytes();
  private last: number[] = [0];

  private field(id: number, type: number): void {
    const delta = id - this.last[this.last.length - 1];
    if (delta > 0 && delta <= 15) this.out.byte((delta << 4) | type);
    else {
      this.out.byte(type);
      this.out.varint(id >= 0 ? id * 2 : -id * 2 - 1);
    }
    this.last[this.last.length - 1] = id;
  }

  private zigzag(value: number): void {
    this.out.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  i32(id: number, value: number): this {
    this.field(id, T.i32);
    this.zigzag(value);
    return this;
  }

  i64(id: number, value: number): this {
    this.field(id, T.i64);
    this.zigzag(value);
    return this;
  }

  string(id: number, value: string): this {
    this.field(id, T.binary);
    const bytes = new TextEncoder().encode(value);
    this.out.varint(bytes.length);
    this.out.bytes(bytes);
    return this;
  }

  struct(id: number, body: (t: this) => void): this {
    this.field(id, T.struct);
    this.begin();
    body(this);
    this.end();
    return this;
  }

  private listHeader(id: number, size: number, type: number): void {
    this.field(id, T.list);
    if (size < 15) this.out.byte((size << 4) | type);
    else {
      this.out.byte(0xf0 | type);
      this.out.varint(size);
    }
  }

  i32List(id: number, values: readonly number[]): this {
    this.listHeader(id, values.length, T.i32);
    for (const value of values) this.zigzag(value);
    return this;
  }

  stringList(id: number, values: readonly string[]): this {
    this.listHeader(id, values.length, T.binary);
    for (const value of values) {
      const bytes = new TextEncoder().encode(value);
      this.out.varint(bytes.length);
      this.out.bytes(bytes);
    }
    return this;
  }

  structList<V>(id: number, values: readonly V[], body: (t: this, value: V) => void): this {
    this.listHeader(id, values.length, T.struct);
    for (const value of values) {
      this.begin();
      body(this, value);
      this.end();
    }
    return this;
  }

  begin(): void {
    this.last.push(0);
  }

  end(): void {
    this.out.byte(0);
    this.last.pop();
  }
}

const PHYSICAL = { boolean: 0, int32: 1, double: 5, byteArray: 6 } as const;
const ENCODING = { plain: 0, rle: 3 } as const;

interface ColumnPlan {
  name: string;
  physical: number;
  optional: boolean;
  utf8: boolean;
  values: (number | string | boolean | null)[];
}

function plan(table: Table): ColumnPlan[] {
  return table.schema.fields.map((field) => {
    const vector = table.getChild(field.name);
    const values: (number | string | boolean | null)[] = [];
    for (let i = 0; i < table.numRows; i++) {
      const value: unknown = vector?.get(i);
      values.push(typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : null);
    }
    const type = field.type;
    const physical =
      type instanceof Float64
        ? PHYSICAL.double
        : type instanceof Int32 || type instanceof Uint8
          ? PHYSICAL.int32
          : type instanceof Bool
            ? PHYSICAL.boolean
            : type instanceof Utf8
              ? PHYSICAL.byteArray
              : -1;
    if (physical < 0)
      throw new Error(`column ${field.name}: type ${String(type)} is not supported by the Parquet writer`);
    return { name: field.name, physical, optional: values.includes(null), utf8: type instanceof Utf8, values };
  });
}

/** Definition levels (1 present, 0 null) as one bit-packed run of the RLE/bit-packing hybrid, width 1. */
function definitionLevels(values: readonly unknown[], out: Bytes): void {
  const body = new Bytes();
  const groups = Math.ceil(values.length / 8);
  body.varint((groups << 1) | 1);
  for (let g = 0; g < groups; g++) {
    let byte = 0;
    for (let b = 0; b < 8; b++) if (values[g * 8 + b] !== null && g * 8 + b < values.length) byte |= 1 << b;
    body.byte(byte);
  }
  const encoded = body.result();
  out.int32(encoded.length);
  out.bytes(encoded);
}

function pageData(column: ColumnPlan): Uint8Array {
  const out = new Bytes();
  if (column.optional) definitionLevels(column.values, out);
  const present = column.values.filter((value) => value !== null);
  if (column.physical === PHYSICAL.boolean) {
    for (let g = 0; g < present.length; g += 8) {
      let byte = 0;
      for (let b = 0; b < 8 && g + b < present.length; b++) if (present[g + b] === true) byte |= 1 << b;
      out.byte(byte);
    }
  } else {
    const encoder = new TextEncoder();
    for (const value of present) {
      if (column.physical === PHYSICAL.double) out.float64(Number(value));
      else if (column.physical === PHYSICAL.int32) out.int32(Number(value));
      else {
        const bytes = encoder.encode(String(value));
        out.int32(bytes.length);
        out.bytes(bytes);
      }
    }
  }
  return out.result();
}

/** Writes an Arrow table (Float64, Int32, Uint8, Bool and Utf8 columns) as a Parquet file. */
export function tableToParquet(table: Table, createdBy: string): Uint8Array {
  const columns = plan(table);
  const file = new Bytes();
  file.bytes(new TextEncoder().encode('PAR1'));
  const chunks: { column: ColumnPlan; offset: number; size: number }[] = [];
  for (const column of columns) {
    const data = pageData(column);
    const header = new Thrift();
    header.begin();
    header
      .i32(1, 0)
      .i32(2, data.length)
      .i32(3, data.length)
      .struct(5, (t) =>
        t.i32(1, column.values.length).i32(2, ENCODING.plain).i32(3, ENCODING.rle).i32(4, ENCODING.rle),
      );
    header.end();
    const headerBytes = header.out.result();
    const offset = file.length;
    file.bytes(headerBytes);
    file.bytes(data);
    chunks.push({ column, offset, size: headerBytes.length + data.length });
  }
  const meta = new Thrift();
  meta.begin();
  meta.i32(1, 1);
  meta.structList(2, [null, ...columns], (t, column) => {
    if (column === null) {
      t.string(4, 'schema').i32(5, columns.length);
      return;
    }
    t.i32(1, column.physical)
      .i32(3, column.optional ? 1 : 0)
      .string(4, column.name);
    if (column.utf8) t.i32(6, 0);
  });
  meta.i64(3, table.numRows);
  meta.structList(4, [0], (t) => {
    t.structList(1, chunks, (c, chunk) => {
      c.i64(2, chunk.offset).struct(3, (m) =>
        m
          .i32(1, chunk.column.physical)
          .i32List(2, [ENCODING.plain, ENCODING.rle])
          .stringList(3, [chunk.column.name])
          .i32(4, 0)
          .i64(5, chunk.column.values.length)
          .i64(6, chunk.size)
          .i64(7, chunk.size)
          .i64(9, chunk.offset),
      );
    });
    t.i64(
      2,
      chunks.reduce((sum, chunk) => sum + chunk.size, 0),
    ).i64(3, table.numRows);
  });
  meta.string(6, createdBy);
  meta.end();
  const metaBytes = meta.out.result();
  file.bytes(metaBytes);
  file.int32(metaBytes.length);
  file.bytes(new TextEncoder().encode('PAR1'));
  return file.result();
}

/** The MIME type of Parquet files. */
export const PARQUET_MIME = 'application/vnd.apache.parquet';
