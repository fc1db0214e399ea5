// Tests the trace view model on a real engine trace of a preset: rows merged in order, results written out,
// differing rules flagged, components side by side and adding up to the kernel totals.
import { describe, expect, it } from 'vitest';
import { BASELINE_SCENARIO, traceHousehold, withParams } from '../../../../sim/index.ts';
import type { TraceStep } from '../../../../sim/index.ts';
import { CASE_PRESETS } from '../../../../datasets/index.ts';
import { formFromPreset } from './household-form.ts';
import { fallbackRegions, toHouseholdRecord } from './household-record.ts';
import { amountParts, capitalise, componentRows, formatInputs, traceRows } from './trace-view.ts';
import { formatAnnual, formatComparison, formatResult, programmeLabel } from '../../format/trace-format.ts';

function trace(id: string, scalePct: number) {
  const preset = CASE_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`missing ${id}`);
  const result = toHouseholdRecord(formFromPreset(preset), fallbackRegions());
  if ('error' in result) throw new Error(result.error.messageEn);
  return traceHousehold(
    result.record,
    BASELINE_SCENARIO,
    withParams(BASELINE_SCENARIO, { 'standard.scalePct': scalePct }),
    { incomeAs: 'assessed' },
  );
}

describe('trace view', () => {
  it('merges the two runs rule by rule and flags what the reform changes', () => {
    const rows = traceRows(trace('hunan-flood', 20), 'zh');
    expect(rows[0].id).toBe('standard');
    expect(rows.find((row) => row.id === 'standard')?.differs).toBe(true);
    expect(rows.find((row) => row.id === 'carTest')?.differs).toBe(false);
    const status = rows.find((row) => row.id === 'status');
    expect(status && formatResult(status.baseline as TraceStep, 'zh')).toBe('低保边缘');
    expect(status && formatResult(status.reform as TraceStep, 'en')).toBe('dibao');
  });

  it('writes tests, comparisons, probabilities and inputs in the reader language', () => {
    const rows = traceRows(trace('hebei-care', 0), 'en');
    const dibao = rows.find((row) => row.id === 'dibaoTest')?.baseline as TraceStep;
    expect(formatResult(dibao, 'en')).toBe('✓ passes');
    expect(formatResult(dibao, 'zh')).toBe('✓ 通过');
    expect(formatComparison(dibao, 'en')).toBe('241.67 < 580');
    const enrol = rows.find((row) => row.id === 'enrolment')?.baseline as TraceStep;
    expect(formatResult(enrol, 'en')).toBe('100%');
    // A realised case's outcome is a count of events, not a pass/fail test.
    const outcome: TraceStep = { id: 'outcome', labelZh: '', labelEn: '', inputs: {}, result: 2, unit: 'events' };
    expect(formatResult(outcome, 'zh')).toBe('2 件');
    expect(formatResult(outcome, 'en')).toBe('2 events');
    const standard = rows.find((row) => row.id === 'standard')?.baseline as TraceStep;
    expect(formatComparison(standard, 'en')).toBeNull();
    expect(formatInputs(standard, 'zh')[0]).toBe('现行标准 580');
  });

  it('prints every numeric result with its unit: programme by name, probabilities in %, amounts in 元', () => {
    for (const preset of CASE_PRESETS) {
      const t = trace(preset.id, 10);
      for (const step of [...t.baseline.steps, ...t.reform.steps]) {
        if (typeof step.result === 'boolean') continue;
        expect(step.unit, `${preset.id} ${step.id}`).toBeDefined();
        const zh = formatResult(step, 'zh');
        const en = formatResult(step, 'en');
        if (step.unit === 'programme') expect(zh).not.toMatch(/\d/);
        if (step.unit === 'probability') expect(en).toMatch(/%$/);
        if (step.unit === 'yuanPerYear') {
          expect(zh).toMatch(/元$/);
          expect(en).toMatch(/yuan\/year$/);
        }
        if (step.unit === 'yuanPerPersonMonth') expect(zh).toMatch(/元\/人\/月$/);
      }
    }
    const rows = traceRows(trace('hebei-care', 0), 'zh');
    const status = rows.find((row) => row.id === 'status')?.baseline as TraceStep;
    expect(formatResult(status, 'zh')).toBe('低保');
  });

  it('lists paid components under both runs, adding up to the totals', () => {
    const t = trace('gansu-orphan', 10);
    const rows = componentRows(t, 'zh');
    expect(rows.map((row) => row.id)).toContain('orphanAllowance');
    expect(rows.every((row) => row.baseline !== 0 || row.reform !== 0)).toBe(true);
    expect(rows.reduce((sum, row) => sum + row.baseline, 0)).toBeCloseTo(t.baseline.total, 6);
    expect(rows.reduce((sum, row) => sum + row.reform, 0)).toBeCloseTo(t.reform.total, 6);
    expect(t.reform.total).toBeGreaterThan(t.baseline.total);
  });

  it('leaves out expected-amount rows paid under neither run', () => {
    const rows = traceRows(trace('gansu-orphan', 0), 'en');
    expect(rows.some((row) => row.id === 'component.orphanAllowance')).toBe(true);
    expect(rows.some((row) => row.id === 'component.tekunLiving')).toBe(false);
    expect(rows.some((row) => row.id === 'component.base')).toBe(false);
  });

  it('writes annual amounts in 万元 from ten thousand yuan, in yuan below', () => {
    expect(formatAnnual(16323, 'zh')).toBe('1.63万元');
    expect(formatAnnual(38.3, 'zh')).toBe('38元');
    expect(formatAnnual(1469, 'en', true)).toBe('+1,469 yuan/year');
  });

  it('splits amounts into number and unit', () => {
    expect(amountParts(16323, 'year', 'zh')).toEqual({ number: '1.63', unit: '万元/年' });
    expect(amountParts(1360.25, 'month', 'zh')).toEqual({ number: '1,360', unit: '元/月' });
    expect(amountParts(1360.25, 'month', 'en')).toEqual({ number: '1,360', unit: 'yuan/month' });
    expect(capitalise('household size')).toBe('Household size');
  });

  it('names programmes by code or name', () => {
    expect(programmeLabel(2, 'zh')).toBe('特困');
    expect(programmeLabel('rigid', 'en')).toBe('rigid-expenditure hardship');
  });
});
