import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { resetDatabase } from './reset-db';
import { getCached, pruneCache, putCached } from '../../../src/store/cache-store';

afterEach(resetDatabase);

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

describe('pruning by group', () => {
  it('keeps every part of the newest groups and drops whole older groups', async () => {
    let now = 0;
    const realNow = Date.now;
    Date.now = () => ++now;
    try {
      for (const set of ['old', 'mid', 'new']) {
        for (const part of ['#report', '#part0', '#part1', '#parts']) await putCached('datasets', `${set}${part}`, Uint8Array.from([1]));
      }
    } finally {
      Date.now = realNow;
    }
    await pruneCache('datasets', 2, (key) => key.split('#')[0]);
    for (const part of ['#report', '#part0', '#part1', '#parts']) {
      expect(await getCached('datasets', `new${part}`)).toBeDefined();
      expect(await getCached('datasets', `mid${part}`)).toBeDefined();
      expect(await getCached('datasets', `old${part}`)).toBeUndefined();
    }
  });
});
