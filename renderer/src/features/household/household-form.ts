// The household calculator's form model: which fields, in which groups, with which bounds, labels and units (read
// from the one schema in datasets/schema.ts), and the pure edits on the form state. The form state is a case
// preset's household plus its region code, so presets load without conversion.
import { HOUSEHOLDS, SUPPORT_TYPE_CODES } from '../../../../datasets/index.ts';
import { SUPPORT_TYPE_NAMES } from '../../../../sim/index.ts';
import type { Bilingual, ColumnDef, CaseHousehold, CasePreset } from '../../../../datasets/index.ts';

/** What the calculator edits: the household record by name, and the region it lives in. */
export interface HouseholdForm {
  regionCode: string;
  household: CaseHousehold;
}

export type NumericKey = {
  [K in keyof CaseHousehold]: CaseHousehold[K] extends number ? K : never;
}[keyof CaseHousehold];

export type FieldKind = 'count' | 'money' | 'flag' | 'homes' | 'size';

/** One numeric form field with its bounds, label and unit. */
export interface FormField {
  key: NumericKey;
  kind: FieldKind;
  min: number;
  max: number;
  step: number;
  label: Bilingual;
  unit: Bilingual;
  description: Bilingual;
}

export type GroupId = 'members' | 'income' | 'spending' | 'status';

function columnFor(key: NumericKey): ColumnDef {
  const column = HOUSEHOLDS.columns.find((c) => c.field === key);
  if (!column) throw new Error(`no households column fills ${key}`);
  return column;
}

function field(key: NumericKey, kind: FieldKind): FormField {
  const column = columnFor(key);
  const bounds: Record<FieldKind, { min: number; max: number; step: number }> = {
    size: { min: 1, max: 12, step: 1 },
    count: { min: 0, max: 12, step: 1 },
    homes: { min: 0, max: 5, step: 1 },
    flag: { min: 0, max: 1, step: 1 },
    money: { min: 0, max: 1_000_000, step: 100 },
  };
  return { key, kind, ...bounds[kind], label: column.label, unit: column.unit, description: column.description };
}

/** The editable numeric fields grouped as the form shows them (region, area and programme are selects). */
export const FORM_GROUPS: readonly { id: GroupId; fields: readonly FormField[] }[] = [
  {
    id: 'members',
    fields: [
      field('size', 'size'),
      field('elderly', 'count'),
      field('children', 'count'),
      field('disabled', 'count'),
      field('ill', 'count'),
      field('ableToWork', 'count'),
      field('working', 'count'),
      field('careFull', 'count'),
      field('careHalf', 'count'),
      field('orphans', 'count'),
    ],
  },
  {
    id: 'income',
    fields: [
      field('incomePc', 'money'),
      field('earningsPc', 'money'),
      field('assetsPc', 'money'),
      field('car', 'flag'),
      field('homes', 'homes'),
    ],
  },
  { id: 'spending', fields: [field('medicalHh', 'money'), field('educationHh', 'money'), field('rehabHh', 'money')] },
  {
    id: 'status',
    fields: [
      field('monitored', 'flag'),
      field('gradualExit', 'flag'),
      field('tekunProfile', 'flag'),
      field('localHukou', 'flag'),
    ],
  },
];

function labelOf(name: string): Bilingual {
  const column = HOUSEHOLDS.columns.find((c) => c.name === name);
  if (!column) throw new Error(`no households column ${name}`);
  return column.label;
}

/** Labels of the select fields, from the same schema. */
export const SELECT_LABELS: Record<SelectKey, Bilingual> = {
  regionCode: labelOf('region_code'),
  area: labelOf('area'),
  programme: labelOf('programme'),
  supportType: labelOf('support_type'),
};

/** The form's select fields. */
export type SelectKey = 'regionCode' | 'area' | 'programme' | 'supportType';

/** Support-type choices with their schema labels (tekun persons and orphans). */
export const SUPPORT_TYPE_OPTIONS: readonly { value: 'unknown' | 'centralised' | 'dispersed'; label: Bilingual }[] =
  SUPPORT_TYPE_CODES.map((c) => ({ value: SUPPORT_TYPE_NAMES[c.code], label: c.label }));

/** The form state a preset opens with (a deep copy, so edits never touch the shipped preset). */
export function formFromPreset(preset: CasePreset): HouseholdForm {
  return { regionCode: preset.regionCode, household: { ...preset.household } };
}

const MEMBER_KEYS = [
  'elderly',
  'children',
  'disabled',
  'ill',
  'ableToWork',
  'working',
  'careFull',
  'careHalf',
] as const;

/**
 * Sets one numeric field, keeping the household coherent the way a caseworker would: member counts never exceed
 * the size (shrinking the size caps them), the employed never exceed those able to work, orphans never exceed children, earnings never exceed income.
 */
export function setField(form: HouseholdForm, key: NumericKey, value: number): HouseholdForm {
  const h: CaseHousehold = { ...form.household, [key]: value };
  for (const member of MEMBER_KEYS) if (h[member] > h.size) h[member] = h.size;
  if (key === 'working' && h.working > h.ableToWork) h.ableToWork = h.working;
  if (h.working > h.ableToWork) h.working = h.ableToWork;
  if (key === 'orphans' && h.orphans > h.children) h.children = Math.min(h.orphans, h.size);
  if (h.orphans > h.children) h.orphans = h.children;
  if (h.careFull + h.careHalf > h.size) {
    if (key === 'careHalf') h.careFull = h.size - h.careHalf;
    else h.careHalf = h.size - h.careFull;
  }
  if (key === 'earningsPc' && h.earningsPc > h.incomePc) h.incomePc = h.earningsPc;
  if (h.earningsPc > h.incomePc) h.earningsPc = h.incomePc;
  return { ...form, household: h };
}

/** Sets the region, area, programme or support-type select. */
export function setSelect(form: HouseholdForm, key: SelectKey, value: string): HouseholdForm {
  if (key === 'supportType' && (value === 'unknown' || value === 'centralised' || value === 'dispersed'))
    return { ...form, household: { ...form.household, supportType: value } };
  if (key === 'regionCode') return { ...form, regionCode: value };
  if (key === 'area' && (value === 'urban' || value === 'rural'))
    return { ...form, household: { ...form.household, area: value } };
  if (
    key === 'programme' &&
    (value === 'none' || value === 'dibao' || value === 'tekun' || value === 'marginal' || value === 'rigid')
  )
    return { ...form, household: { ...form.household, programme: value } };
  return form;
}

/** Field keys whose value differs from the preset's (highlighted in the form, listed in the briefing note). */
export function changedFields(form: HouseholdForm, preset: CasePreset): string[] {
  const changed: string[] = [];
  if (form.regionCode !== preset.regionCode) changed.push('regionCode');
  for (const key of Object.keys(preset.household) as (keyof CaseHousehold)[]) {
    if (form.household[key] !== preset.household[key]) changed.push(key);
  }
  return changed;
}
