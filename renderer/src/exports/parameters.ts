// Parameter rows for exports: each parameter of the scenario beside its baseline value, so every export states what
// the scenario changed (XLSX parameter sheet, briefing "changes against the baseline").
import type { Text } from './text.ts';

/** A parameter value as written out (numbers keep their unit in `unit`). */
export type ParameterValue = number | string | boolean;

/** One parameter: where it applies, its baseline and scenario values. */
export interface ParameterRow {
  /** Catalogue path, e.g. `dibao.assetMonths`. */
  id: string;
  label: Text;
  unit: Text;
  /** Region it applies to (province code and area), empty for national values. */
  scope: string;
  baseline: ParameterValue;
  scenario: ParameterValue;
}

/** True when the scenario value differs from the baseline. */
export function isChanged(row: ParameterRow): boolean {
  return row.baseline !== row.scenario;
}

/**
 * The rows a reader must see to know what a scenario does: every changed value, and the values in effect (changed
 * or not) under a switch the scenario turns on in the same place, e.g. both consumption ratios beside "set standards
 * by consumption ratio: no → yes". `appliesWith` maps a parameter id to the switch it takes effect under.
 */
export function effectiveRows(
  rows: readonly ParameterRow[],
  appliesWith: (id: string) => string | undefined,
): ParameterRow[] {
  const switchedOn = new Set(
    rows.filter((row) => isChanged(row) && row.scenario === true).map((row) => `${row.id}@${row.scope}`),
  );
  return rows.filter((row) => {
    if (isChanged(row)) return true;
    const parent = appliesWith(row.id);
    return parent !== undefined && (switchedOn.has(`${parent}@${row.scope}`) || switchedOn.has(`${parent}@`));
  });
}

/** A parameter value as text: booleans in words, numbers as given. */
export function parameterValueText(value: ParameterValue, language: 'zh' | 'en'): string {
  if (typeof value === 'boolean') return language === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  return String(value);
}
