// Numbers as the reader expects them (POLICY.md §1): Chinese in 万人/万户/亿元 (万元 per household-year, 元 per
// month), English in millions and billions. Every formatted number carries its unit.
import type { Language } from '../i18n/i18n.ts';
import { bi, inLanguage } from '../i18n/i18n.ts';

export type Quantity =
  'persons' | 'households' | 'personTimes' | 'money' | 'householdAnnual' | 'monthly' | 'share' | 'count' | 'ratio';

interface Scale {
  divisor: number;
  unit: string;
  digits: number;
}

const SCALES: Record<Language, Record<Quantity, Scale>> = {
  zh: {
    persons: { divisor: 1e4, unit: '万人', digits: 1 },
    households: { divisor: 1e4, unit: '万户', digits: 1 },
    personTimes: { divisor: 1e4, unit: '万人次', digits: 1 },
    money: { divisor: 1e8, unit: '亿元', digits: 1 },
    householdAnnual: { divisor: 1e4, unit: '万元', digits: 2 },
    monthly: { divisor: 1, unit: '元', digits: 0 },
    share: { divisor: 0.01, unit: '%', digits: 2 },
    count: { divisor: 1, unit: '', digits: 0 },
    ratio: { divisor: 1, unit: '', digits: 3 },
  },
  en: {
    persons: { divisor: 1e6, unit: 'million persons', digits: 2 },
    households: { divisor: 1e6, unit: 'million households', digits: 2 },
    personTimes: { divisor: 1e6, unit: 'million person-times', digits: 2 },
    money: { divisor: 1e9, unit: 'billion yuan', digits: 2 },
    householdAnnual: { divisor: 1, unit: 'yuan/year', digits: 0 },
    monthly: { divisor: 1, unit: 'yuan/month', digits: 0 },
    share: { divisor: 0.01, unit: '%', digits: 2 },
    count: { divisor: 1, unit: '', digits: 0 },
    ratio: { divisor: 1, unit: '', digits: 3 },
  },
};

/** The unit label of a quantity in a language (for table headers and axis names). */
export function unitOf(quantity: Quantity, language: Language): string {
  return SCALES[language][quantity].unit;
}

/** Scales a raw value (persons, yuan, or a 0..1 share) to the display unit, without the unit text. */
export function scaled(value: number, quantity: Quantity, language: Language): number {
  return value / SCALES[language][quantity].divisor;
}

/** A household's annual amount under 1万 yuan reads in whole 元 in Chinese (38元, not 0.00万元). */
function smallHouseholdAmount(value: number, quantity: Quantity, language: Language): Scale | null {
  if (quantity !== 'householdAnnual' || language !== 'zh' || Math.abs(value) >= 1e4) return null;
  return { divisor: 1, unit: '元', digits: 0 };
}

const FORMATTERS = new Map<string, Intl.NumberFormat>();

/**
 * The reader's number format for these options, made once per language and options: constructing an
 * Intl.NumberFormat costs far more than formatting with one, and a results screen formats hundreds of numbers a run.
 */
export function numberFormat(language: Language, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = FORMATTERS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(inLanguage(bi('zh-CN', 'en-US'), language), options);
    FORMATTERS.set(key, format);
  }
  return format;
}

/** Formats a raw value with grouping, sensible digits and its unit; non-finite values show as an em dash. */
export function formatValue(
  value: number,
  quantity: Quantity,
  language: Language,
  options: { signed?: boolean; digits?: number; withUnit?: boolean } = {},
): string {
  if (!Number.isFinite(value)) return '—';
  const scale = smallHouseholdAmount(value, quantity, language) ?? SCALES[language][quantity];
  const digits = options.digits ?? scale.digits;
  const number = numberFormat(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  }).format(value / scale.divisor);
  if (options.withUnit === false || !scale.unit) return number;
  const gap = scale.unit === '%' || language === 'zh' ? '' : ' ';
  return `${number}${gap}${scale.unit}`;
}
