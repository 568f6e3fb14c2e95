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

/** Keeps the newest `keep` entries of a store, so caches do not grow without bound. */
export async function pruneCache(store: CacheStore, keep: number): Promise<void> {
  const tx = (await database()).transaction(store, 'readwrite');
  // Newest first over the savedAt index: key cursors never load the cached bytes.
  let seen = 0;
  for (let cursor = await tx.store.index('savedAt').openKeyCursor(null, 'prev'); cursor; cursor = await cursor.continue()) {
    if (++seen > keep) await tx.store.delete(cursor.primaryKey);
  }
  await tx.done;
}

export async function clearStore(store: CacheStore | 'ratings' | 'settings'): Promise<void> {
  await (await database()).clear(store);
}
