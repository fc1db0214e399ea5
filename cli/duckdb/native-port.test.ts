// The native DuckDB's temporary folders: one left by a killed process is removed by the next open; a running one stays.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openNativeDatabase, removeOrphanedTempFolders } from './native-port.ts';

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
