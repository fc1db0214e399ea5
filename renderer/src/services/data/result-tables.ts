// Writes the per-household results of the baseline and the active scenario into DuckDB (`results_baseline`,
// `results_scenario`) for SQL, drill-down and export. Done on demand (SQL console, exports), never on the slider
// path: at 1,000,000 households the columns are large, and writing them after every run would delay the next one.
import { householdResultColumns, writeResultTable, exec } from '../../../../datasets/index.ts';
import type { JsonValue } from '../../../../contract/host-api.ts';
import {
  baselineDocument,
  selectActiveDataset,
  selectActiveScenario,
  useWorkspaceStore,
} from '../../store/workspace-store.ts';
import { useDataStore } from '../../store/data-store.ts';
import { getDuckDb } from '../duckdb/duckdb-client.ts';
import { getEngine } from '../engine/engine.ts';

/** The per-household result tables, as SQL names them. */
export const RESULT_TABLE_NAMES = ['results_baseline', 'results_scenario'] as const;

async function writeOne(name: (typeof RESULT_TABLE_NAMES)[number], scenario: JsonValue): Promise<boolean> {
  const outcome = await getEngine().call('householdColumns', { scenario }, { lane: `table-${name}` });
  if (outcome.status !== 'done') return false;
  const db = await getDuckDb();
  await writeResultTable(db, `${name}_raw`, householdResultColumns(outcome.result));
  await exec(
    db,
    `CREATE OR REPLACE TABLE ${name} AS SELECT h.household_id, h.region_code, h.area, h.size, h.weight, r.* ` +
      `FROM households h POSITIONAL JOIN ${name}_raw r`,
  );
  await exec(db, `DROP TABLE ${name}_raw`);
  return true;
}

let baselineFor: string | null = null;
let scenarioFor: string | null = null;
let inFlight: Promise<void> | null = null;

/** True when the result tables match the active dataset and scenario. */
export function resultTablesCurrent(): boolean {
  const state = useWorkspaceStore.getState();
  const dataset = selectActiveDataset(state);
  if (!dataset || dataset.status !== 'ready') return true;
  return scenarioFor === `${dataset.id}|${JSON.stringify(selectActiveScenario(state).document)}`;
}

/** Brings `results_baseline` and `results_scenario` up to date with the active dataset and scenario. */
export async function ensureResultTables(): Promise<void> {
  while (inFlight) await inFlight;
  const state = useWorkspaceStore.getState();
  const dataset = selectActiveDataset(state);
  if (!dataset || dataset.status !== 'ready' || getEngine().datasetId !== dataset.id) return;
  const document = selectActiveScenario(state).document;
  const key = `${dataset.id}|${JSON.stringify(document)}`;
  if (scenarioFor === key && baselineFor === dataset.id) return;
  useDataStore.setState({ resultTablesUpdating: true });
  inFlight = (async () => {
    if (baselineFor !== dataset.id && (await writeOne('results_baseline', baselineDocument())))
      baselineFor = dataset.id;
    if (await writeOne('results_scenario', document)) scenarioFor = key;
  })().finally(() => {
    inFlight = null;
    useDataStore.setState({ resultTablesUpdating: false });
  });
  await inFlight;
}
