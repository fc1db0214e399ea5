// Writes Arrow record batches as a plain, uncompressed Parquet file (one row group per batch slice, every column
// OPTIONAL with PLAIN values), which native DuckDB then reads in parallel straight from disk: a large Arrow file is
// validated through a view over this copy instead of being appended into a DuckDB table row chunk by row chunk (the
// appender and table storage cost about 3 CPU-seconds per million households, on one thread). Column types map to the
// same DuckDB types as the appender's (UTINYINT, INTEGER, DOUBLE, VARCHAR, …), so the validation report is identical.
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { DataType, Type } from 'apache-arrow';
import type { Data, Field, RecordBatch } from 'apache-arrow';

/** Parquet physical types. */
const enum Physical {
  BOOLEAN = 0,
  INT32 = 1,
  INT64 = 2,
  FLOAT = 4,
  DOUBLE = 5,
  BYTE_ARRAY = 6,
}

/** Parquet converted types used here. */
const enum Converted {
  UTF8 = 0,
  UINT_8 = 11,
  UINT_16 = 12,
  UINT_32 = 13,
  UINT_64 = 14,
  INT_8 = 15,
  INT_16 = 16,
  INT_32 = 17,
  INT_64 = 18,
}

interface ColumnPlan {
  name: string;
  physical: Physical;
  converted?: Converted;
  /**
   * 8-bit integers: written as indices into a dictionary of all 256 values, bit-packed 8 bits wide, which is the
   * column's own bytes (a quarter of PLAIN INT32, and copied instead of widened).
   */
  bytes?: 'unsigned' | 'signed';
}

/** The Parquet column for an Arrow type, or undefined when it is not written here (the appender takes the file). */
function planFor(field: Field): ColumnPlan | undefined {
  const type = field.type as DataType;
  const name = field.name;
  if (DataType.isInt(type)) {
    const signed = { 8: Converted.INT_8, 16: Converted.INT_16, 32: Converted.INT_32, 64: Converted.INT_64 };
    const unsigned = { 8: Converted.UINT_8, 16: Converted.UINT_16, 32: Converted.UINT_32, 64: Converted.UINT_64 };
    const converted = (type.isSigned ? signed : unsigned)[type.bitWidth];
    const physical = type.bitWidth === 64 ? Physical.INT64 : Physical.INT32;
    if (type.bitWidth === 8) return { name, physical, converted, bytes: type.isSigned ? 'signed' : 'unsigned' };
    return { name, physical, converted };
  }
  if (DataType.isFloat(type) && type.precision > 0) {
    return { name, physical: type.precision === 1 ? Physical.FLOAT : Physical.DOUBLE };
  }
  if (type.typeId === Type.Utf8 || type.typeId === Type.LargeUtf8)
    return { name, physical: Physical.BYTE_ARRAY, converted: Converted.UTF8 };
  if (type.typeId === Type.Binary || type.typeId === Type.LargeBinary) return { name, physical: Physical.BYTE_ARRAY };
  if (DataType.isBool(type)) return { name, physical: Physical.BOOLEAN };
  return undefined;
}

/** Thrift compact protocol, the subset Parquet metadata needs. */
class Compact {
  private out: number[] = [];
  private last = 0;
  private stack: number[] = [];

  private varint(v: number): void {
    while (v >= 128) {
      this.out.push((v % 128) | 128);
      v = Math.floor(v / 128);
    }
    this.out.push(v);
  }

