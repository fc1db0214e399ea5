// Tests the calculator's form model: presets load as independent copies, edits keep the household coherent, labels
// come from the schema.
import { describe, expect, it } from 'vitest';
import { CASE_PRESETS } from '../../../../datasets/index.ts';
import { FORM_GROUPS, SELECT_LABELS, changedFields, formFromPreset, setField, setSelect } from './household-form.ts';

const hebei = CASE_PRESETS.find((preset) => preset.id === 'hebei-care');
if (!hebei) throw new Error('hebei-care preset missing');

describe('household form', () => {
  it('opens a preset as a copy that edits never write back', () => {
    const form = setField(formFromPreset(hebei), 'incomePc', 5000);
    expect(form.household.incomePc).toBe(5000);
    expect(hebei.household.incomePc).toBe(2900);
    expect(changedFields(form, hebei)).toEqual(['incomePc']);
  });

  it('caps member counts when the household shrinks', () => {
    const form = setField(formFromPreset(hebei), 'size', 1);
    expect(form.household).toMatchObject({ size: 1, ill: 1, elderly: 1, careFull: 1, careHalf: 0 });
  });

  it('raises those able to work when more are employed, and income when earnings pass it', () => {
    let form = setField(formFromPreset(hebei), 'working', 2);
    expect(form.household).toMatchObject({ working: 2, ableToWork: 2 });
    form = setField(form, 'earningsPc', 4000);
    expect(form.household).toMatchObject({ earningsPc: 4000, incomePc: 4000 });
    form = setField(form, 'incomePc', 1000);
    expect(form.household).toMatchObject({ earningsPc: 1000, incomePc: 1000 });
  });

  it('sets selects and ignores values outside their codes', () => {
    const form = formFromPreset(hebei);
    expect(setSelect(form, 'area', 'urban').household.area).toBe('urban');
    expect(setSelect(form, 'programme', 'marginal').household.programme).toBe('marginal');
    expect(setSelect(form, 'programme', 'bogus')).toBe(form);
    expect(setSelect(form, 'regionCode', '11').regionCode).toBe('11');
    expect(setSelect(form, 'supportType', 'centralised').household.supportType).toBe('centralised');
    expect(setSelect(form, 'supportType', 'bogus')).toBe(form);
  });

  it('keeps orphans within the children, raising the children when orphans are entered', () => {
    let form = formFromPreset(hebei);
    form = setField(form, 'orphans', 2);
    expect(form.household).toMatchObject({ orphans: 2, children: 2 });
    form = setField(form, 'children', 1);
    expect(form.household).toMatchObject({ orphans: 1, children: 1 });
  });

  it('covers every numeric household field once, with bilingual schema labels', () => {
    const keys = FORM_GROUPS.flatMap((group) => group.fields.map((f) => f.key));
    expect(new Set(keys).size).toBe(keys.length);
    const numeric = Object.entries(hebei.household)
      .filter(([key, value]) => typeof value === 'number' && key !== 'weight')
      .map(([key]) => key);
    expect([...keys].sort()).toEqual(numeric.sort());
    expect(FORM_GROUPS[0].fields[0].label).toEqual({ zh: '家庭人口数', en: 'household size' });
    expect(SELECT_LABELS.regionCode.zh).toBe('地区代码');
  });
});
