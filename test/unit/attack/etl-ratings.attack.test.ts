// Attack suite, ratings files (issue 16 cases 5, 7, 13): values off the format's scale, a last
// row cut off mid-number, a 10 MB line, ids past 2^31 - 1. Each must end as a counted drop with
// its reason and its line; the kept ratings are checked value by value. Rows are numbered as the
// ratings parser numbers them: the file's line, the header being line 1.
import { describe, expect, it } from 'vitest';
import { ratingValues } from '../../../src/dataset/dataset';
import { counts, fileReport, loadDataset, sourceFromText } from '../etl/helpers';

const HEADER = 'userId,movieId,rating,timestamp\n';

describe('attack: ratings off the scale (case 5)', () => {
  it('drops -1, 7 and 0x10 from a MovieLens ratings.csv (0.5–5) and keeps the scale [0.5, 5]', async () => {
    const text = HEADER + '1,10,4.0,100\n1,11,-1,100\n1,12,7,100\n1,13,0x10,100\n2,10,0.5,100\n2,11,5,100\n';
    const { dataset, report } = await loadDataset([sourceFromText('ratings.csv', text)]);
    const f = fileReport(report.files, 'ratings.csv');
    expect(counts(f.dropReasons)).toEqual({ 'rating outside the scale 0.5–5': 2, 'rating not a number': 1 });
    expect(f.dropReasons['rating outside the scale 0.5–5']!.samples.map((s) => [s.row, s.excerpt])).toEqual([[3, '1,11,-1,100'], [4, '1,12,7,100']]);
    expect(f.dropReasons['rating not a number']!.samples.map((s) => [s.row, s.excerpt])).toEqual([[5, '1,13,0x10,100']]);
    expect(Array.from(ratingValues(dataset.ratings.ratings))).toEqual([4, 0.5, 5]);
    expect(dataset.scale).toEqual([0.5, 5]);
  });
  it('drops 0 and 6 from ML-100K u.data (whole stars 1–5)', async () => {
    const text = '1\t10\t3\t881250949\n1\t11\t0\t881250949\n2\t10\t6\t881250949\n2\t11\t5\t881250949\n';
    const { dataset, report } = await loadDataset([sourceFromText('u.data', text)]);
    expect(counts(fileReport(report.files, 'u.data').dropReasons)).toEqual({ 'rating outside the scale 1–5': 2 });
    expect(Array.from(ratingValues(dataset.ratings.ratings))).toEqual([3, 5]);
    // The dataset's scale is the range of the ratings kept (docs/data.md), now always inside the format's.
    expect(dataset.scale).toEqual([3, 5]);
  });
});

describe('attack: a truncated last row (case 7)', () => {
  it('drops `7,12,4` (was 7,12,4.5,1260…) when the file ends without a line end', async () => {
    const text = HEADER + '1,10,4.0,100\n7,12,4';
    const { dataset, report } = await loadDataset([sourceFromText('ratings.csv', text)]);
    const f = fileReport(report.files, 'ratings.csv');
    expect(counts(f.dropReasons)).toEqual({ 'truncated last row (no line end, 3 of 4 fields)': 1 });
    expect(f.dropReasons['truncated last row (no line end, 3 of 4 fields)']!.samples[0]).toMatchObject({ row: 3, excerpt: '7,12,4' });
    expect([dataset.ratings.length, f.rowsRead, f.kept, f.dropped]).toEqual([1, 2, 1, 1]);
  });
});

describe('attack: accurate reasons and counts (case 13)', () => {
  it('counts one 10 MB line once, with its reason, and keeps the rows after it', async () => {
    const text = HEADER + '1,10,4.0,100\n' + '9'.repeat(10 * 1024 * 1024) + '\n2,10,3.0,100\n';
    const { dataset, report } = await loadDataset([sourceFromText('ratings.csv', text, 1 << 16)]);
    const f = fileReport(report.files, 'ratings.csv');
    expect(counts(f.dropReasons)).toEqual({ 'line longer than 1 MB': 1 });
    expect(f.dropReasons['line longer than 1 MB']!.samples[0]!.row).toBe(3);
    expect([dataset.ratings.length, f.rowsRead, f.dropped]).toEqual([2, 3, 1]);
  });
  it('drops a user id of 2^31 as out of range, not as "not an integer"', async () => {
    const text = HEADER + '2147483648,10,4.0,100\n2147483647,10,3.0,100\n';
    const { dataset, report } = await loadDataset([sourceFromText('ratings.csv', text)]);
    expect(counts(fileReport(report.files, 'ratings.csv').dropReasons)).toEqual({ 'user id out of range 0..2147483647': 1 });
    expect(Array.from(dataset.userRawIds)).toEqual([2147483647]);
  });
});
