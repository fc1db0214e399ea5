// Atomic JSON documents over a key-value storage (localStorage in the browser): each save writes the new version
// under a temporary key, keeps the current one as the previous version, then swaps; a load that finds the current
// copy unreadable falls back to the previous version and reports the recovery. Pure over the storage interface.
import type { DocumentKind, JsonValue, LoadedDocument } from '../../../../contract/host-api.ts';

/** The subset of the Web Storage API the store needs (localStorage satisfies it; tests pass an in-memory one). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A stored document: the data plus a checksum so a truncated or edited copy is detected, not trusted. */
interface Envelope {
  format: 'safetynet-document';
  version: 1;
  kind: DocumentKind;
  savedAt: string;
  checksum: string;
  data: JsonValue;
}

/** A document store failure the user can act on (storage full, unavailable), with a bilingual message. */
export class DocumentStoreError extends Error {
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(messageZh: string, messageEn: string) {
    super(`${messageZh} / ${messageEn}`);
    this.name = 'DocumentStoreError';
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

const PREFIX = 'safetynet:doc:';

/** Storage keys of a document: current, previous version and the temporary key used while swapping. */
export function documentKeys(kind: DocumentKind): { current: string; previous: string; temporary: string } {
  return { current: `${PREFIX}${kind}`, previous: `${PREFIX}${kind}.bak`, temporary: `${PREFIX}${kind}.tmp` };
}

/** FNV-1a 32-bit hash of a string, hex: cheap integrity check of the stored JSON text. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Serialises a document into its envelope text. */
export function encodeDocument(kind: DocumentKind, data: JsonValue, savedAt: Date = new Date()): string {
  const dataText = JSON.stringify(data);
  return `{"format":"safetynet-document","version":1,"kind":${JSON.stringify(kind)},"savedAt":${JSON.stringify(
    savedAt.toISOString(),
  )},"checksum":"${fnv1a(dataText)}","data":${dataText}}`;
}

/** Parses an envelope; returns the data, or null when the text is missing, unparseable, of another kind or altered. */
export function decodeDocument(kind: DocumentKind, text: string | null): { data: JsonValue } | null {
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const envelope = parsed as Partial<Envelope>;
  if (envelope.format !== 'safetynet-document' || envelope.version !== 1 || envelope.kind !== kind) return null;
  if (!('data' in envelope) || envelope.data === undefined) return null;
  if (fnv1a(JSON.stringify(envelope.data)) !== envelope.checksum) return null;
  return { data: envelope.data };
}

/** Atomic document store with one previous version per kind. */
export class DocumentStore {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly maxBytes: number = Number.POSITIVE_INFINITY,
  ) {}

  /** Loads a document: the current copy, else the previous version with `recovered: true`, else `data: null`. */
  load(kind: DocumentKind): LoadedDocument {
    const keys = documentKeys(kind);
    const currentText = this.storage.getItem(keys.current);
    const current = decodeDocument(kind, currentText);
    if (current) return { data: current.data };
    const temporary = decodeDocument(kind, this.storage.getItem(keys.temporary));
    const previous = decodeDocument(kind, this.storage.getItem(keys.previous));
    if (currentText === null && !previous && !temporary) return { data: null };
    // A complete temporary copy (its checksum matched) is the newest version: the swap was interrupted.
    if (temporary) return { data: temporary.data, recovered: true };
    if (previous) return { data: previous.data, recovered: true };
    return { data: null, recovered: true };
  }

  /** Saves a document atomically: temp write, current → previous, temp → current, temp removed. */
  save(kind: DocumentKind, data: JsonValue): void {
    const keys = documentKeys(kind);
    const text = encodeDocument(kind, data);
    if (text.length * 2 > this.maxBytes) {
      throw new DocumentStoreError(
        `文档“${kind}”过大（${Math.round(text.length / 1024)} KB），未保存`,
        `document "${kind}" is too large (${Math.round(text.length / 1024)} KB); not saved`,
      );
    }
    try {
      this.storage.setItem(keys.temporary, text);
      const current = this.storage.getItem(keys.current);
      if (current !== null && decodeDocument(kind, current)) this.storage.setItem(keys.previous, current);
      this.storage.setItem(keys.current, text);
      this.storage.removeItem(keys.temporary);
    } catch (error) {
      this.storage.removeItem(keys.temporary);
      const detail = error instanceof Error ? error.message : String(error);
      throw new DocumentStoreError(
        `无法保存文档“${kind}”（浏览器存储已满或不可用）：${detail}`,
        `could not save document "${kind}" (browser storage full or unavailable): ${detail}`,
      );
    }
  }
}

/** An in-memory KeyValueStorage (for tests and when the browser refuses localStorage). */
export function memoryStorage(): KeyValueStorage & { dump(): Record<string, string> } {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    dump: () => Object.fromEntries(map),
  };
}
