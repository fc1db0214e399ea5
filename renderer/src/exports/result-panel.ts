// The full result panel as one long table (scenario × side, then the CLI's summary columns: year × level × region ×
// area, one column per metric, from datasets/formats/result-columns.ts) for Arrow IPC and Parquet export. Suppressed
// sub-national rows keep their keys but carry null in every number, the sample count included, with
// `suppressed = true`; the threshold is in `min_cell`.
import { Bool, Float64, Table, Utf8, makeData, makeVector, tableToIPC } from 'apache-arrow';
import type { Vector } from 'apache-arrow';
import type { SummaryTable } from '../../../sim/outputs/types';
import { summaryColumns, summaryColumnType } from '../../../datasets/formats/result-columns';
import type { ResultColumn } from '../../../datasets/formats/result-columns';

/** One summary table with the keys that place it in the panel. */
export interface PanelPart {
  scenario: string;
  /** `baseline`, `scenario`, `delta` (scenario − baseline) of the simulated year, or `projection` (one per year). */
  side: 'baseline' | 'scenario' | 'delta' | 'projection';
  table: SummaryTable;
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

/** An Arrow vector of a shared result column. */
function vectorOf(name: string, column: ResultColumn): Vector {
  if (column instanceof Int32Array) return makeVector(column);
  const type = summaryColumnType(name);
  if (type === 'text') return utf8Vector(column as readonly string[]);
  if (type === 'bool') return boolVector(column as readonly boolean[]);
  return float64Vector(column as readonly (number | null)[]);
}

/** Builds the panel as an Arrow table. Sub-national parts must have been through the engine's disclosure control. */
export function buildResultPanel(parts: readonly PanelPart[]): Table {
  const scenario: string[] = [];
  const side: string[] = [];
  const minCell: number[] = [];
  for (const part of parts) {
    const { table } = part;
    if (table.level !== 'national' && !(table.minCell > 0)) {
      throw new Error(`panel part ${part.scenario}/${part.side}/${table.level}: not suppressed`);
    }
    for (let r = 0; r < table.rows; r++) {
      scenario.push(part.scenario);
      side.push(part.side);
      minCell.push(table.minCell);
    }
  }
  const columns: Record<string, Vector> = { scenario: utf8Vector(scenario), side: utf8Vector(side) };
  for (const [name, column] of Object.entries(summaryColumns(parts.map((part) => part.table)))) {
    columns[name] = vectorOf(name, column);
  }
  columns.min_cell = makeVector(Int32Array.from(minCell));
  return new Table(columns);
}

/** The panel as Arrow IPC bytes: `file` format for saving (.arrow), `stream` for handing to DuckDB. */
export function panelToIpc(table: Table, format: 'file' | 'stream' = 'file'): Uint8Array {
  return tableToIPC(table, format);
}

/** The MIME type of Arrow IPC files. */
export const ARROW_MIME = 'application/vnd.apache.arrow.file';
