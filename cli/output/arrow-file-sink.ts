// Writes an Arrow IPC file record batch by record batch straight to disk (SHA-256 computed on the way), so a table of
// any size is written without ever being held whole in memory.
import { createHash } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { AsyncByteQueue, RecordBatchFileWriter } from 'apache-arrow';
import type { RecordBatch, Schema } from 'apache-arrow';

/** A byte queue for Arrow's writer that keeps each piece it is given for the caller to take (see arrowPieces). */
export class PieceSink extends AsyncByteQueue {
  private pieces: Uint8Array[] = [];
  override write(value: Uint8Array | ArrayBufferView | ArrayBuffer | string): void {
    this.pieces.push(asBytes(value));
  }
  /** The pieces written since the last call. */
  take(): Uint8Array[] {
    return this.pieces.splice(0);
  }
}

/** A piece written by Arrow's writer as bytes. */
function asBytes(value: Uint8Array | ArrayBufferView | ArrayBuffer | string): Uint8Array {
  return value instanceof Uint8Array
    ? value
    : typeof value === 'string'
      ? new TextEncoder().encode(value)
      : ArrayBuffer.isView(value)
        ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
        : new Uint8Array(value);
}

/** The byte queue Arrow's writer writes into, made to pass each piece to the file at once instead of queueing it. */
class FileSink extends AsyncByteQueue {
  bytes = 0;
  constructor(
    private readonly fd: number,
    private readonly hash: ReturnType<typeof createHash>,
  ) {
    super();
  }
  override write(value: Uint8Array | ArrayBufferView | ArrayBuffer | string): void {
    const piece = asBytes(value);
    for (let done = 0; done < piece.byteLength;) done += writeSync(this.fd, piece, done, piece.byteLength - done);
    this.hash.update(piece);
    this.bytes += piece.byteLength;
  }
}

/** An Arrow IPC file being written batch by batch to `target` (as `target.tmp`, renamed into place on finish). */
export class ArrowFileSink {
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  private readonly sink: FileSink;
  private readonly writer = new RecordBatchFileWriter();

  constructor(
    private readonly target: string,
    private readonly schema: Schema,
  ) {
    this.fd = openSync(`${target}.tmp`, 'w');
    this.sink = new FileSink(this.fd, this.hash);
    this.writer.reset(this.sink, schema);
  }

  /** Appends a batch's rows (written under the file's schema, so per-batch metadata never differs). */
  write(batch: RecordBatch, rowsPerBatch = 1 << 20): void {
    for (let start = 0; start < batch.numRows; start += rowsPerBatch) {
      const part = batch.slice(start, Math.min(batch.numRows, start + rowsPerBatch));
      this.writer.write(new (part.constructor as typeof RecordBatch)(this.schema, part.data));
    }
  }

  /** Writes the footer, closes the file and moves it into place; returns its size and SHA-256. */
  finish(): { bytes: number; sha256: string } {
    this.writer.finish();
    closeSync(this.fd);
    renameSync(`${this.target}.tmp`, this.target);
    return { bytes: this.sink.bytes, sha256: this.hash.digest('hex') };
  }

  /** Abandons the file (closed and removed). */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(`${this.target}.tmp`, { force: true });
  }
}
