// Summary sentences: numbers with units from the engine's tables, signed changes in words, both languages.
import { describe, expect, it } from 'vitest';
import { summarySentences } from './summary.ts';
import { fixtureComparison } from '../engine-fixtures.ts';
import { changeText } from './tables.ts';

describe('summarySentences', () => {
  it('states caseload, cost, coverage and poverty with their changes in Chinese', () => {
    const [caseload, cost, coverage, poverty] = summarySentences(fixtureComparison(), 'zh');
    expect(caseload).toBe(
      '2025年，在“标准提高10%”方案下，全国低保对象4,300.0万人，比基线增加263.0万人；特困人员470.0万人，比基线持平。当年新进入救助383.0万人（毛流入，含正常更替；基线为120.0万人），比基线增加263.0万人。',
    );
    expect(cost).toBe(
      '年度救助总支出2,150.0亿元，比基线增加235.0亿元；其中中央财政负担1,350.0亿元，地方财政负担800.0亿元。',
    );
    expect(coverage).toContain('覆盖全国人口的3.38%（基线3.20%）');
    expect(poverty).toContain('转移后为1.85%（基线转移后2.10%）');
    expect(poverty).toContain('弥合了67.00%的贫困缺口');
    // The line is named (the baseline standards unless the scenario chose a national line), the gap stated.
    expect(poverty).toMatch(/^以各地区城乡基线低保标准衡量/);
    expect(poverty).toMatch(/转移后贫困缺口为[\d,.]+亿元（基线[\d,.]+亿元）/);
    const national = summarySentences(
      {
        ...fixtureComparison(),
        povertyLine: { zh: '全国统一贫困线 554 元/人/月', en: 'one national line of 554 yuan' },
      },
      'en',
    )[3];
    expect(national).toMatch(/^Against one national line of 554 yuan, the poverty rate/);
  });

  it('writes the same facts in English with millions and billions', () => {
    const [caseload, cost] = summarySentences(fixtureComparison(), 'en');
    expect(caseload).toBe(
      'In 2025, under the scenario “标准提高10%”, 43.00 million persons receive dibao (up 2.63 million persons against the baseline) and 4.70 million persons receive tekun support (unchanged). 3.83 million persons enter assistance during the year (gross inflow, including normal turnover; baseline 1.20 million persons), up 2.63 million persons against the baseline.',
    );
    expect(cost).toContain('215.00 billion yuan (up 23.50 billion yuan against the baseline)');
  });

  it('says “down” for a fall', () => {
    const comparison = fixtureComparison();
    const [baseline, scenario] = [comparison.baseline, comparison.scenario];
    const reversed = { ...comparison, baseline: scenario, scenario: baseline, delta: comparison.delta };
    reversed.delta.national.values['cost.total'][0] *= -1;
    expect(summarySentences(reversed, 'en')[1]).toContain('down 23.50 billion yuan');
    expect(summarySentences(reversed, 'zh')[1]).toContain('减少235.0亿元');
  });
});

describe('changeText', () => {
  it('states changes of shares in percentage points', () => {
    expect(changeText(0.0008, 'share', 'zh')).toBe('+0.08个百分点');
    expect(changeText(-0.0001, 'share', 'en')).toBe('-0.01 pp');
    expect(changeText(2.35e10, 'money', 'zh')).toBe('+235.0亿元');
  });
});
