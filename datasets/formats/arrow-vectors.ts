// The one way the project builds Arrow vectors from JavaScript values: from buffers with makeData, never Arrow's
// builders (vectorFromArray), which compile their null test with `new Function` and so fail under the app's
// Content-Security-Policy (no 'unsafe-eval'). Used by the Parquet reader, the CLI's Arrow writer and the app's exports.
import { Bool, Float64, Int32, Int64, Utf8, makeData, makeVector } from 'apache-arrow';
import type { Vector } from 'apache-arrow';

/** A validity bitmap (bit set = value present) and the number of nulls. */
function validity(isNull: (i: number) => boolean, length: number): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    if (isNull(i)) nullCount += 1;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  }
  return { nullBitmap, nullCount };
}

/** A Float64 vector; null (or undefined) entries are nulls. */
export function float64Vector(values: readonly (number | null | undefined)[]): Vector {
  const data = Float64Array.from(values, (value) => value ?? 0);
  const { nullBitmap, nullCount } = validity((i) => values[i] === null || values[i] === undefined, values.length);
  return makeVector(makeData({ type: new Float64(), length: values.length, data, nullBitmap, nullCount }));
}

/** An Int32 vector; null entries are nulls. */
export function int32Vector(values: readonly (number | null | undefined)[]): Vector {
  const data = Int32Array.from(values, (value) => value ?? 0);
  const { nullBitmap, nullCount } = validity((i) => values[i] === null || values[i] === undefined, values.length);
  return makeVector(makeData({ type: new Int32(), length: values.length, data, nullBitmap, nullCount }));
}

/** An Int64 vector of BigInts; null entries are nulls. */
export function int64Vector(values: readonly (bigint | null | undefined)[]): Vector {
  const data = BigInt64Array.from(values, (value) => value ?? 0n);
  const { nullBitmap, nullCount } = validity((i) => values[i] === null || values[i] === undefined, values.length);
  return makeVector(makeData({ type: new Int64(), length: values.length, data, nullBitmap, nullCount }));
}

/** A UTF-8 string vector; null entries are nulls. */
export function utf8Vector(values: readonly (string | null | undefined)[]): Vector {
  const encoder = new TextEncoder();
  const parts = values.map((value) => encoder.encode(value ?? ''));
  const valueOffsets = new Int32Array(values.length + 1);
  parts.forEach((part, i) => (valueOffsets[i + 1] = valueOffsets[i] + part.length));
  const data = new Uint8Array(valueOffsets[values.length]);
  parts.forEach((part, i) => data.set(part, valueOffsets[i]));
  const { nullBitmap, nullCount } = validity((i) => values[i] === null || values[i] === undefined, values.length);
  return makeVector(makeData({ type: new Utf8(), length: values.length, valueOffsets, data, nullBitmap, nullCount }));
}

/** A boolean vector; null entries are nulls. */
export function boolVector(values: readonly (boolean | null | undefined)[]): Vector {
  const { nullBitmap: data } = validity((i) => values[i] !== true, values.length);
  const { nullBitmap, nullCount } = validity((i) => values[i] === null || values[i] === undefined, values.length);
  return makeVector(makeData({ type: new Bool(), length: values.length, data, nullBitmap, nullCount }));
}

/** Typed arrays a column may be given as (they keep their Arrow type). */
export type TypedColumn =
  Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

/** Any column: a typed array keeps its type; numbers (and nulls) become Float64, booleans Bool, the rest UTF-8. */
export function columnVector(column: TypedColumn | readonly unknown[]): Vector {
  if (ArrayBuffer.isView(column)) return makeVector(column);
  const values: readonly unknown[] = column;
  if (values.every((v) => typeof v === 'number' || v === null)) return float64Vector(values as (number | null)[]);
  if (values.every((v) => typeof v === 'boolean')) return boolVector(values as boolean[]);
  return utf8Vector(values.map((v) => (v === null || v === undefined ? null : String(v))));
}
