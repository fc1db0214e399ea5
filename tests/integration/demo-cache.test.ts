// The demo cache gives the engine exactly what DuckDB would: report, totals and region arrays from the app's import,
// households straight from the Arrow file equal to the SQL hand-off; and it is trusted only for the same file bytes
// and validation rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import {
  generateDemo,
  demoToArrow,
  tableBytes,
  buildDemoCache,
  decodeRegions,
  demoCacheForRules,
  matchingDemoCache,
  sha256Hex,
  weightedTotals,
  type DemoCache,
  householdArrays,
  householdArraysFromArrow,
  regionArrays,
  identityMapping,
} from '../../datasets/index.ts';
import { wasmPort, type WasmDuckDb } from '../../cli/duckdb/wasm-node.ts';
import { openSharedWasmDuckDb } from '../fixtures/data/shared-wasm.ts';

let duck: WasmDuckDb;
let households: Uint8Array;
let regions: Uint8Array;
let cache: DemoCache;

beforeAll(async () => {
  const arrow = demoToArrow(generateDemo(3000, 5));
  households = tableBytes(arrow.households);
  regions = tableBytes(arrow.regions);
  duck = await openSharedWasmDuckDb();
  const built = await buildDemoCache(
    wasmPort(duck),
    {
      households: { fileName: 'households.arrow', bytes: households },
      regions: { fileName: 'regions.arrow', bytes: regions },
    },
    'rules-a',
  );
  // What the app reads is the JSON file.
  cache = JSON.parse(JSON.stringify(built)) as DemoCache;
});

afterAll(() => duck?.close());

describe('demo cache', () => {
  it('holds the report, totals and region arrays DuckDB computes for the same files', async () => {
    const db = wasmPort(duck);
    expect(cache.report.ok).toBe(true);
    expect(cache.rows.households).toBe(3000);
    expect(cache.totals).toEqual(await weightedTotals(db));
    expect(decodeRegions(cache.regions)).toEqual(await regionArrays(db));
  });

  it('gives the engine the same household arrays from the Arrow file as the SQL hand-off', async () => {
    const arrow = tableFromIPC(households);
    const mapping = identityMapping(
      'households',
      arrow.schema.fields.map((f) => f.name),
    );
    const direct = householdArraysFromArrow({ arrow, mapping }, decodeRegions(cache.regions).code);
    expect(direct).toBeDefined();
    const viaSql = await householdArrays(wasmPort(duck));
    expect(direct!.count).toBe(viaSql.count);
    for (const [key, values] of Object.entries(viaSql)) {
      if (key === 'count') continue;
      expect(Array.from(direct![key as keyof typeof direct] as ArrayLike<number>), key).toEqual(
        Array.from(values as ArrayLike<number>),
      );
    }
  });

  it('is trusted only for the same file hashes and validation rules', async () => {
    const files = { 'households.arrow': await sha256Hex(households), 'regions.arrow': await sha256Hex(regions) };
    expect(matchingDemoCache(cache, 'rules-a', files)).toBeDefined();
    expect(matchingDemoCache(cache, 'rules-b', files)).toBeUndefined();
    expect(matchingDemoCache(cache, '', files)).toBeUndefined();
    const changed = households.slice();
    changed[changed.length - 100] ^= 1;
    expect(matchingDemoCache(cache, 'rules-a', { ...files, 'households.arrow': await sha256Hex(changed) })).toBe(
      undefined,
    );
    expect(matchingDemoCache(cache, 'rules-a', { 'households.arrow': files['households.arrow'] })).toBeUndefined();
    expect(matchingDemoCache({ ...cache, format: 0 }, 'rules-a', files)).toBeUndefined();
    expect(matchingDemoCache(undefined, 'rules-a', files)).toBeUndefined();
  });

  it('is a candidate before its files are hashed only for the same layout and validation rules', () => {
    expect(demoCacheForRules(cache, 'rules-a')).toBe(cache);
    expect(demoCacheForRules(cache, 'rules-b')).toBeUndefined();
    expect(demoCacheForRules(cache, '')).toBeUndefined();
    expect(demoCacheForRules({ ...cache, format: 0 }, 'rules-a')).toBeUndefined();
    expect(demoCacheForRules(null, 'rules-a')).toBeUndefined();
  });
});
