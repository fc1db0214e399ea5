// The briefing's summary paragraph: templated bilingual sentences filled with the engine's numbers (levels, changes
// against the baseline, coverage and poverty), never adjectives. Every number is formatted with its unit.
import type { Language } from '../../i18n/i18n.ts';
import type { Quantity } from '../../format/units.ts';
import { formatValue } from '../../format/units.ts';
import type { SummaryTable, MetricId } from '../../../../sim/index.ts';
import { AREA_ALL } from '../../../../sim/index.ts';
import type { BriefingComparison } from './model.ts';
import { fill } from '../../i18n/i18n.ts';

/** The national total row (both areas) of a national table. */
export function totalRow(table: SummaryTable): number {
  for (let r = 0; r < table.rows; r++) if (table.area[r] === AREA_ALL) return r;
  return 0;
}

/** A national total of a metric. */
export function nationalValue(table: SummaryTable, metric: MetricId): number {
  return table.values[metric][totalRow(table)];
}

const TEMPLATES = {
  zh: {
    caseload:
      '{year}年，在“{scenario}”方案下，全国低保对象{dibao}，比基线{dDibao}；特困人员{tekun}，比基线{dTekun}。当年新进入救助{entrants}（毛流入，含正常更替；基线为{entrantsBase}），比基线{dEntrants}。',
    cost: '年度救助总支出{cost}，比基线{dCost}；其中中央财政负担{central}，地方财政负担{local}。',
    coverage: '现金救助（低保和特困）覆盖全国人口的{coverage}（基线{coverageBase}），纳入动态监测的人口占{monitored}。',
    poverty:
      '以{line}衡量，转移前贫困发生率为{pre}，转移后为{post}（基线转移后{postBase}）；转移后贫困缺口为{postGap}（基线{postGapBase}），救助弥合了{gapClosed}的贫困缺口，漏保率为{exclusion}。',
    up: '增加{value}',
    down: '减少{value}',
    same: '持平',
  },
  en: {
    caseload:
      'In {year}, under the scenario “{scenario}”, {dibao} receive dibao ({dDibao} against the baseline) and {tekun} receive tekun support ({dTekun}). {entrants} enter assistance during the year (gross inflow, including normal turnover; baseline {entrantsBase}), {dEntrants} against the baseline.',
    cost: 'Total annual spending is {cost} ({dCost} against the baseline), of which the central government bears {central} and local governments {local}.',
    coverage:
      'Cash assistance (dibao and tekun) covers {coverage} of the population (baseline {coverageBase}); {monitored} of the population is in the monitoring platform.',
    poverty:
      'Against {line}, the poverty rate is {pre} before transfers and {post} after (baseline after transfers {postBase}); the poverty gap after transfers is {postGap} (baseline {postGapBase}), assistance closes {gapClosed} of the poverty gap, and the exclusion error rate is {exclusion}.',
    up: 'up {value}',
    down: 'down {value}',
    same: 'unchanged',
  },
} as const;

function change(value: number, quantity: Quantity, language: Language): string {
  const words = TEMPLATES[language];
  if (!Number.isFinite(value)) return '—';
  const magnitude = formatValue(Math.abs(value), quantity, language);
  const zero = formatValue(0, quantity, language);
  if (magnitude === zero) return words.same;
  return fill(value > 0 ? words.up : words.down, { value: magnitude });
}

/** The summary sentences for one comparison, in the chosen language. */
export function summarySentences(comparison: BriefingComparison, language: Language): string[] {
  const t = TEMPLATES[language];
  const scenario = comparison.scenario.national;
  const baseline = comparison.baseline.national;
  const delta = comparison.delta.national;
  const v = (table: SummaryTable, metric: MetricId, quantity: Quantity) =>
    formatValue(nationalValue(table, metric), quantity, language);
  const d = (metric: MetricId, quantity: Quantity) => change(nationalValue(delta, metric), quantity, language);
  return [
    fill(t.caseload, {
      year: comparison.year,
      scenario: comparison.scenarioName,
      dibao: v(scenario, 'persons.dibao', 'persons'),
      dDibao: d('persons.dibao', 'persons'),
      tekun: v(scenario, 'persons.tekun', 'persons'),
      dTekun: d('persons.tekun', 'persons'),
      entrants: v(scenario, 'entrants.persons', 'persons'),
      entrantsBase: v(baseline, 'entrants.persons', 'persons'),
      dEntrants: d('entrants.persons', 'persons'),
    }),
    fill(t.cost, {
      cost: v(scenario, 'cost.total', 'money'),
      dCost: d('cost.total', 'money'),
      central: v(scenario, 'cost.central', 'money'),
      local: v(scenario, 'cost.local', 'money'),
    }),
    fill(t.coverage, {
      coverage: v(scenario, 'coverage.cash', 'share'),
      coverageBase: v(baseline, 'coverage.cash', 'share'),
      monitored: v(scenario, 'coverage.monitored', 'share'),
    }),
    fill(t.poverty, {
      line:
        comparison.povertyLine?.[language] ??
        (language === 'zh' ? '各地区城乡基线低保标准' : 'the baseline dibao standard of each region and area'),
      postGap: v(scenario, 'poverty.postGap', 'money'),
      postGapBase: v(baseline, 'poverty.postGap', 'money'),
      pre: v(scenario, 'poverty.preRate', 'share'),
      post: v(scenario, 'poverty.postRate', 'share'),
      postBase: v(baseline, 'poverty.postRate', 'share'),
      gapClosed: v(scenario, 'poverty.gapClosed', 'share'),
      exclusion: v(scenario, 'exclusion.rate', 'share'),
    }),
  ];
}
