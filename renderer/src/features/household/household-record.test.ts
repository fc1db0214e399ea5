// Tests the form → engine record mapping: codes resolved, region parameters copied per area, missing regions refused.
import { describe, expect, it } from 'vitest';
import type { RegionArrays } from '../../../../sim/index.ts';
import { CASE_PRESETS } from '../../../../datasets/index.ts';
import { formFromPreset, setSelect } from './household-form.ts';
import { fallbackRegions, toHouseholdRecord } from './household-record.ts';

const regions: RegionArrays = {
  count: 2,
  code: ['13', '43'],
  province: new Uint16Array([0, 1]),
  provinceCodes: ['13', '43'],
  nameZh: ['河北', '湖南'],
  nameEn: ['Hebei', 'Hunan'],
  population: new Float64Array([46e6, 27e6, 40e6, 25e6]),
  standard: new Float64Array([830, 580, 700, 530]),
  incomePrev: new Float64Array([44000, 19000, 47000, 21000]),
  consumptionPrev: new Float64Array([28000, 17000, 31000, 19000]),
  minWage: new Float64Array([2200, 2000, 2100, 1900]),
  centralShare: new Float64Array([0.6, 0.65]),
};

describe('toHouseholdRecord', () => {
  it('maps every preset field and the region parameters of its province', () => {
    const hunan = CASE_PRESETS[0];
    const result = toHouseholdRecord(formFromPreset(hunan), regions);
    if (!('record' in result)) throw new Error('expected a record');
    const { record } = result;
    expect(record).toMatchObject({
      regionCode: '43',
      regionNameZh: '湖南',
      area: 1,
      programme: 0,
      size: hunan.household.size,
      incomePc: hunan.household.incomePc,
      weight: 1,
      regionStandard: [700, 530],
      regionMinWage: [2100, 1900],
      regionCentralShare: 0.65,
    });
  });

  it('resolves programme names to engine codes', () => {
    const hebei = CASE_PRESETS.find((preset) => preset.id === 'hebei-care');
    if (!hebei) throw new Error('missing preset');
    const result = toHouseholdRecord(formFromPreset(hebei), regions);
    expect('record' in result && result.record.programme).toBe(1);
  });

  it('refuses a region the dataset lacks, naming the code in both languages', () => {
    const form = setSelect(formFromPreset(CASE_PRESETS[0]), 'regionCode', '99');
    const result = toHouseholdRecord(form, regions);
    expect('error' in result && result.error.messageZh).toContain('99');
    expect('error' in result && result.error.messageEn).toContain('99');
  });

  it('falls back to the demo provinces when no dataset is open', () => {
    const result = toHouseholdRecord(formFromPreset(CASE_PRESETS[4]), fallbackRegions());
    expect('record' in result && result.record.regionNameZh).toBe('甘肃');
    expect(fallbackRegions()).toBe(fallbackRegions());
  });
});
