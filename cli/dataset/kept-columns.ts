// Keeps the columns of a large Arrow file that the engine hand-off can take as they are (numbers without nulls, UTF-8
// text without nulls) while the file streams into DuckDB batch by batch, as one contiguous column each, so the
// hand-off needs no query back out of DuckDB: the same direct path as a file read whole (LoadedTable.arrow).
import { DataType, Field, RecordBatch, Schema, Struct, Table, Utf8, makeData } from 'apache-arrow';
import type { Data, Table as ArrowTable } from 'apache-arrow';

type Numbers =
  Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array;
type NumbersCtor = { new (buffer: SharedArrayBuffer): Numbers; BYTES_PER_ELEMENT: number };

/** One column's pieces, copied out of their batches so that each batch's memory is freed once it is in DuckDB. */
interface Kept {
  field: Field;
  pieces: Numbers[];
  /** UTF-8 pieces: each value bytes with offsets rebased to 0. */
  text: { offsets: Int32Array; bytes: Uint8Array }[];
  textBytes: number;
}

/** Text longer than this in one column is not kept (Arrow's 32-bit offsets). */
const MAX_TEXT_BYTES = 2 ** 31 - 1;

/** True for the Arrow types kept: integers up to 32 bits and floats (64-bit integers go through SQL). */
function numeric(type: DataType): boolean {
  return (DataType.isInt(type) && type.bitWidth <= 32) || (DataType.isFloat(type) && type.precision > 0);
}

/** The kept columns of a file read batch by batch; a column that cannot be kept whole is dropped at once. */
export class KeptColumns {
  private kept = new Map<string, Kept>();
  private rows = 0;

  /** Starts from the file's schema: the columns of a type that can be kept. */
  constructor(fields: readonly Field[]) {
    for (const field of fields) {
      const type = field.type as DataType;
      if (numeric(type) || DataType.isUtf8(type))
        this.kept.set(field.name, { field, pieces: [], text: [], textBytes: 0 });
    }
  }

  /** Copies the kept columns of one batch (dropping any column that has nulls in it). */
  add(batch: RecordBatch): void {
    batch.schema.fields.forEach((field, i) => {
      const kept = this.kept.get(field.name);
      const data = batch.data.children[i] as Data | undefined;
      if (!kept) return;
      if (!data || data.nullCount > 0 || data.length !== batch.numRows) {
        this.kept.delete(field.name);
        return;
      }
      if (DataType.isUtf8(data.type)) {
        const offsets = data.valueOffsets as Int32Array;
        const start = offsets[0];
        const end = offsets[data.length];
        kept.textBytes += end - start;
        if (kept.textBytes > MAX_TEXT_BYTES) {
          this.kept.delete(field.name);
          return;
        }
        const rebased = new Int32Array(data.length + 1);
        for (let r = 0; r <= data.length; r++) rebased[r] = offsets[r] - start;
        kept.text.push({ offsets: rebased, bytes: (data.values as Uint8Array).slice(start, end) });
      } else {
        kept.pieces.push((data.values as Numbers).slice(0, data.length));
      }
    });
    this.rows += batch.numRows;
  }

  /** The kept columns as an Arrow table of one batch, each column one buffer (numbers in shared memory). */
  finish(): ArrowTable | undefined {
    const fields: Field[] = [];
    const children: Data[] = [];
    for (const [name, kept] of this.kept) {
      const type = kept.field.type as DataType;
      if (DataType.isUtf8(type)) {
        const offsets = new Int32Array(this.rows + 1);
        const bytes = new Uint8Array(kept.textBytes);
        let row = 0;
        let at = 0;
        for (const piece of kept.text.splice(0)) {
          const n = piece.offsets.length - 1;
          for (let r = 1; r <= n; r++) offsets[row + r] = at + piece.offsets[r];
          bytes.set(piece.bytes, at);
          row += n;
          at += piece.bytes.length;
        }
        children.push(
          makeData({ type: new Utf8(), length: this.rows, nullCount: 0, valueOffsets: offsets, data: bytes }),
        );
      } else {
        const first = kept.pieces[0];
        const ctor = (first?.constructor ?? Float64Array) as unknown as NumbersCtor;
        const all = new ctor(new SharedArrayBuffer(this.rows * ctor.BYTES_PER_ELEMENT));
        let at = 0;
        for (const piece of kept.pieces.splice(0)) {
          (all as Float64Array).set(piece as unknown as Float64Array, at);
          at += piece.length;
        }
        children.push(makeData({ type, length: this.rows, nullCount: 0, data: all } as never) as Data);
      }
      fields.push(new Field(name, type, false));
    }
    this.kept.clear();
    if (fields.length === 0) return undefined;
    const schema = new Schema(fields);
    const struct = makeData({ type: new Struct(fields), length: this.rows, nullCount: 0, children });
    return new Table([new RecordBatch(schema, struct)]);
  }
}
