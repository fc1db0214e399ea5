// Integration: import → identifier refusal → mapping → validation → hand-off against real DuckDB-wasm in Node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWasmDb } from '../fixtures/data/duckdb-node.ts';
import { generateDemo } from '../../datasets/generate/generate.ts';
import { demoToArrow, tableBytes } from '../../datasets/generate/to-arrow.ts';
import { loadFile } from '../../datasets/import/read-file.ts';
import { identityMapping } from '../../datasets/import/mapping.ts';
import { buildCanonicalTables, validateDataset } from '../../datasets/import/validate.ts';
import { handOff } from '../../datasets/import/handoff.ts';

let db: Awaited<ReturnType<typeof openWasmDb>>;
beforeAll(async () => {
  db = await openWasmDb();
});
afterAll(() => db.close());

describe('demo round trip', () => {
  it('loads, validates and hands off the demo', async () => {
    const demo = generateDemo(20_000, 11);
    const arrow = demoToArrow(demo);
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
    expect(h.value.rows).toBe(20_000);
    expect(h.value.metadata.synthetic).toBe('true');
    const sources = {
      households: {
        table: 'raw_households',
        mapping: identityMapping(
          'households',
          h.value.columns.map((c) => c.name),
        ),
      },
      regions: {
        table: 'raw_regions',
        mapping: identityMapping(
          'regions',
          r.value.columns.map((c) => c.name),
        ),
      },
    };
    const report = await validateDataset(db, sources);
    expect(report.issues).toEqual([]);
    await buildCanonicalTables(db, sources, report);
    const { households, regions } = await handOff(db);
    expect(households.count).toBe(20_000);
    expect(regions.count).toBe(31);
    expect(Array.from(households.weight.slice(0, 100))).toEqual(Array.from(demo.households.weight.slice(0, 100)));
    expect(regions.code[households.region[0]]).toBe(demo.households.region_code[0]);
    expect(households.incomePc).toBeInstanceOf(Float64Array);
    expect(households.size).toBeInstanceOf(Uint8Array);
  });
});
