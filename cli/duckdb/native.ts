// Native DuckDB (@duckdb/node-api, a dev dependency) for the benchmark: the same SQL as DuckDB-wasm, run natively.
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';

/** An open in-memory native DuckDB database. */
export interface NativeDuckDb {
  connection: DuckDBConnection;
  version: string;
  close(): void;
}

/** Opens an in-memory native DuckDB with `threads` worker threads (the bench uses both cores). */
export async function openNativeDuckDb(threads = 2): Promise<NativeDuckDb> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  const result = await connection.runAndReadAll('SELECT version() AS v');
  const version = String(result.getRowObjects()[0]?.v ?? 'unknown');
  return {
    connection,
    version,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
