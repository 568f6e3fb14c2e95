// The visitor's ratings in IndexedDB (fake-indexeddb in Node implements the same API).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { resetDatabase } from './reset-db';
import type { VisitorRating } from '../../../src/engine/api';
import { closeDatabase } from '../../../src/store/db';
import { deleteVisitorRating, loadVisitorRatings, putVisitorRating, replaceVisitorRatings } from '../../../src/store/visitor-store';

const heat: VisitorRating = { key: 'tmdb:949', rating: 4.5, title: 'Heat', year: 1995, ratedAt: 1 };
const up: VisitorRating = { key: 'tmdb:14160', rating: 4, title: 'Up', year: 2009, ratedAt: 2 };

afterEach(resetDatabase);

describe('visitor ratings store', () => {
  it('keeps ratings across connections, in the order they were given', async () => {
    await putVisitorRating(up);
    await putVisitorRating(heat);
    await closeDatabase();
    expect(await loadVisitorRatings()).toEqual([heat, up]);
  });

  it('replaces an edited rating and removes a deleted one', async () => {
    await putVisitorRating(heat);
    await putVisitorRating({ ...heat, rating: 3 });
    await putVisitorRating(up);
    await deleteVisitorRating(up.key);
    expect(await loadVisitorRatings()).toEqual([{ ...heat, rating: 3 }]);
  });

  it('imports all or nothing: a failing replace leaves the previous list intact', async () => {
    await putVisitorRating(heat);
    const broken = [up, { rating: 5 } as unknown as VisitorRating];
    await expect(replaceVisitorRatings(broken)).rejects.toBeDefined();
    expect(await loadVisitorRatings()).toEqual([heat]);
    await replaceVisitorRatings([up]);
    expect(await loadVisitorRatings()).toEqual([up]);
  });
});
