// The baseline rules of POLICY.md §2.1–2.4 and §3.2 written independently as one DuckDB SQL query, for the benchmark
// and as a cross-check of the TypeScript kernel (expected-value mode): region join, eligibility in precedence
// (tekun, dibao, marginal, rigid), take-up, benefit components and a weighted group-by programme.

/** Scalar rule parameters the SQL reads (the national defaults; per-cell standards come from the `cells` table). */
export interface SqlRuleParams {
  /** Asset test: per-capita financial assets ≤ assetMonths × monthly standard (switchable). */
  assetTest: boolean;
  assetMonths: number;
  /** No non-exempt car (switchable). */
  carTest: boolean;
  /** At most `maxHomes` homes (switchable). */
  homeTest: boolean;
  maxHomes: number;
  /** Earnings disregard per member in work, as a share of the standard per month. */
  disregardShare: number;
  /** Minimum benefit as a share of standard × size per month. */
  minBenefitShare: number;
  /** Classified supplements per qualifying member, share of the standard per month. */
  supplementElderly: number;
  supplementChildren: number;
  supplementDisabled: number;
  supplementIll: number;
  /** Tekun basic living: multiplier of the standard per person per month. */
  tekunLivingMultiplier: number;
  /**
   * Tekun care as shares of the monthly minimum wage, by care level (full, half, self-care), for dispersed and
   * centralised support; a household's `support_type` picks one (1 centralised, 2 dispersed) and an unrecorded type
   * (0) blends them by `tekunCentralisedShare`.
   */
  tekunCareFullDispersed: number;
  tekunCareHalfDispersed: number;
  tekunCareSelfDispersed: number;
  tekunCareFullCentralised: number;
  tekunCareHalfCentralised: number;
  tekunCareSelfCentralised: number;
  tekunCentralisedShare: number;
  /** Orphan basic living allowance per orphan per month: institutional (support type 1) and otherwise. */
  orphanInstitutional: number;
  orphanDispersed: number;
  /** Whether tekun eligibility also applies the asset test. */
  tekunAssetTest: boolean;
  /** Marginal: per-capita income < multiplier × standard. */
  marginalMultiplier: number;
  /** Special assistance for marginal and rigid households, yuan per person per year. */
  marginalSpecialPerPerson: number;
  rigidSpecialPerPerson: number;
  /** Rigid: rigid spending > ratio × total household income. */
  rigidRatio: number;
  /** Rigid: per-capita income < multiplier × previous-year per-capita disposable income. */
  rigidIncomeMultiplier: number;
  /**
   * Residence rule: whether non-local hukou households (`local_hukou` = 0) are assessed where they live for dibao,
   * tekun, marginal and rigid status; when false only local households are.
   */
  nonLocalHukouEligible: boolean;
  /** Take-up of newly eligible households, monitored and not. */
  takeupMonitored: number;
  takeupUnmonitored: number;
  /** Marginal/rigid certification of the newly eligible: eventual share and yearly rate (first year: their product). */
  certifyShare: number;
  certifyRate: number;
}

/** Table names the query reads: households (columns of HH_SQL_COLUMNS) and cells (see cellsArrowTable). */
export interface SqlRuleTables {
  households: string;
  cells: string;
}

function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`non-finite SQL parameter: ${value}`);
  return `CAST(${value} AS DOUBLE)`;
}

function bool(value: boolean): string {
  return value ? 'TRUE' : 'FALSE';
}

/**
 * Per-household classification and amounts as a SQL query (one row per household): status, enrolment probability
 * and yearly cost by component. Income tests compare monthly per-capita amounts; money is yuan per year.
 * Readings of POLICY.md made here: the earnings disregard never exceeds the household's earnings; the dibao test
 * uses countable income, the tekun and marginal tests use per-capita income as §2.2 and §2.3 word it. "Already
 * enrolled" (§3.2) means enrolled in the same family of programmes: cash (dibao, tekun) or low-income status
 * (marginal, rigid), so a dibao household that becomes tekun-eligible is transferred, not re-drawn. A household in any
 * programme counts as monitored (§2.8) for the take-up of a programme it is newly eligible for. Marginal and rigid
 * status is certified separately: a newly eligible household is certified in its first year with certification rate ×
 * eventual share.
 */
