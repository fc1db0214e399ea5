// The non-reactive cache: Arrow tables, typed arrays and result columns live here keyed by id, never in a Zustand
// store (stores hold small serialisable state and the ids that point into this cache).

const entries = new Map<string, unknown>();
const listeners = new Set<(key: string) => void>();

/** Stores a large value under `key` (replacing any previous one) and notifies subscribers. */
export function cachePut<T>(key: string, value: T): void {
  entries.set(key, value);
  for (const listener of listeners) listener(key);
}

/** Reads a cached value; `undefined` when absent. The caller names the type it stored. */
export function cacheGet<T>(key: string): T | undefined {
  return entries.get(key) as T | undefined;
}

/** True when a value is cached under `key`. */
export function cacheHas(key: string): boolean {
  return entries.has(key);
}

/** Drops one key, or every key starting with `prefix` + ':' when `prefix` is given instead. */
export function cacheDelete(key: string, options: { prefix?: boolean } = {}): void {
  if (options.prefix) {
    for (const existing of [...entries.keys()])
      if (existing === key || existing.startsWith(`${key}:`)) entries.delete(existing);
  } else {
    entries.delete(key);
  }
  for (const listener of listeners) listener(key);
}

/** Subscribes to cache writes and deletions; returns the unsubscribe function. */
export function cacheSubscribe(listener: (key: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Cache keys used across features, so producers and consumers agree. */
export const CACHE_KEYS = {
  /** `HouseholdArrays` of a dataset (the main-thread copy is gone once transferred; kept only if retained). */
  households: (datasetId: string) => `dataset:${datasetId}:households`,
  /** `RegionArrays` of a dataset (small; kept on the main thread for labels and the engine hand-off). */
  regions: (datasetId: string) => `dataset:${datasetId}:regions`,
} as const;
