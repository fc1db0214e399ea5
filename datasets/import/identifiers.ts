// Direct-identifier refusal (POLICY.md §6): columns that look like personal names, resident ID numbers, phone numbers
// or addresses, judged by column name (Chinese and English) and by a sample of values, searched as substrings (an ID
// inside a note counts): on the decoded Arrow table before anything is inserted, or in DuckDB for CSV and decimals.
// One 18-digit ID number with a valid GB 11643 check digit refuses the file (every row of text columns is searched for
// it, not only the sample); weaker signs need 2 hits and 5% of the sample. Known false positives are listed in datasets/SCHEMA.md ("Identifier refusal").
import { DataType, Type } from 'apache-arrow';
import type { Table as ArrowTable, Data, Vector } from 'apache-arrow';
import { PROVINCES } from '../reference/reference-data.ts';
import type { DataIssue } from './issues.ts';
import { describeTable, ident, rowsOf } from './duckdb-port.ts';
import type { DuckDbPort } from './duckdb-port.ts';
import type { Bilingual } from '../../sim/index.ts';

/** Kinds of direct identifier the import refuses. */
export type IdentifierKind = 'person_name' | 'resident_id' | 'phone' | 'address';

const KIND_LABEL: Record<IdentifierKind, Bilingual> = {
  person_name: { zh: '个人姓名', en: 'personal names' },
  resident_id: { zh: '居民身份证号码（18 位或 15 位）', en: 'resident ID numbers (18 or 15 digits)' },
  phone: { zh: '电话号码', en: 'phone numbers' },
  address: { zh: '住址', en: 'street addresses' },
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
/** Province codes that begin resident ID numbers (the 31 provinces, Taiwan, Hong Kong and Macao). */
const ID_PROVINCES = new Set([...PROVINCES.map((p) => p.code), '71', '81', '82']);

/**
 * Text as a reader sees it: NFKC turns full-width digits, letters, `＋`, `（）` and `－` into their ASCII forms, so
 * `１３８－１２３４－５６７８` is matched like `138-1234-5678`.
 */
export function normaliseText(value: string): string {
  return value.normalize('NFKC');
}

/** True if the digits at `ymd` (YYYYMMDD or, with `short`, YYMMDD) are a plausible birth date. */
function plausibleDate(digits: string, short: boolean): boolean {
  const year = short ? 1900 + Number(digits.slice(0, 2)) : Number(digits.slice(0, 4));
  const rest = short ? digits.slice(2) : digits.slice(4);
  const month = Number(rest.slice(0, 2));
  const day = Number(rest.slice(2, 4));
  return year >= 1850 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** True if `value` is an 18-digit resident ID number with a valid GB 11643 check digit and a plausible birth date. */
export function isResidentId(value: string): boolean {
  const v = normaliseText(value).trim().toUpperCase();
  if (!/^[1-9][0-9]{16}[0-9X]$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * ID_WEIGHTS[i];
  if (ID_CHECK[sum % 11] !== v[17]) return false;
  return plausibleDate(v.slice(6, 14), false);
}

/** An 18- or 15-digit number shaped like a resident ID without its check digit verified: province and birth date. */
function idShaped(digits: string): boolean {
  if (!ID_PROVINCES.has(digits.slice(0, 2))) return false;
  if (digits.length === 18) return plausibleDate(digits.slice(6, 14), false);
  if (digits.length === 15) return plausibleDate(digits.slice(6, 12), true);
  return false;
}

/** Does `text` contain an 18-digit ID number with a valid check digit anywhere (e.g. `户主身份证4301…，已核实`)? */
export function containsResidentId(text: string): boolean {
  for (const m of normaliseText(text).matchAll(/(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])/g)) {
    if (isResidentId(m[0]) && ID_PROVINCES.has(m[0].slice(0, 2))) return true;
  }
  return false;
}

/** Does `text` contain a 15-digit (pre-1999) ID number: province code and a YYMMDD birth date in place? */
export function containsOldResidentId(text: string): boolean {
  for (const m of normaliseText(text).matchAll(/(?<![0-9])[1-9][0-9]{14}(?![0-9])/g)) if (idShaped(m[0])) return true;
  return false;
}

/** Mobile numbers with or without +86 / 0086 / (+86), spaces or hyphens; landlines with a separated area code. */
const MOBILE =
  /(?<![0-9])(?:(?:\+|00)\s?86[\s-]?|\(\s?(?:\+|00)?\s?86\s?\)[\s-]?)?1[3-9][0-9](?:[\s-]?[0-9]){8}(?![0-9])/;
const LANDLINE = /(?<![0-9])(?:\(0[1-9][0-9]{1,2}\)\s?|0[1-9][0-9]{1,2}[\s-])[2-9][0-9]{6,7}(?![0-9])/;

/** Does `text` contain a mainland mobile or landline number anywhere (full-width digits included)? */
export function containsPhone(text: string): boolean {
  const v = normaliseText(text);
  return MOBILE.test(v) || LANDLINE.test(v);
}

/** True if `value` looks like a mainland mobile or landline number. */
export function isPhone(value: string): boolean {
  const v = normaliseText(value).trim().replace(/[\s-]/g, '');
  return /^(\+?86)?1[3-9][0-9]{9}$/.test(v) || /^0[1-9][0-9]{1,2}[0-9]{7,8}$/.test(v);
}

const HAN = '\\u4e00-\\u9fa5';
/** Administrative levels in sequence: three levels (省/市 → 市/州/区/县 → 区/县/街道/镇/乡/村/road), e.g. 湖南省长沙市岳麓区. */
const ADMIN_CHAIN = new RegExp(
  `[${HAN}]{2,}?(?:省|自治区|市)[${HAN}]{1,10}?(?:市|州|盟|区|县|旗)[${HAN}]{1,12}?(?:区|县|旗|街道|镇|乡|村|社区|路|街|巷)`,
);
/** A county-level unit followed by a township-level one, e.g. 岳麓区橘子洲街道, 某县某镇. */
const COUNTY_TOWN = new RegExp(`[${HAN}]{1,8}(?:区|县|旗)[${HAN}]{1,10}?(?:街道|镇|乡|村|社区)`);
/** Community building-unit-room, e.g. 幸福家园8-3-101 (not dates: the first part has at most three digits). */
const BUILDING_UNIT_ROOM = new RegExp(`[${HAN}](?:\\s?)[0-9]{1,3}-[0-9]{1,3}-[0-9]{2,5}(?![0-9])`);

/** True if `value` looks like a street address (Chinese or English): house number, road or community with a number. */
export function isAddress(value: string): boolean {
  const v = normaliseText(value).trim();
  return (
    /[0-9一二三四五六七八九十]+\s*(号|号楼|栋|幢|单元|室|弄|巷|组)/.test(v) ||
    /(路|街|道|巷|胡同|大街|小区|村|社区).{0,12}[0-9]+/.test(v) ||
    /^[0-9]+[a-z]?\s+([a-z]+\s+){0,4}(street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|drive|dr)\b/i.test(v)
  );
}

/** Does `text` contain an address: a house number, a chain of administrative divisions, or building-unit-room? */
export function containsAddress(text: string): boolean {
  const v = normaliseText(text);
  return isAddress(v) || ADMIN_CHAIN.test(v) || COUNTY_TOWN.test(v) || BUILDING_UNIT_ROOM.test(v);
}

const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.split(
    '',
  ),
);
const SURNAME_CLASS = [...SURNAMES].join('');
const PLACE_SUFFIX = /(省|市|县|区|州|盟|旗|镇|乡|村|街道|自治区|特区|地区)$/;
const PROVINCE_NAMES = new Set(PROVINCES.map((p) => p.nameZh));
const PINYIN_NAME = /^[A-Z][a-z]{0,5}(\s|-)?[A-Z]?[a-z]{1,6}(\s[A-Z][a-z]{1,6})?$/;
/** Passport-style pinyin: surname in capitals, then the given name (`ZHANG Wei`, `OUYANG Nana`, `LI Xiao-ming`). */
const PINYIN_UPPER = /^[A-Z]{2,8}\s+[A-Z][a-z]{1,10}(?:[\s-]?[A-Za-z][a-z]{1,10})?$/;
/** Minority and transliterated names joined by a middle dot (`阿依古丽·买买提`), anywhere in text. */
const DOT_NAME = new RegExp(`[${HAN}]{2,8}[·•・‧][${HAN}]{2,10}`);
/** Masked names (`张*明`, `张**`, `李某某`, `王×`) as a whole cell, and `张*明` inside text. */
const MASKED_CELL = new RegExp(`^[${SURNAME_CLASS}](?:[*×xX○]{1,2}[${HAN}]?|某{1,2})$`);
const MASKED_IN_TEXT = new RegExp(`[${SURNAME_CLASS}][*×○]{1,2}[${HAN}]?`);

/** True if `value` looks like a Chinese personal name (2–4 Han characters starting with a common surname) or a pinyin name. */
export function isPersonName(value: string): boolean {
  const v = normaliseText(value).trim();
  if (/^[\u4e00-\u9fa5·]{2,5}$/.test(v)) {
    return SURNAMES.has(v[0]) && !PLACE_SUFFIX.test(v) && !PROVINCE_NAMES.has(v);
  }
  return PINYIN_NAME.test(v) && /\s|-/.test(v);
}

/** A name pattern rare outside names: passport pinyin, a minority name with `·`, or a masked name (`张*明`). */
export function containsDistinctiveName(text: string): boolean {
  const v = normaliseText(text).trim();
  return PINYIN_UPPER.test(v) || DOT_NAME.test(v) || MASKED_CELL.test(v) || MASKED_IN_TEXT.test(v);
}

/**
 * The text a number stands for when it could be an identifier: an integral value as its digits (a Float64 or
 * DECIMAL column of 18-digit ID numbers, `1.1010519491231002e+17` or `110105194912310021.000`), anything else as given.
 */
export function numberAsDigits(value: string): string {
  const v = value.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v)) return value;
  const decimal = /^(\d+)\.0*$/.exec(v);
  if (decimal) return decimal[1];
  const n = Number(v);
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : value;
}

