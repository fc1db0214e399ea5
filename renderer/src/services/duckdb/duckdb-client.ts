// The DuckDB-wasm client: DuckDB runs in its own Web Worker (the bundle picked by `selectBundle`, wasm and worker
// files served by the app itself, no CDN); the main thread holds one connection and gets Arrow tables back. DuckDB is
// loaded lazily (its module, wasm and worker only when something first needs SQL), and a dataset handed to the engine
// without DuckDB registers how to load its SQL tables, which happens before any caller gets the connection.
import type * as duckdb from '@duckdb/duckdb-wasm';
import { create } from 'zustand';
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

/** Starts DuckDB-wasm once (bundle chosen for this browser) and returns the client, without any deferred tables. */
export function startDuckDb(): Promise<DuckDbClient> {
  instance ??= (async () => {
    const module = await import('@duckdb/duckdb-wasm');
    const bundle = await module.selectBundle(BUNDLES);
    const worker = new Worker(bundle.mainWorker!);
    const db = new module.AsyncDuckDB(new module.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    const connection = await db.connect();
    return new AsyncDuckDbClient(db, connection);
  })();
  instance.catch(() => {
    instance = null;
  });
  return instance;
}

/** Where the SQL tables of the dataset in use stand: not needed yet, loading, in DuckDB, or failed to load. */
export type SqlTablesState = 'deferred' | 'loading' | 'ready' | 'failed';

/** The SQL tables' state, for screens that say when SQL is still loading. */
export const useSqlTablesStore = create<{ state: SqlTablesState }>(() => ({ state: 'ready' }));

let deferred: ((db: DuckDbClient) => Promise<void>) | null = null;
let loading: Promise<void> | null = null;

/**
 * Registers how to load the SQL tables of a dataset that reached the engine without DuckDB; they are loaded the first
 * time anything asks for the connection through {@link getDuckDb} (replaces a loader not yet started).
 */
export function deferDatasetTables(load: (db: DuckDbClient) => Promise<void>): void {
  deferred = load;
  useSqlTablesStore.setState({ state: 'deferred' });
}

/** Forgets deferred tables not yet loading (another dataset takes over) and waits for any load under way. */
export async function dropDeferredTables(): Promise<void> {
  deferred = null;
  if (loading) await loading.catch(() => undefined);
  if (useSqlTablesStore.getState().state === 'deferred') useSqlTablesStore.setState({ state: 'ready' });
}

/** Starts DuckDB-wasm once and returns the shared client, after loading the SQL tables of the dataset in use. */
export async function getDuckDb(): Promise<DuckDbClient> {
  const db = await startDuckDb();
  if (deferred && !loading) {
    const load = deferred;
    useSqlTablesStore.setState({ state: 'loading' });
    loading = load(db).then(
      () => {
        if (deferred === load) deferred = null;
        useSqlTablesStore.setState({ state: deferred ? 'deferred' : 'ready' });
      },
      (error: unknown) => {
        useSqlTablesStore.setState({ state: 'failed' });
        throw error;
      },
    );
    void loading
      .finally(() => {
        loading = null;
      })
      .catch(() => undefined);
  }
  if (loading) await loading;
  return db;
}

/** Turns a DuckDB error into the bilingual form the UI shows: a plain prefix plus DuckDB's own message. */
export function duckDbErrorMessage(error: unknown): { messageZh: string; messageEn: string } {
  const detail = error instanceof Error ? error.message : String(error);
  return { messageZh: `DuckDB 报错：${detail}`, messageEn: `DuckDB error: ${detail}` };
}
