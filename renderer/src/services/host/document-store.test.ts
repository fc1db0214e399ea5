// Tests of the atomic document store: round trip, previous version kept, recovery from corrupt or interrupted saves.
import { describe, expect, it } from 'vitest';
import { DocumentStore, documentKeys, encodeDocument, memoryStorage, DocumentStoreError } from './document-store.ts';

describe('DocumentStore', () => {
  it('returns null data for a document never saved, without a recovery flag', () => {
    const store = new DocumentStore(memoryStorage());
    expect(store.load('workspace')).toEqual({ data: null });
  });

  it('round-trips JSON and keeps the previous version under .bak', () => {
    const storage = memoryStorage();
    const store = new DocumentStore(storage);
    store.save('scenarios', { version: 1, items: ['a'] });
    store.save('scenarios', { version: 2, items: ['a', 'b'] });
    expect(store.load('scenarios')).toEqual({ data: { version: 2, items: ['a', 'b'] } });
    const keys = documentKeys('scenarios');
    expect(JSON.parse(storage.dump()[keys.previous]).data).toEqual({ version: 1, items: ['a'] });
    expect(storage.dump()[keys.temporary]).toBeUndefined();
  });

  it('falls back to the previous version when the current copy is corrupt, and says so', () => {
    const storage = memoryStorage();
    const store = new DocumentStore(storage);
    store.save('workspace', { screen: 'data' });
    store.save('workspace', { screen: 'sql' });
    storage.setItem(documentKeys('workspace').current, '{"format":"safetynet-document","version":1,"kind":"work');
    expect(store.load('workspace')).toEqual({ data: { screen: 'data' }, recovered: true });
  });

  it('detects a copy whose data was altered after saving (checksum mismatch)', () => {
    const storage = memoryStorage();
    const store = new DocumentStore(storage);
    store.save('settings', { minCell: 10 });
    store.save('settings', { minCell: 20 });
    const key = documentKeys('settings').current;
    storage.setItem(key, storage.getItem(key)!.replace('"minCell":20', '"minCell":99'));
    expect(store.load('settings')).toEqual({ data: { minCell: 10 }, recovered: true });
  });

  it('uses a complete temporary copy left by an interrupted first save', () => {
    const storage = memoryStorage();
    storage.setItem(documentKeys('mappings').temporary, encodeDocument('mappings', { saved: true }));
    expect(new DocumentStore(storage).load('mappings')).toEqual({ data: { saved: true }, recovered: true });
  });

  it('reports recovery with null data when every copy is unreadable', () => {
    const storage = memoryStorage();
    storage.setItem(documentKeys('workspace').current, 'not json');
    expect(new DocumentStore(storage).load('workspace')).toEqual({ data: null, recovered: true });
  });

  it('refuses a document of another kind stored under the key', () => {
    const storage = memoryStorage();
    storage.setItem(documentKeys('workspace').current, encodeDocument('settings', { x: 1 }));
    expect(new DocumentStore(storage).load('workspace').recovered).toBe(true);
  });

  it('keeps the current version when the storage throws mid-save (quota), with a bilingual error', () => {
    const inner = memoryStorage();
    const store = new DocumentStore(inner);
    store.save('scenarios', { n: 1 });
    let calls = 0;
    const failing = {
      getItem: inner.getItem,
      removeItem: inner.removeItem,
      setItem: (key: string, value: string) => {
        calls += 1;
        if (calls === 2) throw new Error('QuotaExceededError');
        inner.setItem(key, value);
      },
    };
    const broken = new DocumentStore(failing);
    expect(() => broken.save('scenarios', { n: 2 })).toThrow(DocumentStoreError);
    expect(new DocumentStore(inner).load('scenarios')).toEqual({ data: { n: 1 } });
  });

  it('refuses documents over the size limit before writing anything', () => {
    const storage = memoryStorage();
    const store = new DocumentStore(storage, 1000);
    expect(() => store.save('workspace', { big: 'x'.repeat(2000) })).toThrow(/too large/);
    expect(storage.dump()).toEqual({});
  });
});