  private zigzag(v: number): void {
    this.varint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  private header(id: number, type: number): void {
    const delta = id - this.last;
    if (delta > 0 && delta <= 15) this.out.push((delta << 4) | type);
    else {
      this.out.push(type);
      this.zigzag(id);
    }
    this.last = id;
  }

  i32(id: number, v: number): this {
    this.header(id, 5);
    this.zigzag(v);
    return this;
  }

  i64(id: number, v: number): this {
    this.header(id, 6);
    this.zigzag(v);
    return this;
  }

  text(id: number, s: string): this {
    this.header(id, 8);
    const bytes = new TextEncoder().encode(s);
    this.varint(bytes.length);
    for (const b of bytes) this.out.push(b);
    return this;
  }

  private listHeader(id: number, elementType: number, size: number): void {
    this.header(id, 9);
    if (size < 15) this.out.push((size << 4) | elementType);
    else {
      this.out.push(0xf0 | elementType);
      this.varint(size);
    }
  }

  i32List(id: number, values: readonly number[]): this {
    this.listHeader(id, 5, values.length);
    for (const v of values) this.zigzag(v);
    return this;
  }

  textList(id: number, values: readonly string[]): this {
    this.listHeader(id, 8, values.length);
    for (const s of values) {
      const bytes = new TextEncoder().encode(s);
      this.varint(bytes.length);
      for (const b of bytes) this.out.push(b);
    }
    return this;
  }

  /** A list of structs, each written by `write` between its begin and stop. */
  structList<T>(id: number, items: readonly T[], write: (item: T) => void): this {
    this.listHeader(id, 12, items.length);
    for (const item of items) {
      this.stack.push(this.last);
      this.last = 0;
      write(item);
      this.out.push(0);
      this.last = this.stack.pop() ?? 0;
    }
    return this;
  }

  struct(id: number, write: () => void): this {
    this.header(id, 12);
    this.stack.push(this.last);
    this.last = 0;
    write();
    this.out.push(0);
    this.last = this.stack.pop() ?? 0;
    return this;
  }

  /** The bytes of a top-level struct (its stop byte added). */
  end(): Uint8Array {
    this.out.push(0);
    return Uint8Array.from(this.out);
  }
}

/** Definition levels (bit width 1) of a page, with their 4-byte length: one RLE run when there are no nulls. */
function definitionLevels(data: Data, from: number, n: number): Uint8Array {
  if (data.nullCount === 0) {
    const run: number[] = [];
    let v = n * 2;
    while (v >= 128) {
      run.push((v % 128) | 128);
      v = Math.floor(v / 128);
    }
    run.push(v, 1);
    const out = new Uint8Array(4 + run.length);
    new DataView(out.buffer).setUint32(0, run.length, true);
    out.set(run, 4);
    return out;
  }
  // Bit-packed groups of eight values, least significant bit first (valid = level 1).
  const groups = Math.ceil(n / 8);
  const headerBytes: number[] = [];
  let v = groups * 2 + 1;
  while (v >= 128) {
    headerBytes.push((v % 128) | 128);
    v = Math.floor(v / 128);
  }
  headerBytes.push(v);
  const out = new Uint8Array(4 + headerBytes.length + groups);
  new DataView(out.buffer).setUint32(0, headerBytes.length + groups, true);
  out.set(headerBytes, 4);
  const bits = out.subarray(4 + headerBytes.length);
  for (let i = 0; i < n; i++) if (data.getValid(from + i)) bits[i >> 3] |= 1 << (i & 7);
  return out;
}

/** PLAIN values of the non-null rows `from`..`from + n` of a column. */
function plainValues(plan: ColumnPlan, data: Data, from: number, n: number): Uint8Array {
  const valid = (i: number): boolean => data.nullCount === 0 || data.getValid(from + i);
  if (plan.physical === Physical.BOOLEAN) {
    const out = new Uint8Array(Math.ceil(n / 8));
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (!valid(i)) continue;
      const bit = data.offset + from + i;
      if (((data.values as Uint8Array)[bit >> 3] >> (bit & 7)) & 1) out[k >> 3] |= 1 << (k & 7);
      k++;
    }
    return out.subarray(0, Math.ceil(k / 8));
  }
  if (plan.physical === Physical.BYTE_ARRAY) {
    const offsets = data.valueOffsets as ArrayLike<number | bigint>;
    const bytes = data.values as Uint8Array;
    const start = Number(offsets[from]);
    const end = Number(offsets[from + n]);
    const out = new Uint8Array(end - start + 4 * n);
    const view = new DataView(out.buffer);
    let at = 0;
    for (let i = 0; i < n; i++) {
      if (!valid(i)) continue;
      const a = Number(offsets[from + i]);
      const b = Number(offsets[from + i + 1]);
      view.setUint32(at, b - a, true);
      // Short values (region codes) byte by byte: a subarray per row costs more than the copy.
      if (b - a <= 32) for (let k = a, o = at + 4; k < b; k++, o++) out[o] = bytes[k];
      else out.set(bytes.subarray(a, b), at + 4);
      at += 4 + b - a;
    }
    return out.subarray(0, at);
  }
  const values = (data.values as Int32Array).subarray(from, from + n);
  let kept: ArrayLike<number | bigint> & { buffer: ArrayBufferLike; byteOffset: number; byteLength: number } = values;
  if (plan.physical === Physical.INT32 && !(values instanceof Int32Array)) kept = Int32Array.from(values);
  if (data.nullCount > 0) {
    const ctor = kept.constructor as unknown as { new (n: number): typeof kept };
    const dense = new ctor(n - countNulls(data, from, n)) as unknown as { [i: number]: number | bigint };
    let k = 0;
    for (let i = 0; i < n; i++) if (valid(i)) dense[k++] = kept[i];
    kept = dense as unknown as typeof kept;
  }
  return new Uint8Array(kept.buffer, kept.byteOffset, kept.byteLength);
}

