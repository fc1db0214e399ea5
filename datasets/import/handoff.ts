// Hand-off to the engine: builds HouseholdArrays and RegionArrays from the canonical DuckDB tables through Arrow
// columns (no row objects; the SELECT produces the engine's numeric types, the region index is joined in SQL), and
// writes per-household result arrays back into DuckDB as a table for SQL, drill-down and export.

import { tableToIPC } from 'apache-arrow';
import type { Table } from 'apache-arrow';
import type { HouseholdArrays } from '../../sim/model/households.ts';
import type { RegionArrays } from '../../sim/model/regions.ts';
import { columnsToTable } from '../generate/to-arrow.ts';
import type { Column } from '../generate/to-arrow.ts';
import { exec, ident } from './duckdb-port.ts';
import type { DuckDbPort } from './duckdb-port.ts';

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

/** Read the canonical households table into HouseholdArrays; the region index (exact code, else province) is an ENUM code computed in SQL. */
export async function householdArrays(
  db: DuckDbPort,
  households = 'households',
  regions = 'regions',
): Promise<HouseholdArrays> {
  const select = HOUSEHOLD_SELECT.map(([, col, type]) => `CAST(${ident(col)} AS ${type}) AS ${ident(col)}`).join(', ');
  const enumName = ident(`${regions}__region_index`);
  await exec(db, `DROP TYPE IF EXISTS ${enumName}`);
  await exec(
    db,
    `CREATE TYPE ${enumName} AS ENUM (SELECT DISTINCT region_code FROM ${ident(regions)} ORDER BY region_code)`,
  );
  try {
    const index = `enum_code(coalesce(TRY_CAST(region_code AS ${enumName}), TRY_CAST(substr(region_code, 1, 2) AS ${enumName})))`;
    const t = await db.query(`SELECT CAST(${index} AS UINTEGER) AS region, ${select} FROM ${ident(households)}`);
    const out: Record<string, unknown> = { count: t.numRows, region: column(t, 'region', Uint32Array) };
    for (const [key, col, type] of HOUSEHOLD_SELECT)
      out[key] = column(t, col, type === 'DOUBLE' ? Float64Array : Uint8Array);
    return out as unknown as HouseholdArrays;
  } finally {
    await exec(db, `DROP TYPE IF EXISTS ${enumName}`);
  }
}

/** Both engine inputs from the canonical tables. */
export async function handOff(
  db: DuckDbPort,
  names: { households: string; regions: string } = { households: 'households', regions: 'regions' },
): Promise<{ households: HouseholdArrays; regions: RegionArrays }> {
  const regions = await regionArrays(db, names.regions);
  const households = await householdArrays(db, names.households, names.regions);
  return { households, regions };
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
