// The SQL console: DuckDB SQL over the dataset and result tables, results in a virtualised grid, errors shown plainly
// (bilingual prefix + DuckDB's own message), persisted query history and example queries. Ctrl+Enter runs.
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import type { Table } from 'apache-arrow';
import { fill, errorText, inLanguage } from '../../i18n/i18n.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { useSqlStore } from '../../store/sql-store.ts';
import { useDataStore } from '../../store/data-store.ts';
import { selectActiveDataset, useWorkspaceStore } from '../../store/workspace-store.ts';
import { getDuckDb, duckDbErrorMessage } from '../../services/duckdb/duckdb-client.ts';
import { ensureResultTables, resultTablesCurrent } from '../../services/data/result-tables.ts';
import { listedTables, type TableInfo } from './table-list.ts';
import { rowsOf } from '../../../../datasets/index.ts';
import { ResultGrid } from './ResultGrid.tsx';
import { sqlResultCsv } from '../../exports/sql-result.ts';
import { getHost } from '../../services/host/host.ts';
import { SQL_EXAMPLES, useSqlMessages } from './sql-messages.ts';
import './sql.css';

/** What DuckDB holds in its main schema: each table's name and columns. */
async function heldTables(): Promise<{ name: string; columns: string; count: number }[]> {
  const db = await getDuckDb();
  const rows = await rowsOf(
    db,
    `SELECT table_name AS name, string_agg(column_name, ', ' ORDER BY ordinal_position) AS columns, count(*) AS count
     FROM information_schema.columns WHERE table_schema = 'main' GROUP BY table_name ORDER BY table_name`,
  );
  return rows.map((row) => ({ name: String(row.name), columns: String(row.columns), count: Number(row.count) }));
}

/** True when the active dataset is loaded (read when the list is refreshed, not when the callback was made). */
function datasetReady(): boolean {
  return selectActiveDataset(useWorkspaceStore.getState())?.status === 'ready';
}

