// Column mapping: user column → schema column, and category value → code. Suggestions by Chinese/English name
// similarity (synonyms + normalised edit distance); mappings are zod-validated JSON keyed by a source-column signature.

import { z } from 'zod';
import { HOUSEHOLDS, REGIONS } from '../schema.ts';
import type { CategoryCode, ColumnDef, TableDef } from '../schema.ts';
import { normaliseName } from './identifiers.ts';
import type { Bilingual } from '../../sim/index.ts';

/** A saved mapping document (reusable for any file with the same column names). */
export const MappingSchema = z.object({
  version: z.literal(1),
  table: z.enum(['households', 'regions']),
  /** Signature of the source column names (see {@link columnSignature}). */
  signature: z.string().min(1),
  sourceColumns: z.array(z.string()),
  /** Canonical column → source column. */
  columns: z.record(z.string(), z.string()),
  /** Canonical category column → (source value as text → code). */
  codes: z.record(z.string(), z.record(z.string(), z.number().int().min(0).max(255))).default({}),
});

/** A column mapping. */
export type ColumnMapping = z.infer<typeof MappingSchema>;

/** FNV-1a 32-bit hash as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Signature of a set of source column names: order-insensitive, so reordered files reuse their mapping. */
export function columnSignature(table: 'households' | 'regions', columns: readonly string[]): string {
  const sorted = [...columns].sort();
  return `${table}:${columns.length}:${fnv1a(sorted.join('\u0000'))}`;
}

/** Levenshtein distance between two strings (by UTF-16 code unit; Han characters are single units). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Similarity in 0..1 between two names after normalisation (1 = same). */
export function nameSimilarity(a: string, b: string): number {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (x === '' || y === '') return 0;
  if (x === y) return 1;
  const base = 1 - editDistance(x, y) / Math.max(x.length, y.length);
  const contains = x.length >= 2 && y.length >= 2 && (x.includes(y) || y.includes(x)) ? 0.75 : 0;
  return Math.max(base, contains);
}

/** How well a source column name matches a schema column (best over name, labels and synonyms). */
export function matchScore(source: string, column: ColumnDef): number {
  const names = [column.name, column.label.zh, column.label.en, ...column.synonyms.zh, ...column.synonyms.en];
  let best = 0;
  for (const n of names) best = Math.max(best, nameSimilarity(source, n) * (n === column.name ? 1 : 0.98));
  return best;
}

/** One suggested column mapping with its score and runner-up source columns. */
export interface ColumnSuggestion {
  target: string;
  source: string | undefined;
  score: number;
  alternatives: { source: string; score: number }[];
}

/** Suggest a source column for each schema column (greedy by score, each source used once, score ≥ `threshold`). */
export function suggestColumns(table: TableDef, sourceColumns: readonly string[], threshold = 0.6): ColumnSuggestion[] {
  const pairs: { target: string; source: string; score: number }[] = [];
  for (const c of table.columns)
    for (const s of sourceColumns) pairs.push({ target: c.name, source: s, score: matchScore(s, c) });
  pairs.sort((a, b) => b.score - a.score || a.target.localeCompare(b.target) || a.source.localeCompare(b.source));
  const chosen = new Map<string, { source: string; score: number }>();
  const used = new Set<string>();
  for (const p of pairs) {
    if (p.score < threshold || chosen.has(p.target) || used.has(p.source)) continue;
    chosen.set(p.target, { source: p.source, score: p.score });
    used.add(p.source);
  }
  return table.columns.map((c) => {
    const pick = chosen.get(c.name);
    const alternatives = pairs
      .filter((p) => p.target === c.name && p.source !== pick?.source && p.score >= threshold / 2)
      .slice(0, 3)
      .map((p) => ({ source: p.source, score: p.score }));
    return { target: c.name, source: pick?.source, score: pick?.score ?? 0, alternatives };
  });
}

const CODE_WORDS: Record<string, Record<string, string[]>> = {
  area: {
    urban: ['城镇', '城市', '城', '市', '城区', '非农', 'urban', 'u', 'city', 'town'],
    rural: ['农村', '乡村', '农', '乡', '村', 'rural', 'r', 'village', 'countryside'],
  },
  programme: {
    none: ['无', '否', '一般', '普通', '非救助', 'none', 'no', 'n', '-', 'na', 'general'],
    dibao: ['低保', '最低生活保障', '城市低保', '农村低保', 'dibao', 'mlg', 'minimum living guarantee'],
    tekun: ['特困', '特困供养', '特困人员', '五保', '三无', 'tekun', 'extreme poverty', 'extremely poor'],
    marginal: ['低保边缘', '边缘', '边缘户', 'marginal', 'dibao marginal', 'near dibao'],
    rigid: ['刚性支出', '刚性支出困难', '支出型困难', 'rigid', 'rigid expenditure', 'expenditure hardship'],
  },
  support_type: {
    unknown: ['未记录', '未知', '不详', '无', '', '-', 'na', 'unknown'],
    centralised: ['集中', '集中供养', '机构', '机构养育', '集中养育', 'centralized', 'institutional', 'institution'],
    dispersed: ['分散', '分散供养', '散居', '社会散居', '居家', '亲属抚养', 'dispersed', 'kinship', 'home'],
  },
};

