// Compare logic: parameter differences between scenario documents and indicator differences against the first.
import { describe, expect, it } from 'vitest';
import { compareRows, paramDifferences } from './compare-model.ts';
import { applyBulkRule, setParamValue, setStandardOverride } from '../scenario/param-form.ts';
import { fixtureComparison, sampleComparison } from '../results/comparison-fixture.ts';

const base = { schemaVersion: 1, name: 'A' };

describe('paramDifferences', () => {
  it('lists only parameters whose effective values differ, with explicitness', () => {
    const b = setParamValue({ ...base, name: 'B' }, 'standard.consumptionRatioRural', 0.45);
    const c = setParamValue(
      setParamValue({ ...base, name: 'C' }, 'standard.consumptionRatioRural', 0.45),
      'dibao.assetMonths',
      30,
    );
    const diffs = paramDifferences([base, b, c]);
    expect(diffs.map((d) => d.path)).toEqual(['params.standard.consumptionRatioRural', 'params.dibao.assetMonths']);
    expect(diffs[0].values).toEqual([0.4, 0.45, 0.45]);
    expect(diffs[0].explicit).toEqual([false, true, true]);
    expect(diffs[1].def?.unit).toBe('months');
  });
  it('treats a parameter set to its default as no difference, and reports structural fields', () => {
    const b = setParamValue({ ...base, name: 'B' }, 'dibao.assetMonths', 24);
    const withDefault = { ...base, params: { standard: { scalePct: 0 } } };
    expect(paramDifferences([base, withDefault]).map((d) => d.path)).toEqual([]);
    const overrides = setStandardOverride(b, '53', 'rural', 700);
    const diffs = paramDifferences([b, overrides]);
    expect(diffs.length).toBe(1);
    // A named row with its region and unit, not the JSON path "standardOverrides".
    expect(diffs[0].label.zh).toBe('低保标准（指定值）');
    expect(diffs[0].scope).toBe('53 农村/rural');
    expect(diffs[0].unit.zh).toBe('元/人·月');
    expect(diffs[0].values).toEqual([null, 700]);
  });
  it('names per-region settings one row each, with the region they apply to', () => {
    const rural = applyBulkRule(base, { kind: 'consumption', urban: 0.35, rural: 0.45, area: 'rural' }, ['62', '43']);
    const diffs = paramDifferences([base, rural]);
    expect(diffs.map((d) => [d.label.en, d.scope, d.values[1]])).toEqual([
      ['Set standards by consumption ratio', '62 农村/rural', true],
      ['Rural ratio to previous-year consumption', '62 农村/rural', 0.45],
      ['Set standards by consumption ratio', '43 农村/rural', true],
      ['Rural ratio to previous-year consumption', '43 农村/rural', 0.45],
    ]);
    expect(diffs.every((d) => !d.path.startsWith('regionOverrides'))).toBe(true);
  });
});

describe('compareRows', () => {
  it('gives each scenario value and the difference from the first', () => {
    const rise = sampleComparison();
    const flat = fixtureComparison(rise.baseline, rise.baseline, 'Baseline');
    const rows = compareRows([flat, rise]);
    const dibao = rows.find((r) => r.indicator.id === 'dibaoPersons')!;
    expect(dibao.values).toEqual([1_000_000, 1_200_000]);
    expect(dibao.differences[0]).toBe(0);
    expect(dibao.differences[1]).toBeCloseTo(200_000);
    expect(rows.find((r) => r.indicator.id === 'annualCost')!.differences[1]).toBeCloseTo(1.8e9);
  });
});
