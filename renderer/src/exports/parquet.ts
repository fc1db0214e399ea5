// Parquet export through DuckDB (the platform's DuckDB-wasm client in the app, the same engine in tests): the panel
// goes in as an Arrow stream, DuckDB writes Parquet to its virtual file system, and the bytes come back through
// `copyFileToBuffer` when the client offers it, else through SQL (`read_blob`).
import type { Table } from 'apache-arrow';

/** What this export needs from a DuckDB connection (the platform client and the data layer's port both fit). */
export interface ParquetDb {
  insertArrowFromIPCStream(bytes: Uint8Array, options: { name: string; create?: boolean }): unknown;
  query(sql: string): Table | Promise<Table>;
  dropFile(name: string): unknown;
  /** Reads a file DuckDB wrote (DuckDB-wasm's `copyFileToBuffer`), when the client exposes it. */
  copyFileToBuffer?(name: string): Promise<Uint8Array>;
}

let counter = 0;

/** A Parquet export DuckDB could not write, with the reason in both languages. */
export class ParquetExportError extends Error {
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(detail: string) {
    super(detail);
    this.name = 'ParquetExportError';
    this.messageZh = `DuckDB 未能写出 Parquet 文件（${detail}）。Arrow 导出包含同样的结果面板，可改用 Arrow。`;
    this.messageEn = `DuckDB could not write the Parquet file (${detail}). The Arrow export holds the same result panel; use it instead.`;
  }
}

/** Converts Arrow IPC stream bytes to Parquet bytes (DuckDB's default Snappy compression). */
export async function arrowStreamToParquet(db: ParquetDb, stream: Uint8Array): Promise<Uint8Array> {
  counter += 1;
  const table = `export_panel_${Date.now().toString(36)}_${counter}`;
  const file = `${table}.parquet`;
  await db.insertArrowFromIPCStream(stream, { name: table, create: true });
  try {
    try {
      await db.query(`COPY "${table}" TO '${file}' (FORMAT parquet)`);
    } catch (error) {
      throw new ParquetExportError(error instanceof Error ? error.message : String(error));
    }
    const content: unknown = db.copyFileToBuffer
      ? await db.copyFileToBuffer(file)
      : (await db.query(`SELECT content FROM read_blob('${file}')`)).getChild('content')?.get(0);
    if (!(content instanceof Uint8Array)) throw new Error('DuckDB returned no Parquet bytes');
    return content.slice();
  } finally {
    await db.query(`DROP TABLE IF EXISTS "${table}"`);
    await db.dropFile(file);
  }
}

/** The MIME type of Parquet files. */
export const PARQUET_MIME = 'application/vnd.apache.parquet';
