// The CLI's native DuckDB import against the app's DuckDB-wasm import, on the same small files (CSV, Parquet, Arrow
// file and stream, and every hostile case): read whole through the shared loadFile, the native port gives the very same
// outcome, report and engine arrays; read from the path (as files over 256 MiB are), it ends the same way and, when
// the file is read, with the same report, arrays and engine results.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../datasets/index.ts';
import type { ImportResult } from '../../datasets/index.ts';
import { BASELINE_SCENARIO, resolveScenario, simulateYear } from '../../sim/index.ts';
import { nativeFileReader } from '../../cli/dataset/native-read.ts';
import { openNativeDatabase } from '../../cli/duckdb/native-port.ts';
import type { NativeDatabase } from '../../cli/duckdb/native-port.ts';
import { wasmPort } from '../../cli/duckdb/wasm-node.ts';
import { openSharedWasmDuckDb } from '../fixtures/data/shared-wasm.ts';
import type { WasmDuckDb } from '../../cli/duckdb/wasm-node.ts';
import { hostileCases, validHouseholdFiles, validRegionsCsv } from '../fixtures/hostile/corpus.ts';
import type { CorpusExtras, NamedFile } from '../fixtures/hostile/corpus.ts';

let wasm: WasmDuckDb;
let native: NativeDatabase;
let dir: string;
let parquet: Uint8Array;
let extras: CorpusExtras;

beforeAll(async () => {
  wasm = await openSharedWasmDuckDb();
  native = await openNativeDatabase({ threads: 1, memoryLimit: '512MB' });
  dir = mkdtempSync(path.join(tmpdir(), 'native-import-'));
  const csvPath = path.join(dir, 'source.csv');
  writeFileSync(csvPath, validHouseholdFiles().csv.bytes);
  await native.connection.run(
    `COPY (SELECT * FROM read_csv('${csvPath}', header = true)) TO '${dir}/h.parquet' (FORMAT parquet)`,
  );
  parquet = new Uint8Array(readFileSync(path.join(dir, 'h.parquet')));
  extras = {};
});

afterAll(() => {
  wasm?.close();
  native?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The outcome as comparable data: refusal rules and messages, or the report and the engine's arrays. */
function outcomeOf(result: ImportResult): unknown {
  if (!result.ok) return { refused: result.issues.map((i) => ({ rule: i.rule, message: i.message })) };
  const { report, arrays } = result.value;
  if (!arrays) return { report };
  const households = Object.fromEntries(
    Object.entries(arrays.households).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v]),
  );
  return { report, households, regions: arrays.regions };
}

let caseNumber = 0;

/** The file written to its own folder (the name as the user gave it). */
function onDisk(file: NamedFile): string {
  const folder = path.join(dir, `case-${caseNumber++}`);
  mkdirSync(folder);
  const target = path.join(folder, path.basename(file.name) || 'households');
  writeFileSync(target, file.bytes);
  return target;
}

/** The three imports of one households file (with the valid regions file). */
async function threeWays(
  file: NamedFile,
): Promise<{ wasm: ImportResult; whole: ImportResult; streamed: ImportResult }> {
  const regions = validRegionsCsv();
  const householdsPath = onDisk(file);
  const regionsPath = onDisk(regions);
  const viaWasm = await importDataset(wasmPort(wasm), {
    households: { fileName: file.name, bytes: file.bytes },
    regions: { fileName: regions.name, bytes: regions.bytes },
  });
  const whole = await importDataset(native.port, {
    households: nativeFileReader(native, householdsPath),
    regions: nativeFileReader(native, regionsPath),
  });
  const streamed = await importDataset(native.port, {
    households: nativeFileReader(native, householdsPath, 0),
    regions: nativeFileReader(native, regionsPath),
  });
  return { wasm: viaWasm, whole, streamed };
}

describe('native DuckDB import', () => {
  it('gives the same reports, arrays and engine results as DuckDB-wasm on valid CSV, Parquet and Arrow files', async () => {
    const valid = validHouseholdFiles();
    for (const file of [
      valid.csv,
      valid.arrowFile,
      valid.arrowStream,
      { name: 'households.parquet', bytes: parquet },
    ]) {
      const { wasm: a, whole, streamed } = await threeWays(file);
      expect(a.ok && a.value.report.ok, file.name).toBe(true);
      expect(outcomeOf(whole), file.name).toEqual(outcomeOf(a));
      expect(outcomeOf(streamed), file.name).toEqual(outcomeOf(a));
      if (!a.ok || !streamed.ok || !a.value.arrays || !streamed.value.arrays) continue;
      const run = (arrays: NonNullable<typeof a.value.arrays>) =>
        simulateYear(arrays.households, arrays.regions, resolveScenario(BASELINE_SCENARIO, arrays.regions));
      const expected = run(a.value.arrays);
      const got = run(streamed.value.arrays);
      expect(Array.from(got.cells), file.name).toEqual(Array.from(expected.cells));
      expect(Array.from(got.households?.total ?? []), file.name).toEqual(Array.from(expected.households?.total ?? []));
    }
  }, 900_000);

  it('ends the hostile cases as DuckDB-wasm does: identically when read whole, the same way when streamed', async () => {
    const mismatches: string[] = [];
    // Every case refused on reading, and the first case of each rule the report must catch (each validation of a
    // small file costs seconds of query planning on a busy machine, so not all of them).
    const seenRules = new Set<string>();
    const cases = hostileCases(parquet, extras).filter((c) => {
      if (c.expect === 'refused') return true;
      const key = c.rule ?? c.expect;
      if (seenRules.has(key)) return false;
      seenRules.add(key);
      return true;
    });
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) {
      const { wasm: a, whole, streamed } = await threeWays(c.households);
      if (JSON.stringify(outcomeOf(whole)) !== JSON.stringify(outcomeOf(a))) mismatches.push(`${c.id}: whole`);
      const kind = (r: ImportResult): string => (!r.ok ? 'refused' : r.value.report.ok ? 'loaded' : 'invalid');
      if (kind(streamed) !== kind(a)) mismatches.push(`${c.id}: streamed ${kind(streamed)}, wasm ${kind(a)}`);
      else if (kind(a) !== 'refused' && JSON.stringify(outcomeOf(streamed)) !== JSON.stringify(outcomeOf(a)))
        mismatches.push(`${c.id}: streamed report or arrays differ`);
    }
    expect(mismatches).toEqual([]);
  }, 1_800_000);
});
