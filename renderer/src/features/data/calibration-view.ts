// Display helpers of the calibration table: the quantity and unit of each reference figure (persons, person-times,
// money), so values are formatted by the shared unit formatter with the right unit label.
import type { CalibrationRow } from '../../../../datasets/index.ts';
import { formatValue } from '../../format/units.ts';
import type { Language } from '../../i18n/i18n.ts';

/** Formats a calibration value (base units) with the unit its reference figure is published in. */
export function formatCalibrationValue(row: Pick<CalibrationRow, 'unit'>, value: number, language: Language): string {
  if (row.unit.includes('person-times')) return formatValue(value, 'personTimes', language);
  if (row.unit.includes('yuan')) return formatValue(value, 'money', language);
  return formatValue(value, 'persons', language);
}

/** The signed percentage difference with one decimal, e.g. "+1.2%". */
export function formatDifference(differencePct: number, language: Language): string {
  return formatValue(differencePct / 100, 'share', language, { signed: true, digits: 1 });
}
