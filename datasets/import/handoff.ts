// Hand-off to the engine: builds HouseholdArrays and RegionArrays from the canonical DuckDB tables through Arrow
// columns (no row objects; the SELECT produces the engine's numeric types, the region index is joined in SQL), and
// writes per-household result arrays back into DuckDB as a table for SQL, drill-down and export.

import { DataType, tableToIPC } from 'apache-arrow';
import type { Data, Table } from 'apache-arrow';
import type { HouseholdArrays, RegionArrays, HouseholdResult } from '../../sim/index.ts';
import { COMPONENT_IDS } from '../../sim/index.ts';
import { columnsToTable } from '../generate/to-arrow.ts';
import type { Column } from '../generate/to-arrow.ts';
import { metricColumn } from '../formats/result-columns.ts';
import { exec, ident } from './duckdb-port.ts';
import type { DuckDbPort } from './duckdb-port.ts';
import type { ColumnMapping } from './mapping.ts';

type TypedArrayCtor = Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor | Float64ArrayConstructor;

/** A column of an Arrow result as the typed array the engine expects (one copy at most, when batches are joined). */
function column<T extends TypedArrayCtor>(table: Table, name: string, ctor: T): InstanceType<T> {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`交接查询缺少列 ${name} / Hand-off query lacks column ${name}`);
  const values: unknown = vector.toArray();
  if (values instanceof ctor) return values as InstanceType<T>;
  return ctor.from(values as ArrayLike<number>) as InstanceType<T>;
}

const HOUSEHOLD_SELECT: readonly [keyof HouseholdArrays, string, string][] = [
  ['area', 'area', 'UTINYINT'],
  ['size', 'size', 'UTINYINT'],
  ['elderly', 'elderly', 'UTINYINT'],
  ['children', 'children', 'UTINYINT'],
  ['disabled', 'disabled', 'UTINYINT'],
  ['ill', 'ill', 'UTINYINT'],
  ['ableToWork', 'able_to_work', 'UTINYINT'],
  ['working', 'working', 'UTINYINT'],
  ['careFull', 'care_full', 'UTINYINT'],
  ['careHalf', 'care_half', 'UTINYINT'],
  ['incomePc', 'income_pc', 'DOUBLE'],
  ['earningsPc', 'earnings_pc', 'DOUBLE'],
  ['assetsPc', 'assets_pc', 'DOUBLE'],
  ['car', 'car', 'UTINYINT'],
  ['homes', 'homes', 'UTINYINT'],
  ['medicalHh', 'medical_hh', 'DOUBLE'],
  ['educationHh', 'education_hh', 'DOUBLE'],
  ['rehabHh', 'rehab_hh', 'DOUBLE'],
  ['programme', 'programme', 'UTINYINT'],
  ['gradualExit', 'gradual_exit', 'UTINYINT'],
  ['monitored', 'monitored', 'UTINYINT'],
  ['tekunProfile', 'tekun_profile', 'UTINYINT'],
  ['localHukou', 'local_hukou', 'UTINYINT'],
  ['orphans', 'orphans', 'UTINYINT'],
  ['supportType', 'support_type', 'UTINYINT'],
  ['weight', 'weight', 'DOUBLE'],
];

/** Read the canonical regions table into RegionArrays (regions sorted by code; cell = region * 2 + area). */
export async function regionArrays(db: DuckDbPort, regions = 'regions'): Promise<RegionArrays> {
  const per = ['population', 'dibao_standard', 'income_prev_pc', 'consumption_prev_pc', 'min_wage'];
  const cols = per.flatMap((c) =>
    [0, 1].map((a) => `CAST(max(${ident(c)}) FILTER (WHERE area = ${a}) AS DOUBLE) AS ${ident(`${c}_${a}`)}`),
  );
  const t = await db.query(
    `SELECT region_code, any_value(name_zh ORDER BY area) AS name_zh, any_value(name_en ORDER BY area) AS name_en, ${cols.join(', ')}, ` +
      `CAST(any_value(central_share ORDER BY area) AS DOUBLE) AS central_share FROM ${ident(regions)} GROUP BY region_code ORDER BY region_code`,
  );
  const n = t.numRows;
  const strings = (name: string): string[] => {
    const v = t.getChild(name);
    return Array.from({ length: n }, (_, i) => String(v?.get(i) ?? ''));
  };
  const code = strings('region_code');
  const provinceCodes = [...new Set(code.map((c) => c.slice(0, 2)))].sort();
  const provinceIndex = new Map(provinceCodes.map((c, i) => [c, i]));
  const interleave = (name: string): Float64Array => {
    const out = new Float64Array(n * 2);
    const u = column(t, `${name}_0`, Float64Array);
    const r = column(t, `${name}_1`, Float64Array);
    for (let i = 0; i < n; i++) {
      out[i * 2] = u[i];
      out[i * 2 + 1] = r[i];
    }
    return out;
  };
  return {
    count: n,
    code,
    province: Uint16Array.from(code, (c) => provinceIndex.get(c.slice(0, 2)) ?? 0),
    provinceCodes,
    nameZh: strings('name_zh'),
    nameEn: strings('name_en'),
    population: interleave('population'),
    standard: interleave('dibao_standard'),
    incomePrev: interleave('income_prev_pc'),
    consumptionPrev: interleave('consumption_prev_pc'),
    minWage: interleave('min_wage'),
    centralShare: column(t, 'central_share', Float64Array),
  };
}

