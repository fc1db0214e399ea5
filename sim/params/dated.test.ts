// Dated parameter values: the value in force in a simulated year, the catalogue in the dated form, resolution by year.
import { describe, expect, it } from 'vitest';
import { syntheticRegions } from '../testing/synthetic.ts';
import { baselineFor, resolveScenario, scenarioParamValues } from '../scenario/resolve.ts';
import { BASELINE_SCENARIO } from '../scenario/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { PARAM_CATALOGUE, datedParam, defaultParamValues, paramValuesAt } from './catalogue.ts';
import { DEFAULT_START_YEAR, isIsoDate, valueInForce } from './dated.ts';
import type { DatedValues } from './dated.ts';
import type { ParamDef } from './types.ts';

/** A law change on 2025-01-01: the national orphan allowance raised from 600 to 700 (an example, not the law). */
const RAISED: DatedValues = {
  '2010-01-01': { value: 600, reference: '民发〔2010〕161号' },
  '2025-01-01': { value: 700, reference: 'an example notice of 2024-12' },
};

describe('valueInForce', () => {
  it('takes the latest value dated on or before 1 January of the year', () => {
    expect(valueInForce(RAISED, 2024)).toEqual({ date: '2010-01-01', value: 600, reference: '民发〔2010〕161号' });
    expect(valueInForce(RAISED, 2025)).toEqual({
      date: '2025-01-01',
      value: 700,
      reference: 'an example notice of 2024-12',
    });
    expect(valueInForce(RAISED, 2030).value).toBe(700);
  });

  it('gives a year before the first date the first value, whatever order the dates are written in', () => {
    const reversed: DatedValues = { '2025-01-01': RAISED['2025-01-01'], '2010-01-01': RAISED['2010-01-01'] };
    expect(valueInForce(reversed, 2000).value).toBe(600);
    expect(valueInForce(reversed, 2026).value).toBe(700);
    // A change later in a year is in force from the next year's 1 January.
    expect(valueInForce({ '2024-01-01': RAISED['2010-01-01'], '2024-10-01': RAISED['2025-01-01'] }, 2024).value).toBe(
      600,
    );
  });
});

describe('the catalogue in the dated form', () => {
  const catalogue: readonly ParamDef[] = PARAM_CATALOGUE;

  it('gives every parameter dated values with ISO dates and a reference on each', () => {
    for (const def of catalogue) {
      const dates = Object.keys(def.values);
      expect(dates.length, def.id).toBeGreaterThan(0);
      for (const date of dates) {
        expect(isIsoDate(date), `${def.id} ${date}`).toBe(true);
        expect(def.values[date].reference.length, `${def.id} ${date}`).toBeGreaterThan(0);
      }
    }
  });

  it('keeps default, reference and in-force date as the entry in force in the default start year', () => {
    for (const def of catalogue) {
      const now = valueInForce(def.values, DEFAULT_START_YEAR);
      expect([def.default, def.reference, def.inForce], def.id).toEqual([now.value, now.reference, now.date]);
    }
    expect(paramValuesAt(DEFAULT_START_YEAR)).toEqual(defaultParamValues());
  });

  it('turns a single value and its source into one dated entry, and a history into its current value', () => {
    const base = {
      id: 'orphan.example',
      group: 'orphan',
      labelZh: '示例',
      labelEn: 'Example',
      descriptionZh: '示例',
      descriptionEn: 'Example',
      unit: 'yuan/person/month',
      min: 0,
      max: 5000,
      step: 10,
      regional: true,
    } as const;
    const single = datedParam({ ...base, default: 600, reference: '民发〔2010〕161号', inForce: '2010-01-01' });
    expect(single.values).toEqual({ '2010-01-01': { value: 600, reference: '民发〔2010〕161号' } });
    const history = datedParam({ ...base, values: RAISED });
    expect([history.default, history.reference, history.inForce]).toEqual([600, '民发〔2010〕161号', '2010-01-01']);
  });

  it('resolves a parameter changing on 2025-01-01 to different values in 2024 and 2025', () => {
    const changed = catalogue.map((def) => (def.id === 'orphan.allowanceDispersed' ? { ...def, values: RAISED } : def));
    const v2024 = paramValuesAt(2024, changed);
    const v2025 = paramValuesAt(2025, changed);
    expect([v2024['orphan.allowanceDispersed'], v2025['orphan.allowanceDispersed']]).toEqual([600, 700]);
    const { 'orphan.allowanceDispersed': _a, ...rest2024 } = v2024;
    const { 'orphan.allowanceDispersed': _b, ...rest2025 } = v2025;
    expect(rest2025).toEqual(rest2024);
  });
});

describe('resolution by simulated year', () => {
  const regions = syntheticRegions(2);
  const projected: Scenario = {
    ...BASELINE_SCENARIO,
    params: { dibao: { assetMonths: 30 } },
    projection: { startYear: 2024, years: 2, standardPath: 'fixed' },
  };

  it('resolves each projection year under the law of that year, the scenario’s values on top', () => {
    for (const yearIndex of [0, 1, 2]) {
      const resolved = resolveScenario(projected, regions, { yearIndex });
      const law = paramValuesAt(2024 + yearIndex);
      expect(resolved.year).toBe(2024 + yearIndex);
      expect(resolved.scalars).toEqual({ ...law, 'dibao.assetMonths': 30 });
      expect(scenarioParamValues(projected, 2024 + yearIndex)).toEqual(resolved.scalars);
    }
  });

  it('starts from the scenario’s start year', () => {
    const later: Scenario = { ...projected, projection: { startYear: 2026, years: 0, standardPath: 'fixed' } };
    expect(resolveScenario(later, regions).year).toBe(2026);
    expect(scenarioParamValues(later)).toEqual({ ...paramValuesAt(2026), 'dibao.assetMonths': 30 });
  });

  it('compares a scenario with a baseline under the same year’s law', () => {
    const later: Scenario = { ...projected, projection: { startYear: 2026, years: 3, standardPath: 'rule' } };
    const baseline = baselineFor(later);
    expect(baseline.projection).toEqual({ startYear: 2026, years: 3, standardPath: 'fixed' });
    expect(baseline.params).toBeUndefined();
    expect(resolveScenario(baseline, regions, { yearIndex: 1 }).scalars).toEqual(paramValuesAt(2027));
    expect(baselineFor({ ...BASELINE_SCENARIO, name: 'x' })).toBe(BASELINE_SCENARIO);
  });
});
