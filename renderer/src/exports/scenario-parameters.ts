// The parameter rows of a scenario for exports: every catalogue parameter with its baseline (catalogue default) and
// scenario value, then each regional override, absolute standard, disaster and run setting the scenario carries.
import type { Scenario, ParamDef, ParamUnit } from '../../../sim/index.ts';
import { PARAM_CATALOGUE } from '../../../sim/index.ts';
import type { ParameterRow, ParameterValue } from './parameters.ts';
import type { Text } from './text.ts';

/** Unit names of catalogue units. */
export const PARAM_UNIT_TEXT: Record<ParamUnit, Text> = {
  share: { zh: '比例（0–1）', en: 'share (0–1)' },
  multiplier: { zh: '倍', en: '×' },
  percent: { zh: '%', en: '%' },
  months: { zh: '月', en: 'months' },
  years: { zh: '年', en: 'years' },
  'yuan/person/year': { zh: '元/人·年', en: 'yuan/person/year' },
  'yuan/person': { zh: '元/人', en: 'yuan/person' },
  'yuan/person/month': { zh: '元/人·月', en: 'yuan/person/month' },
  'probability/year': { zh: '概率/年', en: 'probability/year' },
  homes: { zh: '套', en: 'homes' },
  households: { zh: '户', en: 'households' },
  switch: { zh: '开关', en: 'switch' },
};

const AREA_TEXT = { urban: '城市/urban', rural: '农村/rural' } as const;

function valueOf(def: ParamDef, raw: number | boolean | undefined): ParameterValue {
  const value = raw ?? def.default;
  if (def.unit === 'switch') return typeof value === 'boolean' ? value : value !== 0;
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function patchValue(patch: Scenario['params'], def: ParamDef): number | boolean | undefined {
  const group: Record<string, number | boolean | undefined> | undefined = patch?.[def.group];
  return group?.[def.id.slice(def.group.length + 1)];
}

function scopeOf(region: string, area: 'urban' | 'rural' | undefined): string {
  return area ? `${region} ${AREA_TEXT[area]}` : region;
}

const NONE: ParameterValue = '—';

/** All parameter rows of a validated scenario (national catalogue first, then what the scenario adds). */
export function scenarioParameterRows(scenario: Scenario): ParameterRow[] {
  const catalogue = PARAM_CATALOGUE as readonly ParamDef[];
  const rows: ParameterRow[] = catalogue.map((def) => ({
    id: def.id,
    label: { zh: def.labelZh, en: def.labelEn },
    unit: PARAM_UNIT_TEXT[def.unit],
    scope: '',
    baseline: valueOf(def, undefined),
    scenario: valueOf(def, patchValue(scenario.params, def)),
  }));
  for (const override of scenario.regionOverrides ?? []) {
    for (const def of catalogue) {
      const raw = patchValue(override.params, def);
      if (raw === undefined) continue;
      rows.push({
        id: def.id,
        label: { zh: def.labelZh, en: def.labelEn },
        unit: PARAM_UNIT_TEXT[def.unit],
        scope: scopeOf(override.region, override.area),
        baseline: valueOf(def, patchValue(scenario.params, def)),
        scenario: valueOf(def, raw),
      });
    }
  }
  for (const override of scenario.standardOverrides ?? []) {
    rows.push({
      id: 'standardOverrides',
      label: { zh: '低保标准（指定值）', en: 'Dibao standard (set value)' },
      unit: PARAM_UNIT_TEXT['yuan/person/month'],
      scope: scopeOf(override.region, override.area),
      baseline: NONE,
      scenario: override.value,
    });
  }
  const disaster = scenario.disaster;
  if (disaster) {
    const scope = disaster.regions.map((region) => scopeOf(region, disaster.area)).join(', ');
    const add = (id: string, label: Text, unit: Text, value: number | undefined) => {
      if (value !== undefined) rows.push({ id: `disaster.${id}`, label, unit, scope, baseline: NONE, scenario: value });
    };
    add(
      'affectedShare',
      { zh: '受灾家庭比例', en: 'Share of households affected' },
      PARAM_UNIT_TEXT.share,
      disaster.affectedShare,
    );
    add(
      'incomeLossShare',
      { zh: '收入损失比例', en: 'Income loss share' },
      PARAM_UNIT_TEXT.share,
      disaster.incomeLossShare,
    );
    add('durationMonths', { zh: '影响持续月数', en: 'Duration' }, PARAM_UNIT_TEXT.months, disaster.durationMonths);
    add(
      'housingLostShare',
      { zh: '住房损毁比例', en: 'Share with housing lost' },
      PARAM_UNIT_TEXT.share,
      disaster.housingLostShare,
    );
  }
  if (scenario.projection) {
    const { startYear, years, standardPath } = scenario.projection;
    rows.push(
      {
        id: 'projection.startYear',
        label: { zh: '预测起始年', en: 'Projection start year' },
        unit: PARAM_UNIT_TEXT.years,
        scope: '',
        baseline: NONE,
        scenario: startYear,
      },
      {
        id: 'projection.years',
        label: { zh: '预测年数', en: 'Projection years' },
        unit: PARAM_UNIT_TEXT.years,
        scope: '',
        baseline: NONE,
        scenario: years,
      },
      {
        id: 'projection.standardPath',
        label: { zh: '标准路径', en: 'Standard path' },
        unit: { zh: '', en: '' },
        scope: '',
        baseline: NONE,
        scenario: standardPath,
      },
    );
  }
  return rows;
}
