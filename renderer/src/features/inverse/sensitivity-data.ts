// Turns the engine's sensitivity rows (outcomes at each parameter's low and high setting) into tornado bars measured
// from the starting scenario's outcome, and writes parameter settings in their own units.
import type { SensitivityRow, ParamUnit } from '../../../../sim/index.ts';
import { getParamDef } from '../../../../sim/index.ts';
import type { Language } from '../../i18n/i18n.ts';
import type { TornadoBar } from './tornado-chart.ts';

export type SensitivityOutcome = 'cost' | 'cases';

/** A parameter value as a reader expects it for its unit (percent change signed, shares in %, multipliers with ×). */
export function formatSetting(value: number, unit: ParamUnit | undefined, language: Language): string {
  const zh = language === 'zh';
  const number = (digits: number) =>
    new Intl.NumberFormat(zh ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits }).format(value);
  switch (unit) {
    case 'percent':
      return `${value > 0 ? '+' : ''}${number(1)}%`;
    case 'share':
    case 'probability/year':
      return `${new Intl.NumberFormat(zh ? 'zh-CN' : 'en-US', { maximumFractionDigits: 1 }).format(value * 100)}%`;
    case 'multiplier':
      return `${number(2)}×`;
    case 'months':
      return zh ? `${number(1)} 个月` : `${number(1)} months`;
    case 'years':
      return zh ? `${number(0)} 年` : `${number(0)} years`;
    case 'yuan/person/year':
      return zh ? `${number(0)} 元/人/年` : `${number(0)} yuan/person/year`;
    case 'yuan/person/month':
      return zh ? `${number(0)} 元/人/月` : `${number(0)} yuan/person/month`;
    case 'yuan/person':
      return zh ? `${number(0)} 元/人` : `${number(0)} yuan/person`;
    case 'switch':
      return value >= 0.5 ? (zh ? '开' : 'on') : zh ? '关' : 'off';
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
      label: language === 'zh' ? row.labelZh : row.labelEn,
      lowSetting: formatSetting(row.low, unit, language),
      highSetting: formatSetting(row.high, unit, language),
      lowDelta: low - base,
      highDelta: high - base,
    };
  });
}