const BOOL_WORDS: Record<string, string[]> = {
  '0': ['0', '否', '无', '不是', 'no', 'n', 'false', 'f'],
  '1': ['1', '是', '有', 'yes', 'y', 'true', 't'],
};

/** Suggest codes for distinct source values of a category or boolean column; unknown values are left out. */
export function suggestCodes(column: ColumnDef, values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  const codes: readonly CategoryCode[] = column.codes ?? [];
  const lower = values.map((v) => v.trim().toLowerCase());
  if (column.type === 'bool') {
    values.forEach((v, i) => {
      for (const [code, words] of Object.entries(BOOL_WORDS)) if (words.includes(lower[i])) out[v] = Number(code);
    });
    return out;
  }
  const numeric = lower.every((v) => /^[0-9]+$/.test(v));
  if (numeric && codes.length > 0) {
    const nums = lower.map(Number);
    const shift = column.name === 'area' && nums.every((n) => n === 1 || n === 2) && nums.includes(2) ? 1 : 0;
    values.forEach((v, i) => {
      const code = nums[i] - shift;
      if (codes.some((c) => c.code === code)) out[v] = code;
    });
    return out;
  }
  const words = CODE_WORDS[column.name] ?? {};
  values.forEach((v, i) => {
    for (const c of codes) {
      const list = [c.name, c.label.zh, c.label.en.toLowerCase(), ...(words[c.name] ?? [])];
      if (list.includes(lower[i]) || list.includes(v.trim())) out[v] = c.code;
    }
  });
  return out;
}

/** Build a mapping document from chosen columns and codes, keyed by the source columns' signature. */
export function makeMapping(
  table: 'households' | 'regions',
  sourceColumns: readonly string[],
  columns: Record<string, string>,
  codes: Record<string, Record<string, number>> = {},
): ColumnMapping {
  return MappingSchema.parse({
    version: 1,
    table,
    signature: columnSignature(table, sourceColumns),
    sourceColumns: [...sourceColumns],
    columns,
    codes,
  });
}

/** Mapping taking each schema column from the source column of the same name (for files already in schema form). */
export function identityMapping(table: 'households' | 'regions', sourceColumns: readonly string[]): ColumnMapping {
  const def = table === 'households' ? HOUSEHOLDS : REGIONS;
  const set = new Set(sourceColumns);
  const columns: Record<string, string> = {};
  for (const c of def.columns) if (set.has(c.name)) columns[c.name] = c.name;
  return makeMapping(table, sourceColumns, columns);
}

/** Parse a saved mapping (JSON text or object); returns a bilingual error naming the bad field. */
export function parseMapping(input: unknown): { ok: true; mapping: ColumnMapping } | { ok: false; message: Bilingual } {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        message: { zh: `映射文件不是有效的 JSON：${why}`, en: `The mapping file is not valid JSON: ${why}` },
      };
    }
  }
  const parsed = MappingSchema.safeParse(value);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  const first = parsed.error.issues[0];
  const path = first.path.join('.') || '(root)';
  return {
    ok: false,
    message: {
      zh: `映射文件字段“${path}”无效：${first.message}`,
      en: `Invalid mapping field "${path}": ${first.message}`,
    },
  };
}

/** Find a saved mapping that applies to a file with these columns (same signature), if any. */
export function findMapping(
  saved: readonly ColumnMapping[],
  table: 'households' | 'regions',
  sourceColumns: readonly string[],
): ColumnMapping | undefined {
  const sig = columnSignature(table, sourceColumns);
  return saved.find((m) => m.signature === sig && m.table === table);
}

/**
 * Why a saved mapping no longer fits a file with these columns: the source columns it was made for that the file
 * lacks, and the file's columns it never saw (both empty when the signature matches).
 */
export function mappingDrift(
  mapping: ColumnMapping,
  sourceColumns: readonly string[],
): { missing: string[]; added: string[] } {
  const now = new Set(sourceColumns);
  const then = new Set(mapping.sourceColumns);
  return {
    missing: mapping.sourceColumns.filter((c) => !now.has(c)),
    added: sourceColumns.filter((c) => !then.has(c)),
  };
}