function countNulls(data: Data, from: number, n: number): number {
  let nulls = 0;
  for (let i = 0; i < n; i++) if (!data.getValid(from + i)) nulls++;
  return nulls;
}

/** The dictionary page of an 8-bit column: index i stands for the byte i (read as signed for signed columns). */
function byteDictionary(plan: ColumnPlan): Uint8Array {
  const values = Int32Array.from({ length: 256 }, (_, i) => (plan.bytes === 'signed' ? (i << 24) >> 24 : i));
  const body = new Uint8Array(values.buffer);
  const header = new Compact().i32(1, 2).i32(2, body.length).i32(3, body.length);
  header.struct(7, () => {
    header.i32(1, 256).i32(2, 0);
  });
  const head = header.end();
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/** RLE_DICTIONARY indices of an 8-bit column: bit width 8, one bit-packed run of the (non-null) bytes. */
function byteIndices(data: Data, from: number, n: number): Uint8Array {
  const source = (data.values as Uint8Array).subarray(from, from + n);
  let bytes: Uint8Array = new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  if (data.nullCount > 0) {
    const dense = new Uint8Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) if (data.getValid(from + i)) dense[k++] = bytes[i];
    bytes = dense.subarray(0, k);
  }
  const groups = Math.ceil(bytes.length / 8);
  const header: number[] = [8];
  let v = groups * 2 + 1;
  while (v >= 128) {
    header.push((v % 128) | 128);
    v = Math.floor(v / 128);
  }
  header.push(v);
  const out = new Uint8Array(header.length + groups * 8);
  out.set(header);
  out.set(bytes, header.length);
  return out;
}

interface ChunkMeta {
  plan: ColumnPlan;
  offset: number;
  size: number;
  values: number;
  /** Offset of the dictionary page, when the chunk has one (then `dataOffset` is the data page's). */
  dictionaryOffset?: number;
  dataOffset: number;
}

/** Most rows in one row group (a larger batch is cut). */
const ROW_GROUP_ROWS = 1 << 20;

