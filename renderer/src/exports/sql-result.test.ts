// SQL results export as CSV: every column and row DuckDB returned, values exact, the query and a disclosure warning.
import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { sqlResultCsv } from './sql-result.ts';

describe('sqlResultCsv', () => {
  it('writes the result with its header, exact values, the query and the disclosure note', () => {
    const table = tableFromArrays({
      region: ['11', '43'],
      persons: Float64Array.of(1234.5, 98765),
      households: BigInt64Array.of(12n, 9007199254740993n),
    });
    const text = sqlResultCsv(table, 'SELECT region,\n  sum(w) FROM households GROUP BY 1', 'zh', '演示数据');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['region,persons,households', '11,1234.5,12', '43,98765,9007199254740993']);
    expect(lines[4]).toContain('未经披露控制');
    expect(lines[6]).toBe('# SQL: SELECT region, sum(w) FROM households GROUP BY 1');
    expect(sqlResultCsv(table, 'x', 'en', 'demo')).toContain('not subject to disclosure control');
  });

  it('neutralises formula text from the data but keeps negative numbers, 64-bit ones included, as numbers', () => {
    const table = tableFromArrays({
      name: ['=HYPERLINK("http://x","y")', '-1'],
      delta: Float64Array.of(-2.5, 3),
      big: BigInt64Array.of(-12n, 5n),
    });
    const lines = sqlResultCsv(table, 'x', 'en', 'demo').slice(1).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['name,delta,big', `"'=HYPERLINK(""http://x"",""y"")",-2.5,-12`, "'-1,3,5"]);
  });
});
