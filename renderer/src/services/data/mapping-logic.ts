// The column-mapping screen's logic, kept pure: which schema table a file feeds, the starting mapping (a saved one for
// the same columns, else suggestions by name similarity), edits of column and code choices, and what still blocks.
import {
  HOUSEHOLDS,
  REGIONS,
  type ColumnDef,
  type TableDef,
  findMapping,
  makeMapping,
  mappingDrift,
  suggestCodes,
  suggestColumns,
  type ColumnMapping,
} from '../../../../datasets/index.ts';

/** The schema table definition of a target. */
export function tableDef(target: 'households' | 'regions'): TableDef {
  return target === 'households' ? HOUSEHOLDS : REGIONS;
}

/** How many required columns of `def` the suggestions cover for these source columns. */
function requiredCovered(def: TableDef, columns: readonly string[]): number {
  const suggestions = suggestColumns(def, columns);
  return suggestions.filter((s) => s.source !== undefined && def.columns.find((c) => c.name === s.target)?.required)
    .length;
}

/** Guesses whether a file is a households or a regions table from its column names (share of required columns found). */
export function guessTarget(columns: readonly string[]): 'households' | 'regions' {
  const required = (def: TableDef) => def.columns.filter((c) => c.required).length;
  const households = requiredCovered(HOUSEHOLDS, columns) / required(HOUSEHOLDS);
  const regions = requiredCovered(REGIONS, columns) / required(REGIONS);
  return regions > households ? 'regions' : 'households';
}

/** How a saved mapping made for an earlier version of a file differs from the file now. */
export interface MappingDrift {
  missing: string[];
  added: string[];
}

/**
 * A saved mapping made for an earlier version of this file: same table, a different column signature, but at least
 * 80% of the source columns it mapped still present (the best such mapping).
 */
export function staleMapping(
  saved: readonly ColumnMapping[],
  target: 'households' | 'regions',
  columns: readonly string[],
): ColumnMapping | undefined {
  const present = new Set(columns);
  let best: { mapping: ColumnMapping; share: number } | undefined;
  for (const mapping of saved) {
    if (mapping.table !== target) continue;
    const used = Object.values(mapping.columns);
    if (used.length === 0) continue;
    const share = used.filter((c) => present.has(c)).length / used.length;
    if (share >= 0.8 && (best === undefined || share > best.share)) best = { mapping, share };
  }
  return best?.mapping;
}

/**
 * The starting mapping: a saved one with the same column signature (reused); else, when a saved mapping was made for
 * an earlier version of the file, its choices for the columns still present (never a silent switch to another weight
 * column) with `drift` naming what changed; else the suggestions.
 */
export function initialMapping(
  target: 'households' | 'regions',
  columns: readonly string[],
  saved: readonly ColumnMapping[],
): { mapping: ColumnMapping; reused: boolean; drift?: MappingDrift } {
  const found = findMapping(saved, target, columns);
  if (found) return { mapping: found, reused: true };
  const chosen: Record<string, string> = {};
  const stale = staleMapping(saved, target, columns);
  const present = new Set(columns);
  if (stale) {
    const codes: Record<string, Record<string, number>> = {};
    for (const [column, source] of Object.entries(stale.columns)) {
      if (!present.has(source)) continue;
      chosen[column] = source;
      if (stale.codes[column]) codes[column] = stale.codes[column];
    }
    return { mapping: makeMapping(target, columns, chosen, codes), reused: false, drift: mappingDrift(stale, columns) };
  }
  for (const s of suggestColumns(tableDef(target), columns)) if (s.source !== undefined) chosen[s.target] = s.source;
  return { mapping: makeMapping(target, columns, chosen), reused: false };
}

/** A copy of the mapping with one schema column taken from `source` (or unmapped when undefined). */
export function withColumn(mapping: ColumnMapping, target: string, source: string | undefined): ColumnMapping {
  const columns = { ...mapping.columns };
  if (source === undefined || source === '') delete columns[target];
  else columns[target] = source;
  const codes = { ...mapping.codes };
  if (mapping.columns[target] !== source) delete codes[target];
  return makeMapping(mapping.table, mapping.sourceColumns, columns, codes);
}

