// The native DuckDB port: query results gathered into one contiguous column each (small ones in ordinary memory, large
// ones shared), and its temporary folders (one left by a killed process is removed by the next open; a running one stays).
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openNativeDatabase, queryArrow, removeOrphanedTempFolders } from './native-port.ts';

/** The pid of a process killed with SIGKILL (it no longer exists when this resolves). */
async function killedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const pid = child.pid!;
  await new Promise<void>((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
  return pid;
}

describe('native DuckDB temporary folders', () => {
  it('records their owner, removes those of killed processes and keeps running and unowned ones', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'native-port-test-'));
    try {
      const orphan = path.join(parent, 'safetynet-duckdb-killed');
      mkdirSync(path.join(orphan, 'spill'), { recursive: true });
      writeFileSync(path.join(orphan, 'owner.pid'), String(await killedPid()));
      writeFileSync(path.join(orphan, 'households.parquet'), new Uint8Array(1024));
      const running = path.join(parent, 'safetynet-duckdb-running');
      mkdirSync(running);
      writeFileSync(path.join(running, 'owner.pid'), String(process.ppid));
      const unowned = path.join(parent, 'safetynet-duckdb-unowned');
      mkdirSync(unowned);
      const other = path.join(parent, 'someone-else');
      mkdirSync(other);
      writeFileSync(path.join(other, 'owner.pid'), '999999999');

      const db = await openNativeDatabase({ tempParent: parent, threads: 1 });
      try {
        expect(existsSync(orphan)).toBe(false);
        expect(existsSync(running)).toBe(true);
        expect(existsSync(unowned)).toBe(true);
        expect(existsSync(other)).toBe(true);
        expect(readFileSync(path.join(db.dir, 'owner.pid'), 'utf8')).toBe(String(process.pid));
        // Its own folder is never taken for an orphan while it runs.
        expect(removeOrphanedTempFolders(parent)).toEqual([]);
        expect(existsSync(db.dir)).toBe(true);
      } finally {
        db.close();
      }
      expect(readdirSync(parent).sort()).toEqual([
        'safetynet-duckdb-running',
        'safetynet-duckdb-unowned',
        'someone-else',
      ]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('native DuckDB query results', () => {
  it('gathers one chunk, several growing blocks and more than a million rows whole, nulls in place', async () => {
    const db = await openNativeDatabase({ threads: 1 });
    try {
      // 1 row (one block), 9,000 rows (blocks of 2,048, 4,096 and 8,192 rows) and 1,100,000 rows (past the
      // largest block: the column lands in shared memory for the engine's workers).
      for (const rows of [1, 9000, 1_100_000]) {
        const table = await queryArrow(
          db.connection,
          `SELECT i::DOUBLE * 0.5 AS x, CASE WHEN i % 1000 = 7 THEN NULL ELSE i::INTEGER END AS n
           FROM range(${rows}) t(i) ORDER BY i`,
        );
        expect(table.numRows).toBe(rows);
        const x = table.getChild('x')!;
        const n = table.getChild('n')!;
        expect(x.data).toHaveLength(1);
        const values = x.data[0].values as Float64Array;
        expect(values.length).toBe(rows);
        expect(values.buffer instanceof SharedArrayBuffer).toBe(rows >= 1 << 20);
        for (const i of [0, 2047, 2048, 6143, 6144, rows - 1].filter((r) => r < rows)) {
          expect(x.get(i), `row ${i}`).toBe(i * 0.5);
          expect(n.get(i), `row ${i}`).toBe(i % 1000 === 7 ? null : i);
        }
        expect(n.nullCount).toBe(Math.floor((rows + 992) / 1000));
      }
    } finally {
      db.close();
    }
  });
});
