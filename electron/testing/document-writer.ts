// Child process for the kill-mid-save tests. Saves ever newer versions of a large document through DocumentStore and
// prints `saved <n>` after each completed save. Two modes:
// - `loop`: saves until the parent kills it (a real SIGKILL at an arbitrary moment);
// - `<phase>`: on save 3 it SIGKILLs itself at a chosen point inside the save, so every phase is hit on every run:
//   `mid-write` (half the bytes written), `rename-1` / `rename-2` (before the first / second rename of that save),
//   `after-renames` (after both renames, before the folder fsync).
// Usage: document-writer.ts <dir> <payload bytes> <loop | phase>
import type { FileHandle } from 'node:fs/promises';
import type * as FsPromises from 'node:fs/promises';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const fsp: typeof FsPromises = require('node:fs/promises');
const [dir, sizeText, mode] = process.argv.slice(2);
const killSave = 3;
let version = 0;
let renames = 0;

/** Dies at once, as a crash or power cut would. */
function die(): never {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
}

/** Writes the first half of `data` through `write`, then dies: a torn write. */
async function tornWrite(write: (half: Uint8Array) => Promise<unknown>, data: Uint8Array | string): Promise<never> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  await write(bytes.subarray(0, Math.floor(bytes.length / 2)));
  return die();
}

if (mode !== 'loop') {
  const probe = await fsp.open(process.execPath, 'r');
  const handlePrototype = Object.getPrototypeOf(probe) as {
    writeFile: (this: FileHandle, data: Uint8Array | string) => Promise<void>;
  };
  await probe.close();
  const handleWriteFile = handlePrototype.writeFile;
  handlePrototype.writeFile = function (data) {
    if (mode === 'mid-write' && version === killSave) return tornWrite((half) => this.write(half), data);
    return handleWriteFile.call(this, data);
  };
  const pathWriteFile = fsp.writeFile;
  fsp.writeFile = ((file: string, data: Uint8Array | string) => {
    if (mode === 'mid-write' && version === killSave) return tornWrite((half) => pathWriteFile(file, half), data);
    return pathWriteFile(file, data);
  }) as typeof fsp.writeFile;
  const rename = fsp.rename;
  fsp.rename = async (from, to) => {
    if (version === killSave) {
      renames += 1;
      if (mode === `rename-${renames}`) die();
    }
    await rename(from, to);
  };
  const open = fsp.open;
  fsp.open = (async (...args: Parameters<typeof fsp.open>) => {
    if (mode === 'after-renames' && version === killSave && renames >= 2) die();
    return open(...args);
  }) as typeof fsp.open;
  syncBuiltinESMExports();
}

const { DocumentStore } = await import('../documents/document-store.ts');
const store = new DocumentStore(dir);
const payload = 'x'.repeat(Number(sizeText));

for (version = 1; ; version += 1) {
  await store.save('workspace', { version, payload, checksum: version * 7 + payload.length });
  process.stdout.write(`saved ${version}\n`);
  if (mode !== 'loop' && version > killSave) {
    process.stdout.write(`phase ${mode} never reached\n`);
    process.exit(2);
  }
}