/** Where the raw household rows came from, so already-typed Arrow columns can be used without a round trip. */
export interface HandOffSource {
  /** The decoded Arrow table of the raw file (LoadedTable.arrow), same rows and order as the DuckDB table. */
  arrow?: Table;
  mapping: ColumnMapping;
}

/** A mapped column taken straight from the Arrow table when it is numeric and needs no code translation. */
function fromArrow(
  source: HandOffSource | undefined,
  col: string,
  type: string,
): Uint8Array | Float64Array | undefined {
  if (!source?.arrow) return undefined;
  const src = source.mapping.columns[col];
  const codes = source.mapping.codes[col];
  if (src === undefined || (codes && Object.keys(codes).length > 0)) return undefined;
  const vector = source.arrow.getChild(src);
  if (!vector || vector.nullCount > 0 || !(DataType.isInt(vector.type) || DataType.isFloat(vector.type)))
    return undefined;
  const values: unknown = vector.toArray();
  if (values instanceof BigInt64Array || values instanceof BigUint64Array || !ArrayBuffer.isView(values))
    return undefined;
  const numbers = values as unknown as ArrayLike<number>;
  if (type === 'DOUBLE') return values instanceof Float64Array ? values : Float64Array.from(numbers);
  return values instanceof Uint8Array ? values : Uint8Array.from(numbers);
}

