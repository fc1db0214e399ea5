// Checks every shipped case preset against the schema and the member-count rules, and that broken files are refused
// with messages naming the file and field in both languages.
import { describe, expect, it } from 'vitest';
import { CASE_FILES, CASE_PRESETS, householdCodes, parseCasePreset } from './cases.ts';
import { AREA, PROGRAMME, SUPPORT_TYPE } from '../../sim/index.ts';

describe('case presets', () => {
  it('ships the five stories of POLICY.md §8 in order with distinct ids', () => {
    expect(CASE_PRESETS.map((preset) => preset.id)).toEqual([
      'hunan-flood',
      'shandong-medical',
      'hebei-care',
      'jiangsu-migrant',
      'gansu-orphan',
    ]);
    expect(CASE_PRESETS.map((preset) => preset.regionCode)).toEqual(['43', '37', '13', '32', '62']);
  });

  it('every file parses without issues', () => {
    for (const [file, data] of Object.entries(CASE_FILES)) {
      const result = parseCasePreset(file, data);
      expect('issues' in result ? result.issues : []).toEqual([]);
    }
  });

  it('stories agree with their households', () => {
    const byId = new Map(CASE_PRESETS.map((preset) => [preset.id, preset.household]));
    expect(byId.get('hebei-care')).toMatchObject({ size: 4, programme: 'dibao', careFull: 1, children: 1 });
    expect(byId.get('gansu-orphan')).toMatchObject({
      size: 1,
      children: 1,
      orphans: 1,
      supportType: 'dispersed',
      programme: 'none',
      ableToWork: 0,
    });
    expect(byId.get('jiangsu-migrant')).toMatchObject({ localHukou: 0, area: 'urban' });
    expect(byId.get('shandong-medical')?.medicalHh).toBeGreaterThan(60000);
    expect(byId.get('hunan-flood')?.homes).toBe(0);
  });

  it('resolves area and programme names to the engine codes', () => {
    const hebei = CASE_PRESETS.find((preset) => preset.id === 'hebei-care');
    expect(hebei && householdCodes(hebei.household)).toEqual({
      area: AREA.rural,
      programme: PROGRAMME.dibao,
      orphans: 0,
      supportType: SUPPORT_TYPE.unknown,
    });
    const gansu = CASE_PRESETS.find((preset) => preset.id === 'gansu-orphan');
    expect(gansu && householdCodes(gansu.household)).toMatchObject({ orphans: 1, supportType: SUPPORT_TYPE.dispersed });
  });

  it('refuses a bad field with the file and path named in both languages', () => {
    const broken = structuredClone(CASE_FILES['hunan-flood.json']) as { household: Record<string, unknown> };
    broken.household.size = 0;
    const result = parseCasePreset('hunan-flood.json', broken);
    expect('issues' in result).toBe(true);
    if ('issues' in result) {
      expect(result.issues[0].path).toBe('household.size');
      expect(result.issues[0].messageZh).toContain('hunan-flood.json');
      expect(result.issues[0].messageEn).toContain('household.size');
    }
  });

  it('refuses member counts larger than the household', () => {
    const broken = structuredClone(CASE_FILES['hebei-care.json']) as { household: Record<string, unknown> };
    broken.household.working = 3;
    broken.household.ableToWork = 2;
    broken.household.elderly = 5;
    const result = parseCasePreset('hebei-care.json', broken);
    expect('issues' in result && result.issues.map((issue) => issue.path)).toEqual([
      'household.elderly',
      'household.working',
    ]);
  });
});