export function householdRulesSql(p: SqlRuleParams, t: SqlRuleTables): string {
  const supplements: [string, number][] = [
    ['elderly', p.supplementElderly],
    ['children', p.supplementChildren],
    ['disabled', p.supplementDisabled],
    ['ill', p.supplementIll],
  ];
  supplements.sort((a, b) => b[1] - a[1]);
  // Each member counts once, at the highest applicable share: assign members to categories from the highest share
  // down, never more members in total than the household has (categories assumed to be distinct people as far as
  // the counts allow). Categories with a zero share add nothing and are left out of the expression.
  const supplementTerms: string[] = [];
  let assigned = '0';
  for (const [column, share] of supplements) {
    if (share <= 0) break;
    const taken = `LEAST(h.${column}, GREATEST(h.size - (${assigned}), 0))`;
    supplementTerms.push(`${taken} * ${num(share)}`);
    assigned = `${assigned} + ${taken}`;
  }
  if (supplementTerms.length === 0) supplementTerms.push('0.0');
  // Care share of one level for the household's support type: centralised, dispersed, or the blend when unrecorded.
  const careShare = (dispersed: number, centralised: number): string =>
    `CASE h.support_type WHEN 1 THEN ${num(centralised)} WHEN 2 THEN ${num(dispersed)} ` +
    `ELSE ${num(p.tekunCentralisedShare)} * ${num(centralised)} + (1 - ${num(p.tekunCentralisedShare)}) * ${num(dispersed)} END`;
  return `
WITH base AS (
  SELECT
    h.hh_id, h.region * 2 + h.area AS cell, h.weight, h.size, h.programme, h.monitored,
    c.standard AS s,
    h.income_pc / 12.0 AS income_m,
    h.income_pc / 12.0
      - LEAST(h.working * ${num(p.disregardShare)} * c.standard, h.earnings_pc * h.size / 12.0) / h.size AS countable_m,
    (NOT ${bool(p.assetTest)} OR h.assets_pc <= ${num(p.assetMonths)} * c.standard)
      AND (NOT ${bool(p.carTest)} OR h.car = 0)
      AND (NOT ${bool(p.homeTest)} OR h.homes <= ${num(p.maxHomes)}) AS assets_ok,
    h.income_pc < ${num(p.rigidIncomeMultiplier)} * c.income_prev AS below_prev_income,
    (h.medical_hh + h.education_hh + h.rehab_hh) > ${num(p.rigidRatio)} * h.income_pc * h.size AS rigid_spending,
    h.tekun_profile = 1 AS tekun_profile,
    (${supplementTerms.join(' + ')}) AS supplement_members_share,
    h.care_full, h.care_half, c.min_wage, h.orphans,
    h.orphans > 0 AND h.orphans >= h.size AS orphans_only,
    h.local_hukou = 1 OR ${bool(p.nonLocalHukouEligible)} AS resident,
    h.size - LEAST(h.orphans, h.size) AS non_orphans,
    ${careShare(p.tekunCareFullDispersed, p.tekunCareFullCentralised)} AS care_share_full,
    ${careShare(p.tekunCareHalfDispersed, p.tekunCareHalfCentralised)} AS care_share_half,
    ${careShare(p.tekunCareSelfDispersed, p.tekunCareSelfCentralised)} AS care_share_self,
    h.orphans * (CASE WHEN h.support_type = 1 THEN ${num(p.orphanInstitutional)} ELSE ${num(p.orphanDispersed)} END)
      * 12.0 AS orphan_allowance
  FROM ${t.households} h JOIN ${t.cells} c ON c.cell = h.region * 2 + h.area
),
classified AS (
  SELECT *,
    CASE
      WHEN orphans_only OR NOT resident THEN 0
      WHEN tekun_profile AND income_m < s AND (NOT ${bool(p.tekunAssetTest)} OR assets_ok) THEN 2
      WHEN countable_m < s AND assets_ok THEN 1
      WHEN income_m < ${num(p.marginalMultiplier)} * s AND assets_ok THEN 3
      WHEN below_prev_income AND assets_ok AND rigid_spending THEN 4
      ELSE 0
    END AS status
  FROM base
),
enrolled AS (
  SELECT *,
    CASE
      WHEN status = 0 THEN 0.0
      WHEN (programme IN (1, 2) AND status IN (1, 2)) OR (programme IN (3, 4) AND status IN (3, 4)) THEN 1.0
      WHEN status IN (3, 4) THEN ${num(p.certifyRate)} * ${num(p.certifyShare)}
      WHEN monitored = 1 OR programme <> 0 THEN ${num(p.takeupMonitored)}
      ELSE ${num(p.takeupUnmonitored)}
    END AS p_enrol
  FROM classified
),
members AS (
  -- Tekun support covers the non-orphan members (orphans get the orphan allowance); care needs are assigned to them
  -- first: full care, then half care, the rest self-care.
  SELECT *,
    CASE WHEN status = 2 THEN non_orphans ELSE size END AS persons,
    LEAST(care_full, non_orphans) AS tk_full,
    LEAST(care_half, non_orphans - LEAST(care_full, non_orphans)) AS tk_half
  FROM enrolled
)
SELECT
  hh_id, cell, weight, size, persons, status, p_enrol, programme, orphans, orphan_allowance,
  CASE WHEN status = 1 THEN GREATEST((s - countable_m) * size, ${num(p.minBenefitShare)} * s * size) * 12.0 ELSE 0.0 END
    AS dibao_base,
  CASE WHEN status = 1 THEN supplement_members_share * s * 12.0 ELSE 0.0 END AS dibao_supplements,
  CASE WHEN status = 2 THEN ${num(p.tekunLivingMultiplier)} * s * non_orphans * 12.0 ELSE 0.0 END AS tekun_living,
  CASE WHEN status = 2 THEN (tk_full * care_share_full + tk_half * care_share_half
    + (non_orphans - tk_full - tk_half) * care_share_self) * min_wage * 12.0 ELSE 0.0 END AS tekun_care,
  CASE WHEN status = 3 THEN ${num(p.marginalSpecialPerPerson)} * size ELSE 0.0 END AS marginal_special,
  CASE WHEN status = 4 THEN ${num(p.rigidSpecialPerPerson)} * size ELSE 0.0 END AS rigid_special
FROM members`;
}

