// Reads one dataset file into native DuckDB from its path, so a file of any size is imported without being held in
// memory: Parquet and CSV by DuckDB's own readers, Arrow IPC record batch by record batch. A file small enough to
// hold goes through the data layer's loadFile unchanged (every check the app makes); a larger one gets the same
// refusals where they can be judged without holding it (format, header collisions, Float16, CSV encoding and shape on
// its first 64 KiB, identifier columns in SQL), the rest of the checks are DuckDB's readers'.
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { RecordBatchReader, Table } from 'apache-arrow';
import type { DataIssue, DataResult, DatasetFileReader, FileFormat, LoadedTable } from '../../datasets/index.ts';
import {
  describeTable,
  dropRelation,
  ident,
  literal,
  rowsOf,
  csvHeaderFields,
  scanIdentifiers,
  MAX_CSV_LINE_BYTES,
  csvAsUtf8,
  csvEncodingIssue,
  csvShapeIssue,
  detectFormat,
  fileIssue,
  headerCollisionIssue,
  loadFile,
  reason,
  unreadableIssue,
  unsupportedArrowTypes,
  assertArrowLayout,
} from '../../datasets/index.ts';
import type { NativeDatabase } from '../duckdb/native-port.ts';
import { appendArrow } from '../duckdb/native-port.ts';
import { KeptColumns } from './kept-columns.ts';
import { ArrowParquetWriter } from './arrow-parquet.ts';
import { sha256Hex } from '../provenance.ts';

/** Files up to this size are read whole and imported by the data layer's loadFile, exactly as the app does. */
export const IN_MEMORY_FILE_BYTES = 256 * 1024 * 1024;

const HEAD_BYTES = 65536;

/** The hashing worker's code: SHA-256 of the file named in workerData, read as a stream, posted back as hex. */
const HASH_WORKER = `
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const hash = createHash('sha256');
createReadStream(workerData, { highWaterMark: 4 << 20 })
  .on('data', (piece) => hash.update(piece))
  .on('error', (error) => { throw error; })
  .on('end', () => parentPort.postMessage(hash.digest('hex')));
`;

/**
 * SHA-256 of a file, read as a stream on a worker thread, so that hashing a file of gigabytes runs beside the reading
 * of its batches instead of taking turns with it on the main thread.
 */
export function fileSha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData: file });
    worker.once('message', (hex: string) => {
      resolve(hex);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`hash worker exited with ${code}`));
    });
  });
}

/** A large CSV that is not UTF-8 (GB18030 exports): DuckDB reads UTF-8 only, and re-encoding needs the whole file. */
function notUtf8Issue(fileName: string): DataIssue {
  return fileIssue(
    fileName,
    'unsupported_encoding',
    `文件“${fileName}”不是 UTF-8 编码（可能是 GB18030/GBK）；超过 ${IN_MEMORY_FILE_BYTES / 2 ** 20} MiB 的 CSV 须为 UTF-8：请另存为“CSV UTF-8”或 Parquet 后再导入。`,
    `"${fileName}" is not UTF-8 (probably GB18030/GBK); a CSV over ${IN_MEMORY_FILE_BYTES / 2 ** 20} MiB must be UTF-8: save it as "CSV UTF-8" or Parquet and import again.`,
  );
}

/** True when `head` is UTF-8, allowing a character cut at its end. */
function headIsUtf8(head: Uint8Array): boolean {
  for (let cut = 0; cut < 4 && cut < head.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try a shorter prefix
    }
  }
  return false;
}

