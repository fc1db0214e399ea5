// Integration: import → identifier refusal → mapping → validation → hand-off against real DuckDB-wasm in Node: the
// shared import sequence, the piecewise Arrow insert, a client that takes over the buffers it is given (as the browser
// one does), and the region index read from the Arrow file.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Decimal,
  Dictionary,
  Float64,
  Int32,
  Int64,
  Table,
  Utf8,
  makeData,
  makeVector,
  tableFromArrays,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import { openWasmDb } from '../fixtures/data/duckdb-node.ts';
import { SMALL_DEMO_ROWS, smallDemo } from '../fixtures/data/small-demo.ts';
import { bytes, goodHouseholds, goodRegions, toCsv } from '../fixtures/data/small-dataset.ts';
import {
  demoToArrow,
  tableBytes,
  demoToEngineArrays,
  loadFile,
  identityMapping,
  makeMapping,
  buildCanonicalTables,
  validateDataset,
  handOff,
  insertArrowTable,
  importDataset,
  HOUSEHOLDS,
  REGIONS,
} from '../../datasets/index.ts';
import { identitySources } from '../fixtures/data/identity-sources.ts';
import type { ImportProgress, DuckDbPort } from '../../datasets/index.ts';
import { HOUSEHOLD_ARRAY_KEYS } from '../../sim/index.ts';

const demo = smallDemo();
const arrow = demoToArrow(demo);

let db: Awaited<ReturnType<typeof openWasmDb>>;
beforeAll(async () => {
  db = await openWasmDb();
});
afterAll(() => db.close());

describe('demo round trip', () => {
  it('loads, validates and hands off the demo', async () => {
    const h = await loadFile(db, {
      fileName: 'households.arrow',
      bytes: tableBytes(arrow.households),
      table: 'raw_households',
    });
    const r = await loadFile(db, {
      fileName: 'regions.arrow',
      bytes: tableBytes(arrow.regions, 'stream'),
      table: 'raw_regions',
      allowPlainName: true,
    });
    if (!h.ok || !r.ok) throw new Error(JSON.stringify([h.issues, r.issues]));
    expect(h.value.rows).toBe(SMALL_DEMO_ROWS);
    expect(h.value.metadata.synthetic).toBe('true');
    const sources = identitySources(
      { table: 'raw_households', loaded: h.value },
      { table: 'raw_regions', loaded: r.value },
    );
    const report = await validateDataset(db, sources);
    expect(report.issues).toEqual([]);
    await buildCanonicalTables(db, sources, report);
    const { households, regions } = await handOff(db);
    expect(households.count).toBe(SMALL_DEMO_ROWS);
    expect(regions.count).toBe(31);
    expect(Array.from(households.weight.slice(0, 100))).toEqual(Array.from(demo.households.weight.slice(0, 100)));
    expect(regions.code[households.region[0]]).toBe(demo.households.region_code[0]);
    expect(households.incomePc).toBeInstanceOf(Float64Array);
    expect(households.size).toBeInstanceOf(Uint8Array);
  });
});

const sha256 = async (data: Uint8Array): Promise<string> => createHash('sha256').update(data).digest('hex');

/** A port that takes over every buffer it is handed, as the browser client does when it posts them to its worker. */
function transferringPort(inner: DuckDbPort, calls: string[] = []): DuckDbPort {
  const take = (data: Uint8Array): Uint8Array => {
    const copy = structuredClone(data, { transfer: [data.buffer] });
    expect(data.byteLength).toBe(0);
    return copy;
  };
  return {
    registerFileBuffer: (name, data) => (calls.push('register'), inner.registerFileBuffer(name, take(data))),
    dropFile: (name) => inner.dropFile(name),
    insertArrowFromIPCStream: (data, options) => (
      calls.push('insert'),
      inner.insertArrowFromIPCStream(take(data), options)
    ),
    query: (sql) => inner.query(sql),
  };
}

