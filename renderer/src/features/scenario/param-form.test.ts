// Scenario editor logic against the real catalogue and the engine's parseScenario: sections, minimal patches,
// per-region overrides, bulk standard rules, and field-path validation.
import { describe, expect, it } from 'vitest';
import { PARAM_CATALOGUE, parseScenario, resolveScenario } from '../../../../sim/index.ts';
import { syntheticRegions } from '../../../../sim/testing/index.ts';
import {
  PARAM_SECTIONS,
  applyBulkRule,
  displayUnit,
  getParamValue,
  getRegionParam,
  getStandardOverride,
  paramsOfSection,
  setParamValue,
  setRegionParam,
  setStandardOverride,
  validateDocument,
} from './param-form.ts';

const base = { schemaVersion: 1, name: 'Test' };

describe('sections', () => {
  it('place every catalogue parameter in exactly one section', () => {
    const placed = PARAM_SECTIONS.flatMap((s) => paramsOfSection(s).map((p) => p.id));
    expect(placed.sort()).toEqual(PARAM_CATALOGUE.map((p) => p.id).sort());
  });
  it('start with the standard-setting rule', () => {
    expect(paramsOfSection(PARAM_SECTIONS[0]).map((p) => p.id)).toContain('standard.consumptionRatioRural');
  });
});

describe('parameter values', () => {
  it('reads defaults and writes a minimal patch', () => {
    expect(getParamValue(base, 'dibao.assetMonths')).toBe(
      PARAM_CATALOGUE.find((p) => p.id === 'dibao.assetMonths')?.default,
    );
    const doc = setParamValue(base, 'dibao.assetMonths', 30);
    expect(doc).toEqual({ ...base, params: { dibao: { assetMonths: 30 } } });
    expect(getParamValue(doc, 'dibao.assetMonths')).toBe(30);
    const back = setParamValue(doc, 'dibao.assetMonths', getParamValue(base, 'dibao.assetMonths'));
    expect(back).toEqual(base);
  });
  it('stores switches as booleans the schema accepts', () => {
    const doc = setParamValue(base, 'standard.useConsumptionRatio', 1);
    expect(doc.params).toEqual({ standard: { useConsumptionRatio: true } });
    expect(getParamValue(doc, 'standard.useConsumptionRatio')).toBe(1);
    expect(parseScenario(doc).ok).toBe(true);
  });
});

describe('per-region settings', () => {
  it('sets, reads and clears a regional parameter without touching others', () => {
    let doc = setRegionParam(base, '53', 'rural', 'standard.scalePct', 10);
    doc = setRegionParam(doc, '53', 'rural', 'standard.ruralFloor', 0.8);
    expect(getRegionParam(doc, '53', 'rural', 'standard.scalePct')).toBe(10);
    expect(getRegionParam(doc, '53', 'both', 'standard.scalePct')).toBeUndefined();
    doc = setRegionParam(doc, '53', 'rural', 'standard.scalePct', undefined);
    expect(doc.regionOverrides).toEqual([{ region: '53', area: 'rural', params: { standard: { ruralFloor: 0.8 } } }]);
    doc = setRegionParam(doc, '53', 'rural', 'standard.ruralFloor', undefined);
    expect(doc).toEqual(base);
  });
  it('sets absolute standards per area', () => {
    let doc = setStandardOverride(base, '11', 'urban', 1500);
    doc = setStandardOverride(doc, '11', 'rural', 1400);
    expect(getStandardOverride(doc, '11', 'urban')).toBe(1500);
    expect(getStandardOverride(doc, '11', 'rural')).toBe(1400);
    expect(parseScenario(doc).ok).toBe(true);
    doc = setStandardOverride(doc, '11', 'urban', undefined);
    expect(getStandardOverride(doc, '11', 'urban')).toBeUndefined();
  });
});

