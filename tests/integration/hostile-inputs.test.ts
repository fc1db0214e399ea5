// Hostile and broken inputs through the real import (DuckDB-wasm in Node): every case ends in a clear bilingual error
// or a consistent load, never a crash, a hang or a silently wrong load, and the database stays usable. A seeded,
// bounded fuzz test mutates valid files in every format. Writes test-artifacts/hostile-inputs.md as its report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWasmDb } from '../fixtures/data/duckdb-node.ts';
import {
  digitResidentIds,
  hostileCases,
  validHouseholdFiles,
  validHouseholdRows,
  validRegionsCsv,
} from '../fixtures/hostile/corpus.ts';
import type { CorpusExtras, HostileCase, NamedFile } from '../fixtures/hostile/corpus.ts';
import { importOutcome } from '../fixtures/hostile/import-outcome.ts';
import { loadFile, importDataset, makeMapping } from '../../datasets/index.ts';
import { bytes, toCsv } from '../fixtures/data/small-dataset.ts';
import type { Outcome } from '../fixtures/hostile/import-outcome.ts';

/** A case that takes longer than this has hung, whatever the machine. */
const HANG_BOUND_MS = 60_000;

let db: Awaited<ReturnType<typeof openWasmDb>>;
let parquet: Uint8Array;
let extras: CorpusExtras;
/** The corpus, built once for the file (building it costs about a second: GBK through iconv, Arrow and Parquet). */
let cases: HostileCase[];
const report: string[] = [];

beforeAll(async () => {
  db = await openWasmDb();
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  const csvPath = join(dir, 'households.csv');
  writeFileSync(csvPath, validHouseholdFiles().csv.bytes);
  const native = await (await DuckDBInstance.create(':memory:')).connect();
  await native.run(`COPY (SELECT * FROM read_csv('${csvPath}', header = true)) TO '${dir}/h.parquet' (FORMAT parquet)`);
  const ids = digitResidentIds(validHouseholdRows().length);
  const idCases = ids.map((id, i) => `WHEN ${1001 + i} THEN ${id}`).join(' ');
  await native.run(
    `COPY (SELECT *, CAST(CASE household_id ${idCases} END AS DECIMAL(18,0)) AS code2 FROM read_csv('${csvPath}', header = true)) TO '${dir}/ids.parquet' (FORMAT parquet)`,
  );
  native.closeSync();
  parquet = new Uint8Array(readFileSync(join(dir, 'h.parquet')));
  extras = { decimalIdsParquet: new Uint8Array(readFileSync(join(dir, 'ids.parquet'))) };
  cases = hostileCases(parquet, extras);
});

afterAll(() => {
  db?.close();
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync(join('test-artifacts', 'hostile-inputs.md'), report.join('\n') + '\n');
});

/** Runs one import and checks the invariants every outcome must satisfy. */
async function check(file: NamedFile): Promise<Outcome> {
  const started = Date.now();
  const outcome = await importOutcome(db, file, validRegionsCsv());
  expect(Date.now() - started, `${file.name} took too long: a hang`).toBeLessThan(HANG_BOUND_MS);
  if (outcome.kind !== 'loaded') {
    expect(outcome.issues.length).toBeGreaterThan(0);
    for (const issue of outcome.issues) {
      expect(issue.message.zh, issue.rule).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.message.en.length, issue.rule).toBeGreaterThan(10);
      // The user knows their file, not DuckDB's temporary file or table names.
      expect(`${issue.message.zh} ${issue.message.en}`, issue.rule).not.toMatch(/__import|raw_households/);
    }
  }
  // Nothing lost, nothing broken: the database still answers.
  const [{ ok }] = (await db.query('SELECT 42 AS ok')).toArray() as { ok: number }[];
  expect(ok).toBe(42);
  return outcome;
}