/** Reads `file` into `table` by DuckDB's readers or Arrow batches; an issue instead when it is refused on sight. */
async function readLarge(
  native: NativeDatabase,
  file: string,
  fileName: string,
  format: FileFormat,
  head: Uint8Array,
  table: string,
  keep: boolean,
): Promise<{ issue?: DataIssue; metadata: Record<string, string>; arrow?: Table; view?: boolean }> {
  const quoted = literal(file);
  if (format === 'parquet') {
    await native.connection.run(`CREATE TABLE ${ident(table)} AS SELECT * FROM read_parquet(${quoted})`);
    return { metadata: {} };
  }
  if (format === 'csv') {
    const encoding = csvEncodingIssue(fileName, head);
    if (encoding) return { issue: encoding, metadata: {} };
    if (!headIsUtf8(head)) return { issue: notUtf8Issue(fileName), metadata: {} };
    const { delimiter } = csvAsUtf8(head);
    const lastBreak = head.lastIndexOf(10);
    const shape = csvShapeIssue(fileName, lastBreak > 0 ? head.subarray(0, lastBreak) : head, delimiter);
    if (shape) return { issue: shape, metadata: {} };
    const headerText = new TextDecoder().decode(head);
    const collision = headerCollisionIssue(fileName, csvHeaderFields(headerText, delimiter));
    if (collision) return { issue: collision, metadata: {} };
    const reader = `read_csv(${quoted}, header = true, all_varchar = true, delim = ${literal(delimiter)}, quote = '"', escape = '"', strict_mode = true, null_padding = false, max_line_size = ${MAX_CSV_LINE_BYTES})`;
    await native.connection.run(`CREATE TABLE ${ident(table)} AS SELECT * FROM ${reader}`);
    return { metadata: {} };
  }
  // Arrow IPC: a file through random access (footer, then batch by batch), a stream as it comes. The batches are
  // copied into a Parquet file that a view reads (rowid: the row number, as a table has it), unless a column type is
  // one the copy does not write or a column is itself called rowid: then they are appended into a table.
  const handle = format === 'arrow-file' ? await open(file) : undefined;
  const copy = path.join(native.dir, `${table}.parquet`);
  let writer: ArrowParquetWriter | undefined;
  try {
    const reader = handle ? await RecordBatchReader.from(handle) : await RecordBatchReader.from(createReadStream(file));
    await reader.open();
    let first = true;
    let metadata: Record<string, string> = {};
    let kept: KeptColumns | undefined;
    for await (const batch of reader) {
      const piece = new Table([batch]);
      if (first) {
        if (piece.schema.fields.length === 0) throw new Error('no columns');
        const refusal =
          headerCollisionIssue(
            fileName,
            piece.schema.fields.map((f) => f.name),
          ) ?? unsupportedArrowTypes(fileName, piece);
        if (refusal) return { issue: refusal, metadata: {} };
        metadata = Object.fromEntries(piece.schema.metadata);
        if (keep) kept = new KeptColumns(piece.schema.fields);
        if (!piece.schema.fields.some((f) => f.name.toLowerCase() === 'rowid'))
          writer = await ArrowParquetWriter.create(copy, piece.schema.fields);
      }
      assertArrowLayout(piece);
      if (writer) await writer.write(batch);
      else await appendArrow(native.connection, table, piece, first);
      kept?.add(batch);
      first = false;
    }
    if (first) throw new Error('no record batches');
    const view = writer !== undefined;
    if (writer) {
      const done = writer;
      writer = undefined;
      await done.close();
      await native.connection.run(
        `CREATE VIEW ${ident(table)} AS SELECT *, file_row_number AS rowid FROM read_parquet(${literal(copy)})`,
      );
    }
    const arrow = kept?.finish();
    return { metadata, ...(arrow ? { arrow } : {}), ...(view ? { view } : {}) };
  } finally {
    await writer?.abandon();
    await handle?.close();
  }
}

/** Reads a large file natively (see readLarge), then refuses identifier columns in SQL as loadFile does. */
async function loadLarge(
  native: NativeDatabase,
  file: string,
  table: string,
  allowPlainName: boolean,
  keep: boolean,
): Promise<DataResult<LoadedTable>> {
  const fileName = path.basename(file);
  const handle = await open(file);
  const head = new Uint8Array(HEAD_BYTES);
  const headLength = await handle
    .read(head, 0, HEAD_BYTES, 0)
    .then((r) => r.bytesRead)
    .finally(() => handle.close());
  const format = detectFormat(fileName, head.subarray(0, headLength));
  // The data layer's own refusal of an unknown format (it needs only the first bytes).
  if (!format) return loadFile(native.port, { fileName, bytes: head.subarray(0, headLength), table });
  const db = native.port;
  await dropRelation(db, table);
  const hashing = fileSha256(file);
  let metadata: Record<string, string>;
  let arrow: Table | undefined;
  let view = false;
  try {
    const read = await readLarge(native, file, fileName, format, head.subarray(0, headLength), table, keep);
    if (read.issue) {
      await dropRelation(db, table);
      await hashing.catch(() => undefined);
      return { ok: false, issues: [read.issue] };
    }
    metadata = read.metadata;
    arrow = read.arrow;
    view = read.view ?? false;
  } catch (e) {
    await dropRelation(db, table);
    await hashing.catch(() => undefined);
    const why = reason(e).replaceAll(file, fileName).replaceAll(`"${table}"`, `"${fileName}"`);
    return { ok: false, issues: [unreadableIssue(fileName, format, why)] };
  }
  const [{ n }] = await rowsOf(db, `SELECT count(*)::DOUBLE AS n FROM ${ident(table)}`);
  // A view's rowid column is the row number it adds, not one of the file's columns.
  const columns = (await describeTable(db, table)).filter((c) => !view || c.name !== 'rowid');
  const refused = await scanIdentifiers(db, table, fileName, { allowPlainName, columns });
  if (refused.length > 0) {
    await dropRelation(db, table);
    await hashing.catch(() => undefined);
    return { ok: false, issues: refused };
  }
  return {
    ok: true,
    value: {
      table,
      fileName,
      format,
      rows: Number(n),
      columns,
      metadata,
      ...(arrow?.numRows === Number(n) ? { arrow } : {}),
      digest: await hashing,
    },
    issues: [],
  };
}

/**
 * A dataset file for importDataset, read by native DuckDB: whole through loadFile up to `inMemoryBelow` bytes (the
 * Arrow hand-off of small Arrow and Parquet files included), from its path beyond. A large Arrow file keeps the
 * columns the hand-off can take directly unless `keepColumns` is false (validation only: no hand-off follows).
 */
export function nativeFileReader(
  native: NativeDatabase,
  file: string,
  inMemoryBelow = IN_MEMORY_FILE_BYTES,
  keepColumns = true,
): DatasetFileReader {
  const fileName = path.basename(file);
  return {
    fileName,
    async read(db, table, allowPlainName) {
      const size = (await stat(file)).size;
      if (size > inMemoryBelow) return loadLarge(native, file, table, allowPlainName, keepColumns);
      const bytes = await readFile(file);
      return loadFile(db, {
        fileName,
        bytes,
        table,
        allowPlainName,
        digest: async (b) => sha256Hex(b),
      });
    },
  };
}
