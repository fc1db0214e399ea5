// Validation report (POLICY.md §6) computed in SQL over the raw imported tables through a column mapping: missing and
// wrongly typed columns, nulls, ranges, weights, duplicate ids, unknown regions, inconsistent counts; then the mapped,
// correctly typed canonical tables the hand-off reads. Nothing is dropped or coerced: every problem is reported.

import { HOUSEHOLDS, REGIONS, REGION_CODE_PATTERN } from '../schema.ts';
import type { ColumnDef, TableDef } from '../schema.ts';
import { PROGRAMME, bi } from '../../sim/index.ts';
import type { ColumnMapping } from './mapping.ts';
import type { DataIssue, Severity } from './issues.ts';
import { exampleText, hasErrors } from './issues.ts';
import { describeTable, exec, ident, literal, rowsOf } from './duckdb-port.ts';
import type { DuckDbPort } from './duckdb-port.ts';

/** One raw table and how its columns map to the schema. */
export interface MappedSource {
  /** DuckDB table holding the raw rows (from loadFile). */
  table: string;
  mapping: ColumnMapping;
  /** Name shown in messages (usually the file name). */
  label?: string;
}

/** What to validate: households, regions, or both (region references are checked only with both). */
export interface DatasetSources {
  households?: MappedSource;
  regions?: MappedSource;
}

/** The validation report. */
export interface ValidationReport {
  /** True when there are no errors (warnings allowed). */
  ok: boolean;
  issues: DataIssue[];
  rows: { households: number; regions: number };
}

const CELL = ['region_code', 'area'];

const INTEGER = /^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/;

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

interface Prepared {
  def: TableDef;
  source: MappedSource;
  label: string;
  /** Canonical column → SQL value expression over the raw table (null when the column is not mapped). */
  exprs: Map<string, string>;
  /** Canonical column → raw source expression. */
  raw: Map<string, string>;
  sourceTypes: Map<string, string>;
  issues: DataIssue[];
}

interface Rule {
  rule: string;
  severity: Severity;
  column?: string;
  cond: string;
  zh: string;
  en: string;
}

/** SQL value expression for a mapped column, typed DOUBLE for numbers/codes and VARCHAR for text. */
function valueExpr(def: ColumnDef, src: string, type: string, codes: Record<string, number> | undefined): string {
  const numeric = NUMERIC.test(type);
  const text = `trim(CAST(${src} AS VARCHAR))`;
  if (codes && Object.keys(codes).length > 0 && (def.type === 'category' || def.type === 'bool')) {
    const cases = Object.entries(codes)
      .map(([k, v]) => `WHEN ${literal(k.trim())} THEN ${v}`)
      .join(' ');
    return `(CASE ${text} ${cases} ELSE NULL END)::DOUBLE`;
  }
  switch (def.type) {
    case 'id':
    case 'text':
      return `CAST(${src} AS VARCHAR)`;
    case 'code':
      return numeric ? `CAST(TRY_CAST(${src} AS BIGINT) AS VARCHAR)` : text;
    case 'bool':
      if (type === 'BOOLEAN') return `CAST(${src} AS DOUBLE)`;
      if (numeric) return `CAST(${src} AS DOUBLE)`;
      return `coalesce(TRY_CAST(${text} AS DOUBLE), (CASE lower(${text}) WHEN 'true' THEN 1 WHEN 't' THEN 1 WHEN 'yes' THEN 1 WHEN '是' THEN 1 WHEN 'false' THEN 0 WHEN 'f' THEN 0 WHEN 'no' THEN 0 WHEN '否' THEN 0 ELSE NULL END)::DOUBLE)`;
    default:
      if (type === 'BOOLEAN') return `CAST(${src} AS DOUBLE)`;
      return numeric ? `CAST(${src} AS DOUBLE)` : `TRY_CAST(${text} AS DOUBLE)`;
  }
}