describe('bulk rules', () => {
  it('limits a consumption-ratio rule to rural standards: urban standards stay as they are', () => {
    const codes = ['11', '62'];
    const doc = applyBulkRule(base, { kind: 'consumption', urban: 0.5, rural: 0.7, area: 'rural' }, 'all', codes);
    expect(doc.params).toBeUndefined();
    expect(getRegionParam(doc, '62', 'rural', 'standard.useConsumptionRatio')).toBe(1);
    expect(getRegionParam(doc, '62', 'rural', 'standard.consumptionRatioRural')).toBe(0.7);
    expect(getRegionParam(doc, '62', 'urban', 'standard.useConsumptionRatio')).toBeUndefined();
    const parsed = parseScenario(doc);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const regions = syntheticRegions(4);
    regions.code.splice(0, 2, '11', '62');
    regions.provinceCodes.splice(0, 2, '11', '62');
    const resolved = resolveScenario(parsed.scenario, regions);
    // A 50% urban ratio would lift the second province's urban standard; limited to rural, it does not apply.
    expect((0.5 * regions.consumptionPrev[2]) / 12).toBeGreaterThan(regions.standard[2]);
    for (const r of [0, 1]) {
      expect(resolved.standard[r * 2]).toBe(regions.standard[r * 2]);
      // At 70% of consumption the rule lifts both rural standards above their current values (hand-checked).
      const rule = (0.7 * regions.consumptionPrev[r * 2 + 1]) / 12;
      expect(rule).toBeGreaterThan(regions.standard[r * 2 + 1]);
      expect(resolved.standard[r * 2 + 1]).toBeCloseTo(rule, 9);
    }
    // Provinces not in the list keep both standards.
    expect(resolved.standard[5]).toBe(regions.standard[5]);
  });
  it('limits a rise to urban standards of the ticked provinces', () => {
    const doc = applyBulkRule(base, { kind: 'scale', pct: 8, area: 'urban' }, ['62']);
    expect(getRegionParam(doc, '62', 'urban', 'standard.scalePct')).toBe(8);
    expect(getRegionParam(doc, '62', 'rural', 'standard.scalePct')).toBeUndefined();
  });
  it('sets the national consumption-ratio rule for all regions', () => {
    const doc = applyBulkRule(base, { kind: 'consumption', urban: 0.35, rural: 0.4 }, 'all');
    expect(doc.params).toEqual({ standard: { useConsumptionRatio: true } }); // both ratios equal their defaults
    expect(getParamValue(doc, 'standard.consumptionRatioRural')).toBe(0.4);
    expect(parseScenario(doc).ok).toBe(true);
  });
  it('writes per-province overrides for a selection', () => {
    const doc = applyBulkRule(base, { kind: 'scale', pct: 12 }, ['53', '52']);
    expect(getRegionParam(doc, '53', 'both', 'standard.scalePct')).toBe(12);
    expect(getRegionParam(doc, '52', 'both', 'standard.scalePct')).toBe(12);
    expect(doc.params).toBeUndefined();
    const floor = applyBulkRule(doc, { kind: 'ruralFloor', share: 0.9 }, 'all');
    expect(getParamValue(floor, 'standard.ruralFloor')).toBe(0.9);
    expect(parseScenario(floor).ok).toBe(true);
  });
});

describe('validation', () => {
  it('keys engine errors by the field path', () => {
    const bad = { ...base, params: { dibao: { assetMonths: 500 } } };
    const result = validateDocument(bad);
    expect(result.ok).toBe(false);
    const message = result.byPath.get('params.dibao.assetMonths');
    expect(message?.messageZh).toContain('params.dibao.assetMonths');
    expect(message?.messageEn).toContain('outside the allowed range');
  });
  it('accepts the baseline', () => {
    expect(validateDocument(base).ok).toBe(true);
  });
});

describe('display units', () => {
  it('shows shares as percent and money with its unit in both languages', () => {
    const share = PARAM_CATALOGUE.find((p) => p.unit === 'share')!;
    expect(displayUnit(share, 'zh')).toEqual({ scale: 100, unit: '%' });
    const months = PARAM_CATALOGUE.find((p) => p.unit === 'months')!;
    expect(displayUnit(months, 'en').unit).toBe('months');
  });
});
