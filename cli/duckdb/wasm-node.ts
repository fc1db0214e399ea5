// DuckDB-wasm in Node (the blocking build, NODE_RUNTIME): the same engine the app runs in the browser, for import,
// validation and the SQL side of the benchmark and cross-check.
import { createRequire } from 'node:module';
import path from 'node:path';
import { NODE_RUNTIME, VoidLogger, createDuckDB } from '@duckdb/duckdb-wasm/blocking';
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import type { DuckDbPort } from '../../datasets/index.ts';

const require = createRequire(import.meta.url);

/** An open DuckDB-wasm database with one connection. */
export interface WasmDuckDb {
  db: DuckDBBindings;
  connection: ReturnType<DuckDBBindings['connect']>;
  close(): void;
}

/** Opens an in-memory DuckDB-wasm database in Node with the bundles from node_modules. */
export async function openWasmDuckDb(): Promise<WasmDuckDb> {
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm'));
  const db = await createDuckDB(
    {
      mvp: {
        mainModule: path.join(dist, 'duckdb-mvp.wasm'),
        mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs'),
      },
      eh: {
        mainModule: path.join(dist, 'duckdb-eh.wasm'),
        mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs'),
      },
    },
    new VoidLogger(),
    NODE_RUNTIME,
  );
  await db.instantiate();
  const connection = db.connect();
  return {
    db,
    connection,
    close() {
      connection.close();
      db.reset();
    },
  };
}

/** Adapts an open DuckDB-wasm database to the data layer's DuckDbPort (same import and validation as the app). */
export function wasmPort(duck: WasmDuckDb): DuckDbPort {
  return {
    registerFileBuffer: (name, bytes) => duck.db.registerFileBuffer(name, bytes),
    dropFile: (name) => duck.db.dropFile(name),
    insertArrowFromIPCStream: (bytes, options) => duck.connection.insertArrowFromIPCStream(bytes, options),
    query: (sql) => duck.connection.query(sql),
  };
}
