// The full result panel as one long table (year × scenario × side × level × region × area, one column per metric)
// for Arrow IPC and Parquet export. Suppressed sub-national rows keep their keys but carry null in every number,
// the sample count included, with `suppressed = true` and the threshold in `min_cell`.
import { Bool, Float64, Int32, Table, Uint8, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
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
    year: vectorFromArray(year, new Int32()),
    scenario: vectorFromArray(scenario, new Utf8()),
    side: vectorFromArray(side, new Utf8()),
    level: vectorFromArray(level, new Utf8()),
    code: vectorFromArray(code, new Utf8()),
    name_zh: vectorFromArray(nameZh, new Utf8()),
    name_en: vectorFromArray(nameEn, new Utf8()),
    area: vectorFromArray(area, new Uint8()),
    sample_count: vectorFromArray(sample, new Float64()),
    suppressed: vectorFromArray(suppressed, new Bool()),
    min_cell: vectorFromArray(minCell, new Int32()),
  };
  METRICS.forEach((metric, m) => {
    columns[panelColumnName(metric.id)] = vectorFromArray(metrics[m], new Float64());
  });
  return new Table(columns);
}

/** The panel as Arrow IPC bytes: `file` format for saving (.arrow), `stream` for handing to DuckDB. */
export function panelToIpc(table: Table, format: 'file' | 'stream' = 'file'): Uint8Array {
  return tableToIPC(table, format);
}

/** The MIME type of Arrow IPC files. */
export const ARROW_MIME = 'application/vnd.apache.arrow.file';
