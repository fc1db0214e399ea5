// Integration: Arrow (file and stream), Parquet and CSV — the latter two written by native DuckDB, not by the app —
// imported into DuckDB-wasm and handed off identically; truncated and corrupt files give clear errors; results write back.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWasmDb } from '../fixtures/data/duckdb-node.ts';
import { SMALL_DEMO_ROWS, smallDemo } from '../fixtures/data/small-demo.ts';
import { toCsv } from '../fixtures/data/small-dataset.ts';
import type { Row } from '../fixtures/data/small-dataset.ts';
import {
  demoToArrow,
  tableBytes,
  demoToEngineArrays,
  loadFile,
  buildCanonicalTables,
  validateDataset,
  handOff,
  writeResultTable,
  rowsOf,
} from '../../datasets/index.ts';
import type { DemoData, FileFormat } from '../../datasets/index.ts';
import { identitySources } from '../fixtures/data/identity-sources.ts';
import { HOUSEHOLD_ARRAY_KEYS } from '../../sim/index.ts';

let db: Awaited<ReturnType<typeof openWasmDb>>;
let dir: string;
let demo: DemoData;
const files: Record<string, Uint8Array> = {};

/** Demo table as CSV text written by JS, for native DuckDB to read and rewrite. */
function demoCsv(columns: Record<string, ArrayLike<number> | string[]>, count: number): string {
  const names = Object.keys(columns).filter((n) => n !== 'count');
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) rows.push(Object.fromEntries(names.map((n) => [n, String(columns[n][i])])));
  return toCsv(rows, names);
}

