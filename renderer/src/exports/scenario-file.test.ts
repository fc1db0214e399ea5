// Scenario files: a saved scenario opens back identical; bad JSON, missing, unknown and newer versions are refused
// with bilingual messages naming the file and field; invalid values name their path.
import { describe, expect, it } from 'vitest';
import { openScenarioFile, scenarioFileName, serializeScenario } from './scenario-file.ts';
import { SCENARIO_SCHEMA_VERSION } from '../../../sim/index.ts';
import type { Scenario } from '../../../sim/index.ts';

const scenario: Scenario = {
  schemaVersion: SCENARIO_SCHEMA_VERSION,
  name: '标准提高 10% / Raise standards 10%',
  params: { standard: { scalePct: 10 } },
  monteCarlo: { mode: 'mc', seed: 42, replications: 20 },
};

describe('scenario files', () => {
  it('round-trips a scenario through bytes (with or without a BOM)', () => {
    const text = serializeScenario(scenario);
    expect(text.endsWith('}\n')).toBe(true);
    const opened = openScenarioFile('a.json', new TextEncoder().encode(text));
    expect(opened).toEqual({ ok: true, scenario });
    expect(openScenarioFile('a.json', `\uFEFF${text}`)).toEqual({ ok: true, scenario });
  });

  it('refuses a file from a newer version with a clear bilingual message', () => {
    const result = openScenarioFile(
      'new.json',
      JSON.stringify({ ...scenario, schemaVersion: SCENARIO_SCHEMA_VERSION + 1 }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].path).toBe('schemaVersion');
    expect(result.errors[0].messageZh).toContain('较新版本');
    expect(result.errors[0].messageZh).toContain('new.json');
    expect(result.errors[0].messageEn).toContain('newer workbench');
  });

  it('refuses missing and unknown versions', () => {
    const missing = openScenarioFile('m.json', '{"name":"x"}');
    expect(missing.ok || missing.errors[0].messageEn).toContain('no schemaVersion');
    const text = openScenarioFile('t.json', '{"schemaVersion":"v1","name":"x"}');
    expect(text.ok || text.errors[0].messageEn).toContain('not a known version');
    const zero = openScenarioFile('z.json', '{"schemaVersion":0,"name":"x"}');
    expect(zero.ok || zero.errors[0].messageZh).toContain('不是已知的版本号');
  });

  it('names the line and column of broken JSON', () => {
    const result = openScenarioFile('broken.json', '{\n  "schemaVersion": 1,\n  "name": }');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].messageEn).toMatch(/broken\.json.*not valid JSON at line 3, column \d+/);
    expect(result.errors[0].messageZh).toContain('第 3 行');
  });

  it('passes the engine’s field path and range for invalid values', () => {
    const result = openScenarioFile(
      'bad.json',
      JSON.stringify({ ...scenario, params: { standard: { scalePct: 900 } } }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].path).toBe('params.standard.scalePct');
    expect(result.errors[0].messageEn).toContain('bad.json');
    expect(result.errors[0].messageEn).toContain('-50–200');
  });

  it('refuses arrays and other non-objects', () => {
    const result = openScenarioFile('list.json', '[1,2]');
    expect(result.ok || result.errors[0].messageEn).toContain('one scenario object');
  });

  it('makes safe file names', () => {
    expect(scenarioFileName({ name: '标准/提高: 10%?' })).toBe('标准-提高-10%.scenario.json');
    expect(scenarioFileName({ name: '...' })).toBe('scenario.scenario.json');
  });
});
