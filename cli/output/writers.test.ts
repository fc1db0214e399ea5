// Output writers: CSV quoting and BOM, Arrow round trip, terminal table alignment, byte-identical result folders.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { tableToArrowBytes } from './arrow.ts';
import { tableFromRows } from './column-table.ts';
import type { ColumnTable } from './column-table.ts';
import { UTF8_BOM, csvField, tableToCsv } from './csv.ts';
import { renderProgress } from './progress.ts';
import { displayWidth, formatNumber, formatTextTable } from './text-table.ts';
import { writeResultBundle } from './write-results.ts';

const TABLE: ColumnTable = {
  name: 'by_region',
  columns: {
    region: ['11', '53'],
    name_zh: ['北京', '云南, "滇"'],
    households: new Float64Array([1.5, 2]),
    sample: new Uint32Array([3, 40]),
    suppressed: [false, true],
  },
};

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('CSV', () => {
  it('starts with a BOM, quotes commas and quotes, ends rows with CRLF', () => {
    const csv = tableToCsv(TABLE);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'region,name_zh,households,sample,suppressed',
      '11,北京,1.5,3,false',
      '53,"云南, ""滇""",2,40,true',
      '',
    ]);
  });

  it('neutralises formulas in text (OWASP) but keeps negative numbers as numbers', () => {
    const hostile: ColumnTable = {
      name: 't',
      columns: {
        name_zh: ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@A1', '-1'],
        delta: new Float64Array([-1.5, -2, 0, 3]),
      },
    };
    expect(tableToCsv(hostile).slice(1).split('\r\n')).toEqual([
      'name_zh,delta',
      `"'=HYPERLINK(""http://x"",""y"")",-1.5`,
      "'+cmd|' /C calc'!A0,-2",
      "'@A1,0",
      "'-1,3",
      '',
    ]);
  });

  it('writes empty fields for null and non-finite numbers', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });
});

describe('Arrow', () => {
  it('round-trips typed and plain columns with metadata', () => {
    const table = tableFromIPC(tableToArrowBytes(TABLE, { synthetic: 'true' }));
    expect(table.numRows).toBe(2);
    expect(table.getChild('name_zh')?.get(1)).toBe('云南, "滇"');
    expect(table.getChild('sample')?.get(1)).toBe(40);
    expect(table.getChild('suppressed')?.get(1)).toBe(true);
    expect(table.schema.metadata.get('synthetic')).toBe('true');
  });

  it('builds columns from rows with nulls', () => {
    const table = tableFromRows('t', [{ a: 1, b: 'x' }, { a: null }]);
    expect(table.columns.a).toEqual([1, null]);
    expect(table.columns.b).toEqual(['x', null]);
  });
});

describe('terminal output', () => {
  it('aligns Chinese text by display width', () => {
    expect(displayWidth('低保ab')).toBe(6);
    const text = formatTextTable(
      ['项目 item', 'n'],
      [
        ['低保', '1'],
        ['tekun', '22'],
      ],
      [1],
    );
    const lines = text.split('\n');
    expect(lines.map((l) => displayWidth(l))).toEqual([13, 13, 13, 13]);
    expect(lines[2]).toBe(`低保${' '.repeat(8)}1`);
  });

  it('formats numbers with grouping and a fixed number of decimals', () => {
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatNumber(-0.5, 0)).toBe('-1');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('draws a progress bar clamped to 0..100%', () => {
    expect(renderProgress(1, 4, 'x')).toBe(`[${'#'.repeat(7)}${'.'.repeat(21)}]  25% x`);
    expect(renderProgress(9, 4, 'y')).toContain('100% y');
  });
});

describe('result folders', () => {
  it('are byte-identical for identical input', async () => {
    const bundle = { tables: [TABLE], jsonTables: ['by_region'], summary: { total: 3.5 } };
    const a = await mkdtemp(path.join(tmpdir(), 'sn-out-'));
    const b = await mkdtemp(path.join(tmpdir(), 'sn-out-'));
    dirs.push(a, b);
    const hashesA = await writeResultBundle(a, bundle);
    const hashesB = await writeResultBundle(b, bundle);
    expect(hashesA).toEqual(hashesB);
    expect((await readdir(a)).sort()).toEqual(['by_region.arrow', 'by_region.csv', 'results.json']);
    const json: unknown = JSON.parse(await readFile(path.join(a, 'results.json'), 'utf8'));
    expect(json).toEqual({
      summary: { total: 3.5 },
      tables: {
        by_region: [
          { region: '11', name_zh: '北京', households: 1.5, sample: 3, suppressed: false },
          { region: '53', name_zh: '云南, "滇"', households: 2, sample: 40, suppressed: true },
        ],
      },
    });
  });
});
