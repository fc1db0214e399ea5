// Runs every case preset through the engine's household trace on the demo regions: each maps to a valid record, the
// trace's components add up to its total, and the stories' expected statuses hold under the baseline.
import { describe, expect, it } from 'vitest';
import { BASELINE_SCENARIO, traceHousehold, withParams, COMPONENT_IDS } from '../../sim/index.ts';
import { CASE_PRESETS } from './cases.ts';
import { caseRecord, demoRegionArrays, regionIndex } from './case-record.ts';

/** Cases describe income as the civil-affairs office assesses it (the error model is off for them). */
const ASSESSED = { incomeAs: 'assessed' } as const;

const regions = demoRegionArrays();

function recordOf(id: string) {
  const preset = CASE_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`missing preset ${id}`);
  const result = caseRecord(preset.regionCode, preset.household, regions);
  if ('error' in result) throw new Error(result.error.messageEn);
  return result.record;
}

describe('case records on the demo regions', () => {
  it('builds the 31 provinces with urban and rural cells', () => {
    expect(regions.count).toBe(31);
    const hunan = regionIndex(regions, '43');
    expect(regions.nameZh[hunan]).toBe('湖南');
    expect(regions.standard[hunan * 2 + 1]).toBe(530);
    expect(regions.standard[hunan * 2]).toBe(700);
  });

  it('maps every preset with its region parameters and codes', () => {
    for (const preset of CASE_PRESETS) {
      const record = recordOf(preset.id);
      expect(record.regionCode).toBe(preset.regionCode);
      expect(record.area).toBe(preset.household.area === 'rural' ? 1 : 0);
      expect(record.regionStandard.every((value) => value > 0)).toBe(true);
    }
  });

  it('traces every preset; components add up to the kernel total', () => {
    for (const preset of CASE_PRESETS) {
      const trace = traceHousehold(recordOf(preset.id), BASELINE_SCENARIO, BASELINE_SCENARIO, ASSESSED);
      for (const run of [trace.baseline, trace.reform]) {
        const sum = COMPONENT_IDS.reduce((total, id) => total + run.components[id], 0);
        expect(sum).toBeCloseTo(run.total, 6);
        expect(run.steps.length).toBeGreaterThan(10);
      }
    }
  });

  it('the stories hold under the baseline rules', () => {
    const status = (id: string) =>
      traceHousehold(recordOf(id), BASELINE_SCENARIO, BASELINE_SCENARIO, ASSESSED).baseline.status;
    expect(status('hebei-care')).toBe('dibao');
    // The Gansu orphan is supported by the orphan allowance, not as tekun: 600 yuan/month × 12 = 7,200 (dispersed
    // national minimum); with an orphan one-off of 1,000 in the scenario he is paid it once: 8,200 in all.
    const gansu = traceHousehold(
      recordOf('gansu-orphan'),
      BASELINE_SCENARIO,
      withParams(BASELINE_SCENARIO, { 'oneOff.orphanAmount': 1000, 'oneOff.tekunAmount': 500 }),
    );
    expect(gansu.baseline.status).toBe('none');
    expect(gansu.baseline.components.orphanAllowance).toBeCloseTo(7200, 9);
    expect(gansu.reform.components.oneOff).toBeCloseTo(1000, 9);
    expect(gansu.reform.total - gansu.reform.components.temporary).toBeCloseTo(8200, 9);
    expect(status('hunan-flood')).toBe('marginal');
    expect(status('shandong-medical')).toBe('rigid');
    const hebei = traceHousehold(recordOf('hebei-care'), BASELINE_SCENARIO, BASELINE_SCENARIO, ASSESSED).baseline;
    expect(hebei.total).toBeGreaterThan(0);
  });

  it('refuses a region the table lacks', () => {
    const result = caseRecord('99', CASE_PRESETS[0].household, regions);
    expect('error' in result && result.error.messageZh).toContain('99');
  });
});