/** The SQL console screen. */
export function SqlScreen() {
  const m = useSqlMessages();
  const language = useUiStore((s) => s.language);
  const text = useSqlStore((s) => s.text);
  const setText = useSqlStore((s) => s.setText);
  const history = useSqlStore((s) => s.history);
  const record = useSqlStore((s) => s.record);
  const clearHistory = useSqlStore((s) => s.clearHistory);
  const dataset = useWorkspaceStore(selectActiveDataset);
  const [result, setResult] = useState<{ table: Table; ms: number; sql: string } | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [tables, setTables] = useState<TableInfo[] | null>(null);
  const updatingResults = useDataStore((s) => s.resultTablesUpdating);

  const refreshTables = useCallback(() => {
    heldTables().then(
      (held) => setTables(listedTables(held, datasetReady(), resultTablesCurrent())),
      () => setTables([]),
    );
  }, []);

  // Opening the console lists what DuckDB holds; the result tables are written by the first query that uses them.
  useEffect(refreshTables, [refreshTables, dataset?.status]);

  useEffect(() => {
    if (text === '') setText(SQL_EXAMPLES[0].sql);
  }, [text, setText]);

  const run = useCallback(async () => {
    const sql = useSqlStore.getState().text.trim();
    if (!sql || running) return;
    setRunning(true);
    setError(null);
    const started = performance.now();
    try {
      if (/results_/i.test(sql)) await ensureResultTables();
      const db = await getDuckDb();
      const table = await db.query(sql);
      const ms = Math.round(performance.now() - started);
      setResult({ table, ms, sql });
      setExported(null);
      record({ sql, at: new Date().toISOString(), rows: table.numRows, ms });
    } catch (caught) {
      const message = duckDbErrorMessage(caught);
      setError(errorText(message, language));
      setResult(null);
      record({ sql, at: new Date().toISOString(), failed: true });
    } finally {
      setRunning(false);
      refreshTables();
    }
  }, [running, record, refreshTables, language]);

  const cancel = useCallback(async () => {
    const db = await getDuckDb();
    await db.cancel();
  }, []);

  const exportCsv = async () => {
    if (!result) return;
    const name = `sql-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.csv`;
    const text = sqlResultCsv(result.table, result.sql, language, dataset?.name ?? '');
    try {
      const saved = await getHost().saveFile({ suggestedName: name, mimeType: 'text/csv;charset=utf-8', data: text });
      setExported(saved.saved ? fill(m.exported, { name: saved.path ?? name }) : null);
    } catch (caught) {
      setError(String(caught instanceof Error ? caught.message : caught));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  };

  return (
    <div className="sql-screen">
      <div className="toolbar">
        <h2>{m.title}</h2>
        {dataset?.synthetic ? <span className="badge synthetic">{m.synthetic}</span> : null}
        <span className="muted">{m.intro}</span>
      </div>
      <div className="sql-layout">
        <div>
          <div className="panel">
            <textarea
              className="sql-editor"
              aria-label={m.editorLabel}
              data-testid="sql-editor"
              spellCheck={false}
              value={text}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={onKeyDown}
            />
            <div className="toolbar">
              <button
                type="button"
                className="primary"
                data-testid="sql-run"
                disabled={running}
                onClick={() => void run()}
              >
                {running ? m.running : m.run}
              </button>
              {running ? (
                <button type="button" data-testid="sql-cancel" onClick={() => void cancel()}>
                  {m.cancel}
                </button>
              ) : null}
              <select
                aria-label={m.examples}
                data-testid="sql-examples"
                value=""
                onChange={(event) => {
                  const example = SQL_EXAMPLES[Number(event.target.value)];
                  if (example) setText(example.sql);
                }}
              >
                <option value="">{m.chooseExample}</option>
                {SQL_EXAMPLES.map((example, index) => (
                  <option key={index} value={index}>
                    {inLanguage(example, language)}
                  </option>
                ))}
              </select>
              {result && result.table.numRows > 0 ? (
                <button type="button" data-testid="sql-export" title={m.exportNote} onClick={() => void exportCsv()}>
                  {m.exportCsv}
                </button>
              ) : null}
              {exported ? (
                <span className="muted" data-testid="sql-exported">
                  {exported}
                </span>
              ) : null}
              <span className="sql-status" data-testid="sql-status">
                {result
                  ? fill(m.rows, {
                      rows: result.table.numRows.toLocaleString(),
                      cols: result.table.numCols,
                      ms: result.ms,
                    })
                  : ''}
              </span>
            </div>
          </div>
          {error ? (
            <div className="error-box" role="alert" data-testid="sql-error">
              <strong>{m.errorPrefix}</strong>
              <pre>{error}</pre>
            </div>
          ) : null}
          {result ? (
            result.table.numRows === 0 ? (
              <p className="muted" data-testid="sql-empty">
                {m.empty}
              </p>
            ) : (
              <ResultGrid table={result.table} />
            )
          ) : null}
        </div>
        <aside className="sql-side">
          <div className="panel" data-testid="sql-tables">
            <h3>{m.tables}</h3>
            {updatingResults ? (
              <p className="muted" data-testid="sql-updating-results">
                {m.updatingResults}
              </p>
            ) : null}
            {tables === null ? (
              <p className="muted">{m.loadingDb}</p>
            ) : tables.length === 0 ? (
              <p className="muted">{m.noTables}</p>
            ) : (
              <ul>
                {tables.map((table) => (
                  <li key={table.name}>
                    <button
                      type="button"
                      title={table.pending ? m.writtenOnUseTitle : table.columns}
                      data-testid={`sql-table-${table.name}`}
                      data-pending={table.pending ? 'true' : undefined}
                      onClick={() => setText(`SELECT *\nFROM ${table.name}\nLIMIT 1000;`)}
                    >
                      {table.name}{' '}
                      <span className="muted">
                        · {table.pending ? m.writtenOnUse : fill(m.columns, { count: table.count })}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="panel" data-testid="sql-history">
            <div className="toolbar">
              <h3>{m.history}</h3>
              {history.length > 0 ? (
                <button type="button" onClick={clearHistory}>
                  {m.clearHistory}
                </button>
              ) : null}
            </div>
            {history.length === 0 ? (
              <p className="muted">{m.noHistory}</p>
            ) : (
              <ul>
                {history.map((entry) => (
                  <li key={entry.at + entry.sql}>
                    <button type="button" title={entry.sql} onClick={() => setText(entry.sql)}>
                      {entry.failed ? `✗ ` : ''}
                      {entry.sql.replace(/\s+/g, ' ')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </aside>
      </div>
    </div>
  );
}