/** Columns of a DuckDB table in row order, as JSON text (bigints as text). */
async function contents(table: string): Promise<string> {
  const t = await db.query(`SELECT * FROM ${table} ORDER BY rowid`);
  return JSON.stringify(
    t.toArray().map((r: object) => Object.values(r)),
    (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
  );
}

describe('importDataset', () => {
  const households = { fileName: 'households.arrow', bytes: tableBytes(arrow.households) };
  const regions = { fileName: 'regions.arrow', bytes: tableBytes(arrow.regions) };

  it("reads, validates and hands off a dataset, reporting its phases and the files' hashes", async () => {
    const progress: ImportProgress[] = [];
    const result = await importDataset(db, {
      households,
      regions,
      digest: sha256,
      onProgress: (p) => progress.push(p),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { loaded, report, arrays, timings, sources } = result.value;
    expect(report.issues).toEqual([]);
    expect(loaded.households.digest).toBe(await sha256(households.bytes));
    expect(loaded.regions.digest).toBe(await sha256(regions.bytes));
    expect(sources.households.mapping).toEqual(
      identityMapping(
        'households',
        HOUSEHOLDS.columns.map((c) => c.name),
      ),
    );
    const want = demoToEngineArrays(demo);
    for (const key of HOUSEHOLD_ARRAY_KEYS)
      expect(Array.from(arrays!.households[key]), key).toEqual(Array.from(want.households[key]));
    expect(arrays!.regions.code).toEqual(want.regions.code);
    const phases = progress.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['read', 'identifiers', 'read', 'identifiers', 'read', 'validate', 'handoff']);
    expect(progress.find((p) => p.phase === 'validate')?.rows).toBe(SMALL_DEMO_ROWS);
    for (const ms of Object.values(timings)) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('stops after the report when asked to, and when the report has errors', async () => {
    const only = await importDataset(db, { households, regions, validateOnly: true });
    expect(only.ok && only.value.report.ok && only.value.arrays === undefined).toBe(true);
    const badRegions = tableToIPC(tableFromArrays({ region_code: ['11'], area: Int32Array.from([0]) }), 'file');
    const bad = await importDataset(db, { households, regions: { fileName: 'r.arrow', bytes: badRegions } });
    if (!bad.ok) throw new Error('the regions file is readable');
    expect(bad.value.report.ok).toBe(false);
    expect(bad.value.arrays).toBeUndefined();
  });

  it("uses the saved mapping made for a file's columns", async () => {
    const rows = goodHouseholds().map((r) => ({ ...r, hh_weight: r.weight, weight: undefined }));
    const columns = Object.keys(rows[0]).filter((c) => c !== 'weight');
    const csv = toCsv(
      rows.map((r) => Object.fromEntries(columns.map((c) => [c, String(r[c as keyof typeof r])]))),
      columns,
    );
    const mapping = makeMapping('households', columns, {
      ...identityMapping('households', columns).columns,
      weight: 'hh_weight',
    });
    const result = await importDataset(db, {
      households: { fileName: 'h.csv', bytes: bytes(csv) },
      regions: { fileName: 'r.csv', bytes: bytes(toCsv(goodRegions())) },
      mappings: [
        identityMapping(
          'regions',
          REGIONS.columns.map((c) => c.name),
        ),
        mapping,
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.report.issues).toEqual([]);
    expect(result.value.sources.households.mapping).toEqual(mapping);
    expect(Array.from(result.value.arrays!.households.weight)).toEqual(goodHouseholds().map((r) => Number(r.weight)));
  });

  it('names the file it could not import', async () => {
    const ids = ['11010519491231002X', '440524188001010014', '110101199003074477'];
    const suspect = tableToIPC(tableFromArrays({ id: Int32Array.from([1, 2, 3]), misc: ids }), 'file');
    const result = await importDataset(db, { households: { fileName: 'h.arrow', bytes: suspect }, regions });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result).toMatchObject({ table: 'households', fileName: 'h.arrow' });
      expect(result.issues[0].rule).toBe('identifier_column');
    }
  });
});

describe('piecewise Arrow insert', () => {
  it('creates the same table, in the same order, as one stream', async () => {
    const n = 5_000;
    const table = new Table({
      id: makeVector(Int32Array.from({ length: n }, (_, i) => i)),
      big: vectorFromArray(
        Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : BigInt(i) * 1_000_000_007n)),
        new Int64(),
      ),
      code: vectorFromArray(
        Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : `${10 + (i % 31)}`)),
        new Utf8(),
      ),
      area: vectorFromArray(
        Array.from({ length: n }, (_, i) => ['城镇', '农村', null][i % 3]),
        new Dictionary(new Utf8(), new Int32()),
      ),
      money: vectorFromArray(
        Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : i * 1.5)),
        new Float64(),
      ),
    });
    await db.query('DROP TABLE IF EXISTS whole; DROP TABLE IF EXISTS pieces');
    await db.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name: 'whole', create: true });
    const calls: string[] = [];
    await insertArrowTable(transferringPort(db, calls), 'pieces', table, 300);
    expect(calls.length).toBeGreaterThan(10);
    expect(await contents('pieces')).toBe(await contents('whole'));
    const types = async (t: string) =>
      (await db.query(`SELECT data_type FROM information_schema.columns WHERE table_name = '${t}'`)).toArray();
    expect(await types('pieces')).toEqual(await types('whole'));
  });
});

