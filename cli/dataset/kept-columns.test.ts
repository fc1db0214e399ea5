// KeptColumns: the columns of a file streamed batch by batch come back whole, one buffer each (numbers in shared
// memory, text with continuous offsets); a column with a null in any batch, or of another type, is not kept.
import { describe, expect, it } from 'vitest';
import { Float64, Int64, Table, Uint8, Utf8, vectorFromArray } from 'apache-arrow';
import { KeptColumns } from './kept-columns.ts';

describe('KeptColumns', () => {
  it('joins the batches of kept columns and drops the others', () => {
    const first = new Table({
      area: vectorFromArray([0, 1, 1], new Uint8()),
      income: vectorFromArray([1.5, 2.5, 3.5], new Float64()),
      code: vectorFromArray(['11', '4301', '430104'], new Utf8()),
      note: vectorFromArray(['a', 'b', 'c'], new Utf8()),
      id: vectorFromArray([1n, 2n, 3n], new Int64()),
    });
    const second = new Table({
      area: vectorFromArray([0, 0], new Uint8()),
      income: vectorFromArray([4.5, 5.5], new Float64()),
      code: vectorFromArray(['12', ''], new Utf8()),
      note: vectorFromArray(['d', null], new Utf8()),
      id: vectorFromArray([4n, 5n], new Int64()),
    });
    const kept = new KeptColumns(first.schema.fields);
    for (const batch of [...first.batches, ...second.batches.map((b) => b.slice(0, 2))]) kept.add(batch);
    const table = kept.finish();
    expect(table?.schema.fields.map((f) => f.name)).toEqual(['area', 'income', 'code']);
    expect(table?.batches.length).toBe(1);
    const area = table?.getChild('area')?.toArray() as Uint8Array;
    expect(Array.from(area)).toEqual([0, 1, 1, 0, 0]);
    expect(area.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(table?.getChild('income')?.toArray() as Float64Array)).toEqual([1.5, 2.5, 3.5, 4.5, 5.5]);
    expect(table?.getChild('code')?.toArray()).toEqual(['11', '4301', '430104', '12', '']);
  });
});
