// Turns the engine's sensitivity rows (outcomes at each parameter's low and high setting) into tornado bars measured
// from the starting scenario's outcome, and writes parameter settings in their own units.
import type { SensitivityRow, ParamUnit } from '../../../../sim/index.ts';
import { getParamDef } from '../../../../sim/index.ts';
import type { Language } from '../../i18n/i18n.ts';
import type { TornadoBar } from './tornado-chart.ts';
import { bi, inLanguage } from '../../i18n/i18n.ts';
import { numberFormat } from '../../format/units.ts';

export type SensitivityOutcome = 'cost' | 'cases';

/** A parameter value as a reader expects it for its unit (percent change signed, shares in %, multipliers with ×). */
export function formatSetting(value: number, unit: ParamUnit | undefined, language: Language): string {
  const number = (digits: number) => numberFormat(language, { maximumFractionDigits: digits }).format(value);
  switch (unit) {
    case 'percent':
      return `${value > 0 ? '+' : ''}${number(1)}%`;
    case 'share':
    case 'probability/year':
      return `${numberFormat(language, { maximumFractionDigits: 1 }).format(value * 100)}%`;
    case 'multiplier':
      return `${number(2)}×`;
    case 'months':
      return inLanguage(bi(`${number(1)} 个月`, `${number(1)} months`), language);
    case 'years':
      return inLanguage(bi(`${number(0)} 年`, `${number(0)} years`), language);
    case 'yuan/person/year':
      return inLanguage(bi(`${number(0)} 元/人/年`, `${number(0)} yuan/person/year`), language);
    case 'yuan/person/month':
      return inLanguage(bi(`${number(0)} 元/人/月`, `${number(0)} yuan/person/month`), language);
    case 'yuan/person':
      return inLanguage(bi(`${number(0)} 元/人`, `${number(0)} yuan/person`), language);
    case 'switch':
      return value >= 0.5 ? inLanguage(bi('开', 'on'), language) : inLanguage(bi('关', 'off'), language);
    default:
      return number(2);
  }
}

/** Tornado bars of one outcome: each parameter's low/high outcome minus the starting scenario's outcome. */
export function tornadoBars(
  rows: readonly SensitivityRow[],
  base: number,
  outcome: SensitivityOutcome,
  language: Language,
): TornadoBar[] {
  return rows.map((row) => {
    const unit = getParamDef(row.paramId)?.unit;
    const low = outcome === 'cost' ? row.costLow : row.casesLow;
    const high = outcome === 'cost' ? row.costHigh : row.casesHigh;
    return {
      id: row.paramId,
      label: inLanguage(bi(row.labelZh, row.labelEn), language),
      lowSetting: formatSetting(row.low, unit, language),
      highSetting: formatSetting(row.high, unit, language),
      lowDelta: low - base,
      highDelta: high - base,
    };
  });
}