/**
 * A value that is a plain number: its digits when integral (a phone or ID stored as a number), null when it has a
 * fraction (a weight or an income: its decimal digits are no identifier), undefined when the value is not a number.
 */
function plainNumberDigits(value: string): string | null | undefined {
  const v = value.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v)) return undefined;
  const digits = numberAsDigits(v);
  return /^[+-]?\d+$/.test(digits) ? digits : null;
}

/** A phone number in a value; a number with a fraction (1384.29851532) never is one. */
function phoneIn(value: string): boolean {
  const digits = plainNumberDigits(value);
  if (digits === undefined) return containsPhone(value);
  return digits !== null && containsPhone(digits);
}

/** A number that may be an ID number stored as a number (the check digit lost to floating point): digits and shape. */
function numericIdShaped(value: string): boolean {
  const digits = numberAsDigits(value);
  return /^[1-9]\d{14}(\d{3})?$/.test(digits) && idShaped(digits);
}

/** The identifier tests, strongest first; `any` hits are enough for the strong ones, the others need a share. */
const VALUE_TESTS: { kind: IdentifierKind; strong: boolean; test: (v: string) => boolean }[] = [
  { kind: 'resident_id', strong: true, test: containsResidentId },
  { kind: 'resident_id', strong: false, test: (v) => containsOldResidentId(v) || numericIdShaped(v) },
  { kind: 'phone', strong: false, test: phoneIn },
  { kind: 'address', strong: false, test: containsAddress },
  { kind: 'person_name', strong: false, test: containsDistinctiveName },
];

