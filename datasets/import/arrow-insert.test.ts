// The pieces DuckDB receives: row slices re-encoded as IPC streams that decode to exactly the original rows, in order,
// whatever the types and nulls; and the layout check that refuses buffers too short for what a column claims.
import { describe, expect, it } from 'vitest';
import {
  Bool,
  Dictionary,
  Float64,
  Int32,
  Int64,
  Table,
  Uint8,
  Utf8,
  makeData,
  makeVector,
  tableFromArrays,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import { assertArrowLayout, ipcStreamChunks } from './arrow-insert.ts';

const ROWS = 1000;

/** A table with the types real extracts use, nulls in several columns, over several record batches. */
function mixedTable(): Table {
  const part = (from: number, to: number): Table => {
    const n = to - from;
    const index = (i: number): number => from + i;
    return new Table({
      id: makeVector(Int32Array.from({ length: n }, (_, i) => index(i))),
      big: vectorFromArray(
        Array.from({ length: n }, (_, i) => (index(i) % 7 === 0 ? null : BigInt(index(i)) * 1_000_000_007n)),
        new Int64(),
      ),
      code: vectorFromArray(
        Array.from({ length: n }, (_, i) =>
          index(i) % 11 === 0 ? null : `${10 + (index(i) % 31)}${'x'.repeat(i % 5)}`,
        ),
        new Utf8(),
      ),
      area: vectorFromArray(
        Array.from({ length: n }, (_, i) => ['城镇', '农村', null][index(i) % 3]),
        new Dictionary(new Utf8(), new Int32()),
      ),
      flag: vectorFromArray(
        Array.from({ length: n }, (_, i) => (index(i) % 13 === 0 ? null : index(i) % 2 === 0)),
        new Bool(),
      ),
      small: makeVector(Uint8Array.from({ length: n }, (_, i) => index(i) % 250)),
      money: vectorFromArray(
        Array.from({ length: n }, (_, i) => (index(i) % 17 === 0 ? null : index(i) * 1.25)),
        new Float64(),
      ),
    });
  };
  // Three record batches of uneven length, as a file written in chunks would have.
  return part(0, 300).concat(part(300, 301), part(301, ROWS));
}

/** Every row of a table as plain values (bigints as text), for comparison. */
function rowsOf(table: Table): unknown[][] {
  const names = table.schema.fields.map((f) => f.name);
  const out: unknown[][] = [];
  for (let i = 0; i < table.numRows; i++) {
    out.push(
      names.map((n) => {
        const v: unknown = table.getChild(n)?.get(i);
        return typeof v === 'bigint' ? v.toString() : v;
      }),
    );
  }
  return out;
}

describe('ipcStreamChunks', () => {
  it('splits a table into self-contained streams that decode back to the same rows in order', () => {
    const table = mixedTable();
    // 97 rows a piece: pieces start inside batches, span batch boundaries and put bitmaps at odd offsets.
    const pieces = [...ipcStreamChunks(table, undefined, 97)];
    expect(pieces).toHaveLength(Math.ceil(ROWS / 97));
    const decoded = pieces.map((bytes) => tableFromIPC(bytes));
    for (const piece of decoded)
      expect(piece.schema.fields.map((f) => String(f.type))).toEqual(table.schema.fields.map((f) => String(f.type)));
    expect(decoded.map((t) => t.numRows)).toEqual([...new Array<number>(10).fill(97), ROWS - 970]);
    const joined = decoded.slice(1).reduce((all, t) => all.concat(t), decoded[0]);
    expect(rowsOf(joined)).toEqual(rowsOf(table));
  });

  it('sends a table without rows as one stream carrying its columns', () => {
    const empty = tableFromIPC(tableToIPC(tableFromArrays({ a: new Int32Array(0), b: new Float64Array(0) })));
    const pieces = [...ipcStreamChunks(empty)];
    expect(pieces).toHaveLength(1);
    const back = tableFromIPC(pieces[0]);
    expect(back.numRows).toBe(0);
    expect(back.schema.fields.map((f) => f.name)).toEqual(['a', 'b']);
  });

  it('sends whole DuckDB row groups of about 20 MB, gathering small record batches', () => {
    expect([...ipcStreamChunks(mixedTable())]).toHaveLength(1);
    // 300,000 rows of 8 bytes in batches of 1,000: 2.4 MB, one piece.
    const column = makeVector(new Float64Array(1_000));
    const small = new Table(Array.from({ length: 300 }, () => new Table({ x: column }).batches[0]));
    expect([...ipcStreamChunks(small)].map((bytes) => tableFromIPC(bytes).numRows)).toEqual([300_000]);
    // 300,000 rows of 160 bytes (48 MB): pieces of one row group (about 20 MB), the rest in the last.
    const wide = new Table(
      Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`c${i}`, makeVector(new Float64Array(300_000))])),
    );
    expect([...ipcStreamChunks(wide)].map((bytes) => tableFromIPC(bytes).numRows)).toEqual([122_880, 122_880, 54_240]);
  });
});

describe('assertArrowLayout', () => {
  it('accepts well-formed tables, sliced or not', () => {
    const table = mixedTable();
    expect(() => assertArrowLayout(table)).not.toThrow();
    expect(() => assertArrowLayout(table.slice(17, 503))).not.toThrow();
  });

  it('refuses a column whose values are shorter than its claimed length, naming it', () => {
    const short = makeData({ type: new Uint8(), length: 10, nullCount: 0, data: new Uint8Array(4) });
    const table = new Table({ size: makeVector(short) });
    expect(() => assertArrowLayout(table)).toThrow(/size: values shorter than the column/);
  });

  it('refuses text whose offsets run backwards or past the data', () => {
    const data = new Uint8Array([49, 49, 53, 51]);
    const backwards = makeData({
      type: new Utf8(),
      length: 2,
      nullCount: 0,
      valueOffsets: new Int32Array([0, 3, 2]),
      data,
    });
    expect(() => assertArrowLayout(new Table({ code: makeVector(backwards) }))).toThrow(/code: offsets out of order/);
    const past = makeData({ type: new Utf8(), length: 2, nullCount: 0, valueOffsets: new Int32Array([0, 2, 9]), data });
    expect(() => assertArrowLayout(new Table({ code: makeVector(past) }))).toThrow(/code: offsets past the end/);
  });

  it('refuses dictionary indices outside the dictionary', () => {
    const dictionary = vectorFromArray(['城镇', '农村'], new Utf8());
    const indices = makeData({
      type: new Dictionary(new Utf8(), new Int32()),
      length: 3,
      nullCount: 0,
      data: new Int32Array([0, 1, 5]),
      dictionary,
    });
    expect(() => assertArrowLayout(new Table({ area: makeVector(indices) }))).toThrow(
      /area: dictionary index out of range at row 3/,
    );
  });

  it('refuses a validity bitmap shorter than the column', () => {
    const values = makeData({
      type: new Float64(),
      length: 20,
      nullCount: 1,
      data: new Float64Array(20),
      nullBitmap: new Uint8Array(1),
    });
    expect(() => assertArrowLayout(new Table({ weight: makeVector(values) }))).toThrow(/weight: validity bitmap/);
  });
});
