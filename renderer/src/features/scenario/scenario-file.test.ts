// Scenario file import and export: invalid JSON and invalid fields are bilingual errors naming file and field.
import { describe, expect, it } from 'vitest';
import { exportFileName, exportText, importScenarioText } from './scenario-file.ts';

describe('importScenarioText', () => {
  it('accepts a valid scenario and keeps its name', () => {
    const result = importScenarioText(
      'a.json',
      JSON.stringify({ schemaVersion: 1, name: '农村40%', params: { standard: { useConsumptionRatio: true } } }),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.name).toBe('农村40%');
  });
  it('accepts a file with a UTF-8 BOM (as the CLI does) and refuses one over the size cap', () => {
    const result = importScenarioText('bom.json', `\uFEFF${JSON.stringify({ schemaVersion: 1, name: 'bom' })}`);
    expect(result.ok).toBe(true);
    const big = importScenarioText('big.json', ' '.repeat(5 * 1024 * 1024));
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.errors[0].messageEn).toMatch(/big\.json: too large/);
  });

  it('names the file for broken JSON', () => {
    const result = importScenarioText('broken.json', '{ not json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0].messageZh).toContain('broken.json');
      expect(result.errors[0].messageEn).toContain('not valid JSON');
    }
  });
  it('names the file and the field for schema errors', () => {
    const result = importScenarioText(
      'bad.json',
      JSON.stringify({ schemaVersion: 1, name: 'x', params: { dibao: { assetMonths: 500 } } }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0].messageEn).toContain('bad.json: field params.dibao.assetMonths');
      expect(result.errors[0].messageZh).toContain('字段 params.dibao.assetMonths');
    }
  });
});

describe('export', () => {
  it('makes a safe file name and pretty JSON carrying the name', () => {
    expect(exportFileName('新方案 1 / New scenario 1')).toBe('新方案 1 _ New scenario 1.json');
    expect(exportFileName('..')).toBe('scenario.json');
    expect(JSON.parse(exportText({ schemaVersion: 1, name: 'old' }, 'new'))).toEqual({ schemaVersion: 1, name: 'new' });
  });
});