describe('hostile input corpus', () => {
  it('builds at least 60 distinct cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('the unbroken files load cleanly (the corpus starts from valid data)', async () => {
    const valid = validHouseholdFiles();
    for (const file of [
      valid.csv,
      valid.arrowFile,
      valid.arrowStream,
      { name: 'households.parquet', bytes: parquet },
    ]) {
      const outcome = await check(file);
      expect(outcome.kind, `${file.name}: ${JSON.stringify(outcome.kind === 'loaded' ? '' : outcome.issues)}`).toBe(
        'loaded',
      );
    }
  });

  it('every hostile case ends as it must, with a clear error, and leaves the database usable', async () => {
    report.push(
      '# Hostile input report',
      '',
      '| case | what | expected | outcome | first message (en) |',
      '|---|---|---|---|---|',
    );
    const failures: string[] = [];
    for (const c of cases) {
      const outcome = await check(c.households);
      const first = outcome.kind === 'loaded' ? '' : outcome.issues[0].message.en.slice(0, 140).replaceAll('|', '/');
      report.push(`| ${c.id} | ${c.what} | ${c.expect} | ${outcome.kind} | ${first} |`);
      if (!meets(c, outcome))
        failures.push(
          `${c.id}: expected ${c.expect}${c.rule ? ` (${c.rule})` : ''}, got ${outcome.kind} ${outcome.kind === 'loaded' ? '' : outcome.issues.map((i) => i.rule).join(',')}`,
        );
    }
    report.push('', `${cases.length} hostile inputs tried; failures: ${failures.length}.`);
    expect(failures).toEqual([]);
  });
});

describe('too big to hold', () => {
  it('refuses a file over the row limit in every format before DuckDB reads it, saying what fits', async () => {
    const valid = validHouseholdFiles();
    for (const file of [
      valid.csv,
      valid.arrowFile,
      valid.arrowStream,
      { name: 'households.parquet', bytes: parquet },
    ]) {
      const result = await loadFile(db, { fileName: file.name, bytes: file.bytes, table: 'too_big', maxRows: 5 });
      expect(result.ok, file.name).toBe(false);
      if (result.ok) continue;
      expect(result.issues[0].rule).toBe('too_many_rows');
      expect(result.issues[0].message.en).toContain('5 that fit');
      const tables = (
        await db.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'too_big'")
      ).toArray();
      expect(Number((tables[0] as { n: number }).n)).toBe(0);
    }
  });
});

/** True when the outcome is what the case requires. */
function meets(c: HostileCase, outcome: Outcome): boolean {
  const ruleOk = !c.rule || (outcome.kind !== 'loaded' && outcome.issues.some((i) => i.rule === c.rule));
  if (c.expect === 'any') return ruleOk;
  return outcome.kind === c.expect && ruleOk;
}

describe('fuzz: seeded, bounded mutations of valid files', () => {
  it('never crashes, hangs or loads silently wrong data', async () => {
    const valid = validHouseholdFiles();
    const bases = [valid.csv, valid.arrowFile, valid.arrowStream, { name: 'households.parquet', bytes: parquet }];
    let seed = 20241029;
    const next = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const counts: Record<Outcome['kind'], number> = { refused: 0, invalid: 0, loaded: 0 };
    const rounds = 120;
    for (let round = 0; round < rounds; round++) {
      const base = bases[round % bases.length];
      const mutated = base.bytes.slice(0, Math.max(1, Math.floor(base.bytes.length * (next() < 0.2 ? next() : 1))));
      const flips = 1 + Math.floor(next() * 8);
      for (let f = 0; f < flips; f++) mutated[Math.floor(next() * mutated.length)] = Math.floor(next() * 256);
      const outcome = await check({ name: base.name, bytes: mutated });
      counts[outcome.kind]++;
    }
    report.push(
      '',
      `Fuzz: ${rounds} mutated files (seeded): ${counts.refused} refused, ${counts.invalid} invalid, ${counts.loaded} loaded consistently.`,
    );
    expect(counts.refused + counts.invalid + counts.loaded).toBe(rounds);
  });
});

describe('saved mappings that no longer match their file', () => {
  it('is an error naming the file and the columns that changed, not a silent fall-back', async () => {
    const valid = validHouseholdFiles().csv;
    const columns = Object.keys(validHouseholdRows()[0]);
    // A mapping saved for the file before it gained a second weight column.
    const saved = makeMapping('households', columns, Object.fromEntries(columns.map((c) => [c, c])));
    const changed = bytes(toCsv(validHouseholdRows().map((r) => ({ ...r, weight_2023: '2' }))));
    const result = await importDataset(db, {
      households: { fileName: 'households.csv', bytes: changed },
      regions: { fileName: 'regions.csv', bytes: validRegionsCsv().bytes },
      mappings: [saved],
      validateOnly: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0].rule).toBe('mapping_mismatch');
    expect(result.issues[0].message.en).toContain('"households.csv"');
    expect(result.issues[0].message.en).toContain('"weight_2023"');
    // The same mapping on the file it was made for is used.
    const same = await importDataset(db, {
      households: { fileName: 'households.csv', bytes: valid.bytes },
      regions: { fileName: 'regions.csv', bytes: validRegionsCsv().bytes },
      mappings: [saved],
      validateOnly: true,
    });
    expect(same.ok).toBe(true);
  });
});
