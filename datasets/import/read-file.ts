// Reads a user's file (Arrow IPC file or stream, Parquet, CSV) into a DuckDB table, refuses identifier columns before
// anything is kept, and reports row count, columns and Arrow metadata. Bad or truncated files become issues, not crashes.

import { DataType, Precision, tableFromIPC } from 'apache-arrow';
import type { Table as ArrowTable } from 'apache-arrow';
import type { DataIssue, DataResult } from './issues.ts';
import { describeTable, dropRelation, exec, ident, literal, rowsOf } from './duckdb-port.ts';
import type { DuckDbPort } from './duckdb-port.ts';
import { assertArrowLayout, insertArrowTable } from './arrow-insert.ts';
import { scanArrowIdentifiers, scanIdentifiers } from './identifiers.ts';
import { parquetRowCount, parquetToArrow } from './parquet.ts';
import { collidingHeaders, csvHeaderFields } from './headers.ts';

/** File formats the import reads. */
export type FileFormat = 'arrow-file' | 'arrow-stream' | 'parquet' | 'csv';

/** A file loaded into DuckDB. */
export interface LoadedTable {
  /** DuckDB table name holding the raw (unmapped) rows. */
  table: string;
  fileName: string;
  format: FileFormat;
  rows: number;
  columns: { name: string; type: string }[];
  /** Arrow schema metadata (e.g. `synthetic=true`), empty for Parquet and CSV. */
  metadata: Record<string, string>;
  /**
   * The decoded Arrow table (Arrow and Parquet inputs), same rows in the same order as the DuckDB table; the hand-off
   * takes already-typed columns from it instead of copying them back out of DuckDB.
   */
  arrow?: ArrowTable;
  /** The file's content hash from {@link LoadOptions.digest}, when one was asked for. */
  digest?: string;
}

/** Import progress stages reported to the caller (for a progress indicator). */
export type ImportStage = 'reading' | 'checking-identifiers' | 'done';

/** Options for {@link loadFile}. */
export interface LoadOptions {
  fileName: string;
  bytes: Uint8Array;
  /** Target DuckDB table for the raw rows (replaced if it exists). */
  table: string;
  /** Force a format instead of detecting it. */
  format?: FileFormat;
  /** Regions tables may have a plain `name` column (region names, not personal names). */
  allowPlainName?: boolean;
  onProgress?: (stage: ImportStage, rows?: number) => void;
  signal?: AbortSignal;
  /** Most rows the caller can hold: a larger file is refused before DuckDB reads it (counted from the Arrow or
   * Parquet metadata, or from the CSV's line breaks). */
  maxRows?: number;
  /**
   * A content hash of the file (e.g. SHA-256 through Web Crypto), computed while DuckDB reads it: it is called once
   * DuckDB has been handed its copy, and its result becomes `LoadedTable.digest`. (The caller's `bytes` are never handed
   * to DuckDB, so they can also be hashed later.)
   */
  digest?: (bytes: Uint8Array) => Promise<string>;
}

const startsWith = (bytes: Uint8Array, text: string): boolean => {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
};

/** Detect a file's format from its first bytes, falling back to its extension. */
export function detectFormat(fileName: string, bytes: Uint8Array): FileFormat | undefined {
  if (startsWith(bytes, 'ARROW1')) return 'arrow-file';
  if (startsWith(bytes, 'PAR1')) return 'parquet';
  if (bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff)
    return 'arrow-stream';
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'arrows') return 'arrow-stream';
  if (ext === 'arrow' || ext === 'feather' || ext === 'ipc') return 'arrow-file';
  if (ext === 'parquet' || ext === 'pq') return 'parquet';
  return undefined;
}

/**
 * CSV bytes as UTF-8 (GB18030/GBK files, common in Chinese extracts, are re-encoded) and the delimiter, taken as the
 * most frequent of comma, tab, semicolon and bar in the header line, so a malformed row cannot fool a sniffer.
 */
export function csvAsUtf8(bytes: Uint8Array): { bytes: Uint8Array; delimiter: string } {
  let text: string | undefined;
  let out = bytes;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.min(bytes.length, 65536)));
  } catch {
    text = undefined;
  }
  if (text === undefined || (bytes.length > 65536 && !isUtf8(bytes))) {
    const decoded = new TextDecoder('gb18030').decode(bytes);
    out = new TextEncoder().encode(decoded);
    text = decoded.slice(0, 65536);
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  let delimiter = ',';
  let best = -1;
  for (const d of [',', '\t', ';', '|']) {
    const n = header.split(d).length - 1;
    if (n > best) {
      best = n;
      delimiter = d;
    }
  }
  return { bytes: out, delimiter };
}