beforeAll(async () => {
  db = await openWasmDb();
  dir = mkdtempSync(path.join(tmpdir(), 'data-formats-'));
  demo = smallDemo();
  const { count: _h, ...h } = demo.households;
  const { count: _r, ...r } = demo.regions;
  writeFileSync(path.join(dir, 'h.csv'), demoCsv(h, demo.households.count));
  writeFileSync(path.join(dir, 'r.csv'), demoCsv(r, demo.regions.count));
  const native = await (await DuckDBInstance.create(':memory:')).connect();
  const types = (cols: string[], text: string[]): string =>
    `{${cols.map((c) => `'${c}': '${text.includes(c) ? 'VARCHAR' : /income|earn|assets|medical|education|rehab|weight|population|standard|consumption|wage|share/.test(c) ? 'DOUBLE' : 'INTEGER'}'`).join(', ')}}`;
  const hCols = Object.keys(h);
  const rCols = Object.keys(r);
  await native.run(
    `CREATE TABLE h AS SELECT * FROM read_csv('${dir}/h.csv', header = true, columns = ${types(hCols, ['region_code'])})`,
  );
  await native.run(
    `CREATE TABLE r AS SELECT * FROM read_csv('${dir}/r.csv', header = true, columns = ${types(rCols, ['region_code', 'name_zh', 'name_en'])})`,
  );
  for (const t of ['h', 'r']) {
    await native.run(`COPY ${t} TO '${dir}/${t}.parquet' (FORMAT parquet)`);
    await native.run(`COPY ${t} TO '${dir}/${t}.native.csv' (FORMAT csv, HEADER true)`);
    files[`${t}.parquet`] = readFileSync(path.join(dir, `${t}.parquet`));
    files[`${t}.native.csv`] = readFileSync(path.join(dir, `${t}.native.csv`));
  }
  native.closeSync();
  const arrow = demoToArrow(demo);
  files['h.arrow'] = tableBytes(arrow.households, 'file');
  files['h.arrows'] = tableBytes(arrow.households, 'stream');
  files['r.arrow'] = tableBytes(arrow.regions, 'file');
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function importAndHandOff(hName: string, rName: string, format: FileFormat) {
  const h = await loadFile(db, { fileName: hName, bytes: files[hName], table: 'raw_h' });
  const r = await loadFile(db, { fileName: rName, bytes: files[rName], table: 'raw_r', allowPlainName: true });
  if (!h.ok || !r.ok) throw new Error(JSON.stringify([h.issues, r.issues]));
  expect(h.value.format).toBe(format);
  expect(h.value.rows).toBe(SMALL_DEMO_ROWS);
  const sources = identitySources({ table: 'raw_h', loaded: h.value }, { table: 'raw_r', loaded: r.value });
  const report = await validateDataset(db, sources);
  expect(report.issues).toEqual([]);
  await buildCanonicalTables(db, sources, report);
  const viaSql = await handOff(db);
  const direct = await handOff(db, undefined, { arrow: h.value.arrow, mapping: sources.households.mapping });
  for (const key of HOUSEHOLD_ARRAY_KEYS)
    expect(direct.households[key], `direct ${key}`).toEqual(viaSql.households[key]);
  return viaSql;
}

describe('formats', () => {
  const expected = () => demoToEngineArrays(demo);

  for (const [hName, rName, format] of [
    ['h.arrow', 'r.arrow', 'arrow-file'],
    ['h.arrows', 'r.arrow', 'arrow-stream'],
    ['h.parquet', 'r.parquet', 'parquet'],
    ['h.native.csv', 'r.native.csv', 'csv'],
  ] as const) {
    it(`imports ${format} and hands off the same arrays as the generator`, async () => {
      const got = await importAndHandOff(hName, rName, format);
      const want = expected();
      for (const key of HOUSEHOLD_ARRAY_KEYS) {
        expect(Array.from(got.households[key]), key).toEqual(Array.from(want.households[key]));
      }
      expect(got.regions.code).toEqual(want.regions.code);
      expect(Array.from(got.regions.standard)).toEqual(Array.from(want.regions.standard));
      expect(Array.from(got.regions.centralShare)).toEqual(Array.from(want.regions.centralShare));
      expect(got.regions.nameZh).toEqual(want.regions.nameZh);
    });
  }
});

describe('broken files', () => {
  const expectUnreadable = async (fileName: string, bytes: Uint8Array, rule = 'unreadable_file') => {
    const r = await loadFile(db, { fileName, bytes, table: 'broken' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].rule).toBe(rule);
      expect(r.issues[0].message.zh).toContain(fileName);
      expect(r.issues[0].message.en).toContain(fileName);
    }
    const left = await rowsOf(
      db,
      `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'broken'`,
    );
    expect(left[0].n).toBe(0);
  };

  it('reports truncated Arrow files and streams', async () => {
    await expectUnreadable('cut.arrow', files['h.arrow'].subarray(0, Math.floor(files['h.arrow'].length / 2)));
    await expectUnreadable('cut.arrows', files['h.arrows'].subarray(0, Math.floor(files['h.arrows'].length / 2)));
  });

  it('reports truncated and corrupt Parquet', async () => {
    const p = files['h.parquet'];
    await expectUnreadable('cut.parquet', p.subarray(0, Math.floor(p.length / 2)));
    const footerLength = new DataView(p.buffer, p.byteOffset, p.byteLength).getInt32(p.length - 8, true);
    const corruptFooter = p.slice();
    corruptFooter.fill(0x5a, p.length - 8 - footerLength, p.length - 8);
    await expectUnreadable('corrupt.parquet', corruptFooter);
  });

  it('survives corrupt Parquet data pages: an error issue or a table, never an exception', async () => {
    const p = files['h.parquet'];
    const corrupt = p.slice();
    corrupt.fill(0x5a, 64, Math.min(p.length - 64, 4096));
    const r = await loadFile(db, { fileName: 'pages.parquet', bytes: corrupt, table: 'pages' });
    if (!r.ok) expect(r.issues[0].rule).toBe('unreadable_file');
    else expect(r.value.rows).toBe(SMALL_DEMO_ROWS);
  });

  it('reads GB18030-encoded, semicolon-separated CSV', async () => {
    const areaGbk = [0xb3, 0xc7, 0xcf, 0xe7];
    const bytes = new Uint8Array([...areaGbk, ...new TextEncoder().encode(';y\n1;2\n')]);
    const r = await loadFile(db, { fileName: 'gbk.csv', bytes, table: 'gbk' });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.columns.map((c) => c.name)).toEqual(['城乡', 'y']);
    expect(r.value.rows).toBe(1);
  });

  it('reports a CSV cut in the middle of a row', async () => {
    const text = new TextDecoder().decode(files['h.native.csv']);
    const cut = text.slice(0, text.indexOf('\n', 2000) + 12);
    await expectUnreadable('cut.csv', new TextEncoder().encode(cut));
  });

  it('reports unknown formats and garbage', async () => {
    await expectUnreadable('data.bin', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), 'unknown_format');
    await expectUnreadable('data.arrow', new Uint8Array(1000).fill(7));
  });
});

describe('write-back', () => {
  it('writes per-household result arrays into DuckDB for SQL', async () => {
    const { households } = await importAndHandOff('h.arrow', 'r.arrow', 'arrow-file');
    const total = Float64Array.from(households.incomePc, (x) => x / 10);
    const status = households.programme.slice();
    const n = await writeResultTable(db, 'results', {
      source_row: Int32Array.from({ length: households.count }, (_, i) => i + 1),
      total,
      status,
    });
    expect(n).toBe(SMALL_DEMO_ROWS);
    const [row] = await rowsOf(
      db,
      `SELECT count(*)::INTEGER AS n, sum(r.total * h.weight) AS cost, sum(CASE WHEN r.status = h.programme THEN 1 ELSE 0 END)::INTEGER AS same FROM results r JOIN households h USING (source_row)`,
    );
    let cost = 0;
    for (let i = 0; i < households.count; i++) cost += total[i] * households.weight[i];
    expect(row.n).toBe(SMALL_DEMO_ROWS);
    expect(row.same).toBe(SMALL_DEMO_ROWS);
    expect(Number(row.cost) / cost).toBeCloseTo(1, 9);
  });
});