/** Resolve the mapping against the raw table's columns; structural problems become issues. */
async function prepare(db: DuckDbPort, def: TableDef, source: MappedSource): Promise<Prepared> {
  const label = source.label ?? source.table;
  const columns = await describeTable(db, source.table);
  const types = new Map(columns.map((c) => [c.name, c.type]));
  const p: Prepared = { def, source, label, exprs: new Map(), raw: new Map(), sourceTypes: new Map(), issues: [] };
  if (source.mapping.table !== def.name) {
    p.issues.push({
      rule: 'wrong_mapping',
      severity: 'error',
      table: label,
      count: 0,
      examples: [],
      message: bi(
        `映射适用于“${source.mapping.table}”表，而非“${def.name}”表。`,
        `The mapping is for the "${source.mapping.table}" table, not "${def.name}".`,
      ),
    });
    return p;
  }
  for (const c of def.columns) {
    const src = source.mapping.columns[c.name];
    if (src === undefined) {
      if (c.required) {
        p.issues.push({
          rule: 'missing_column',
          severity: 'error',
          table: label,
          column: c.name,
          count: 0,
          examples: [],
          message: bi(
            `缺少必需列“${c.name}”（${c.label.zh}）：请在列映射中指定来源列。`,
            `Required column "${c.name}" (${c.label.en}) is missing: choose its source column in the mapping.`,
          ),
        });
      } else {
        p.issues.push({
          rule: 'default_used',
          severity: 'warning',
          table: label,
          column: c.name,
          count: 0,
          examples: [],
          message: bi(
            `可选列“${c.name}”（${c.label.zh}）未提供，全部按 ${c.defaultValue} 处理。`,
            `Optional column "${c.name}" (${c.label.en}) is absent; every row uses ${c.defaultValue}.`,
          ),
        });
      }
      continue;
    }
    const type = types.get(src);
    if (type === undefined) {
      p.issues.push({
        rule: 'missing_column',
        severity: 'error',
        table: label,
        column: src,
        count: 0,
        examples: [],
        message: bi(
          `映射指定的来源列“${src}”（对应“${c.name}”）不在文件中。`,
          `Source column "${src}" (mapped to "${c.name}") is not in the file.`,
        ),
      });
      continue;
    }
    const srcExpr = ident(src);
    p.raw.set(c.name, srcExpr);
    p.sourceTypes.set(c.name, type);
    p.exprs.set(c.name, valueExpr(c, srcExpr, type, source.mapping.codes[c.name]));
  }
  return p;
}

