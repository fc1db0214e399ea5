// Writes the per-household results of the baseline and the active scenario back into DuckDB (`results_baseline`,
// `results_scenario`) for SQL, drill-down and export, debounced after runs so slider drags do not pay for it.
import { writeResultTable } from '../../../../datasets/import/handoff.ts';
import { exec } from '../../../../datasets/import/duckdb-port.ts';
import { COMPONENT_IDS, type HouseholdResult } from '../../../../sim/index.ts';
import type { JsonValue } from '../../../../electron/contract/host-api.ts';
import { baselineDocument } from '../../store/workspace-store';
import { getDuckDb } from '../duckdb/duckdb-client';
import { getEngine } from '../engine/engine';

/** Delay after the last results run before the tables are rewritten. */
export const RESULT_TABLES_DEBOUNCE_MS = 1500;

/** Snake-case result columns of one scenario, in household order. */
export function resultColumns(result: HouseholdResult): Record<string, Uint8Array | Float64Array> {
  const columns: Record<string, Uint8Array | Float64Array> = {
    status: result.status,
    flags: result.flags,
    enrol: result.enrol,
    entrant: result.entrant,
    leaver: result.leaver,
    gradual_exit: result.gradualExit,
    temp_events: result.tempEvents,
    benefit_total: result.total,
  };
  for (const id of COMPONENT_IDS)
    columns[`benefit_${id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`] = result.benefit[id];
  return columns;
}

async function writeOne(
  name: 'results_baseline' | 'results_scenario',
  scenario: JsonValue,
  lane: string,
): Promise<boolean> {
  const outcome = await getEngine().call('householdColumns', { scenario }, { lane });
  if (outcome.status !== 'done') return false;
  const db = await getDuckDb();
  await writeResultTable(db, `${name}_raw`, resultColumns(outcome.result));
  await exec(
    db,
    `CREATE OR REPLACE TABLE ${name} AS SELECT h.household_id, h.region_code, h.area, h.size, h.weight, r.* ` +
      `FROM households h POSITIONAL JOIN ${name}_raw r`,
  );
  await exec(db, `DROP TABLE ${name}_raw`);
  return true;
}

let timer: ReturnType<typeof setTimeout> | null = null;
let baselineFor: string | null = null;

/** Schedules the rewrite of the result tables for the active dataset and this scenario document. */
export function scheduleResultTables(datasetId: string, scenario: JsonValue): void {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void (async () => {
      if (
        baselineFor !== datasetId &&
        (await writeOne('results_baseline', baselineDocument(), 'result-table-baseline'))
      ) {
        baselineFor = datasetId;
      }
      await writeOne('results_scenario', scenario, 'result-table-scenario');
    })().catch(() => undefined);
  }, RESULT_TABLES_DEBOUNCE_MS);
}
