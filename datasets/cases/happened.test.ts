// Each case study "as it happened" reproduces the 2024 national review's amounts: the engine's realised trace pays
// the temporary assistance the review reports (Hunan flood 5,000; Shandong medical 4,000; Nanjing study grant 2,000),
// charity aid stays outside government cost, the Hebei family has three members needing care, and the Gansu orphan
// is on the orphan allowance.
import { describe, expect, it } from 'vitest';
import { BASELINE_SCENARIO, traceHousehold, withParams } from '../../sim/index.ts';
import type { Scenario } from '../../sim/index.ts';
import { CASE_PRESETS } from './cases.ts';
import { caseRecord, demoRegionArrays } from './case-record.ts';

const regions = demoRegionArrays();

function happened(id: string, reform: Scenario = BASELINE_SCENARIO) {
  const preset = CASE_PRESETS.find((p) => p.id === id)!;
  const made = caseRecord(preset.regionCode, preset.household, regions);
  if ('error' in made) throw new Error(made.error.messageEn);
  const facts = preset.happened!;
  const trace = traceHousehold(made.record, BASELINE_SCENARIO, reform, {
    outcome: 'realised',
    events: facts.events,
    eventAmounts: facts.amounts,
    localRules: preset.localRules?.regionOverrides,
    // As every host traces a case: income as the civil-affairs office assessed it.
    incomeAs: 'assessed',
  });
  return { preset, trace, record: made.record };
}

describe('case studies as they happened', () => {
  it('pay the temporary assistance the review reports', () => {
    for (const id of ['hunan-flood', 'shandong-medical', 'jiangsu-migrant']) {
      const { preset, trace } = happened(id);
      const reported = preset.reportedAid.reduce((sum, aid) => sum + aid.yuan, 0);
      expect(trace.baseline.components.temporary, id).toBeCloseTo(reported, 6);
    }
  });

  it('keep the approved months when a reform raises the standard', () => {
    // Hunan: 5,000 yuan were approved at the current rural standard; a 10% rise pays the same months, 5,500.
    const { trace } = happened('hunan-flood', withParams(BASELINE_SCENARIO, { 'standard.scalePct': 10 }));
    expect(trace.reform.components.temporary).toBeCloseTo(5500, 6);
  });

  it('keeps charity aid outside government cost', () => {
    const { preset, trace } = happened('shandong-medical');
    const charity = preset.happened!.nonGovernment.reduce((sum, aid) => sum + aid.yuan, 0);
    expect(charity).toBe(50_000);
    const government = Object.values(trace.baseline.components).reduce((sum, v) => sum + v, 0);
    expect(trace.baseline.total).toBeCloseTo(government, 6);
    expect(trace.baseline.total).toBeLessThan(charity);
  });

  it('tell the Nanjing story: without local hukou the family gets no local status, only temporary assistance', () => {
    // Income 16,800 a year = 1,400 a month per person, below 1.5 × the Jiangsu urban standard: marginal by income
    // alone, but Nanjing does not assess non-local hukou households (localRules), so: no status, 2,000 yuan of
    // temporary assistance where they live (现时现地), nothing else.
    const { preset, trace } = happened('jiangsu-migrant');
    expect(preset.household.localHukou).toBe(0);
    const residence = trace.baseline.steps.find((step) => step.id === 'residence');
    expect(residence?.result).toBe(false);
    expect(trace.baseline.steps.find((step) => step.id === 'marginalTest')?.result).toBe(false);
    expect(trace.baseline.status).toBe('none');
    expect(trace.baseline.total).toBeCloseTo(2000, 6);
    // A reform letting non-local residents apply where they live (nationally) makes them marginal again: the
    // scenario's own setting wins over the place's rule.
    const open = withParams(BASELINE_SCENARIO, { 'dibao.nonLocalHukouEligible': 1 });
    const reformed = happened('jiangsu-migrant', open).trace;
    expect(reformed.baseline.status).toBe('none');
    expect(reformed.reform.status).toBe('marginal');
    expect(reformed.reform.steps.find((step) => step.id === 'residence')?.result).toBe(true);
  });

  it('give the Hebei family three members needing care and the Gansu orphan the orphan allowance', () => {
    const hebei = CASE_PRESETS.find((p) => p.id === 'hebei-care')!.household;
    expect(hebei.careFull + hebei.careHalf).toBe(3);
    const { trace } = happened('gansu-orphan');
    expect(trace.baseline.status).not.toBe('tekun');
    expect(trace.baseline.components.orphanAllowance).toBeGreaterThan(0);
  });
});