/** A Parquet file being written from Arrow batches of one schema. */
export class ArrowParquetWriter {
  private rowGroups: { columns: ChunkMeta[]; rows: number; bytes: number }[] = [];
  private offset = 4;
  private rows = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly plans: ColumnPlan[],
  ) {}

  /** A writer for `fields` at `file`, or undefined when a column has a type this writer does not write. */
  static async create(file: string, fields: readonly Field[]): Promise<ArrowParquetWriter | undefined> {
    const plans = fields.map(planFor);
    if (fields.length === 0 || plans.some((p) => p === undefined)) return undefined;
    const handle = await open(file, 'w');
    await handle.write(new TextEncoder().encode('PAR1'));
    return new ArrowParquetWriter(handle, plans as ColumnPlan[]);
  }

  /** Appends the rows of one batch (as one or more row groups). */
  async write(batch: RecordBatch): Promise<void> {
    for (let from = 0; from < batch.numRows; from += ROW_GROUP_ROWS) {
      const n = Math.min(ROW_GROUP_ROWS, batch.numRows - from);
      const pieces: Uint8Array[] = [];
      const columns: ChunkMeta[] = [];
      let at = this.offset;
      this.plans.forEach((plan, c) => {
        const data = batch.data.children[c] as Data;
        const dictionary = plan.bytes ? byteDictionary(plan) : undefined;
        const levels = definitionLevels(data, from, n);
        const values = plan.bytes ? byteIndices(data, from, n) : plainValues(plan, data, from, n);
        const size = levels.length + values.length;
        // Page header: DATA_PAGE, sizes (uncompressed = compressed), values PLAIN or RLE_DICTIONARY, levels RLE.
        const page = new Compact().i32(1, 0).i32(2, size).i32(3, size);
        page.struct(5, () => {
          page
            .i32(1, n)
            .i32(2, plan.bytes ? 8 : 0)
            .i32(3, 3)
            .i32(4, 3);
        });
        const headerBytes = page.end();
        if (dictionary) pieces.push(dictionary);
        pieces.push(headerBytes, levels, values);
        const chunkSize = (dictionary?.length ?? 0) + headerBytes.length + size;
        const dataOffset = at + (dictionary?.length ?? 0);
        columns.push({
          plan,
          offset: at,
          size: chunkSize,
          values: n,
          dataOffset,
          ...(dictionary ? { dictionaryOffset: at } : {}),
        });
        at += chunkSize;
      });
      await this.handle.writev(pieces);
      this.rowGroups.push({ columns, rows: n, bytes: at - this.offset });
      this.offset = at;
      this.rows += n;
    }
  }

  /** Writes the footer and closes the file. */
  async close(): Promise<void> {
    const meta = new Compact().i32(1, 1);
    const schema: { name: string; children?: number; plan?: ColumnPlan }[] = [
      { name: 'schema', children: this.plans.length },
      ...this.plans.map((plan) => ({ name: plan.name, plan })),
    ];
    meta.structList(2, schema, (e) => {
      if (e.plan) meta.i32(1, e.plan.physical).i32(3, 1);
      meta.text(4, e.name);
      if (e.children !== undefined) meta.i32(5, e.children);
      if (e.plan?.converted !== undefined) meta.i32(6, e.plan.converted);
    });
    meta.i64(3, this.rows);
    meta.structList(4, this.rowGroups, (group) => {
      meta.structList(1, group.columns, (chunk) => {
        meta.i64(2, chunk.offset);
        meta.struct(3, () => {
          meta
            .i32(1, chunk.plan.physical)
            .i32List(2, chunk.plan.bytes ? [0, 3, 8] : [0, 3])
            .textList(3, [chunk.plan.name])
            .i32(4, 0)
            .i64(5, chunk.values)
            .i64(6, chunk.size)
            .i64(7, chunk.size)
            .i64(9, chunk.dataOffset);
          if (chunk.dictionaryOffset !== undefined) meta.i64(11, chunk.dictionaryOffset);
        });
      });
      meta.i64(2, group.bytes).i64(3, group.rows);
    });
    meta.text(6, 'safetynet');
    const footer = meta.end();
    const tail = new Uint8Array(8);
    new DataView(tail.buffer).setUint32(0, footer.length, true);
    tail.set(new TextEncoder().encode('PAR1'), 4);
    try {
      await this.handle.writev([footer, tail]);
    } finally {
      await this.handle.close();
    }
  }

  /** Closes the file without a footer (the caller removes it). */
  async abandon(): Promise<void> {
    await this.handle.close();
  }
}
