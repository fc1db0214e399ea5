// The native DuckDB port: its temporary folders (one left by a killed process is removed by the next open; a running one
// stays) and its results gathered into one buffer per column, sized to the result.
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

describe('native DuckDB results', () => {
  it('gathers each numeric column into one buffer the size of the result, shared from a million rows', async () => {
    const db = await openNativeDatabase({ threads: 1 });
    try {
      // One row of many columns (a validation count) holds a few bytes per column, not a preallocated block.
      const columns = Array.from({ length: 100 }, (_, i) => `${i}::DOUBLE AS c${i}`).join(', ');
      const one = await queryArrow(db.connection, `SELECT ${columns}`);
      expect(one.numRows).toBe(1);
      for (let i = 0; i < 100; i++) {
        const data = one.getChild(`c${i}`)!.data;
        expect(data).toHaveLength(1);
        expect((data[0].values as Float64Array).buffer.byteLength).toBe(8);
        expect(one.getChild(`c${i}`)!.get(0)).toBe(i);
      }
      // Several chunks with nulls: every value in order, in one plain buffer of exactly that many rows.
      const n = 5000;
      const some = await queryArrow(
        db.connection,
        `SELECT CASE WHEN range % 7 = 3 THEN NULL ELSE range * 2 END::INTEGER AS v FROM range(${n})`,
      );
      const v = some.getChild('v')!;
      expect(v.data).toHaveLength(1);
      expect(v.data[0].values.buffer).toBeInstanceOf(ArrayBuffer);
      expect(v.data[0].values.buffer.byteLength).toBe(n * 4);
      expect(Array.from(v.toArray() as Int32Array).length).toBe(n);
      for (let i = 0; i < n; i++) expect(v.get(i)).toBe(i % 7 === 3 ? null : i * 2);
      // A million rows and more land in shared memory (the engine's workers read them without a copy).
      const big = await queryArrow(db.connection, `SELECT range::DOUBLE AS x FROM range(${(1 << 20) + 3})`);
      const x = big.getChild('x')!;
      expect(x.data[0].values.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(x.length).toBe((1 << 20) + 3);
      expect([x.get(0), x.get(2047), x.get(2048), x.get(1 << 20), x.get((1 << 20) + 2)]).toEqual([
        0,
        2047,
        2048,
        1 << 20,
        (1 << 20) + 2,
      ]);
    } finally {
      db.close();
    }
  });
});
