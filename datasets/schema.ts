// The one definition of the households and regions tables (POLICY.md §6): names, types, units, ranges, labels,
// mapping synonyms and the engine field each column fills. Import, validation, hand-off, generator and docs read this.

import { AREA, PROGRAMME, SUPPORT_TYPE } from '../sim/index.ts';
import type { HouseholdArrays, RegionArrays } from '../sim/index.ts';

/** Column types: `id` unique key (integer or text), `code` a GB/T 2260 region code held as text. */
export type ColumnType = 'id' | 'int' | 'float' | 'bool' | 'category' | 'code' | 'text';

/** A bilingual piece of text, Chinese first. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One allowed value of a category column: the integer code stored and its labels. */
export interface CategoryCode {
  code: number;
  name: string;
  label: Bilingual;
}

/** Definition of one canonical column. */
export interface ColumnDef {
  /** Canonical snake_case name. */
  name: string;
  type: ColumnType;
  /** Unit, bilingual ('' when dimensionless). */
  unit: Bilingual;
  /** Inclusive range for numbers; `maxColumn` names a column of the same row that bounds it from above. */
  min?: number;
  max?: number;
  maxColumn?: string;
  /** Strict lower bound (value must be greater), e.g. weights. */
  exclusiveMin?: boolean;
  required: boolean;
  /** Value used when an optional column is absent (reported as a warning, never silent). */
  defaultValue?: number;
  label: Bilingual;
  description: Bilingual;
  /** Other names a user's extract might use, for mapping suggestions. */
  synonyms: { zh: string[]; en: string[] };
  /** Allowed codes of a category column. */
  codes?: readonly CategoryCode[];
  /** The engine array this column fills (households: HouseholdArrays key; regions: RegionArrays key). */
  field?: keyof HouseholdArrays | keyof RegionArrays;
}

/** A table definition. */
export interface TableDef {
  name: 'households' | 'regions';
  label: Bilingual;
  description: Bilingual;
  columns: readonly ColumnDef[];
}

const u = (zh: string, en: string): Bilingual => ({ zh, en });
const NONE = u('', '');
const YUAN_YEAR = u('元/人/年', 'yuan/person/year');
const YUAN_HH_YEAR = u('元/户/年', 'yuan/household/year');
const PERSONS = u('人', 'persons');

/** Allowed area codes (urban 0, rural 1), shared with the engine's AREA. */
export const AREA_CODES: readonly CategoryCode[] = [
  { code: AREA.urban, name: 'urban', label: u('城镇', 'urban') },
  { code: AREA.rural, name: 'rural', label: u('农村', 'rural') },
];

/** Allowed support-type codes (tekun persons and orphans), shared with the engine's SUPPORT_TYPE. */
export const SUPPORT_TYPE_CODES: readonly CategoryCode[] = [
  { code: SUPPORT_TYPE.unknown, name: 'unknown', label: u('未记录', 'not recorded') },
  { code: SUPPORT_TYPE.centralised, name: 'centralised', label: u('集中供养（机构）', 'centralised (institution)') },
  {
    code: SUPPORT_TYPE.dispersed,
    name: 'dispersed',
    label: u('分散供养（居家、亲属）', 'dispersed (at home, relatives)'),
  },
];

/** Allowed programme codes, shared with the engine's PROGRAMME. */
export const PROGRAMME_CODES: readonly CategoryCode[] = [
  { code: PROGRAMME.none, name: 'none', label: u('无', 'none') },
  { code: PROGRAMME.dibao, name: 'dibao', label: u('低保', 'dibao') },
  { code: PROGRAMME.tekun, name: 'tekun', label: u('特困', 'tekun') },
  { code: PROGRAMME.marginal, name: 'marginal', label: u('低保边缘', 'dibao-marginal') },
  { code: PROGRAMME.rigid, name: 'rigid', label: u('刚性支出困难', 'rigid-expenditure hardship') },
];

const count = (
  name: string,
  field: keyof HouseholdArrays,
  label: Bilingual,
  description: Bilingual,
  synonyms: { zh: string[]; en: string[] },
  required = true,
): ColumnDef => ({
  name,
  type: 'int',
  unit: PERSONS,
  min: 0,
  maxColumn: 'size',
  required,
  ...(required ? {} : { defaultValue: 0 }),
  label,
  description,
  synonyms,
  field,
});

