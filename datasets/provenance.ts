// The provenance record every output carries (CLI result folders and every export of the app): versions, dataset
// hashes, scenario, seed and mode, suppression threshold, time. One definition, so one reader serves both and the same
// scenario always has the same hash.

/** SHA-256 of UTF-8 text or bytes as lowercase hex (Web Crypto: the same in the browser, Electron and Node). */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** One file and its content hash. */
export interface FileHash {
  file: string;
  sha256: string;
  bytes: number;
}

/** What every output records. Only `timestamp` differs between two outputs of the same state. */
export interface Provenance {
  tool: 'safetynet';
  appVersion: string;
  engineVersion: string;
  /** What wrote it: `export:<format>` in the workbench, the command name in the CLI. */
  command: string;
  mode: 'ev' | 'mc';
  seed: number;
  replications: number;
  years: number;
  suppressionMinCell: number;
  datasetFiles: FileHash[];
  /** True when the dataset is the synthetic demo (labelled so in every output). */
  synthetic: boolean;
  scenario: unknown;
  /** SHA-256 of `canonicalJson(scenario)`. */
  scenarioSha256: string;
  outputs: FileHash[];
  timestamp: string;
}

/** JSON with object keys sorted at every depth: equal values always give equal text (and equal hashes). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const record: Record<string, unknown> = {};
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key, item] of entries) if (item !== undefined) record[key] = sortKeys(item);
    return record;
  }
  return value;
}
