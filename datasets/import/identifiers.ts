// Direct-identifier refusal (POLICY.md §6): columns that look like personal names, 18-digit resident ID numbers,
// phone numbers or street addresses, judged by column name (Chinese and English) and by a sample of values: on the
// decoded Arrow table before anything is inserted, or in DuckDB for CSV and for column types Arrow cannot spell as text.

import { DataType, Type } from 'apache-arrow';
import type { Table as ArrowTable } from 'apache-arrow';
import { PROVINCES } from '../reference/reference-data.ts';
import type { DataIssue } from './issues.ts';
import { describeTable, ident, rowsOf } from './duckdb-port.ts';
import type { DuckDbPort } from './duckdb-port.ts';

/** Kinds of direct identifier the import refuses. */
export type IdentifierKind = 'person_name' | 'resident_id' | 'phone' | 'address';

const KIND_LABEL: Record<IdentifierKind, { zh: string; en: string }> = {
  person_name: { zh: '个人姓名', en: 'personal names' },
  resident_id: { zh: '18 位居民身份证号码', en: '18-digit resident ID numbers' },
  phone: { zh: '电话号码', en: 'phone numbers' },
  address: { zh: '街道地址', en: 'street addresses' },
};

/** Normalise a column name for matching: lower case, no spaces, underscores, hyphens or dots. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.()（）[\]【】/]+/g, '');
}

const NAME_PATTERNS: Record<IdentifierKind, RegExp[]> = {
  person_name: [
    /姓名|名字|户主名|联系人|申请人|本人名/,
    /^(full|first|last|given|family|person|head|applicant|member|householder|owner|contact|hh|head of household)?name$/,
    /^(surname|forename|xingming|xm)$/,
  ],
  resident_id: [
    /身份证|证件号|身份号码|公民身份|身份证号/,
    /idcard|idnumber|^idno$|nationalid|residentid|citizenid|^ssn$|passport|shenfenzheng|^sfzh?$|identitynumber/,
  ],
  phone: [/电话|手机|联系方式|联系号码|座机/, /phone|mobile|^tel$|^tele|cellphone|^cell$|contactnumber|^sjh$/],
  address: [/地址|住址|门牌|街道|详细地址|居住地|通讯地址/, /address|^addr|street|^road$|housenumber/],
};

/** The identifier kind a column name suggests, if any. Region tables may have a plain `name` column. */
export function identifierKindByName(column: string, allowPlainName = false): IdentifierKind | undefined {
  const n = normaliseName(column);
  if (allowPlainName && /^(name|namezh|nameen|regionname|名称|地区名称|地区)$/.test(n)) return undefined;
  for (const kind of Object.keys(NAME_PATTERNS) as IdentifierKind[]) {
    if (NAME_PATTERNS[kind].some((p) => p.test(n))) return kind;
  }
  return undefined;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** True if `value` is an 18-digit resident ID number with a valid GB 11643 check digit and a plausible birth date. */
export function isResidentId(value: string): boolean {
  const v = value.trim().toUpperCase();
  if (!/^[1-9][0-9]{16}[0-9X]$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * ID_WEIGHTS[i];
  if (ID_CHECK[sum % 11] !== v[17]) return false;
  const year = Number(v.slice(6, 10));
  const month = Number(v.slice(10, 12));
  const day = Number(v.slice(12, 14));
  return year >= 1850 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** True if `value` looks like a mainland mobile or landline number. */
export function isPhone(value: string): boolean {
  const v = value.trim().replace(/[\s-]/g, '');
  return /^(\+?86)?1[3-9][0-9]{9}$/.test(v) || /^0[1-9][0-9]{1,2}[0-9]{7,8}$/.test(v);
}

/** True if `value` looks like a street address (Chinese or English). */
export function isAddress(value: string): boolean {
  const v = value.trim();
  return (
    /[0-9０-９一二三四五六七八九十]+\s*(号|号楼|栋|幢|单元|室|弄|巷|组)/.test(v) ||
    /(路|街|道|巷|胡同|大街|小区|村|社区).{0,12}[0-9０-９]+/.test(v) ||
    /^[0-9]+[a-z]?\s+([a-z]+\s+){0,4}(street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|drive|dr)\b/i.test(v)
  );
}

const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.split(
    '',
  ),
);
const PLACE_SUFFIX = /(省|市|县|区|州|盟|旗|镇|乡|村|街道|自治区|特区|地区)$/;
const PROVINCE_NAMES = new Set(PROVINCES.map((p) => p.nameZh));
const PINYIN_NAME = /^[A-Z][a-z]{0,5}(\s|-)?[A-Z]?[a-z]{1,6}(\s[A-Z][a-z]{1,6})?$/;

/** True if `value` looks like a Chinese personal name (2–4 Han characters starting with a common surname) or a pinyin name. */
export function isPersonName(value: string): boolean {
  const v = value.trim();
  if (/^[\u4e00-\u9fa5·]{2,5}$/.test(v)) {
    return SURNAMES.has(v[0]) && !PLACE_SUFFIX.test(v) && !PROVINCE_NAMES.has(v);
  }
  return PINYIN_NAME.test(v) && /\s|-/.test(v);
}

/** Decide from sampled values (strings, nulls removed) whether a column holds identifiers, and which kind. */
export function identifierKindByValues(values: readonly string[]): IdentifierKind | undefined {
  const nonEmpty = values.map((v) => v.trim()).filter((v) => v !== '');
  if (nonEmpty.length === 0) return undefined;
  const share = (test: (v: string) => boolean): { n: number; share: number } => {
    const n = nonEmpty.filter(test).length;
    return { n, share: n / nonEmpty.length };
  };
  const min = Math.min(3, nonEmpty.length);
  const ids = share(isResidentId);
  if (ids.n >= min && ids.share >= 0.3) return 'resident_id';
  const phones = share(isPhone);
  if (phones.n >= min && phones.share >= 0.5) return 'phone';
  const addresses = share(isAddress);
  if (addresses.n >= min && addresses.share >= 0.3) return 'address';
  const distinct = new Set(nonEmpty).size;
  const names = share(isPersonName);
  if (names.n >= min && names.share >= 0.5 && distinct >= Math.min(20, Math.ceil(nonEmpty.length / 2)))
    return 'person_name';
  return undefined;
}

/** Build the bilingual refusal issue for one column. */
export function identifierIssue(
  table: string,
  column: string,
  kind: IdentifierKind,
  by: 'name' | 'values',
  examples: number[] = [],
): DataIssue {
  const label = KIND_LABEL[kind];
  return {
    rule: 'identifier_column',
    severity: 'error',
    table,
    column,
    count: 0,
    examples,
    message: {
      zh: `拒绝导入：“${table}”的列“${column}”${by === 'name' ? '的列名' : '的取值'}看起来是${label.zh}。直接身份信息不得导入，请删除该列后重试；数据未保留。`,
      en: `Refused: column "${column}" of "${table}" looks like ${label.en} (by its ${by === 'name' ? 'name' : 'values'}). Direct identifiers must not be loaded; remove the column and try again. Nothing was kept.`,
    },
  };
}

/** Rows sampled per column when judging a column by its values. */
export const IDENTIFIER_SAMPLE_ROWS = 500;

/**
 * 0-based indices of up to `n` of `rows` rows, ascending: every row when there are no more than `n`, otherwise a seeded
 * uniform sample (the same rows for every column and every run, so a refusal is reproducible).
 */
export function sampleRowIndices(rows: number, n = IDENTIFIER_SAMPLE_ROWS, seed = 7): number[] {
  if (rows <= n) return Array.from({ length: rows }, (_, i) => i);
  // Floyd's algorithm over a small xorshift generator: n distinct indices without touching the other rows.
  let state = (seed * 2654435761) >>> 0 || 1;
  const next = (bound: number): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return Math.floor((state / 4294967296) * bound);
  };
  const chosen = new Set<number>();
  for (let j = rows - n; j < rows; j++) {
    const t = next(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** The refusal for a column whose sampled values (with their 1-based row numbers) look like identifiers, if they do. */
function judgeColumnValues(
  label: string,
  column: string,
  values: readonly string[],
  rowNumbers: readonly number[],
): DataIssue | undefined {
  const kind = identifierKindByValues(values);
  if (!kind) return undefined;
  const test = { resident_id: isResidentId, phone: isPhone, address: isAddress, person_name: isPersonName }[kind];
  const examples = rowNumbers.filter((_, j) => test(values[j])).slice(0, 3);
  return identifierIssue(label, column, kind, 'values', examples);
}

/** Columns refused by their names alone. */
function nameIssues(label: string, columns: readonly string[], allowPlainName?: boolean): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const c of columns) {
    const kind = identifierKindByName(c, allowPlainName);
    if (kind) issues.push(identifierIssue(label, c, kind, 'name'));
  }
  return issues;
}

/** DuckDB column types whose values can hold identifiers as text or long numbers (IDs, phones) and are sampled. */
const TEXT_LIKE_DUCKDB = /VARCHAR|BIGINT|HUGEINT|DECIMAL|UBIGINT/;

/**
 * A column of a decoded Arrow table as the strings DuckDB's `CAST(… AS VARCHAR)` gives for it, for the Arrow types
 * whose text is unambiguous: UTF-8 (plain or dictionary-encoded) and 64-bit integers. Other types answer undefined and
 * are sampled in DuckDB after the insert instead.
 */
function arrowText(type: DataType): ((value: unknown) => string) | undefined {
  const text = (t: DataType): boolean => t.typeId === Type.Utf8 || t.typeId === Type.LargeUtf8;
  if (text(type)) return (v) => v as string;
  if (DataType.isDictionary(type) && text(type.dictionary)) return (v) => v as string;
  if (DataType.isInt(type) && type.bitWidth === 64) return (v) => String(v as bigint);
  return undefined;
}

/** What {@link scanArrowIdentifiers} found and which columns it judged by their values. */
export interface ArrowIdentifierScan {
  issues: DataIssue[];
  /** Columns whose sampled values were judged (their DuckDB copies need no second look). */
  valuesChecked: Set<string>;
}

/**
 * Scan a decoded Arrow table before it goes anywhere: every column by name, and text and 64-bit integer columns by the
 * values of a seeded sample of rows (the same rows for every column). Columns of other types that DuckDB would read as
 * text, wide integers or decimals are left to {@link scanIdentifiers} after the insert (`valuesChecked` says which
 * were judged here).
 */
export function scanArrowIdentifiers(
  table: ArrowTable,
  label: string,
  options: { allowPlainName?: boolean; sample?: number } = {},
): ArrowIdentifierScan {
  const names = table.schema.fields.map((f) => f.name);
  const issues = nameIssues(label, names, options.allowPlainName);
  const valuesChecked = new Set<string>();
  if (issues.length > 0) return { issues, valuesChecked };
  const rows = sampleRowIndices(table.numRows, options.sample);
  table.schema.fields.forEach((field, index) => {
    const toText = arrowText(field.type);
    const vector = table.getChildAt(index);
    if (!toText || !vector) return;
    valuesChecked.add(field.name);
    const values: string[] = [];
    const rowNumbers: number[] = [];
    for (const i of rows) {
      const v: unknown = vector.get(i);
      if (v === null || v === undefined) continue;
      values.push(toText(v));
      rowNumbers.push(i + 1);
    }
    const issue = judgeColumnValues(label, field.name, values, rowNumbers);
    if (issue) issues.push(issue);
  });
  return { issues, valuesChecked };
}

/**
 * Scan a loaded DuckDB table for identifier columns: every column by name, and each text-like column (text, wide
 * integers, decimals) by a sample of up to `sample` rows, except the columns in `valuesChecked` (already judged on the
 * decoded Arrow table by {@link scanArrowIdentifiers}).
 */
export async function scanIdentifiers(
  db: DuckDbPort,
  table: string,
  label: string,
  options: {
    allowPlainName?: boolean;
    sample?: number;
    valuesChecked?: ReadonlySet<string>;
    /** The table's columns and DuckDB types, when the caller has already described it. */
    columns?: readonly { name: string; type: string }[];
  } = {},
): Promise<DataIssue[]> {
  const columns = options.columns ?? (await describeTable(db, table));
  const issues = nameIssues(
    label,
    columns.map((c) => c.name),
    options.allowPlainName,
  );
  const named = new Set(issues.map((i) => i.column));
  const candidates = columns
    .filter((c) => !named.has(c.name) && !options.valuesChecked?.has(c.name) && TEXT_LIKE_DUCKDB.test(c.type))
    .map((c) => c.name);
  if (candidates.length === 0) return issues;
  const n = options.sample ?? IDENTIFIER_SAMPLE_ROWS;
  const select = candidates.map((c, i) => `CAST(${ident(c)} AS VARCHAR) AS c${i}`).join(', ');
  const rows = await rowsOf(
    db,
    `SELECT ${select}, rn FROM (SELECT *, rowid + 1 AS rn FROM ${ident(table)}) USING SAMPLE reservoir(${n} ROWS) REPEATABLE (7) ORDER BY rn`,
  );
  candidates.forEach((c, i) => {
    const values: string[] = [];
    const rowNumbers: number[] = [];
    for (const r of rows) {
      const v = r[`c${i}`];
      if (typeof v === 'string') {
        values.push(v);
        rowNumbers.push(Number(r.rn));
      }
    }
    const issue = judgeColumnValues(label, c, values, rowNumbers);
    if (issue) issues.push(issue);
  });
  return issues;
}