/** The cost components the SQL computes, in output order. */
export const SQL_COST_COMPONENTS = [
  'dibao_base',
  'dibao_supplements',
  'tekun_living',
  'tekun_care',
  'marginal_special',
  'rigid_special',
] as const;

/**
 * Weighted totals by simulated programme (expected value: weight × enrolment probability): enrolled households and
 * persons, eligible households and persons, unweighted sample count and yearly cost by component.
 */
export function programmeTotalsSql(p: SqlRuleParams, t: SqlRuleTables): string {
  const costs = SQL_COST_COMPONENTS.map((c) => `SUM(weight * p_enrol * ${c}) AS ${c}`).join(',\n  ');
  return `
SELECT
  status AS programme,
  SUM(weight * p_enrol) AS households,
  SUM(weight * p_enrol * persons) AS persons,
  SUM(weight) AS eligible_households,
  SUM(weight * persons) AS eligible_persons,
  COUNT(*) AS sample,
  ${costs}
FROM (${householdRulesSql(p, t)}) r
WHERE status <> 0
GROUP BY status
ORDER BY status`;
}

/**
 * The orphan basic living allowance, whatever the household's programme (paid to every recorded orphan): orphans
 * (weighted persons), unweighted sample households with orphans and the yearly allowance.
 */
export function orphanTotalsSql(p: SqlRuleParams, t: SqlRuleTables): string {
  return `
SELECT
  SUM(weight * orphans) AS orphans,
  COUNT(*) FILTER (WHERE orphans > 0) AS sample,
  SUM(weight * orphan_allowance) AS orphan_allowance
FROM (${householdRulesSql(p, t)}) r`;
}

/**
 * Weighted totals per region cell (region*2+area): enrolled households by programme and yearly cost of all components
 * (the programmes' components and the orphan allowance).
 */
export function cellTotalsSql(p: SqlRuleParams, t: SqlRuleTables): string {
  const cost = [...SQL_COST_COMPONENTS.map((c) => `weight * p_enrol * ${c}`), 'weight * orphan_allowance'].join(' + ');
  const byProgramme = [1, 2, 3, 4]
    .map((code) => `SUM(CASE WHEN status = ${code} THEN weight * p_enrol ELSE 0 END) AS households_${code}`)
    .join(',\n  ');
  return `
SELECT
  cell,
  ${byProgramme},
  SUM(${cost}) AS cost,
  COUNT(*) AS sample
FROM (${householdRulesSql(p, t)}) r
GROUP BY cell
ORDER BY cell`;
}
