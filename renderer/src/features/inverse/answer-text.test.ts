// Tests the answer sentences: each lever's value in its unit, in both languages.
import { describe, expect, it } from 'vitest';
import { answerText, coverageMiss, labelSep } from './answer-text.ts';

const zh = {
  answerScalePct: '标准统一上调 {value}',
  answerConsumptionRatio: '城市标准 = 上年人均消费支出的 {value}',
  answerMonitoringMultiplier: '将收入低于 {value} 倍标准的家庭纳入监测',
};

describe('answerText', () => {
  it('writes each lever in its unit', () => {
    expect(answerText({ lever: 'scalePct', value: 12.46 }, zh, 'zh')).toBe('标准统一上调 +12.5%');
    expect(answerText({ lever: 'consumptionRatio', value: 0.3512 }, zh, 'zh')).toBe(
      '城市标准 = 上年人均消费支出的 35.1%',
    );
    expect(answerText({ lever: 'monitoringMultiplier', value: 1.657 }, zh, 'zh')).toBe(
      '将收入低于 1.66 倍标准的家庭纳入监测',
    );
  });

  it('uses the language separator', () => {
    expect(labelSep('zh')).toBe('：');
    expect(labelSep('en')).toBe(': ');
  });
});

describe('coverageMiss', () => {
  const result = { coverageCash: 0.0319, coverageLowIncome: 0.04, coverageMonitored: 0.06 };
  it('reports the achieved coverage when the lever cannot reach the target', () => {
    expect(coverageMiss(result, 'cash', 0.03)).toBe(0.0319);
  });
  it('is null when the target is met within the tolerance on the chosen metric', () => {
    expect(coverageMiss(result, 'lowIncome', 0.0402)).toBeNull();
    expect(coverageMiss(result, 'monitored', 0.06)).toBeNull();
  });
});

describe('answerScenario', () => {
  it('is the starting scenario with the lever at the answer, valid and re-runnable', async () => {
    const { answerScenario } = await import('./answer-text.ts');
    const { parseScenario } = await import('../../../../sim/index.ts');
    const start = { schemaVersion: 1, name: 'start', params: { dibao: { assetMonths: 30 } } };
    const doc = answerScenario(start, { lever: 'monitoringMultiplier', value: 1.85 }, 'solved');
    const parsed = parseScenario(doc);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario.name).toBe('solved');
    expect(parsed.scenario.params?.monitoring?.coverageMultiplier).toBe(1.85);
    expect(parsed.scenario.params?.dibao?.assetMonths).toBe(30);
    expect(answerScenario({ name: 1 }, { lever: 'scalePct', value: 5 }, 'x')).toBeNull();
  });
});
