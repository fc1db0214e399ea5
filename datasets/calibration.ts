// The validation table (POLICY.md §7): the engine's simulated baseline beside each public target, with source, date,
// confidence, difference and whether it is within the tolerance the demo is calibrated to. Used by the UI and the CLI.

import type { SummaryTable, MetricId } from '../sim/index.ts';
import { nationalTarget } from './reference/reference-data.ts';
import type { NationalTarget } from './reference/reference-data.ts';
import type { Bilingual } from '../sim/index.ts';

/** One calibration check: which reference figure, how it is simulated, and the tolerance in percent. */
export interface CalibrationCheck {
  /** Metric id in reference/national-targets.csv. */
  metric: string;
  label: Bilingual;
  /** Engine metrics summed for the simulated value, and the area row (0 urban, 1 rural, 2 both). */
  from: readonly MetricId[];
  area: 0 | 1 | 2;
  /** Tolerance, percent of the target. */
  tolerancePct: number;
}

/** A row of the validation table. */
export interface CalibrationRow {
  metric: string;
  label: Bilingual;
  /** Target and simulated values in base units (persons, person-times, yuan). */
  target: number;
  simulated: number;
  /** (simulated − target) / target × 100. */
  differencePct: number;
  tolerancePct: number;
  withinTolerance: boolean;
  /** Unit of the reference figure as published (e.g. '10k persons'), and the factor to base units. */
  unit: string;
  scale: number;
  source: string;
  asOf: string;
  confidence: NationalTarget['confidence'];
}

/** The checks the demo is calibrated to (tolerances from issue 4), plus informational rows. */
export const CALIBRATION_CHECKS: readonly CalibrationCheck[] = [
  {
    metric: 'population_total',
    label: { zh: '总人口', en: 'Population' },
    from: ['persons'],
    area: 2,
    tolerancePct: 1,
  },
  {
    metric: 'dibao_persons_urban',
    label: { zh: '城市低保人数', en: 'Urban dibao persons' },
    from: ['persons.dibao'],
    area: 0,
    tolerancePct: 3,
  },
  {
    metric: 'dibao_persons_rural',
    label: { zh: '农村低保人数', en: 'Rural dibao persons' },
    from: ['persons.dibao'],
    area: 1,
    tolerancePct: 3,
  },
  {
    metric: 'dibao_persons_total',
    label: { zh: '低保人数合计', en: 'Dibao persons, total' },
    from: ['persons.dibao'],
    area: 2,
    tolerancePct: 3,
  },
  {
    metric: 'tekun_persons',
    label: { zh: '特困人员', en: 'Tekun persons' },
    from: ['persons.tekun'],
    area: 2,
    tolerancePct: 3,
  },
  {
    metric: 'monitored_low_income_persons',
    label: { zh: '低收入监测人口', en: 'Monitored low-income persons' },
    from: ['monitored.persons'],
    area: 2,
    tolerancePct: 5,
  },
  {
    metric: 'temporary_assistance_person_times',
    label: { zh: '临时救助人次', en: 'Temporary assistance person-times' },
    from: ['temporary.personTimes'],
    area: 2,
    tolerancePct: 10,
  },
  {
    metric: 'dibao_spending_annual_est',
    label: { zh: '低保支出（年化）', en: 'Dibao spending (annualised)' },
    from: ['cost.base', 'cost.supplements', 'cost.gradualExit'],
    area: 2,
    tolerancePct: 15,
  },
  {
    metric: 'tekun_spending_annual_est',
    label: { zh: '特困供养支出（年化）', en: 'Tekun spending (annualised)' },
    from: ['cost.tekunLiving', 'cost.tekunCare'],
    area: 2,
    tolerancePct: 15,
  },
  {
    metric: 'dibao_marginal_persons',
    label: { zh: '低保边缘人口', en: 'Dibao-marginal persons' },
    from: ['persons.marginal'],
    area: 2,
    tolerancePct: 25,
  },
];

/** Factor from a reference unit to base units (persons, person-times, yuan). */
export function unitScale(unit: string): number {
  if (unit.startsWith('10k')) return 1e4;
  if (unit.startsWith('100m')) return 1e8;
  return 1;
}

/** Build the validation table from a national-level SummaryTable of the baseline (rows for urban, rural, both). */
export function calibrationTable(
  national: SummaryTable,
  checks: readonly CalibrationCheck[] = CALIBRATION_CHECKS,
): CalibrationRow[] {
  return checks.map((check) => {
    const ref = nationalTarget(check.metric);
    const scale = unitScale(ref.unit);
    const row = national.area.indexOf(check.area);
    if (national.level !== 'national' || row < 0) {
      throw new Error(
        `需要全国汇总表（含城乡行 ${check.area}） / Needs a national summary table with area row ${check.area}`,
      );
    }
    const simulated = check.from.reduce((s, m) => s + national.values[m][row], 0);
    const target = ref.value * scale;
    const differencePct = ((simulated - target) / target) * 100;
    return {
      metric: check.metric,
      label: check.label,
      target,
      simulated,
      differencePct,
      tolerancePct: check.tolerancePct,
      withinTolerance: Math.abs(differencePct) <= check.tolerancePct,
      unit: ref.unit,
      scale,
      source: ref.source,
      asOf: ref.asOf,
      confidence: ref.confidence,
    };
  });
}