const flag = (
  name: string,
  field: keyof HouseholdArrays,
  label: Bilingual,
  description: Bilingual,
  synonyms: { zh: string[]; en: string[] },
  defaultValue?: number,
): ColumnDef => ({
  name,
  type: 'bool',
  unit: NONE,
  min: 0,
  max: 1,
  required: defaultValue === undefined,
  ...(defaultValue === undefined ? {} : { defaultValue }),
  label,
  description,
  synonyms,
  field,
});

const money = (
  name: string,
  field: keyof HouseholdArrays,
  unit: Bilingual,
  label: Bilingual,
  description: Bilingual,
  synonyms: { zh: string[]; en: string[] },
  required = true,
): ColumnDef => ({
  name,
  type: 'float',
  unit,
  min: 0,
  max: 1e8,
  required,
  ...(required ? {} : { defaultValue: 0 }),
  label,
  description,
  synonyms,
  field,
});

/** The households table: one row per household. */
export const HOUSEHOLDS: TableDef = {
  name: 'households',
  label: u('家庭表', 'households'),
  description: u('每行一户，成员属性以人数计', 'One row per household; member attributes are counts'),
  columns: [
    {
      name: 'household_id',
      type: 'id',
      unit: NONE,
      required: true,
      label: u('家庭编号', 'household id'),
      description: u('匿名化的家庭唯一编号（不得为身份证号）', 'Anonymised unique household id (never an ID number)'),
      synonyms: {
        zh: ['户编号', '家庭ID', '户号', '编号', '序号', '家庭代码'],
        en: ['hh_id', 'hhid', 'id', 'household', 'family_id', 'case_id'],
      },
    },
    {
      name: 'region_code',
      type: 'code',
      unit: NONE,
      required: true,
      label: u('地区代码', 'region code'),
      description: u(
        '国标 GB/T 2260 行政区划代码：2 位省级，或 4/6 位地市、区县级（前两位为省）',
        'GB/T 2260 code: 2-digit province, or 4/6-digit prefecture/county (first two digits are the province)',
      ),
      synonyms: {
        zh: ['行政区划代码', '地区', '区划代码', '省份代码', '省代码', '县代码', '地区编码'],
        en: ['region', 'region_id', 'province_code', 'province', 'county_code', 'admin_code', 'area_code', 'geo_code'],
      },
      field: 'region',
    },
    {
      name: 'area',
      type: 'category',
      unit: NONE,
      required: true,
      codes: AREA_CODES,
      label: u('城乡', 'area'),
      description: u('城镇或农村', 'Urban or rural'),
      synonyms: {
        zh: ['城乡类别', '城乡属性', '户籍类型', '城镇农村', '城乡标识'],
        en: ['urban_rural', 'urban', 'rural', 'location_type', 'residence'],
      },
      field: 'area',
    },
    {
      name: 'size',
      type: 'int',
      unit: PERSONS,
      min: 1,
      max: 30,
      required: true,
      label: u('家庭人口数', 'household size'),
      description: u('共同生活家庭成员人数', 'Members of the household living together'),
      synonyms: {
        zh: ['家庭人口', '人口数', '户人数', '家庭成员数', '人数'],
        en: ['hh_size', 'members', 'n_members', 'household_size', 'persons'],
      },
      field: 'size',
    },
    count('elderly', 'elderly', u('老年人数', 'elderly members'), u('60 岁及以上成员人数', 'Members aged 60 or over'), {
      zh: ['老人数', '60岁以上人数', '老年人口'],
      en: ['n_elderly', 'aged_60_plus', 'old', 'seniors'],
    }),
    count('children', 'children', u('未成年人数', 'children'), u('18 岁以下成员人数', 'Members under 18'), {
      zh: ['儿童数', '未成年人', '子女数', '18岁以下人数'],
      en: ['n_children', 'kids', 'minors', 'under_18'],
    }),
    count(
      'disabled',
      'disabled',
      u('重度残疾人数', 'severely disabled'),
      u('重度残疾成员人数', 'Severely disabled members'),
      {
        zh: ['残疾人数', '重残人数', '重度残疾'],
        en: ['n_disabled', 'disability', 'severe_disability'],
      },
    ),
    count('ill', 'ill', u('重病患者人数', 'seriously ill'), u('患重特大疾病成员人数', 'Seriously ill members'), {
      zh: ['重病人数', '大病人数', '重病'],
      en: ['n_ill', 'serious_illness', 'sick'],
    }),
    count(
      'able_to_work',
      'ableToWork',
      u('有劳动能力人数', 'able to work'),
      u('有劳动能力的成员人数', 'Members able to work'),
      {
        zh: ['劳动力人数', '劳动能力人数', '有劳动力'],
        en: ['n_able', 'able_bodied', 'labour_capacity', 'work_capable'],
      },
    ),
    count(
      'working',
      'working',
      u('就业人数', 'in work'),
      u('在业成员人数（不超过有劳动能力人数）', 'Members in work (at most those able to work)'),
      {
        zh: ['在业人数', '务工人数', '就业'],
        en: ['n_working', 'employed', 'workers', 'in_work'],
      },
    ),
    count(
      'care_full',
      'careFull',
      u('全护理人数', 'needs full care'),
      u('生活完全不能自理的成员人数', 'Members who cannot look after themselves'),
      { zh: ['全失能人数', '完全不能自理', '全护理'], en: ['full_care', 'n_full_care', 'dependent'] },
      false,
    ),
    count(
      'care_half',
      'careHalf',
      u('半护理人数', 'needs half care'),
      u('生活部分不能自理的成员人数', 'Members who partly cannot look after themselves'),
      { zh: ['半失能人数', '部分不能自理', '半护理'], en: ['half_care', 'n_half_care', 'partly_dependent'] },
      false,
    ),
    money(
      'income_pc',
      'incomePc',
      YUAN_YEAR,
      u('人均年收入', 'income per capita'),
      u('家庭人均年收入，含劳动收入', 'Per-capita annual income, earnings included'),
      {
        zh: ['人均收入', '家庭人均收入', '年人均收入', '收入'],
        en: ['income', 'income_per_capita', 'pc_income', 'per_capita_income'],
      },
    ),
    money(
      'earnings_pc',
      'earningsPc',
      YUAN_YEAR,
      u('人均年劳动收入', 'earnings per capita'),
      u('人均年工资性和经营性劳动收入', 'Per-capita annual earnings from work'),
      {
        zh: ['人均劳动收入', '工资收入', '劳动收入', '人均工资'],
        en: ['earnings', 'wages', 'labour_income', 'earned_income'],
      },
    ),
    money(
      'assets_pc',
      'assetsPc',
      u('元/人', 'yuan/person'),
      u('人均金融资产', 'financial assets per capita'),
      u('人均存款、有价证券等金融资产', 'Per-capita savings and other financial assets'),
      {
        zh: ['人均存款', '金融资产', '人均资产', '存款'],
        en: ['assets', 'savings', 'financial_assets', 'wealth'],
      },
    ),
    flag(
      'car',
      'car',
      u('拥有非豁免车辆', 'owns a non-exempt car'),
      u('1 表示拥有非生活必需机动车', '1 if the household owns a non-exempt motor vehicle'),
      {
        zh: ['车辆', '有车', '机动车'],
        en: ['has_car', 'vehicle', 'owns_car'],
      },
    ),
    {
      name: 'homes',
      type: 'int',
      unit: u('套', 'homes'),
      min: 0,
      max: 50,
      required: true,
      label: u('住房套数', 'homes owned'),
      description: u('家庭拥有住房套数', 'Number of homes the household owns'),
      synonyms: { zh: ['房产数', '住房', '房屋套数'], en: ['n_homes', 'houses', 'dwellings', 'properties'] },
      field: 'homes',
    },
    money(
      'medical_hh',
      'medicalHh',
      YUAN_HH_YEAR,
      u('自付医疗支出', 'out-of-pocket medical'),
      u('医保报销后家庭年自付医疗费用', 'Household annual medical spending after insurance'),
      {
        zh: ['医疗支出', '自付医疗费', '医疗费用'],
        en: ['medical', 'medical_spending', 'health_expenditure', 'oop_medical'],
      },
      false,
    ),
    money(
      'education_hh',
      'educationHh',
      YUAN_HH_YEAR,
      u('教育支出', 'education spending'),
      u('家庭年教育刚性支出', 'Household annual essential education spending'),
      { zh: ['教育费用', '学费', '教育支出'], en: ['education', 'school_costs', 'tuition'] },
      false,
    ),
    money(
      'rehab_hh',
      'rehabHh',
      YUAN_HH_YEAR,
      u('康复支出', 'rehabilitation spending'),
      u('家庭年残疾康复自付支出', 'Household annual disability rehabilitation spending'),
      { zh: ['康复费用', '残疾康复', '康复'], en: ['rehab', 'rehabilitation', 'disability_costs'] },
      false,
    ),
    {
      name: 'programme',
      type: 'category',
      unit: NONE,
      required: true,
      codes: PROGRAMME_CODES,
      label: u('当前救助类别', 'current programme'),
      description: u('模拟前的救助身份', 'Assistance status before simulation'),
      synonyms: {
        zh: ['救助类别', '救助类型', '保障类别', '低保类别', '身份类别'],
        en: ['program', 'status', 'assistance_type', 'benefit_type', 'scheme'],
      },
      field: 'programme',
    },
    flag(
      'gradual_exit',
      'gradualExit',
      u('处于渐退期', 'in gradual exit'),
      u('1 表示正处于低保渐退期', '1 if currently in the dibao gradual-exit period'),
      { zh: ['渐退', '渐退期'], en: ['exit_period', 'phase_out', 'gradual'] },
      0,
    ),
    flag(
      'monitored',
      'monitored',
      u('纳入动态监测', 'monitored'),
      u('1 表示已纳入低收入人口动态监测', '1 if in the low-income monitoring platform'),
      {
        zh: ['监测对象', '动态监测', '纳入监测', '监测'],
        en: ['in_monitoring', 'monitoring', 'watchlist', 'low_income_monitored'],
      },
    ),
    flag(
      'tekun_profile',
      'tekunProfile',
      u('特困条件', 'tekun profile'),
      u('1 表示符合“三无”条件的特困候选', '1 if the household matches the "three nos" tekun profile'),
      {
        zh: ['三无', '特困候选', '三无人员'],
        en: ['three_nos', 'tekun_candidate', 'extreme_poverty_profile'],
      },
    ),
    flag(
      'local_hukou',
      'localHukou',
      u('本地户籍', 'local hukou'),
      u('1 表示本地户籍', '1 if locally registered'),
      { zh: ['户籍', '本地户口', '户口'], en: ['hukou', 'local', 'registered', 'local_registration'] },
      1,
    ),
    {
      name: 'orphans',
      type: 'int',
      unit: PERSONS,
      min: 0,
      maxColumn: 'children',
      required: false,
      defaultValue: 0,
      label: u('孤儿人数', 'orphans'),
      description: u(
        '父母均已死亡或宣告死亡（失踪）的未满 18 周岁成员人数，不超过未成年人数；领取孤儿基本生活费',
        'Members under 18 whose parents have both died or been declared dead or missing; at most `children`; they receive the orphan basic living allowance',
      ),
      synonyms: {
        zh: ['孤儿', '孤儿数', '孤儿人数', '孤儿标识'],
        en: ['orphan', 'n_orphans', 'orphan_count', 'is_orphan'],
      },
      field: 'orphans',
    },
    {
      name: 'support_type',
      type: 'category',
      unit: NONE,
      required: false,
      defaultValue: SUPPORT_TYPE.unknown,
      codes: SUPPORT_TYPE_CODES,
      label: u('供养方式', 'support type'),
      description: u(
        '特困人员和孤儿的供养方式：集中供养（供养机构、儿童福利机构）或分散供养（居家、亲属抚养）；未记录时特困照料标准按集中供养比例加权，孤儿按散居标准',
        "How tekun persons and orphans are supported: centralised (care home, children's welfare institution) or dispersed (at home, with relatives); when not recorded, tekun care blends the two by the centralised share and orphans get the dispersed amount",
      ),
      synonyms: {
        zh: ['供养方式', '供养形式', '集中分散', '养育方式', '安置方式'],
        en: ['support_mode', 'care_setting', 'centralised', 'institutional', 'placement'],
      },
      field: 'supportType',
    },
    {
      name: 'weight',
      type: 'float',
      unit: u('户', 'households'),
      min: 0,
      exclusiveMin: true,
      max: 1e7,
      required: true,
      label: u('权重', 'weight'),
      description: u('该样本代表的实际家庭户数（须大于 0）', 'Real households this row represents (must be > 0)'),
      synonyms: {
        zh: ['抽样权重', '权数', '加权系数', '样本权重'],
        en: ['wt', 'hh_weight', 'sample_weight', 'expansion_factor', 'pweight'],
      },
      field: 'weight',
    },
  ],
};

