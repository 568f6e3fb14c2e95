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
  const db = await database();
  const all = await db.getAll(store);
  const stale = all.sort((a, b) => b.savedAt - a.savedAt).slice(keep);
  if (stale.length === 0) return;
  const tx = db.transaction(store, 'readwrite');
  for (const s of stale) await tx.store.delete(s.key);
  await tx.done;
}

export async function clearStore(store: CacheStore | 'ratings' | 'settings'): Promise<void> {
  await (await database()).clear(store);
}