/** Per-column and cross-column rules of a prepared table (conditions over the `v` CTE). */
function rulesFor(p: Prepared): Rule[] {
  const rules: Rule[] = [];
  const has = (name: string): boolean => p.exprs.has(name);
  for (const c of p.def.columns) {
    if (!has(c.name)) continue;
    const v = ident(c.name);
    const s = ident(`__s_${c.name}`);
    const src = p.source.mapping.columns[c.name];
    const named = bi(`列“${src}”（${c.label.zh}）`, `Column "${src}" (${c.label.en})`);
    rules.push({
      rule: 'null_value',
      severity: 'error',
      column: src,
      cond: `${s} IS NULL`,
      zh: `${named.zh}有空值`,
      en: `${named.en} has empty values`,
    });
    const coded =
      p.source.mapping.codes[c.name] !== undefined && Object.keys(p.source.mapping.codes[c.name]).length > 0;
    const sourceType = p.sourceTypes.get(c.name) ?? '';
    const numericSource = NUMERIC.test(sourceType) || sourceType === 'BOOLEAN';
    const integerSource = INTEGER.test(sourceType) || sourceType === 'BOOLEAN';
    const unsignedSource = /^U(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/.test(sourceType) || sourceType === 'BOOLEAN';
    if (coded) {
      rules.push({
        rule: 'unmapped_code',
        severity: 'error',
        column: src,
        cond: `${s} IS NOT NULL AND ${v} IS NULL`,
        zh: `${named.zh}有未在代码映射中的取值`,
        en: `${named.en} has values not in the code mapping`,
      });
    } else if (c.type !== 'id' && c.type !== 'text' && !(numericSource && c.type !== 'code')) {
      rules.push({
        rule: 'wrong_type',
        severity: 'error',
        column: src,
        cond: `${s} IS NOT NULL AND ${v} IS NULL`,
        zh: `${named.zh}有无法识别为${c.type === 'code' ? '地区代码' : '数值'}的值`,
        en: `${named.en} has values that are not ${c.type === 'code' ? 'region codes' : 'numbers'}`,
      });
    }
    if ((c.type === 'int' || c.type === 'bool' || c.type === 'category') && !(integerSource && !coded)) {
      rules.push({
        rule: 'wrong_type',
        severity: 'error',
        column: src,
        cond: `${v} IS NOT NULL AND ${v} <> round(${v})`,
        zh: `${named.zh}应为整数，却有小数`,
        en: `${named.en} should hold whole numbers but has fractions`,
      });
    }
    if (c.codes) {
      const allowed = c.codes.map((k) => k.code).join(', ');
      const names = c.codes.map((k) => `${k.code}=${k.label.zh}`).join('、');
      const namesEn = c.codes.map((k) => `${k.code}=${k.label.en}`).join(', ');
      rules.push({
        rule: 'invalid_code',
        severity: 'error',
        column: src,
        cond: `${v} IS NOT NULL AND ${v} = round(${v}) AND ${v} NOT IN (${allowed})`,
        zh: `${named.zh}有不允许的代码（允许：${names}；可用代码映射转换）`,
        en: `${named.en} has codes outside ${namesEn} (use a code mapping to convert)`,
      });
    }
    if (c.type === 'code') {
      rules.push({
        rule: 'invalid_region_code',
        severity: 'error',
        column: src,
        cond: `${v} IS NOT NULL AND NOT regexp_full_match(${v}, ${literal(REGION_CODE_PATTERN)})`,
        zh: `${named.zh}不是 2、4 或 6 位行政区划代码`,
        en: `${named.en} is not a 2-, 4- or 6-digit region code`,
      });
    }
    // Integers and coded values are always finite: the rule is only counted where NaN or ±Infinity can occur.
    if (c.type !== 'id' && c.type !== 'text' && c.type !== 'code' && !(integerSource || coded)) {
      // NaN and ±Infinity pass every comparison one way or the other (`NaN <= 0` is false), so they get their own rule.
      rules.push({
        rule: 'not_finite',
        severity: 'error',
        column: src,
        cond: `${v} IS NOT NULL AND NOT isfinite(${v})`,
        zh: `${named.zh}有非有限数值（NaN 或 ±Infinity）`,
        en: `${named.en} has values that are not finite numbers (NaN or ±Infinity)`,
      });
    }
    if (c.name === 'weight') {
      rules.push({
        rule: 'non_positive_weight',
        severity: 'error',
        column: src,
        cond: `${v} IS NOT NULL AND isfinite(${v}) AND ${v} <= 0`,
        zh: `${named.zh}有不大于 0 的权重`,
        en: `${named.en} has weights that are not positive`,
      });
    }
    const lower = c.name === 'weight' ? undefined : c.min;
    if (lower !== undefined || c.max !== undefined) {
      const parts: string[] = [];
      const minImpossible = lower === 0 && !c.exclusiveMin && unsignedSource && !coded;
      if (lower !== undefined && !minImpossible) parts.push(c.exclusiveMin ? `${v} <= ${lower}` : `${v} < ${lower}`);
      if (c.max !== undefined) parts.push(`${v} > ${c.max}`);
      const range = `${c.exclusiveMin ? '(' : '['}${c.min ?? '-∞'}, ${c.max ?? '∞'}]`;
      rules.push({
        rule: 'out_of_range',
        severity: 'error',
        column: src,
        cond: parts.length > 0 ? `${v} IS NOT NULL AND isfinite(${v}) AND (${parts.join(' OR ')})` : 'FALSE',
        zh: `${named.zh}超出范围 ${range}${c.unit.zh ? ` ${c.unit.zh}` : ''}`,
        en: `${named.en} is outside ${range}${c.unit.en ? ` ${c.unit.en}` : ''}`,
      });
    }
    if (c.maxColumn && has(c.maxColumn)) {
      rules.push({
        rule: 'inconsistent_counts',
        severity: 'error',
        column: src,
        cond: `${v} > ${ident(c.maxColumn)}`,
        zh: c.maxColumn === 'size' ? `${named.zh}大于家庭人口数` : `${named.zh}大于同一行的“${c.maxColumn}”列`,
        en:
          c.maxColumn === 'size'
            ? `${named.en} exceeds the household size`
            : `${named.en} exceeds column "${c.maxColumn}" of the same row`,
      });
    }
  }
  if (p.def.name === 'households') {
    const both = (a: string, b: string): boolean => has(a) && has(b);
    if (both('elderly', 'children') && has('size')) {
      rules.push({
        rule: 'inconsistent_counts',
        severity: 'error',
        column: 'elderly + children',
        cond: `"elderly" + "children" > "size"`,
        zh: '老年人数与未成年人数之和大于家庭人口数',
        en: 'Elderly plus children exceed the household size',
      });
    }
    if (both('working', 'able_to_work')) {
      rules.push({
        rule: 'inconsistent_counts',
        severity: 'error',
        column: 'working',
        cond: `"working" > "able_to_work"`,
        zh: '就业人数大于有劳动能力人数',
        en: 'Members in work exceed members able to work',
      });
    }
    if (both('care_full', 'care_half') && has('size')) {
      rules.push({
        rule: 'inconsistent_counts',
        severity: 'error',
        column: 'care_full + care_half',
        cond: `"care_full" + "care_half" > "size"`,
        zh: '全护理与半护理人数之和大于家庭人口数',
        en: 'Full-care plus half-care members exceed the household size',
      });
    }
    if (both('earnings_pc', 'income_pc')) {
      rules.push({
        rule: 'earnings_above_income',
        severity: 'warning',
        column: 'earnings_pc',
        cond: `"earnings_pc" > "income_pc" + 0.005`,
        zh: '人均劳动收入高于人均总收入',
        en: 'Earnings per capita exceed income per capita',
      });
    }
    if (both('gradual_exit', 'programme')) {
      rules.push({
        rule: 'inconsistent_status',
        severity: 'warning',
        column: 'gradual_exit',
        cond: `"gradual_exit" = 1 AND "programme" <> ${PROGRAMME.dibao}`,
        zh: '处于渐退期的家庭当前不是低保',
        en: 'Households in gradual exit are not currently on dibao',
      });
    }
    if (both('tekun_profile', 'programme')) {
      rules.push({
        rule: 'inconsistent_status',
        severity: 'warning',
        column: 'tekun_profile',
        cond: `"programme" = ${PROGRAMME.tekun} AND "tekun_profile" = 0`,
        zh: '当前为特困但未标记特困条件',
        en: 'Current tekun households without the tekun profile flag',
      });
    }
  }
  return rules;
}

/** The CTE body exposing raw (`__s_*`) and value (canonical) columns with a 1-based row number (optionally only some). */
function cte(p: Prepared, only?: readonly string[]): string {
  const cols = ['rowid + 1 AS __rn'];
  for (const [name, expr] of p.exprs) {
    if (only && !only.includes(name)) continue;
    cols.push(`${p.raw.get(name)} AS ${ident(`__s_${name}`)}`);
    cols.push(`${expr} AS ${ident(name)}`);
  }
  return `SELECT ${cols.join(', ')} FROM ${ident(p.source.table)}`;
}

/**
 * Rules over one relation (`from`, exposing `__rn` and the columns the conditions name); `count`, when given, is a
 * cheaper query giving the count of its single rule as `r0` (the relation is then read only for example rows).
 */
interface RuleBatch {
  from: string;
  rules: Rule[];
  count?: string;
}

/** Count each rule in one pass, then fetch up to five example rows for the rules that fire. */
async function runRules(db: DuckDbPort, p: Prepared, rules: Rule[], extra: RuleBatch[] = []): Promise<DataIssue[]> {
  const issues: DataIssue[] = [];
  const base = `(${cte(p)}) AS v`;
  const batches = [{ from: base, rules }, ...extra];
  for (const batch of batches) {
    if (batch.rules.length === 0) continue;
    // count_if over every rule in one scan: about half the work of `count(*) FILTER (WHERE …)` per rule in DuckDB.
    const select = batch.rules.map((r, i) => `count_if(${r.cond})::DOUBLE AS r${i}`).join(', ');
    const [counts] = await rowsOf(db, batch.count ?? `SELECT ${select} FROM ${batch.from}`);
    for (let i = 0; i < batch.rules.length; i++) {
      const n = Number(counts[`r${i}`]);
      if (n === 0) continue;
      const r = batch.rules[i];
      const ex = await rowsOf(db, `SELECT __rn FROM ${batch.from} WHERE ${r.cond} ORDER BY __rn LIMIT 5`);
      const examples = ex.map((e) => Number(e.__rn));
      const t = exampleText(examples);
      issues.push({
        rule: r.rule,
        severity: r.severity,
        table: p.label,
        ...(r.column ? { column: r.column } : {}),
        count: n,
        examples,
        message: bi(
          `“${p.label}”：${r.zh}，共 ${n} 行${t.zh}。`,
          `"${p.label}": ${r.en} in ${n} row${n === 1 ? '' : 's'}${t.en}.`,
        ),
      });
    }
  }
  return issues;
}

/** Source types whose text form (an id's canonical value) is one-to-one with the value: grouping the raw column suffices. */
const TEXT_EXACT = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|VARCHAR)$/;

