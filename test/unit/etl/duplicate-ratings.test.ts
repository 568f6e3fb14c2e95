// One rating per (user, movie): the latest day wins, the later row on the same day; the others
// are dataset drops. Both paths: rows grouped by user (one pass) and interleaved (sorted first).
import { describe, expect, it } from 'vitest';
import { DUPLICATE_RATING } from '../../../src/etl/assemble';
import { dropDuplicateRatings, type RatingColumns } from '../../../src/etl/duplicate-ratings';
import { counts, loadDataset, sourceFromText } from './helpers';

const DAY = 86400;
const csv = (rows: [number, number, number, number][]) => `userId,movieId,rating,timestamp\n${rows.map((r) => r.join(',')).join('\n')}\n`;
const triples = (d: Awaited<ReturnType<typeof loadDataset>>['dataset']) =>
  Array.from({ length: d.ratings.length }, (_, j) => [d.userRawIds[d.ratings.users[j]!], d.catalog.rawIds[d.ratings.items[j]!], d.ratings.ratings[j]! * 0.5, d.ratings.days![j]]);

describe('duplicate (user, movie) ratings', () => {
  const rows: [number, number, number, number][] = [
    [1, 10, 4, 100 * DAY],
    [1, 20, 3, 100 * DAY],
    [2, 10, 5, 100 * DAY],
  ];
  it('the same file loaded twice keeps one copy of each rating and counts the others', async () => {
    const once = await loadDataset([sourceFromText('ratings.csv', csv(rows))]);
    const twice = await loadDataset([sourceFromText('a/ratings.csv', csv(rows)), sourceFromText('b/ratings.csv', csv(rows))]);
    expect(triples(twice.dataset)).toEqual(triples(once.dataset));
    expect(counts(twice.report.datasetDrops)).toEqual({ [DUPLICATE_RATING]: 3 });
    expect(twice.report.datasetDrops[DUPLICATE_RATING]!.samples[0]!.excerpt).toBe('user 1 item 10 rating 4 day 100');
  });
  it('keeps the latest day, and the later row on the same day', async () => {
    const text = csv([
      [1, 10, 4, 200 * DAY],
      [1, 10, 2, 150 * DAY], // older: dropped although later in the file
      [1, 20, 3, 100 * DAY],
      [1, 20, 1, 100 * DAY + 60], // same day: the later row wins
      [2, 10, 5, 100 * DAY],
    ]);
    const { dataset, report } = await loadDataset([sourceFromText('ratings.csv', text)]);
    expect(triples(dataset)).toEqual([[1, 10, 4, 200], [1, 20, 1, 100], [2, 10, 5, 100]]);
    expect(counts(report.datasetDrops)).toEqual({ [DUPLICATE_RATING]: 2 });
  });
  it('finds duplicates when a user comes back after other users (overlapping files)', async () => {
    const a = csv([[1, 10, 4, 100 * DAY], [2, 10, 5, 100 * DAY]]);
    const b = csv([[1, 10, 1, 120 * DAY], [1, 30, 2, 100 * DAY], [2, 10, 3, 90 * DAY]]);
    const { dataset, report } = await loadDataset([sourceFromText('a.csv', a), sourceFromText('b.csv', b)]);
    expect(triples(dataset)).toEqual([[2, 10, 5, 100], [1, 10, 1, 120], [1, 30, 2, 100]]);
    expect(counts(report.datasetDrops)).toEqual({ [DUPLICATE_RATING]: 2 });
  });
  it('leaves data without duplicates untouched, on both paths', () => {
    const cols = (users: number[], items: number[]): RatingColumns => ({
      users: Int32Array.from(users), items: Int32Array.from(items), ratings: Uint8Array.from([1, 2, 3, 4]), days: Uint16Array.from([5, 6, 7, 8]),
    });
    const reported: number[] = [];
    for (const [users, items] of [[[0, 0, 1, 1], [0, 1, 0, 1]], [[0, 1, 0, 1], [0, 0, 1, 1]]]) {
      const c = cols(users!, items!);
      expect(dropDuplicateRatings(c, 4, 2, 2, (row) => reported.push(row))).toBe(4);
      expect(Array.from(c.ratings)).toEqual([1, 2, 3, 4]);
    }
    expect(reported).toEqual([]);
  });
  it('reports each dropped row once, before it is compacted away', () => {
    // Interleaved users, so the grouped pass gives up after seeing a duplicate and the sorted pass decides.
    const c: RatingColumns = {
      users: Int32Array.from([0, 0, 1, 0, 1]), items: Int32Array.from([3, 3, 3, 3, 3]),
      ratings: Uint8Array.from([1, 2, 3, 4, 5]), days: Uint16Array.from([9, 9, 9, 1, 9]),
    };
    const reported: number[] = [];
    expect(dropDuplicateRatings(c, 5, 2, 4, (row) => reported.push(c.ratings[row]!))).toBe(2);
    expect(reported).toEqual([1, 3, 4]);
    expect([Array.from(c.users.subarray(0, 2)), Array.from(c.ratings.subarray(0, 2))]).toEqual([[0, 1], [2, 5]]);
  });
});