/** A 2-, 4- or 6-digit region code as a number that also encodes its length, or -1 for anything else. */
function codeKey(bytes: ArrayLike<number>, start: number, end: number): number {
  const length = end - start;
  if (length !== 2 && length !== 4 && length !== 6) return -1;
  let value = 0;
  for (let k = start; k < end; k++) {
    const digit = bytes[k] - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return length * 1_000_000 + value;
}

/** The key of a code's province (its first two digits). */
function provinceKey(key: number): number {
  const length = Math.floor(key / 1_000_000);
  const value = key % 1_000_000;
  return 2_000_000 + Math.floor(value / 10 ** (length - 2));
}

/**
 * The region index of every household (exact code, else its province; the same rule as the SQL path) read straight
 * from the Arrow column when it holds the codes as UTF-8 text of 2, 4 or 6 plain digits without nulls, which the
 * canonical view passes through unchanged. Undefined whenever that does not hold, or a code has no region: SQL decides.
 */
function regionIndexFromArrow(
  source: HandOffSource | undefined,
  regionCodes: readonly string[],
): Uint32Array | undefined {
  const src = source?.mapping.columns.region_code;
  if (!source?.arrow || src === undefined) return undefined;
  const vector = source.arrow.getChild(src);
  if (!vector || vector.nullCount > 0) return undefined;
  const index = new Map<number, number>();
  for (const [i, code] of regionCodes.entries()) {
    const key = codeKey(
      Array.from(code, (c) => c.charCodeAt(0)),
      0,
      code.length,
    );
    if (key < 0) return undefined;
    index.set(key, i);
  }
  const lookup = (key: number): number => (key < 0 ? -1 : (index.get(key) ?? index.get(provinceKey(key)) ?? -1));
  const out = new Uint32Array(vector.length);
  let row = 0;
  for (const data of vector.data) {
    const type = data.type as DataType;
    let text: Data = data;
    if (DataType.isDictionary(type)) {
      const dictionary = data.dictionary;
      if (!dictionary || !DataType.isUtf8(dictionary.type) || dictionary.data.length !== 1) return undefined;
      text = dictionary.data[0] as Data;
    } else if (!DataType.isUtf8(type)) return undefined;
    const offsets = text.valueOffsets as Int32Array;
    const bytes = text.values as Uint8Array;
    // Arrow JS keeps value offsets and indices starting at the first row of a slice (`offset` is for bitmaps only).
    const at = (i: number): number => lookup(codeKey(bytes, offsets[i], offsets[i + 1]));
    if (DataType.isDictionary(type)) {
      const byDictionary = Int32Array.from({ length: text.length }, (_, i) => at(i));
      const indices = data.values as ArrayLike<number>;
      for (let i = 0; i < data.length; i++) {
        const region = byDictionary[Number(indices[i])];
        if (region === undefined || region < 0) return undefined;
        out[row++] = region;
      }
    } else {
      let lastStart = -1;
      let lastEnd = -1;
      let last = -1;
      for (let i = 0; i < data.length; i++) {
        const start = offsets[i];
        const end = offsets[i + 1];
        // Households usually come grouped by region: reuse the previous answer while the bytes are the same.
        let same = last >= 0 && end - start === lastEnd - lastStart;
        for (let k = 0; same && k < end - start; k++) same = bytes[start + k] === bytes[lastStart + k];
        if (!same) last = lookup(codeKey(bytes, start, end));
        if (last < 0) return undefined;
        out[row++] = last;
        lastStart = start;
        lastEnd = end;
      }
    }
  }
  return row === out.length ? out : undefined;
}

/**
 * Read the canonical households view into HouseholdArrays. Numeric columns of an Arrow/Parquet source are taken from
 * its Arrow table (validated, same order), and so is the region index when the codes are plain text; the rest come
 * from one SQL query that casts to the engine's types and computes the region index (exact code, else province) as an
 * ENUM code. No row objects either way; no query at all when the Arrow table has everything.
 */
export async function householdArrays(
  db: DuckDbPort,
  households = 'households',
  regions = 'regions',
  source?: HandOffSource,
  regionCodes?: readonly string[],
): Promise<HouseholdArrays> {
  const out: Record<string, unknown> = {};
  const viaSql: (typeof HOUSEHOLD_SELECT)[number][] = [];
  for (const entry of HOUSEHOLD_SELECT) {
    const direct = fromArrow(source, entry[1], entry[2]);
    if (direct) out[entry[0]] = direct;
    else viaSql.push(entry);
  }
  const region = regionCodes ? regionIndexFromArrow(source, regionCodes) : undefined;
  const check = (count: number): HouseholdArrays => {
    out.count = count;
    for (const [key] of [['region'], ...HOUSEHOLD_SELECT]) {
      const a = out[key] as ArrayLike<number>;
      if (a.length !== count)
        throw new Error(`列 ${key} 行数不一致 / Column ${key} has ${a.length} rows, expected ${count}`);
    }
    return out as unknown as HouseholdArrays;
  };
  if (region && viaSql.length === 0 && source?.arrow) {
    out.region = region;
    return check(source.arrow.numRows);
  }
  const select = viaSql.map(([, col, type]) => `, CAST(${ident(col)} AS ${type}) AS ${ident(col)}`).join('');
  const enumName = ident(`${regions}__region_index`);
  await exec(db, `DROP TYPE IF EXISTS ${enumName}`);
  await exec(
    db,
    `CREATE TYPE ${enumName} AS ENUM (SELECT DISTINCT region_code FROM ${ident(regions)} ORDER BY region_code)`,
  );
  try {
    const index = `enum_code(coalesce(TRY_CAST(region_code AS ${enumName}), TRY_CAST(substr(region_code, 1, 2) AS ${enumName})))`;
    const t = await db.query(`SELECT CAST(${index} AS UINTEGER) AS region${select} FROM ${ident(households)}`);
    out.region = column(t, 'region', Uint32Array);
    for (const [key, col, type] of viaSql) out[key] = column(t, col, type === 'DOUBLE' ? Float64Array : Uint8Array);
    return check(t.numRows);
  } finally {
    await exec(db, `DROP TYPE IF EXISTS ${enumName}`);
  }
}

/** Both engine inputs from the canonical views (pass the household source to use its Arrow columns directly). */
export async function handOff(
  db: DuckDbPort,
  names: { households: string; regions: string } = { households: 'households', regions: 'regions' },
  source?: HandOffSource,
): Promise<{ households: HouseholdArrays; regions: RegionArrays }> {
  const regions = await regionArrays(db, names.regions);
  const households = await householdArrays(db, names.households, names.regions, source, regions.code);
  return { households, regions };
}

/** The engine's per-household results as named columns in dataset row order (benefits in yuan per year). */
export function householdResultColumns(result: HouseholdResult): Record<string, Uint8Array | Float64Array> {
  const columns: Record<string, Uint8Array | Float64Array> = {
    status: result.status,
    flags: result.flags,
    enrol: result.enrol,
    entrant: result.entrant,
    leaver: result.leaver,
    gradual_exit: result.gradualExit,
    temp_events: result.tempEvents,
  };
  for (const id of COMPONENT_IDS) columns[`benefit_${metricColumn(id)}`] = result.benefit[id];
  columns.benefit_total = result.total;
  return columns;
}

/** Write per-household (or any) result columns into DuckDB table `name` (replaced), via one Arrow IPC stream. */
export async function writeResultTable(
  db: DuckDbPort,
  name: string,
  columns: Readonly<Record<string, Column>>,
  metadata: Readonly<Record<string, string>> = {},
): Promise<number> {
  const table = columnsToTable(columns, metadata);
  await exec(db, `DROP TABLE IF EXISTS ${ident(name)}`);
  await db.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name, create: true });
  return table.numRows;
}
