// Command helpers that need no dataset: budget amounts with units, scenario text parsing, household files and
// dataset file resolution, each failing with a bilingual error that names the file or field.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRegions, CASE_PRESETS, demoRegionsToArrays } from '../../datasets/index.ts';
import { resolveDatasetFiles } from '../dataset/load-dataset.ts';
import { CliError, EXIT_DATA, EXIT_USAGE } from '../errors.ts';
import { parseScenarioText } from '../scenario-file.ts';
import { householdRecord, readHouseholdFile } from './household.ts';
import { parseYuan } from './solve.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sn-cli-cmd-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function caught(fn: () => unknown): Promise<CliError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

describe('parseYuan', () => {
  it('reads plain yuan and 亿/万/B/M suffixes, refusing nonsense', () => {
    expect(parseYuan('3e11')).toBe(3e11);
    expect(parseYuan('2800亿')).toBe(2800e8);
    expect(parseYuan('2800 亿元')).toBe(2800e8);
    expect(parseYuan('15万')).toBe(15e4);
    expect(parseYuan('280B')).toBe(280e9);
    expect(parseYuan('lots')).toBeUndefined();
    expect(parseYuan('0')).toBeUndefined();
  });
});

describe('scenario text', () => {
  it('accepts a valid scenario and lists every bad field with its path', async () => {
    expect(parseScenarioText('{"schemaVersion":1,"name":"x"}', 'x.json').scenario.name).toBe('x');
    const error = await caught(() =>
      parseScenarioText('{"schemaVersion":1,"name":"x","params":{"takeup":{"monitored":2}}}', 'x.json'),
    );
    expect(error.exitCode).toBe(EXIT_DATA);
    expect(error.details.join('\n')).toContain('params.takeup.monitored');
    expect((await caught(() => parseScenarioText('{', 'broken.json'))).messageEn).toContain('broken.json');
  });
});

describe('household files', () => {
  it('reads a case file and builds the engine record with its region parameters', async () => {
    const preset = CASE_PRESETS[0];
    const file = path.join(dir, 'case.json');
    await writeFile(file, JSON.stringify(preset));
    const input = await readHouseholdFile(file);
    const { regions } = demoRegionsToArrays(buildDemoRegions());
    const record = householdRecord(input.regionCode, input.household, regions);
    const r = regions.code.indexOf(preset.regionCode.slice(0, 2));
    expect(record.regionStandard).toEqual([regions.standard[r * 2], regions.standard[r * 2 + 1]]);
    expect(record.size).toBe(preset.household.size);
  });

  it('refuses inconsistent member counts and unknown regions', async () => {
    const file = path.join(dir, 'bad.json');
    await writeFile(
      file,
      JSON.stringify({ ...CASE_PRESETS[0], household: { ...CASE_PRESETS[0].household, elderly: 9 } }),
    );
    const error = await caught(() => readHouseholdFile(file));
    expect(error.details.join('\n')).toContain('household.elderly');
    const { regions } = demoRegionsToArrays(buildDemoRegions());
    expect((await caught(() => householdRecord('99', CASE_PRESETS[0].household, regions))).messageEn).toContain('99');
  });
});

describe('dataset files', () => {
  it('finds households and regions in a folder, or reports what is missing', async () => {
    await writeFile(path.join(dir, 'households.parquet'), 'x');
    await writeFile(path.join(dir, 'regions.csv'), 'x');
    const files = await resolveDatasetFiles('/', dir, undefined, undefined);
    expect(files).toEqual({ households: path.join(dir, 'households.parquet'), regions: path.join(dir, 'regions.csv') });
    const empty = await mkdtemp(path.join(tmpdir(), 'sn-cli-empty-'));
    const error = await caught(() => resolveDatasetFiles('/', empty, undefined, undefined));
    await rm(empty, { recursive: true });
    expect(error.exitCode).toBe(EXIT_DATA);
    expect(error.messageEn).toContain('households');
    expect((await caught(() => resolveDatasetFiles('/', undefined, undefined, undefined))).exitCode).toBe(EXIT_USAGE);
  });
});
