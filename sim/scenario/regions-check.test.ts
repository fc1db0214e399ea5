// Unknown region codes in a scenario are errors naming the field path; known codes and code prefixes pass.
import { describe, expect, it } from 'vitest';
import { SCENARIO_SCHEMA_VERSION } from './types.ts';
import type { Scenario } from './types.ts';
import { unknownScenarioRegions } from './regions-check.ts';

const regions = { code: ['11', '43', '4301', '430102'] };

describe('unknownScenarioRegions', () => {
  it('accepts codes and prefixes the dataset has', () => {
    const scenario: Scenario = {
      schemaVersion: SCENARIO_SCHEMA_VERSION,
      name: 'ok',
      regionOverrides: [{ region: '43', params: {} }],
      standardOverrides: [{ region: '4301', value: 900 }],
      disaster: { regions: ['430102', '11'], affectedShare: 0.1 },
    };
    expect(unknownScenarioRegions(scenario, regions)).toEqual([]);
  });

  it('names every unknown code with its path', () => {
    const scenario: Scenario = {
      schemaVersion: SCENARIO_SCHEMA_VERSION,
      name: 'bad',
      regionOverrides: [
        { region: '43', params: {} },
        { region: '99', params: {} },
      ],
      standardOverrides: [{ region: '4302', value: 900 }],
      disaster: { regions: ['12'], affectedShare: 0.1 },
    };
    const errors = unknownScenarioRegions(scenario, regions);
    expect(errors.map((e) => e.path)).toEqual([
      'regionOverrides.1.region',
      'standardOverrides.0.region',
      'disaster.regions.0',
    ]);
    expect(errors[0].messageZh).toContain('“99”');
    expect(errors[0].messageEn).toContain('"99" is not in the dataset');
  });
});
