// Writes a solver's answer as a sentence in the reader's language (the lever value in its own unit).
import { fill, bi, inLanguage } from '../../i18n/i18n.ts';
import type { Language } from '../../i18n/i18n.ts';
import type { SolveResult } from '../../../../sim/index.ts';
import { applyLever, parseScenario } from '../../../../sim/index.ts';
import type { JsonValue } from '../../../../contract/host-api.ts';
import { formatSetting } from './sensitivity-data.ts';
import { numberFormat } from '../../format/units.ts';

/** The sentences an answer fills, one per lever, with `{value}`. */
export interface AnswerMessages {
  answerScalePct: string;
  answerScalePctScoped: string;
  answerConsumptionRatio: string;
  answerMonitoringMultiplier: string;
}

/** The label–value separator of a language (full-width colon in Chinese). */
export function labelSep(language: Language): string {
  return inLanguage(bi('：', ': '), language);
}

/** The lever value of an answer in words, e.g. "标准统一上调 +12.5%". */
export function answerText(
  result: Pick<SolveResult, 'lever' | 'value'>,
  m: AnswerMessages,
  language: Language,
  /** The name of the province (area) the answer is limited to, when it is. */
  scopeLabel?: string,
): string {
  if (result.lever === 'scalePct' && scopeLabel !== undefined)
    return fill(m.answerScalePctScoped, { value: formatSetting(result.value, 'percent', language), scope: scopeLabel });
  if (result.lever === 'scalePct')
    return fill(m.answerScalePct, { value: formatSetting(result.value, 'percent', language) });
  if (result.lever === 'consumptionRatio')
    return fill(m.answerConsumptionRatio, { value: formatSetting(result.value, 'share', language) });
  const multiplier = numberFormat(language, { maximumFractionDigits: 2 }).format(result.value);
  return fill(m.answerMonitoringMultiplier, { value: multiplier });
}

/** Tolerance (share points) within which a coverage answer counts as reaching its target. */
export const COVERAGE_TOLERANCE = 0.0005;

/** The coverage an answer achieved on the solver's metric, when it misses the target by more than the tolerance. */
export function coverageMiss(
  result: Pick<SolveResult, 'coverageCash' | 'coverageLowIncome' | 'coverageMonitored'>,
  metric: 'cash' | 'lowIncome' | 'monitored',
  target: number,
): number | null {
  const achieved =
    metric === 'cash'
      ? result.coverageCash
      : metric === 'lowIncome'
        ? result.coverageLowIncome
        : result.coverageMonitored;
  return Math.abs(achieved - target) > COVERAGE_TOLERANCE ? achieved : null;
}

/**
 * The scenario an answer describes: the starting scenario with the solver's lever set to the answer (the engine's own
 * `applyLever`, so the saved scenario is exactly what was solved), named after both; null if the start is invalid.
 */
export function answerScenario(
  start: JsonValue,
  result: Pick<SolveResult, 'lever' | 'value' | 'scope'>,
  name: string,
): JsonValue | null {
  const parsed = parseScenario(start);
  if (!parsed.ok) return null;
  // A province's answer moves only that province's standards (the screen always names a province for a scope).
  const scenario = applyLever(parsed.scenario, result.lever, result.value, result.scope);
  return JSON.parse(JSON.stringify({ ...scenario, name })) as JsonValue;
}