/** Hits a weak test needs among the sampled values: at least two, and at least 5% of them. */
function weakThreshold(n: number): number {
  return Math.max(Math.min(2, n), Math.ceil(n * 0.05));
}

/** The kind of identifier the sampled values hold and the indices of the values that showed it, if any. */
export function identifierHits(values: readonly string[]): { kind: IdentifierKind; hits: number[] } | undefined {
  const indices = values.map((_, i) => i).filter((i) => values[i].trim() !== '');
  if (indices.length === 0) return undefined;
  for (const { kind, strong, test } of VALUE_TESTS) {
    const hits = indices.filter((i) => test(values[i]));
    if (hits.length >= (strong ? 1 : weakThreshold(indices.length))) return { kind, hits };
  }
  // Plain Han names (张伟) resemble ordinary words (高收入, 金额), so they need half the values and variety.
  const nonEmpty = indices.map((i) => values[i].trim());
  const hits = indices.filter((i) => isPersonName(values[i]));
  const distinct = new Set(nonEmpty).size;
  if (
    hits.length >= Math.min(3, nonEmpty.length) &&
    hits.length >= nonEmpty.length * 0.5 &&
    distinct >= Math.min(20, Math.ceil(nonEmpty.length / 2))
  )
    return { kind: 'person_name', hits };
  return undefined;
}