/** Longest CSV line the import reads (bytes); a longer one is a broken export, not data. */
export const MAX_CSV_LINE_BYTES = 1_000_000;
/** Most columns a households or regions file can sensibly have. */
export const MAX_COLUMNS = 2_000;

/** A clear refusal for a CSV whose header is absurdly wide or which has an absurdly long line, before DuckDB reads it. */
export function csvShapeIssue(fileName: string, bytes: Uint8Array, delimiter: string): DataIssue | undefined {
  const code = delimiter.charCodeAt(0);
  let columns = 1;
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const end = i === bytes.length || bytes[i] === 10;
    if (line === 1 && !end && bytes[i] === code) columns++;
    if (!end) continue;
    if (line === 1 && columns > MAX_COLUMNS) {
      return fileIssue(
        fileName,
        'too_many_columns',
        `文件“${fileName}”的表头有 ${columns.toLocaleString()} 列，超过上限 ${MAX_COLUMNS.toLocaleString()} 列：这不是家庭表或地区表。`,
        `The header of "${fileName}" has ${columns.toLocaleString()} columns, over the limit of ${MAX_COLUMNS.toLocaleString()}: this is not a households or regions table.`,
      );
    }
    if (i - start > MAX_CSV_LINE_BYTES) {
      return fileIssue(
        fileName,
        'line_too_long',
        `文件“${fileName}”第 ${line} 行超过 ${MAX_CSV_LINE_BYTES.toLocaleString()} 字节：可能是引号不配对或导出错误，请检查该行。`,
        `Line ${line} of "${fileName}" is longer than ${MAX_CSV_LINE_BYTES.toLocaleString()} bytes: probably an unmatched quote or a broken export; check that line.`,
      );
    }
    line++;
    start = i + 1;
  }
  return undefined;
}

/** True if the whole buffer is valid UTF-8. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export const fileIssue = (fileName: string, rule: string, zh: string, en: string): DataIssue => ({
  rule,
  severity: 'error',
  table: fileName,
  count: 0,
  examples: [],
  message: { zh, en },
});

/** The refusal of a file with more rows than fit, saying what does. */
const tooManyRows = (fileName: string, rows: number, maxRows: number): DataIssue => ({
  ...fileIssue(
    fileName,
    'too_many_rows',
    `文件“${fileName}”约有 ${rows.toLocaleString()} 行，超过可载入的 ${maxRows.toLocaleString()} 行；请抽样（保留权重）或按地区拆分后再导入。`,
    `"${fileName}" has about ${rows.toLocaleString()} rows, more than the ${maxRows.toLocaleString()} that fit; sample it (keeping weights) or split it by region and import again.`,
  ),
  count: rows,
});

/** Line breaks in bytes, less the header: an upper bound on a CSV's rows, counted without parsing. */
function csvRowBound(bytes: Uint8Array): number {
  let lines = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lines++;
  const last = bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? 1 : 0;
  return Math.max(0, lines + last - 1);
}

export const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300);

/** The refusal of a file whose headers collide after trimming, case folding or full-width normalisation. */
export function headerCollisionIssue(fileName: string, names: readonly string[]): DataIssue | undefined {
  const pairs = collidingHeaders(names);
  if (pairs.length === 0) return undefined;
  const listZh = pairs.map((p) => `第 ${p.first + 1} 列“${names[p.first]}”与第 ${p.second + 1} 列“${names[p.second]}”`);
  const listEn = pairs.map(
    (p) => `column ${p.first + 1} "${names[p.first]}" and column ${p.second + 1} "${names[p.second]}"`,
  );
  return fileIssue(
    fileName,
    'header_collision',
    `文件“${fileName}”的列名去掉空格、忽略大小写和全角半角后相同：${listZh.join('；')}。无法确定该用哪一列，请重命名或删除其中一列。`,
    `"${fileName}" has column names that are the same once spaces, case and full-width forms are ignored: ${listEn.join('; ')}. Which one to use cannot be known; rename or remove one of them.`,
  );
}

/** UTF-16 text of ASCII characters without a BOM: every other byte is NUL and the bytes between are not. */
function looksUtf16WithoutBom(head: Uint8Array): boolean {
  if (head.length < 8) return false;
  const half = head.length >> 1;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) zeroEven++;
    if (head[i + 1] === 0) zeroOdd++;
  }
  return (zeroOdd >= half * 0.75 && zeroEven === 0) || (zeroEven >= half * 0.75 && zeroOdd === 0);
}

