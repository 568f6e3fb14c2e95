import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getCached, pruneCache, putCached } from '../../../src/store/cache-store';
import { closeDatabase, DB_NAME } from '../../../src/store/db';

afterEach(async () => {
  await closeDatabase();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
});

describe('cache store', () => {
  it('returns what was put, byte for byte', async () => {
    await putCached('models', 'fp1', Uint8Array.from([1, 2, 3]));
    expect(await getCached('models', 'fp1')).toEqual(Uint8Array.from([1, 2, 3]));
    expect(await getCached('models', 'missing')).toBeUndefined();
  });

  it('prunes to the newest entries', async () => {
    for (const [key, at] of [['a', 1], ['b', 3], ['c', 2], ['d', 4]] as const) {
      const realNow = Date.now;
      Date.now = () => at;
      try {
        await putCached('datasets', key, Uint8Array.from([at]));
      } finally {
        Date.now = realNow;
      }
    }
    await pruneCache('datasets', 2);
    expect(await getCached('datasets', 'd')).toBeDefined();
    expect(await getCached('datasets', 'b')).toBeDefined();
    expect(await getCached('datasets', 'c')).toBeUndefined();
    expect(await getCached('datasets', 'a')).toBeUndefined();
  });
});
