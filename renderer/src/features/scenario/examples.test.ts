// The shipped example scenarios are bundled, named, and accepted by the engine's schema; the schema file is skipped.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_SCENARIOS, examplesFrom } from './examples.ts';

describe('example scenarios', () => {
  it('are all valid scenarios with names', () => {
    expect(EXAMPLE_SCENARIOS.length).toBeGreaterThan(0);
    for (const example of EXAMPLE_SCENARIOS) {
      expect(example.valid, example.id).toBe(true);
      expect(example.name.length).toBeGreaterThan(0);
    }
    expect(EXAMPLE_SCENARIOS.some((e) => e.id === 'scenario.schema')).toBe(false);
  });
  it('flags an invalid document and falls back to the file name', () => {
    const list = examplesFrom({
      '/x/bad.json': { schemaVersion: 1, name: 'Bad', params: { dibao: { assetMonths: -5 } } },
      '/x/unnamed.json': [],
      '/x/scenario.schema.json': {},
    });
    expect(list.map((e) => [e.id, e.name, e.valid])).toEqual([
      ['bad', 'Bad', false],
      ['unnamed', 'unnamed', false],
    ]);
  });
});