describe('a client that takes over the buffers it is given', () => {
  it("leaves the caller's Arrow bytes and decoded table intact, hashes them, and hands off from them", async () => {
    for (const format of ['stream', 'file'] as const) {
      const file = tableBytes(arrow.households, format);
      const expected = await sha256(file);
      const port = transferringPort(db);
      const h = await loadFile(port, { fileName: `h.${format}`, bytes: file, table: 'raw_h', digest: sha256 });
      const r = await loadFile(port, {
        fileName: 'r.arrow',
        bytes: tableBytes(arrow.regions),
        table: 'raw_r',
        allowPlainName: true,
      });
      if (!h.ok || !r.ok) throw new Error(JSON.stringify([h.issues, r.issues]));
      expect(file.byteLength).toBeGreaterThan(0);
      expect(h.value.digest).toBe(expected);
      const sources = identitySources({ table: 'raw_h', loaded: h.value }, { table: 'raw_r', loaded: r.value });
      const report = await validateDataset(port, sources);
      await buildCanonicalTables(port, sources, report);
      const direct = await handOff(port, undefined, { arrow: h.value.arrow, mapping: sources.households.mapping });
      const want = demoToEngineArrays(demo);
      for (const key of HOUSEHOLD_ARRAY_KEYS)
        expect(Array.from(direct.households[key]), `${format} ${key}`).toEqual(Array.from(want.households[key]));
    }
  });

  it('gives DuckDB its own copy of a CSV file, so the caller keeps its bytes and their hash', async () => {
    const csv = bytes(toCsv(goodHouseholds()));
    const expected = await sha256(csv);
    const h = await loadFile(transferringPort(db), { fileName: 'h.csv', bytes: csv, table: 'raw_h', digest: sha256 });
    if (!h.ok) throw new Error(JSON.stringify(h.issues));
    expect(h.value.digest).toBe(expected);
    expect(h.value.rows).toBe(12);
    expect(await sha256(csv)).toBe(expected);
  });
});

describe('identifiers in Arrow files', () => {
  it('refuses them before anything reaches DuckDB', async () => {
    const ids = ['11010519491231002X', '440524188001010014', '110101199003074477', '320102198506150016'];
    const calls: string[] = [];
    const r = await loadFile(transferringPort(db, calls), {
      fileName: 'ids.arrow',
      bytes: tableToIPC(tableFromArrays({ id: Int32Array.from([1, 2, 3, 4]), misc: ids }), 'file'),
      table: 'suspect',
    });
    expect(r.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('judges in DuckDB the columns Arrow cannot spell as text (decimals), and keeps nothing', async () => {
    const n = 40;
    const words = new Uint32Array(n * 4);
    for (let i = 0; i < n; i++) {
      const phone = 13_800_000_000n + BigInt(i * 7919);
      words[i * 4] = Number(phone & 0xffffffffn);
      words[i * 4 + 1] = Number(phone >> 32n);
    }
    const contact = makeVector(makeData({ type: new Decimal(0, 18, 128), length: n, nullCount: 0, data: words }));
    const table = new Table({ id: makeVector(Int32Array.from({ length: n }, (_, i) => i + 1)), contact });
    const r = await loadFile(db, { fileName: 'dec.arrow', bytes: tableToIPC(table, 'file'), table: 'suspect' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.column, i.rule])).toEqual([['contact', 'identifier_column']]);
    const left = await db.query(
      `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'suspect'`,
    );
    expect(left.toArray()[0].n).toBe(0);
  });
});

describe('region index from the Arrow file', () => {
  /** Households with prefecture and county codes, some only matched at province level, as text or dictionary. */
  async function handOffBothWays(dictionary: boolean) {
    const rows = goodHouseholds();
    const codes = ['11', '530102', '53', '5301', '5301', '110105', '11', '53', '530102', '11', '5399', '5301'];
    const columns: Record<string, ReturnType<typeof makeVector>> = {};
    for (const c of HOUSEHOLDS.columns) {
      if (c.name === 'region_code') {
        columns[c.name] = vectorFromArray(codes, dictionary ? new Dictionary(new Utf8(), new Int32()) : new Utf8());
      } else if (c.name === 'household_id') {
        columns[c.name] = makeVector(Int32Array.from(rows, (r) => Number(r.household_id)));
      } else {
        columns[c.name] = makeVector(Float64Array.from(rows, (r) => Number(r[c.name])));
      }
    }
    const h = await loadFile(db, {
      fileName: 'h.arrow',
      bytes: tableToIPC(new Table(columns), 'file'),
      table: 'raw_h',
    });
    const r = await loadFile(db, {
      fileName: 'r.csv',
      bytes: bytes(toCsv(goodRegions())),
      table: 'raw_r',
      allowPlainName: true,
    });
    if (!h.ok || !r.ok) throw new Error(JSON.stringify([h.issues, r.issues]));
    const sources = identitySources({ table: 'raw_h', loaded: h.value }, { table: 'raw_r', loaded: r.value });
    const report = await validateDataset(db, sources);
    expect(report.ok).toBe(true);
    expect(report.issues.find((i) => i.rule === 'region_at_province')?.count).toBe(4);
    await buildCanonicalTables(db, sources, report);
    const viaSql = await handOff(db);
    const direct = await handOff(db, undefined, { arrow: h.value.arrow, mapping: sources.households.mapping });
    return { viaSql, direct, codes };
  }

  for (const dictionary of [false, true]) {
    it(`matches the SQL rule (exact code, else province) for ${dictionary ? 'dictionary-encoded' : 'plain'} text`, async () => {
      const { viaSql, direct, codes } = await handOffBothWays(dictionary);
      expect(viaSql.regions.code).toEqual(['11', '53', '5301']);
      expect(Array.from(direct.households.region)).toEqual(Array.from(viaSql.households.region));
      expect(Array.from(direct.households.region).map((i) => viaSql.regions.code[i])).toEqual(
        codes.map((c) => (c === '5301' ? '5301' : c.slice(0, 2))),
      );
    });
  }
});