/** Decide from sampled values (strings, nulls removed) whether a column holds identifiers, and which kind. */
export function identifierKindByValues(values: readonly string[]): IdentifierKind | undefined {
  return identifierHits(values)?.kind;
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
  const found = identifierHits(values);
  if (!found) return undefined;
  const examples = found.hits.slice(0, 3).map((i) => rowNumbers[i]);
  return identifierIssue(label, column, found.kind, 'values', examples);
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

/** DuckDB column types whose values can hold identifiers as text or numbers (IDs, phones) and are sampled. */
const TEXT_LIKE_DUCKDB = /VARCHAR|INT|DECIMAL|DOUBLE|FLOAT|REAL|BLOB|NUMERIC/;

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * A column of a decoded Arrow table as text for the identifier tests, for every type that can carry an identifier:
 * UTF-8 (plain or dictionary-encoded), integers of any width, floats of any precision (an ID number stored as a
 * Float64), and binary (decoded as UTF-8). Other types (decimals, dates, booleans) answer undefined; decimals are
 * sampled in DuckDB after the insert instead.
 */
function arrowText(type: DataType): ((value: unknown) => string) | undefined {
  const text = (t: DataType): boolean => t.typeId === Type.Utf8 || t.typeId === Type.LargeUtf8;
  if (text(type)) return (v) => v as string;
  if (DataType.isDictionary(type) && text(type.dictionary)) return (v) => v as string;
  if (DataType.isInt(type) || DataType.isFloat(type)) return (v) => String(v as number | bigint);
  if (DataType.isBinary(type) || DataType.isFixedSizeBinary(type) || type.typeId === Type.LargeBinary)
    return (v) => utf8.decode(v as Uint8Array);
  return undefined;
}

/** Longest list of example rows a refusal names. */
const EXAMPLE_ROWS = 3;

/**
 * 1-based rows (up to three) of a text or binary Arrow column whose value holds an 18-digit ID number with a valid
 * check digit, scanning **every** row, not a sample: one such ID anywhere refuses the file. Values shorter than 15
 * bytes are skipped without decoding; a dictionary column is judged by its dictionary, then its indices.
 */
function arrowRowsWithResidentId(vector: Vector): number[] {
  const rows: number[] = [];
  let base = 0;
  for (const data of vector.data as Data[]) {
    if (DataType.isDictionary(data.type)) {
      const hits = new Set<number>();
      const dictionary = data.dictionary;
      if (dictionary) {
        for (let d = 0; d < dictionary.length; d++) {
          const value: unknown = dictionary.get(d);
          if (typeof value === 'string' && value.length >= 15 && containsResidentId(value)) hits.add(d);
        }
      }
      const indices = data.values as ArrayLike<number | bigint>;
      for (let i = 0; hits.size > 0 && i < data.length && rows.length < EXAMPLE_ROWS; i++)
        if (data.getValid(i) && hits.has(Number(indices[i]))) rows.push(base + i + 1);
    } else {
      const offsets = data.valueOffsets as ArrayLike<number | bigint> | undefined;
      const bytes = data.values as Uint8Array | undefined;
      if (offsets && bytes) {
        for (let i = 0; i < data.length && rows.length < EXAMPLE_ROWS; i++) {
          const start = Number(offsets[i]);
          const end = Number(offsets[i + 1]);
          if (end - start < 15 || !data.getValid(i)) continue;
          if (containsResidentId(utf8.decode(bytes.subarray(start, end)))) rows.push(base + i + 1);
        }
      }
    }
    if (rows.length >= EXAMPLE_ROWS) break;
    base += data.length;
  }
  return rows;
}

/** True for Arrow types whose values are variable-length text or bytes (scanned whole for ID numbers). */
function variableText(type: DataType): boolean {
  const t = DataType.isDictionary(type) ? type.dictionary : type;
  return [Type.Utf8, Type.LargeUtf8, Type.Binary, Type.LargeBinary].includes(t.typeId);
}

/** What {@link scanArrowIdentifiers} found and which columns it judged by their values. */
export interface ArrowIdentifierScan {
  issues: DataIssue[];
  /** Columns whose sampled values were judged (their DuckDB copies need no second look). */
  valuesChecked: Set<string>;
}

/**
 * Scan a decoded Arrow table before it goes anywhere: every column by name, and text, integer, float and binary columns
 * by the values of a seeded sample of rows (the same rows for every column). Decimal columns are left to
 * {@link scanIdentifiers} after the insert (`valuesChecked` says which were judged here).
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
    if (issue) {
      issues.push(issue);
      return;
    }
    if (!variableText(field.type)) return;
    const idRows = arrowRowsWithResidentId(vector);
    if (idRows.length > 0) issues.push(identifierIssue(label, field.name, 'resident_id', 'values', idRows));
  });
  return { issues, valuesChecked };
}

/**
 * Scan a loaded DuckDB table for identifier columns: every column by name, and each text-like column (text, integers,
 * decimals, floats, blobs) by a sample of up to `sample` rows, except the columns in `valuesChecked` (already judged on the
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
  // The sample is drawn on the row numbers alone (the same rows as drawing it on the whole rows), then only those rows
  // are read and cast to text: drawing it on every column read and cast every row of a view over a Parquet copy.
  const picked = await rowsOf(
    db,
    `SELECT rowid AS r FROM ${ident(table)} USING SAMPLE reservoir(${n} ROWS) REPEATABLE (7)`,
  );
  const rowIds = picked.map((r) => Number(r.r)).sort((a, b) => a - b);
  const rows =
    rowIds.length === 0
      ? []
      : await rowsOf(
          db,
          `SELECT ${select}, rowid + 1 AS rn FROM ${ident(table)} WHERE rowid IN (${rowIds.join(', ')}) ORDER BY rn`,
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
  // The full scan for ID numbers reads text and binary columns only, as on the Arrow table: a number column cannot hold
  // a check digit `X` or an ID inside other text, and its ID-shaped values are judged by the sample above. Casting
  // every number of every row to text was most of the time of an import of millions of rows.
  const refused = new Set(issues.map((i) => i.column));
  const types = new Map(columns.map((c) => [c.name, c.type]));
  const rest = candidates.filter((c) => !refused.has(c) && TEXT_DUCKDB.test(types.get(c) ?? ''));
  if (rest.length > 0) issues.push(...(await duckDbResidentIds(db, table, label, rest)));
  return issues;
}

/** DuckDB column types searched whole for ID numbers (text and binary, as {@link arrowRowsWithResidentId} does). */
const TEXT_DUCKDB = /^(VARCHAR|BLOB)$/;

/** Candidate rows a full scan for ID numbers reads back (rows with a run of 15 digits, checked in JavaScript). */
const FULL_SCAN_CANDIDATES = 2000;

/**
 * Every row of `columns` (not a sample) searched for an 18-digit ID number with a valid check digit: DuckDB finds the
 * rows with a run of at least 15 digits (ASCII or full-width) in one pass, JavaScript checks the check digit on up to
 * {@link FULL_SCAN_CANDIDATES} of them. One valid ID refuses the column.
 */
async function duckDbResidentIds(
  db: DuckDbPort,
  table: string,
  label: string,
  columns: readonly string[],
): Promise<DataIssue[]> {
  const texts = columns.map((c, i) => `CAST(${ident(c)} AS VARCHAR) AS c${i}`).join(', ');
  const digits = "'[0-9０-９]{15}'";
  const where = columns.map((_, i) => `(length(c${i}) >= 15 AND regexp_matches(c${i}, ${digits}))`).join(' OR ');
  const rows = await rowsOf(
    db,
    `SELECT * FROM (SELECT rowid + 1 AS rn, ${texts} FROM ${ident(table)}) WHERE ${where} ORDER BY rn LIMIT ${FULL_SCAN_CANDIDATES}`,
  );
  const issues: DataIssue[] = [];
  columns.forEach((c, i) => {
    const hits: number[] = [];
    for (const r of rows) {
      const v = r[`c${i}`];
      if (hits.length < EXAMPLE_ROWS && typeof v === 'string' && containsResidentId(v)) hits.push(Number(r.rn));
    }
    if (hits.length > 0) issues.push(identifierIssue(label, c, 'resident_id', 'values', hits));
  });
  return issues;
}