/**
 * Duplicate-key rule: rows whose key (e.g. household id) appears more than once. Counted by one aggregation (on the
 * raw columns when their text form is exact, which spares casting every id to text); the join that names the rows runs
 * only when there are duplicates.
 */
function duplicateRule(p: Prepared, key: string[], zh: string, en: string): RuleBatch {
  const cols = key.map(ident).join(', ');
  const from = `(SELECT v.* FROM (${cte(p, key)}) v JOIN (SELECT ${cols} FROM (${cte(p, key)}) GROUP BY ${cols} HAVING count(*) > 1) d USING (${cols})) AS v`;
  const exact = key.every(
    (k) => p.def.columns.find((c) => c.name === k)?.type === 'id' && TEXT_EXACT.test(p.sourceTypes.get(k) ?? ''),
  );
  const keys = exact ? key.map((k) => p.raw.get(k) ?? ident(k)) : key.map(ident);
  const grouped = exact ? ident(p.source.table) : `(${cte(p, key)})`;
  // Rows with an empty key part never match in the join (NULL = NULL is not true), so they are not counted here either.
  const present = keys.map((k) => `${k} IS NOT NULL`).join(' AND ');
  const count = `SELECT coalesce(sum(n), 0)::DOUBLE AS r0 FROM (SELECT count(*) AS n FROM ${grouped} WHERE ${present} GROUP BY ${keys.join(', ')} HAVING count(*) > 1)`;
  return {
    from,
    count,
    rules: [{ rule: 'duplicate_id', severity: 'error', column: key.join(' + '), cond: 'TRUE', zh, en }],
  };
}

