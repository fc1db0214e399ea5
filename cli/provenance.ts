// Provenance of a run: versions, input hashes, scenario, seed and mode, suppression threshold and a timestamp.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** SHA-256 of bytes as lowercase hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One input file with its content hash. */
export interface FileHash {
  file: string;
  sha256: string;
  bytes: number;
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

/** What `provenance.json` in every run folder records. Only `timestamp` varies between identical runs. */
export interface Provenance {
  tool: 'safetynet';
  appVersion: string;
  engineVersion: string;
  command: string;
  mode: 'ev' | 'mc';
  seed: number;
  replications: number;
  years: number;
  suppressionMinCell: number;
  datasetFiles: FileHash[];
  scenario: unknown;
  scenarioSha256: string;
  outputs: FileHash[];
  timestamp: string;
}
