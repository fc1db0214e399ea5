// The DuckDB-wasm client: DuckDB runs in its own Web Worker (the bundle picked by `selectBundle`, wasm and worker
// files served by the app itself, no CDN); the main thread holds one connection and gets Arrow tables back.
import * as duckdb from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import type { DuckDbPort } from '../../../../datasets/index.ts';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** The database operations the rest of the renderer uses; a superset of the data layer's `DuckDbPort`. */
export interface DuckDbClient extends DuckDbPort {
  /** Registers bytes as a virtual file (the buffer moves to DuckDB's worker; do not reuse it). */
  registerFileBuffer(name: string, bytes: Uint8Array): Promise<void>;
  /** Forgets a virtual file. */
  dropFile(name: string): Promise<void>;
  /** Creates table `options.name` from Arrow IPC stream bytes. */
  insertArrowFromIPCStream(bytes: Uint8Array, options: { name: string; create?: boolean }): Promise<void>;
  /** Runs SQL and returns the result as an Arrow table. */
  query(sql: string): Promise<Table>;
  /** Creates or replaces table `name` from an Arrow table (result columns written back for SQL). */
  insertArrowTable(name: string, table: Table): Promise<void>;
  /** Cancels the running query, if any; it then rejects. */
  cancel(): Promise<void>;
}

class AsyncDuckDbClient implements DuckDbClient {
  constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private readonly connection: duckdb.AsyncDuckDBConnection,
  ) {}

  async registerFileBuffer(name: string, bytes: Uint8Array): Promise<void> {
    await this.db.registerFileBuffer(name, bytes);
  }

  async dropFile(name: string): Promise<void> {
    await this.db.dropFile(name);
  }

  query(sql: string): Promise<Table> {
    return this.connection.query(sql);
  }

  async insertArrowFromIPCStream(bytes: Uint8Array, options: { name: string; create?: boolean }): Promise<void> {
    await this.connection.insertArrowFromIPCStream(bytes, { name: options.name, create: options.create ?? true });
  }

  async insertArrowTable(name: string, table: Table): Promise<void> {
    await this.connection.query(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`);
    await this.connection.insertArrowTable(table, { name, create: true });
  }

  async cancel(): Promise<void> {
    await this.connection.cancelSent();
  }
}

let instance: Promise<DuckDbClient> | null = null;

/** Starts DuckDB-wasm once (bundle chosen for this browser) and returns the shared client. */
export function getDuckDb(): Promise<DuckDbClient> {
  instance ??= (async () => {
    const bundle = await duckdb.selectBundle(BUNDLES);
    const worker = new Worker(bundle.mainWorker!);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    const connection = await db.connect();
    return new AsyncDuckDbClient(db, connection);
  })();
  instance.catch(() => {
    instance = null;
  });
  return instance;
}

/** Turns a DuckDB error into the bilingual form the UI shows: a plain prefix plus DuckDB's own message. */
export function duckDbErrorMessage(error: unknown): { messageZh: string; messageEn: string } {
  const detail = error instanceof Error ? error.message : String(error);
  return { messageZh: `DuckDB 报错：${detail}`, messageEn: `DuckDB error: ${detail}` };
}
