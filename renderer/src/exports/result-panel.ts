// The full result panel as one long table (year × scenario × side × level × region × area, one column per metric)
// for Arrow IPC and Parquet export. Suppressed sub-national rows keep their keys but carry null in every number,
// the sample count included, with `suppressed = true` and the threshold in `min_cell`.
import { Bool, Float64, Table, Utf8, makeData, makeVector, tableToIPC } from 'apache-arrow';
import type { Vector } from 'apache-arrow';
import type { SummaryTable } from '../../../sim/outputs/types';
import { METRICS } from './engine-tables';

/** One summary table with the keys that place it in the panel. */
export interface PanelPart {
  scenario: string;
  /** `baseline`, `scenario`, `delta` (scenario − baseline) of the simulated year, or `projection` (one per year). */
  side: 'baseline' | 'scenario' | 'delta' | 'projection';
  table: SummaryTable;
}

/** Column name of a metric in the panel: dots become underscores so SQL needs no quoting (`persons_dibao`). */
export function panelColumnName(metricId: string): string {
  return metricId.replace(/\./g, '_');
}

// Vectors are assembled from buffers (makeData), not Arrow's builders: the builders compile their null test with
// `new Function`, which the app's Content-Security-Policy (no 'unsafe-eval') rightly forbids.

function validity(isNull: (i: number) => boolean, length: number): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    if (isNull(i)) nullCount += 1;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  }
  return { nullBitmap, nullCount };
}

/** A Float64 vector with nulls. */
function float64Vector(values: readonly (number | null)[]): Vector {
  const data = Float64Array.from(values, (value) => value ?? 0);
  const { nullBitmap, nullCount } = validity((i) => values[i] === null, values.length);
  return makeVector(makeData({ type: new Float64(), length: values.length, data, nullBitmap, nullCount }));
}

/** A UTF-8 string vector (no nulls). */
function utf8Vector(values: readonly string[]): Vector {
  const encoder = new TextEncoder();
  const parts = values.map((value) => encoder.encode(value));
  const valueOffsets = new Int32Array(values.length + 1);
  parts.forEach((part, i) => (valueOffsets[i + 1] = valueOffsets[i] + part.length));
  const data = new Uint8Array(valueOffsets[values.length]);
  parts.forEach((part, i) => data.set(part, valueOffsets[i]));
  return makeVector(makeData({ type: new Utf8(), length: values.length, valueOffsets, data }));
}

/** A boolean vector (no nulls). */
function boolVector(values: readonly boolean[]): Vector {
  const { nullBitmap: data } = validity((i) => !values[i], values.length);
  return makeVector(makeData({ type: new Bool(), length: values.length, data }));
}

/** Builds the panel as an Arrow table. Sub-national parts must have been through the engine's `suppress`. */
export function buildResultPanel(parts: readonly PanelPart[]): Table {
  const year: number[] = [];
  const scenario: string[] = [];
  const side: string[] = [];
  const level: string[] = [];
  const code: string[] = [];
  const nameZh: string[] = [];
  const nameEn: string[] = [];
  const area: number[] = [];
  const sample: (number | null)[] = [];
  const suppressed: boolean[] = [];
  const minCell: number[] = [];
  const metrics = METRICS.map(() => [] as (number | null)[]);
  for (const part of parts) {
    const { table } = part;
    const subnational = table.level !== 'national';
    if (subnational && !(table.minCell > 0)) {
      throw new Error(`panel part ${part.scenario}/${part.side}/${table.level}: not suppressed`);
    }
    for (let r = 0; r < table.rows; r++) {
      const hidden = subnational && table.suppressed[r] === 1;
      year.push(table.year);
      scenario.push(part.scenario);
      side.push(part.side);
      level.push(table.level);
      code.push(table.code[r]);
      nameZh.push(table.nameZh[r]);
      nameEn.push(table.nameEn[r]);
      area.push(table.area[r]);
      sample.push(hidden ? null : table.sampleCount[r]);
      suppressed.push(hidden);
      minCell.push(table.minCell);
      METRICS.forEach((metric, m) => {
        const value = table.values[metric.id][r];
        metrics[m].push(hidden || !Number.isFinite(value) ? null : value);
      });
    }
  }
  const columns: Record<string, Vector> = {
    year: makeVector(Int32Array.from(year)),
    scenario: utf8Vector(scenario),
    side: utf8Vector(side),
    level: utf8Vector(level),
    code: utf8Vector(code),
    name_zh: utf8Vector(nameZh),
    name_en: utf8Vector(nameEn),
    area: makeVector(Uint8Array.from(area)),
    sample_count: float64Vector(sample),
    suppressed: boolVector(suppressed),
    min_cell: makeVector(Int32Array.from(minCell)),
  };
  METRICS.forEach((metric, m) => {
    columns[panelColumnName(metric.id)] = float64Vector(metrics[m]);
  });
  return new Table(columns);
}

/** The panel as Arrow IPC bytes: `file` format for saving (.arrow), `stream` for handing to DuckDB. */
export function panelToIpc(table: Table, format: 'file' | 'stream' = 'file'): Uint8Array {
  return tableToIPC(table, format);
}

/** The MIME type of Arrow IPC files. */
export const ARROW_MIME = 'application/vnd.apache.arrow.file';