/** Validate the mapped sources and return the bilingual report (errors block, warnings do not). */
export async function validateDataset(db: DuckDbPort, sources: DatasetSources): Promise<ValidationReport> {
  const issues: DataIssue[] = [];
  const rows = { households: 0, regions: 0 };
  const prepared: { households?: Prepared; regions?: Prepared } = {};
  for (const [key, def] of [
    ['households', HOUSEHOLDS],
    ['regions', REGIONS],
  ] as const) {
    const source = sources[key];
    if (!source) continue;
    const p = await prepare(db, def, source);
    prepared[key] = p;
    issues.push(...p.issues);
    const [{ n }] = await rowsOf(db, `SELECT count(*)::DOUBLE AS n FROM ${ident(source.table)}`);
    rows[key] = Number(n);
    if (rows[key] === 0) {
      issues.push({
        rule: 'no_rows',
        severity: 'error',
        table: p.label,
        count: 0,
        examples: [],
        message: {
          zh: `“${p.label}”没有数据行：${key === 'households' ? '家庭表' : '地区表'}至少需要一行。`,
          en: `"${p.label}" has no rows: the ${key} table needs at least one.`,
        },
      });
      continue;
    }
    if (p.issues.some((i) => i.rule === 'wrong_mapping')) continue;
    const extra: RuleBatch[] = [];
    if (key === 'households' && p.exprs.has('household_id')) {
      extra.push(duplicateRule(p, ['household_id'], '家庭编号重复', 'Household ids are duplicated'));
    }
    if (key === 'regions' && p.exprs.has('region_code') && p.exprs.has('area')) {
      extra.push(
        duplicateRule(
          p,
          ['region_code', 'area'],
          '地区代码与城乡组合重复',
          'Region code and area pairs are duplicated',
        ),
      );
      extra.push({
        from: `(SELECT v.*, (SELECT count(DISTINCT w.area) FROM (${cte(p, CELL)}) w WHERE w.region_code = v.region_code AND w.area IN (0, 1)) AS __areas FROM (${cte(p, CELL)}) v) AS v`,
        rules: [
          {
            rule: 'region_missing_area',
            severity: 'error',
            column: p.source.mapping.columns.area,
            cond: '__areas < 2',
            zh: '地区缺少城镇或农村行（每个地区须同时有城镇和农村两行）',
            en: 'Regions lack an urban or a rural row (each region needs both)',
          },
        ],
      });
      if (p.exprs.has('central_share')) {
        const shares = ['region_code', 'area', 'central_share'];
        extra.push({
          from: `(SELECT v.*, (SELECT count(DISTINCT w.central_share) FROM (${cte(p, shares)}) w WHERE w.region_code = v.region_code) AS __shares FROM (${cte(p, shares)}) v) AS v`,
          rules: [
            {
              rule: 'inconsistent_region',
              severity: 'warning',
              column: p.source.mapping.columns.central_share,
              cond: '__shares > 1',
              zh: '同一地区城镇与农村行的中央补助比例不同，将使用城镇行的值',
              en: 'Urban and rural rows of a region have different central shares; the urban value is used',
            },
          ],
        });
      }
    }
    issues.push(...(await runRules(db, p, rulesFor(p), extra)));
  }
  const h = prepared.households;
  const r = prepared.regions;
  if (
    h &&
    r &&
    h.exprs.has('region_code') &&
    h.exprs.has('area') &&
    r.exprs.has('region_code') &&
    r.exprs.has('area') &&
    !hasErrors(r.issues)
  ) {
    const regionCells = `(SELECT DISTINCT region_code, area FROM (${cte(r, CELL)}))`;
    const from = `(SELECT v.*, e.region_code AS __exact, p.region_code AS __prov FROM (${cte(h, CELL)}) v LEFT JOIN ${regionCells} e ON e.region_code = v.region_code AND e.area = v.area LEFT JOIN ${regionCells} p ON p.region_code = substr(v.region_code, 1, 2) AND p.area = v.area) AS v`;
    const valid = `region_code IS NOT NULL AND regexp_full_match(region_code, ${literal(REGION_CODE_PATTERN)}) AND area IN (0, 1)`;
    issues.push(
      ...(await runRules(
        db,
        h,
        [],
        [
          {
            from,
            rules: [
              {
                rule: 'unknown_region',
                severity: 'error',
                column: h.source.mapping.columns.region_code,
                cond: `${valid} AND __exact IS NULL AND __prov IS NULL`,
                zh: '地区代码（及城乡）在地区表中没有对应行',
                en: 'Region codes (with area) have no row in the regions table',
              },
              {
                rule: 'region_at_province',
                severity: 'warning',
                column: h.source.mapping.columns.region_code,
                cond: `${valid} AND __exact IS NULL AND __prov IS NOT NULL`,
                zh: '下级地区代码在地区表中没有对应行，将使用所在省的参数',
                en: 'Lower-level region codes have no row in the regions table; their province parameters are used',
              },
            ],
          },
        ],
      )),
    );
  }
  return { ok: !hasErrors(issues), issues, rows };
}

