// Provenance of a run: versions, input hashes, scenario, seed and mode, suppression threshold and a timestamp.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileHash } from '../datasets/provenance.ts';

export type { FileHash, Provenance } from '../datasets/provenance.ts';

/** SHA-256 of bytes as lowercase hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Hashes files (reads each once); names are kept as given, relative paths stay relative. */
export async function hashFiles(files: readonly string[]): Promise<FileHash[]> {
  const out: FileHash[] = [];
  for (const file of files) {
    const bytes = await readFile(file);
    out.push({ file: path.basename(file), sha256: sha256Hex(bytes), bytes: bytes.byteLength });
  }
  return out;
}
