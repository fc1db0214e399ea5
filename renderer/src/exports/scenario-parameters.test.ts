// Parameter rows: the whole catalogue with baseline and scenario values, plus regional and absolute overrides.
import { describe, expect, it } from 'vitest';
import { scenarioParameterRows } from './scenario-parameters.ts';
import { PARAM_CATALOGUE, parseScenario } from '../../../sim/index.ts';
import { isChanged } from './parameters.ts';

describe('scenarioParameterRows', () => {
  it('lists every catalogue parameter and marks what the scenario changes', () => {
    const rows = scenarioParameterRows({
      schemaVersion: 1,
      name: 'x',
      params: { standard: { scalePct: 10 } },
    });
    expect(rows.length).toBe(PARAM_CATALOGUE.length);
    const changed = rows.filter(isChanged);
    expect(changed.map((row) => [row.id, row.baseline, row.scenario])).toEqual([['standard.scalePct', 0, 10]]);
    expect(changed[0].unit).toEqual({ zh: '%', en: '%' });
  });

  it('shows switches as booleans and adds regional and absolute overrides with their scope', () => {
    const rows = scenarioParameterRows({
      schemaVersion: 1,
      name: 'x',
      params: { standard: { useConsumptionRatio: true } },
      regionOverrides: [{ region: '43', area: 'rural', params: { standard: { scalePct: 20 } } }],
      standardOverrides: [{ region: '11', value: 1450 }],
    });
    expect(rows.find((row) => row.id === 'standard.useConsumptionRatio' && row.scope === '')).toMatchObject({
      baseline: false,
      scenario: true,
    });
    expect(rows.find((row) => row.scope === '43 农村/rural')).toMatchObject({
      id: 'standard.scalePct',
      baseline: 0,
      scenario: 20,
    });
    expect(rows.find((row) => row.id === 'standardOverrides')).toMatchObject({ scope: '11', scenario: 1450 });
  });
});

describe('effectiveRows', () => {
  it('shows both consumption ratios in effect when the scenario turns the consumption-ratio rule on', async () => {
    const { effectiveRows } = await import('./parameters.ts');
    const { getParamDef } = await import('../../../sim/index.ts');
    const parsed = parseScenario({
      schemaVersion: 1,
      name: 'ratio',
      params: { standard: { useConsumptionRatio: true, consumptionRatioRural: 0.45 } },
    });
    if (!parsed.ok) throw new Error('invalid');
    const rows = effectiveRows(scenarioParameterRows(parsed.scenario), (id) => getParamDef(id)?.appliesWith);
    expect(rows.map((row) => [row.id, row.baseline, row.scenario])).toEqual([
      ['standard.useConsumptionRatio', false, true],
      ['standard.consumptionRatioUrban', 0.35, 0.35],
      ['standard.consumptionRatioRural', 0.4, 0.45],
    ]);
  });
});