const U8 = new Set(['area', 'programme', 'size', 'homes']);

/** SQL type of a canonical column in the mapped table. */
function canonicalType(c: ColumnDef, sourceType: string | undefined): string {
  if (c.type === 'id') return sourceType && /INT/.test(sourceType) ? 'BIGINT' : 'VARCHAR';
  if (c.type === 'code' || c.type === 'text') return 'VARCHAR';
  if (c.type === 'float') return 'DOUBLE';
  if (c.type === 'bool' || c.type === 'category' || U8.has(c.name) || c.maxColumn) return 'UTINYINT';
  return 'DOUBLE';
}

/**
 * Create the canonical, correctly typed views (`households`, `regions` by default) over validated sources, in source
 * row order with a 1-based `source_row`, optional columns filled with their documented defaults. Refuses on errors.
 */
export async function buildCanonicalTables(
  db: DuckDbPort,
  sources: DatasetSources,
  report: ValidationReport,
  names: { households: string; regions: string } = { households: 'households', regions: 'regions' },
): Promise<void> {
  if (!report.ok) {
    throw new Error('数据验证有错误，不能继续 / The validation report has errors; cannot continue');
  }
  for (const [key, def] of [
    ['households', HOUSEHOLDS],
    ['regions', REGIONS],
  ] as const) {
    const source = sources[key];
    if (!source) continue;
    const p = await prepare(db, def, source);
    const cols = def.columns.map((c) => {
      const expr = p.exprs.get(c.name);
      const type = canonicalType(c, p.sourceTypes.get(c.name));
      const value = expr ?? String(c.defaultValue ?? 0);
      return `CAST(${c.type === 'id' && type === 'BIGINT' && expr ? p.raw.get(c.name) : value} AS ${type}) AS ${ident(c.name)}`;
    });
    cols.push(`CAST(rowid + 1 AS BIGINT) AS source_row`);
    await exec(db, `DROP VIEW IF EXISTS ${ident(names[key])}`);
    await exec(db, `CREATE VIEW ${ident(names[key])} AS SELECT ${cols.join(', ')} FROM ${ident(source.table)}`);
  }
}
