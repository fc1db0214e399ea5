// Provenance of a run: versions, input hashes, scenario, seed and mode, suppression threshold and a timestamp.
import { createHash } from 'node:crypto';

export type { FileHash, Provenance } from '../datasets/index.ts';

/** SHA-256 of bytes as lowercase hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