/** A CSV whose encoding or line ends the reader cannot take, with the reason named (instead of a misleading parse error). */
export function csvEncodingIssue(fileName: string, bytes: Uint8Array): DataIssue | undefined {
  const utf16 =
    (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) ||
    looksUtf16WithoutBom(bytes.subarray(0, 64));
  if (utf16) {
    return fileIssue(
      fileName,
      'unsupported_encoding',
      `文件“${fileName}”是 UTF-16 编码（Excel 的“Unicode 文本”）：请另存为“CSV UTF-8（逗号分隔）”后再导入。`,
      `"${fileName}" is encoded as UTF-16 (Excel's "Unicode Text"): save it as "CSV UTF-8 (Comma delimited)" and import again.`,
    );
  }
  if (bytes.indexOf(10) < 0 && bytes.indexOf(13) >= 0) {
    return fileIssue(
      fileName,
      'cr_line_ends',
      `文件“${fileName}”只用回车符（CR，旧版 Mac 格式）分行：请另存为以 LF 或 CRLF 分行的 CSV 后再导入。`,
      `"${fileName}" ends its lines with a carriage return only (CR, old Mac format): save it with LF or CRLF line ends and import again.`,
    );
  }
  return undefined;
}

/** Columns of types the import cannot hold faithfully (half-precision floats), refused with their names. */
export function unsupportedArrowTypes(fileName: string, arrow: ArrowTable): DataIssue | undefined {
  const half = arrow.schema.fields.filter((f) => DataType.isFloat(f.type) && f.type.precision === Precision.HALF);
  if (half.length === 0) return undefined;
  const names = half.map((f) => `"${f.name}"`).join(', ');
  return fileIssue(
    fileName,
    'unsupported_type',
    `文件“${fileName}”的列 ${names} 是半精度浮点数（Float16），无法准确读取：请以 Float32 或 Float64 保存后再导入。`,
    `Column ${names} of "${fileName}" holds half-precision floats (Float16), which cannot be read faithfully: save it as Float32 or Float64 and import again.`,
  );
}

/** The refusal of a file DuckDB or Arrow could not read, with the reader's first line of explanation. */
export const unreadableIssue = (fileName: string, format: FileFormat, why: string): DataIssue =>
  fileIssue(
    fileName,
    'unreadable_file',
    `无法读取文件“${fileName}”（${format}）：文件可能已损坏或被截断。详情：${why}`,
    `Cannot read "${fileName}" (${format}): the file may be corrupt or truncated. Details: ${why}`,
  );

