// The full result panel as one long table (scenario × side, then the CLI's summary columns: year × level × region ×
// area, one column per metric, from datasets/formats/result-columns.ts) for Arrow IPC and Parquet export. Suppressed
// sub-national rows keep their keys but carry null in every number, the sample count included, with
// `suppressed = true`; the threshold is in `min_cell`.
import { Table, makeVector, tableToIPC } from 'apache-arrow';
import type { Vector } from 'apache-arrow';
import type { SummaryTable } from '../../../sim/index.ts';
import { summaryColumns, summaryColumnType, boolVector, float64Vector, utf8Vector } from '../../../datasets/index.ts';
import type { ResultColumn } from '../../../datasets/index.ts';
// CSP-safe: built from buffers, not Arrow's builders (which compile code with `new Function`).

/** One summary table with the keys that place it in the panel. */
export interface PanelPart {
  scenario: string;
  /** `baseline`, `scenario`, `delta` (scenario − baseline) of the simulated year, or `projection` (one per year). */
  side: 'baseline' | 'scenario' | 'delta' | 'projection';
  table: SummaryTable;
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
