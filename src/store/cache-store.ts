// Caches of expensive results, used by the engine worker: processed datasets by
// the key of their sources, trained models by the dataset's content fingerprint.
// A reload finds both and skips the ETL and the training.
import { database, type CachedBlob } from './db';

type CacheStore = 'datasets' | 'models';

export async function getCached(store: CacheStore, key: string): Promise<Uint8Array | undefined> {
  const hit = await (await database()).get(store, key);
  return hit?.bytes;
}

export async function putCached(store: CacheStore, key: string, bytes: Uint8Array): Promise<void> {
  const value: CachedBlob = { key, bytes, savedAt: Date.now() };
  await (await database()).put(store, value);
}

/** Deletes an entry and every entry of its group (`key#…`: the parts of one cached dataset). */
export async function deleteCached(store: CacheStore, key: string): Promise<void> {
  const tx = (await database()).transaction(store, 'readwrite');
  await Promise.all([tx.store.delete(key), tx.store.delete(IDBKeyRange.bound(`${key}#`, `${key}#\uffff`)), tx.done]);
}

/**
 * Keeps the entries of the newest `keep` groups of a store (a group is what `group`
 * maps a key to: an entry alone by default, or the parts of one cached dataset).
 */
export async function pruneCache(store: CacheStore, keep: number, group: (key: string) => string = (key) => key): Promise<void> {
  const tx = (await database()).transaction(store, 'readwrite');
  // Newest first over the savedAt index: key cursors never load the cached bytes.
  const kept = new Set<string>();
  for (let cursor = await tx.store.index('savedAt').openKeyCursor(null, 'prev'); cursor; cursor = await cursor.continue()) {
    const g = group(String(cursor.primaryKey));
    if (kept.has(g)) continue;
    if (kept.size < keep) kept.add(g);
    else await tx.store.delete(cursor.primaryKey);
  }
  await tx.done;
}

export async function clearStore(store: CacheStore | 'ratings' | 'settings'): Promise<void> {
  await (await database()).clear(store);
}
