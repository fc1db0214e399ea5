// Large-table writers: Arrow written record batch by record batch and CSV block by block give the same rows (Arrow)
// and the very same bytes (CSV) as the whole-table writers; generate's streamed Arrow file and its SHA-256.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowPieces, tableToArrow } from './arrow.ts';
import { ArrowFileSink } from './arrow-file-sink.ts';
import type { ColumnTable } from './column-table.ts';
import { csvPieces, tableToCsv } from './csv.ts';

const TABLE: ColumnTable = {
  name: 'households',
  columns: {
    row: Uint32Array.from({ length: 11 }, (_, i) => i + 1),
    status: Uint8Array.from({ length: 11 }, (_, i) => i % 3),
    benefit_total: Float64Array.from({ length: 11 }, (_, i) => i * 1234.5),
    region: Array.from({ length: 11 }, (_, i) => (i % 2 ? '云南, "滇"' : '11')),
  },
};

const joined = (pieces: Iterable<Uint8Array>): Uint8Array => Buffer.concat([...pieces]);

describe('streaming writers', () => {
  it('writes CSV in blocks of rows with exactly the bytes of the whole-table writer', () => {
    for (const rows of [1, 3, 11, 100]) {
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(joined(csvPieces(TABLE, rows))), `rows ${rows}`).toBe(
        tableToCsv(TABLE),
      );
    }
  });

  it('writes Arrow record batch by record batch into a file that reads back as the same table', () => {
    const pieces = [...arrowPieces(TABLE, 4, { synthetic: 'true' })];
    expect(pieces.length).toBeGreaterThan(3);
    const back = tableFromIPC(joined(pieces));
    expect(back.batches.length).toBe(3);
    expect(back.schema.metadata.get('synthetic')).toBe('true');
    for (const name of Object.keys(TABLE.columns)) {
      expect(back.getChild(name)?.toArray(), name).toEqual(tableToArrow(TABLE).getChild(name)?.toArray());
    }
  });

  it('writes an Arrow file to disk batch by batch and reports its true size and SHA-256', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'arrow-sink-'));
    try {
      const table = tableToArrow(TABLE);
      const target = path.join(dir, 'households.arrow');
      const sink = new ArrowFileSink(target, table.schema);
      for (const batch of table.batches) sink.write(batch, 5);
      const written = sink.finish();
      const bytes = readFileSync(target);
      expect(written.bytes).toBe(bytes.byteLength);
      expect(written.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      const back = tableFromIPC(bytes);
      expect(back.numRows).toBe(11);
      expect(back.batches.length).toBe(3);
      expect(Array.from(back.getChild('benefit_total')?.toArray() ?? [])).toEqual(
        Array.from(TABLE.columns.benefit_total as Float64Array),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
