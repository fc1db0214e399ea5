// One way to print a household trace's numbers, used by the Household screen and the briefing alike: tests as
// pass/fail, programme codes by name, probabilities in %, amounts with their unit (元/人/月 or a household-year).
import type { TraceStep, TraceUnit } from '../../../sim/index.ts';
import { PROGRAMME_CODES } from '../../../datasets/index.ts';
import type { Language } from '../i18n/i18n.ts';
import { formatValue, numberFormat } from './units.ts';
import { bi, inLanguage } from '../i18n/i18n.ts';

/** A number with grouping and at most two decimals, in the reader's locale. */
export function formatNumber(value: number, language: Language): string {
  if (!Number.isFinite(value)) return '—';
  return numberFormat(language, { maximumFractionDigits: 2 }).format(value);
}

/** A household's annual amount: 万元 from 10,000 yuan up in Chinese (POLICY.md §1), whole yuan below and in English. */
export function formatAnnual(value: number, language: Language, signed = false): string {
  return formatValue(value, 'householdAnnual', language, { signed });
}

/** A programme code's (or name's) label in the reader's language. */
export function programmeLabel(code: number | string, language: Language): string {
  const found = PROGRAMME_CODES.find((entry) => entry.code === code || entry.name === code);
  return found ? found.label[language] : String(code);
}

const PER_PERSON_MONTH = { zh: '元/人/月', en: 'yuan/person/month' } as const;

/** A number of a given trace unit, with that unit. */
export function formatTraceNumber(value: number, unit: TraceUnit | undefined, language: Language): string {
  switch (unit) {
    case 'programme':
      return programmeLabel(value, language);
    case 'probability':
      return `${formatNumber(value * 100, language)}%`;
    case 'yuanPerYear':
      return formatAnnual(value, language);
    case 'events':
      return inLanguage(bi(`${formatNumber(value, language)} 件`, `${formatNumber(value, language)} events`), language);
    case 'yuanPerPersonMonth':
      return `${formatNumber(value, language)}${inLanguage(bi('', ' '), language)}${PER_PERSON_MONTH[language]}`;
    default:
      return formatNumber(value, language);
  }
}

/** "value cmp threshold" of a test step, or null when the step is not a comparison. */
export function formatComparison(step: TraceStep, language: Language): string | null {
  if (step.value === undefined || step.threshold === undefined || step.comparison === undefined) return null;
  return `${formatNumber(step.value, language)} ${step.comparison} ${formatNumber(step.threshold, language)}`;
}

/** A step's result: pass/fail for tests, else the number with its unit (programme, %, yuan). */
export function formatResult(step: TraceStep, language: Language): string {
  if (typeof step.result === 'boolean') {
    return step.result
      ? inLanguage(bi('✓ 通过', '✓ passes'), language)
      : inLanguage(bi('✗ 不通过', '✗ fails'), language);
  }
  return formatTraceNumber(step.result, step.unit, language);
}