/** The regions table: one row per region code and area. */
export const REGIONS: TableDef = {
  name: 'regions',
  label: u('地区表', 'regions'),
  description: u('每个地区代码 × 城乡一行', 'One row per region code and area'),
  columns: [
    {
      name: 'region_code',
      type: 'code',
      unit: NONE,
      required: true,
      label: u('地区代码', 'region code'),
      description: u(
        'GB/T 2260 代码：2 位省级或 4/6 位下级',
        'GB/T 2260 code: 2-digit province or 4/6-digit lower level',
      ),
      synonyms: {
        zh: ['行政区划代码', '地区', '区划代码', '省份代码'],
        en: ['region', 'code', 'province_code', 'admin_code'],
      },
      field: 'code',
    },
    {
      name: 'area',
      type: 'category',
      unit: NONE,
      required: true,
      codes: AREA_CODES,
      label: u('城乡', 'area'),
      description: u('城镇或农村', 'Urban or rural'),
      synonyms: { zh: ['城乡类别', '城乡属性'], en: ['urban_rural', 'location_type'] },
    },
    {
      name: 'name_zh',
      type: 'text',
      unit: NONE,
      required: true,
      label: u('中文名称', 'Chinese name'),
      description: u('地区中文名称', 'Region name in Chinese'),
      synonyms: { zh: ['名称', '地区名称', '省份'], en: ['name', 'chinese_name', 'region_name'] },
      field: 'nameZh',
    },
    {
      name: 'name_en',
      type: 'text',
      unit: NONE,
      required: true,
      label: u('英文名称', 'English name'),
      description: u('地区英文名称', 'Region name in English'),
      synonyms: { zh: ['英文名', '英文名称'], en: ['english_name', 'name_english'] },
      field: 'nameEn',
    },
    {
      name: 'population',
      type: 'float',
      unit: PERSONS,
      min: 0,
      max: 2e9,
      required: true,
      label: u('常住人口', 'resident population'),
      description: u('该地区该城乡的常住人口', 'Resident population of the region and area'),
      synonyms: { zh: ['人口', '常住人口数', '人口数'], en: ['pop', 'residents', 'population_total'] },
      field: 'population',
    },
    {
      name: 'dibao_standard',
      type: 'float',
      unit: u('元/人/月', 'yuan/person/month'),
      min: 0,
      exclusiveMin: true,
      max: 10000,
      required: true,
      label: u('低保标准', 'dibao standard'),
      description: u('现行低保标准', 'Current dibao standard'),
      synonyms: {
        zh: ['低保线', '保障标准', '最低生活保障标准'],
        en: ['standard', 'dibao_line', 'minimum_living_standard'],
      },
      field: 'standard',
    },
    {
      name: 'income_prev_pc',
      type: 'float',
      unit: YUAN_YEAR,
      min: 0,
      max: 1e6,
      required: true,
      label: u('上年人均可支配收入', 'previous-year disposable income per capita'),
      description: u('上年居民人均可支配收入', 'Previous-year per-capita disposable income'),
      synonyms: {
        zh: ['人均可支配收入', '可支配收入', '上年收入'],
        en: ['disposable_income', 'income_pc_prev', 'income_prev'],
      },
      field: 'incomePrev',
    },
    {
      name: 'consumption_prev_pc',
      type: 'float',
      unit: YUAN_YEAR,
      min: 0,
      max: 1e6,
      required: true,
      label: u('上年人均消费支出', 'previous-year consumption per capita'),
      description: u('上年居民人均消费支出', 'Previous-year per-capita consumption expenditure'),
      synonyms: {
        zh: ['人均消费支出', '消费支出', '上年消费'],
        en: ['consumption', 'consumption_pc', 'consumption_prev'],
      },
      field: 'consumptionPrev',
    },
    {
      name: 'min_wage',
      type: 'float',
      unit: u('元/月', 'yuan/month'),
      min: 0,
      max: 1e5,
      required: true,
      label: u('月最低工资', 'monthly minimum wage'),
      description: u('月最低工资标准', 'Monthly minimum wage'),
      synonyms: { zh: ['最低工资', '最低工资标准'], en: ['minimum_wage', 'min_wage_monthly'] },
      field: 'minWage',
    },
    {
      name: 'central_share',
      type: 'float',
      unit: u('比例', 'share'),
      min: 0,
      max: 1,
      required: true,
      label: u('中央补助比例', 'central subsidy share'),
      description: u('中央财政承担的救助资金比例（0–1）', 'Central-government share of assistance cost (0–1)'),
      synonyms: { zh: ['中央补助', '中央比例', '中央分担比例'], en: ['central', 'central_subsidy', 'central_ratio'] },
      field: 'centralShare',
    },
  ],
};

/** Both tables, for code that walks the schema generically (docs test, mapping suggestions). */
export const TABLES: readonly TableDef[] = [HOUSEHOLDS, REGIONS];

/** Look up a column definition by table and canonical name. */
export function columnDef(table: TableDef, name: string): ColumnDef | undefined {
  return table.columns.find((c) => c.name === name);
}

/** Household region codes must be 2, 4 or 6 digits. */
export const REGION_CODE_PATTERN = '^([0-9]{2}|[0-9]{4}|[0-9]{6})$';
