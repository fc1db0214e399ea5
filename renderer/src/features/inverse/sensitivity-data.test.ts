// Tests the sensitivity adapter: deltas measured from the starting outcome, settings written in their units.
import { describe, expect, it } from 'vitest';
import type { SensitivityRow } from '../../../../sim/index.ts';
import { formatSetting, tornadoBars } from './sensitivity-data.ts';
import { sortTornado } from './tornado-chart.ts';

const rows: SensitivityRow[] = [
  {
    paramId: 'standard.scalePct',
    labelZh: '低保标准统一调整幅度',
    labelEn: 'Uniform standard change',
    low: -10,
    high: 10,
    swingBasis: 'range',
    costLow: 90,
    costHigh: 125,
    casesLow: 40,
    casesHigh: 60,
    personsLow: 70,
    personsHigh: 110,
    costSwing: 35,
    casesSwing: 20,
    personsSwing: 40,
  },
  {
    paramId: 'takeup.unmonitored',
    labelZh: '未监测家庭申领率',
    labelEn: 'Take-up, unmonitored',
    low: 0.3,
    high: 0.5,
    swingBasis: 'relative',
    costLow: 98,
    costHigh: 103,
    casesLow: 20,
    casesHigh: 95,
    personsLow: 36,
    personsHigh: 170,
    costSwing: 5,
    casesSwing: 75,
    personsSwing: 134,
  },
];

describe('sensitivity data', () => {
  it('measures bars from the base outcome, per outcome', () => {
    const cost = tornadoBars(rows, 100, 'cost', 'en');
    expect(cost.map((bar) => [bar.lowDelta, bar.highDelta])).toEqual([
      [-10, 25],
      [-2, 3],
    ]);
    const cases = tornadoBars(rows, 50, 'cases', 'zh');
    expect(sortTornado(cases).map((bar) => bar.id)).toEqual(['takeup.unmonitored', 'standard.scalePct']);
    expect(cases[0].label).toBe('低保标准统一调整幅度');
  });

  it('writes settings in the parameter unit', () => {
    const bars = tornadoBars(rows, 0, 'cost', 'en');
    expect([bars[0].lowSetting, bars[0].highSetting]).toEqual(['-10%', '+10%']);
    expect(formatSetting(0.35, 'share', 'zh')).toBe('35%');
    expect(formatSetting(1.5, 'multiplier', 'en')).toBe('1.5×');
    expect(formatSetting(6, 'months', 'zh')).toBe('6 个月');
    expect(formatSetting(1, 'switch', 'en')).toBe('on');
    expect(formatSetting(1200, 'yuan/person/year', 'en')).toBe('1,200 yuan/person/year');
  });
});