/** A copy of the mapping with source value `value` of column `target` mapped to `code` (or unmapped when null). */
export function withCode(mapping: ColumnMapping, target: string, value: string, code: number | null): ColumnMapping {
  const current = { ...(mapping.codes[target] ?? {}) };
  if (code === null) delete current[value];
  else current[value] = code;
  return makeMapping(mapping.table, mapping.sourceColumns, mapping.columns, { ...mapping.codes, [target]: current });
}

/** True for schema columns whose values are codes (category or 0/1 flag) and so may need a value → code mapping. */
export function isCodeColumn(column: ColumnDef): boolean {
  return column.type === 'category' || column.type === 'bool' || (column.codes?.length ?? 0) > 0;
}

/** Schema columns mapped to a text source column whose values must be mapped to codes. */
export function columnsNeedingCodes(
  mapping: ColumnMapping,
  sourceTypes: Readonly<Record<string, string>>,
): ColumnDef[] {
  return tableDef(mapping.table).columns.filter((column) => {
    const source = mapping.columns[column.name];
    if (!source || !isCodeColumn(column)) return false;
    return !/INT|DOUBLE|FLOAT|DECIMAL|BOOLEAN/.test(sourceTypes[source] ?? 'VARCHAR');
  });
}

/** Adds suggested codes for the distinct values of a text column, keeping codes the user already chose. */
export function withSuggestedCodes(
  mapping: ColumnMapping,
  column: ColumnDef,
  values: readonly string[],
): ColumnMapping {
  const suggested = suggestCodes(column, values);
  const merged = { ...suggested, ...(mapping.codes[column.name] ?? {}) };
  return makeMapping(mapping.table, mapping.sourceColumns, mapping.columns, {
    ...mapping.codes,
    [column.name]: merged,
  });
}

/** A problem that blocks validation, in both languages. */
export interface MappingProblem {
  column: string;
  zh: string;
  en: string;
}

/** What must be fixed before validating: required columns unmapped, a source column used twice, uncoded values. */
export function mappingProblems(
  mapping: ColumnMapping,
  distinct: Readonly<Record<string, readonly string[]>>,
  sourceTypes: Readonly<Record<string, string>>,
  drift?: MappingDrift & { confirmed?: boolean },
): MappingProblem[] {
  const def = tableDef(mapping.table);
  const problems: MappingProblem[] = [];
  if (drift && !drift.confirmed) {
    const list = (names: readonly string[], sep: string): string => names.map((n) => `“${n}”`).join(sep) || '—';
    problems.push({
      column: '',
      zh: `保存的列对应是为此文件的旧版本做的，列已改变（缺少：${list(drift.missing, '、')}；新增：${list(drift.added, '、')}）：已沿用仍存在的列，请逐列核对后确认`,
      en: `the saved column mapping was made for an earlier version of this file and its columns changed (missing: ${list(drift.missing, ', ')}; new: ${list(drift.added, ', ')}): the columns still present were kept; check each one, then confirm`,
    });
  }
  for (const column of def.columns) {
    if (column.required && !mapping.columns[column.name]) {
      problems.push({
        column: column.name,
        zh: `必填列“${column.label.zh}”（${column.name}）尚未对应`,
        en: `required column "${column.label.en}" (${column.name}) is not mapped`,
      });
    }
  }
  const used = new Map<string, string[]>();
  for (const [target, source] of Object.entries(mapping.columns))
    used.set(source, [...(used.get(source) ?? []), target]);
  for (const [source, targets] of used) {
    if (targets.length > 1) {
      problems.push({
        column: targets.join(', '),
        zh: `源列“${source}”被对应到多个列：${targets.join('、')}`,
        en: `source column "${source}" is mapped to several columns: ${targets.join(', ')}`,
      });
    }
  }
  for (const column of columnsNeedingCodes(mapping, sourceTypes)) {
    const codes = mapping.codes[column.name] ?? {};
    const missing = (distinct[column.name] ?? []).filter((value) => codes[value] === undefined);
    if (missing.length > 0) {
      problems.push({
        column: column.name,
        zh: `列“${column.label.zh}”的取值 ${missing.slice(0, 5).join('、')} 尚未对应到代码`,
        en: `values ${missing.slice(0, 5).join(', ')} of "${column.label.en}" are not mapped to codes`,
      });
    }
  }
  return problems;
}
