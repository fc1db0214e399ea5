// Current (dataset) dibao standards and previous-year consumption per province and area, read from the active
// dataset's `regions` table in DuckDB for the editor's province table (province-level rows only).
import { useEffect, useState } from 'react';
import { getDuckDb } from '../../services/duckdb/duckdb-client.ts';

/** One province's current standards (yuan/person/month) and previous-year consumption (yuan/person/year). */
export interface ProvinceStandards {
  urban: number;
  rural: number;
  consumptionUrban: number;
  consumptionRural: number;
}

const SQL = `SELECT region_code, CAST(area AS INTEGER) AS area, CAST(dibao_standard AS DOUBLE) AS standard,
  CAST(consumption_prev_pc AS DOUBLE) AS consumption FROM regions WHERE length(region_code) = 2`;

/** Queries the regions table; provinces absent at province level are simply missing from the map. */
export async function loadProvinceStandards(): Promise<Map<string, ProvinceStandards>> {
  const db = await getDuckDb();
  const table = await db.query(SQL);
  const code = table.getChild('region_code')?.toArray() as string[] | undefined;
  const area = table.getChild('area')?.toArray() as Int32Array | undefined;
  const standard = table.getChild('standard')?.toArray() as Float64Array | undefined;
  const consumption = table.getChild('consumption')?.toArray() as Float64Array | undefined;
  const out = new Map<string, ProvinceStandards>();
  if (!code || !area || !standard || !consumption) return out;
  for (let i = 0; i < table.numRows; i += 1) {
    const entry = out.get(code[i]) ?? {
      urban: Number.NaN,
      rural: Number.NaN,
      consumptionUrban: Number.NaN,
      consumptionRural: Number.NaN,
    };
    if (area[i] === 0) {
      entry.urban = standard[i];
      entry.consumptionUrban = consumption[i];
    } else {
      entry.rural = standard[i];
      entry.consumptionRural = consumption[i];
    }
    out.set(code[i], entry);
  }
  return out;
}

/** The current standards of the active dataset once it is ready (empty map before, or if the query fails). */
export function useProvinceStandards(datasetKey: string | null): Map<string, ProvinceStandards> {
  const [state, setState] = useState<{ key: string | null; map: Map<string, ProvinceStandards> }>({
    key: null,
    map: new Map(),
  });
  useEffect(() => {
    if (!datasetKey) return;
    let cancelled = false;
    loadProvinceStandards()
      .then((map) => {
        if (!cancelled) setState({ key: datasetKey, map });
      })
      .catch(() => {
        if (!cancelled) setState({ key: datasetKey, map: new Map() });
      });
    return () => {
      cancelled = true;
    };
  }, [datasetKey]);
  return state.key === datasetKey ? state.map : new Map();
}