/** Load a file into DuckDB table `options.table`; on identifier columns or unreadable data, nothing is kept. */
export async function loadFile(db: DuckDbPort, options: LoadOptions): Promise<DataResult<LoadedTable>> {
  const { fileName, bytes, table } = options;
  if (bytes.length === 0) {
    return {
      ok: false,
      issues: [
        fileIssue(
          fileName,
          'empty_file',
          `文件“${fileName}”是空的（0 字节）：请检查导出是否完成。`,
          `"${fileName}" is empty (0 bytes): check that the export finished.`,
        ),
      ],
    };
  }
  const format = options.format ?? detectFormat(fileName, bytes);
  if (!format) {
    return {
      ok: false,
      issues: [
        fileIssue(
          fileName,
          'unknown_format',
          `无法识别文件“${fileName}”的格式：请使用 Arrow IPC（.arrow）、Parquet 或 CSV。`,
          `Cannot tell the format of "${fileName}": use Arrow IPC (.arrow), Parquet or CSV.`,
        ),
      ],
    };
  }
  const cancelled = (): DataResult<LoadedTable> => ({
    ok: false,
    issues: [
      fileIssue(
        fileName,
        'cancelled',
        `已取消导入“${fileName}”，数据未保留。`,
        `Import of "${fileName}" cancelled; nothing was kept.`,
      ),
    ],
  });
  options.onProgress?.('reading');
  await dropRelation(db, table);
  const unreadable = async (e: unknown): Promise<DataResult<LoadedTable>> => {
    await exec(db, `DROP TABLE IF EXISTS ${ident(table)}`);
    // DuckDB names its temporary file and table; the user knows only their file.
    const why = reason(e).replaceAll(tempFile(table), fileName).replaceAll(`"${table}"`, `"${fileName}"`);
    return { ok: false, issues: [unreadableIssue(fileName, format, why)] };
  };
  let metadata: Record<string, string> = {};
  let arrow: ArrowTable | undefined;
  let digest: string | undefined;
  /** Columns whose values were already judged on the decoded Arrow table. */
  let valuesChecked: ReadonlySet<string> | undefined;
  try {
    if (format === 'csv') {
      const encoding = csvEncodingIssue(fileName, bytes);
      if (encoding) return { ok: false, issues: [encoding] };
      const csv = csvAsUtf8(bytes);
      const shape = csvShapeIssue(fileName, csv.bytes, csv.delimiter);
      if (shape) return { ok: false, issues: [shape] };
      const headerText = new TextDecoder().decode(
        csv.bytes.subarray(0, Math.min(csv.bytes.length, MAX_CSV_LINE_BYTES)),
      );
      const collision = headerCollisionIssue(fileName, csvHeaderFields(headerText, csv.delimiter));
      if (collision) return { ok: false, issues: [collision] };
      const rows = csvRowBound(csv.bytes);
      if (options.maxRows !== undefined && rows > options.maxRows) {
        return { ok: false, issues: [tooManyRows(fileName, rows, options.maxRows)] };
      }
      // DuckDB gets its own copy: the browser client transfers the buffer it is given, and the caller keeps its bytes.
      const registering = db.registerFileBuffer(tempFile(table), csv.bytes === bytes ? bytes.slice() : csv.bytes);
      const digesting = options.digest?.(bytes);
      await registering;
      const reader = `read_csv(${literal(tempFile(table))}, header = true, all_varchar = true, delim = ${literal(csv.delimiter)}, quote = '"', escape = '"', strict_mode = true, null_padding = false)`;
      try {
        await exec(db, `CREATE TABLE ${ident(table)} AS SELECT * FROM ${reader}`);
      } finally {
        await db.dropFile(tempFile(table));
      }
      digest = await digesting;
    } else {
      if (format === 'parquet') {
        const rows = parquetRowCount(bytes);
        if (options.maxRows !== undefined && rows > options.maxRows) {
          return { ok: false, issues: [tooManyRows(fileName, rows, options.maxRows)] };
        }
        arrow = await parquetToArrow(bytes);
      } else {
        arrow = tableFromIPC(bytes);
        if (arrow.schema.fields.length === 0) throw new Error('no columns');
        if (options.maxRows !== undefined && arrow.numRows > options.maxRows) {
          return { ok: false, issues: [tooManyRows(fileName, arrow.numRows, options.maxRows)] };
        }
        metadata = Object.fromEntries(arrow.schema.metadata);
      }
      assertArrowLayout(arrow);
      const refusal =
        headerCollisionIssue(
          fileName,
          arrow.schema.fields.map((f) => f.name),
        ) ?? unsupportedArrowTypes(fileName, arrow);
      if (refusal) return { ok: false, issues: [refusal] };
      // Identifiers are judged on the decoded table first: a refused file never reaches DuckDB.
      options.onProgress?.('checking-identifiers', arrow.numRows);
      const scan = scanArrowIdentifiers(arrow, fileName, { allowPlainName: options.allowPlainName });
      if (scan.issues.length > 0) return { ok: false, issues: scan.issues };
      if (options.signal?.aborted) return cancelled();
      valuesChecked = scan.valuesChecked;
      // The pieces are handed to DuckDB before this returns; the hash is computed while DuckDB inserts them.
      const inserting = insertArrowTable(db, table, arrow);
      const digesting = options.digest?.(bytes);
      const [inserted, hashed] = await Promise.allSettled([inserting, digesting]);
      if (inserted.status === 'rejected') throw inserted.reason;
      if (hashed.status === 'rejected') throw hashed.reason;
      digest = hashed.value;
      const [{ n }] = await rowsOf(db, `SELECT count(*)::DOUBLE AS n FROM ${ident(table)}`);
      if (Number(n) !== arrow.numRows) throw new Error(`row count mismatch (${String(n)} vs ${arrow.numRows})`);
    }
  } catch (e) {
    return unreadable(e);
  }
  if (options.signal?.aborted) {
    await exec(db, `DROP TABLE IF EXISTS ${ident(table)}`);
    return cancelled();
  }
  const rows = arrow
    ? arrow.numRows
    : Number((await rowsOf(db, `SELECT count(*)::DOUBLE AS n FROM ${ident(table)}`))[0].n);
  if (!arrow) options.onProgress?.('checking-identifiers', rows);
  const columns = await describeTable(db, table);
  const refused = await scanIdentifiers(db, table, fileName, {
    allowPlainName: options.allowPlainName,
    valuesChecked,
    columns,
  });
  if (refused.length > 0 || options.signal?.aborted) {
    await exec(db, `DROP TABLE IF EXISTS ${ident(table)}`);
    return refused.length > 0 ? { ok: false, issues: refused } : cancelled();
  }
  options.onProgress?.('done', rows);
  return {
    ok: true,
    value: {
      table,
      fileName,
      format,
      rows,
      columns,
      metadata,
      ...(arrow ? { arrow } : {}),
      ...(digest !== undefined ? { digest } : {}),
    },
    issues: [],
  };
}

/** Name under which a CSV file is registered with DuckDB while it is read into `table`. */
const tempFile = (table: string): string => `${table}__import.csv`;
