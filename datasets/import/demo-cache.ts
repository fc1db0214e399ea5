// What does not change between starts of the bundled demo: its validation report, weighted totals and the engine's
// region arrays, computed once by the demo build (scripts/demo-cache.ts) with the same import the app runs, and
// trusted by the app only when the files' SHA-256 and the validation rules' hash it was built with match exactly.

import type { RegionArrays } from '../../sim/index.ts';
import { sha256Hex } from '../provenance.ts';
import { ident, rowsOf } from './duckdb-port.ts';
import type { DuckDbPort } from './duckdb-port.ts';
import type { ValidationReport } from './validate.ts';
import { importDataset } from './import-dataset.ts';
import type { DatasetFileInput } from './import-dataset.ts';

/** Version of the cache file's layout; a file of another version is ignored. */
export const DEMO_CACHE_FORMAT = 1;

/** Name of the cache file beside the demo's data files. */
export const DEMO_CACHE_FILE = 'demo-cache.json';

/** What a cache is valid for: the exact bytes of each file and the exact validation and hand-off sources. */
export interface DemoCacheKey {
  /** SHA-256 (hex) of the import, validation and hand-off sources (scripts/demo-cache-key.mjs). */
  rulesHash: string;
  /** SHA-256 (hex) of each data file's bytes, by file name. */
  files: Record<string, string>;
}

/** Weighted households and persons of a canonical households table. */
export interface WeightedTotals {
  households: number;
  persons: number;
}

/** The cache file. */
export interface DemoCache {
  format: number;
  key: DemoCacheKey;
  report: ValidationReport;
  /** Rows of each table and the households file's Arrow metadata (its `synthetic` flag). */
  rows: { households: number; regions: number };
  metadata: Record<string, string>;
  totals: WeightedTotals;
  regions: EncodedRegions;
}

/** Weighted households and persons of the canonical households table (summed by DuckDB). */
export async function weightedTotals(db: DuckDbPort, households = 'households'): Promise<WeightedTotals> {
  const [row] = await rowsOf(
    db,
    `SELECT sum(weight)::DOUBLE AS households, sum(weight * size)::DOUBLE AS persons FROM ${ident(households)}`,
  );
  return { households: Number(row.households), persons: Number(row.persons) };
}

type Float64Key = 'population' | 'standard' | 'incomePrev' | 'consumptionPrev' | 'minWage' | 'centralShare';
const FLOAT64_KEYS: readonly Float64Key[] = [
  'population',
  'standard',
  'incomePrev',
  'consumptionPrev',
  'minWage',
  'centralShare',
];

/** RegionArrays as JSON (typed arrays as plain arrays; JSON numbers round-trip doubles exactly). */
export type EncodedRegions = Omit<RegionArrays, 'province' | Float64Key> & {
  province: number[];
} & Record<Float64Key, number[]>;

export function encodeRegions(regions: RegionArrays): EncodedRegions {
  const encoded = { ...regions, province: Array.from(regions.province) } as unknown as EncodedRegions;
  for (const key of FLOAT64_KEYS) encoded[key] = Array.from(regions[key]);
  return encoded;
}

export function decodeRegions(encoded: EncodedRegions): RegionArrays {
  const regions = { ...encoded, province: Uint16Array.from(encoded.province) } as unknown as RegionArrays;
  for (const key of FLOAT64_KEYS) regions[key] = Float64Array.from(encoded[key]);
  return regions;
}

/**
 * The cache when it has this layout and was built with these validation rules, before its files are checked: lets
 * the app start on it while the files are still being hashed (it is kept only if `matchingDemoCache` then agrees).
 */
export function demoCacheForRules(cache: unknown, rulesHash: string): DemoCache | undefined {
  if (!cache || typeof cache !== 'object') return undefined;
  const candidate = cache as Partial<DemoCache>;
  if (candidate.format !== DEMO_CACHE_FORMAT || !candidate.key || rulesHash === '') return undefined;
  return candidate.key.rulesHash === rulesHash ? (candidate as DemoCache) : undefined;
}

/**
 * The cache when it was built for exactly these file hashes and these rules, else undefined (the app then validates
 * the files itself). An empty rules hash (a build that could not compute one) never matches.
 */
export function matchingDemoCache(
  cache: unknown,
  rulesHash: string,
  files: Readonly<Record<string, string>>,
): DemoCache | undefined {
  const candidate = demoCacheForRules(cache, rulesHash);
  if (!candidate) return undefined;
  const cached = candidate.key.files ?? {};
  const names = Object.keys(files);
  if (names.length !== Object.keys(cached).length) return undefined;
  for (const name of names) if (!files[name] || cached[name] !== files[name]) return undefined;
  return candidate as DemoCache;
}

/**
 * Builds the cache of a dataset given as its two files with the app's own import (read, identifier refusal, identity
 * mapping, validation, canonical views, hand-off) and the app's totals query; throws if the files do not import.
 */
export async function buildDemoCache(
  db: DuckDbPort,
  files: { households: DatasetFileInput; regions: DatasetFileInput },
  rulesHash: string,
): Promise<DemoCache> {
  const hashes = {
    [files.households.fileName]: await sha256Hex(files.households.bytes),
    [files.regions.fileName]: await sha256Hex(files.regions.bytes),
  };
  const imported = await importDataset(db, {
    households: { fileName: files.households.fileName, bytes: files.households.bytes.slice() },
    regions: { fileName: files.regions.fileName, bytes: files.regions.bytes.slice() },
  });
  if (!imported.ok) throw new Error(imported.issues.map((i) => i.message.en).join('; '));
  const { report, arrays, loaded } = imported.value;
  if (!report.ok || !arrays) throw new Error(report.issues.map((i) => i.message.en).join('; '));
  return {
    format: DEMO_CACHE_FORMAT,
    key: { rulesHash, files: hashes },
    report,
    rows: { households: loaded.households.rows, regions: loaded.regions.rows },
    metadata: loaded.households.metadata,
    totals: await weightedTotals(db),
    regions: encodeRegions(arrays.regions),
  };
}
