// The visitor's ratings CSV: round trip, MovieLens files without keys, and
// imports that fail name the line and return nothing.
import { describe, expect, it } from 'vitest';
import type { VisitorRating } from '../../../src/engine/api';
import { parseCsv, ratingsFromCsv, ratingsToCsv } from '../../../src/ui/lib/ratings-csv';

const ratings: VisitorRating[] = [
  { key: 'ml:2571', rating: 4.5, title: 'Matrix, The', year: 1999, ratedAt: 1_700_000_000_000 },
  { key: 'tmdb:27205', rating: 4, title: 'Inception', year: 2010, ratedAt: 1_700_000_001_000 },
  { key: 'raw:7', rating: 0.5, title: 'Say "Hi"', year: 0, ratedAt: 1_700_000_002_000 },
];

describe('export', () => {
  it('writes the MovieLens columns first, then title, year and key, quoting where needed', () => {
    const csv = ratingsToCsv(ratings);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('userId,movieId,rating,timestamp,title,year,key');
    expect(lines[1]).toBe('0,2571,4.5,1700000000,"Matrix, The",1999,ml:2571');
    expect(lines[2]).toBe('0,,4,1700000001,Inception,2010,tmdb:27205');
    expect(lines[3]).toBe('0,,0.5,1700000002,"Say ""Hi""",,raw:7');
  });
  it('round-trips through import', () => {
    const back = ratingsFromCsv(ratingsToCsv(ratings));
    expect(back).toEqual({ ok: true, ratings });
  });
});

describe('import', () => {
  it('reads a plain MovieLens ratings.csv, keying films by movieId', () => {
    const result = ratingsFromCsv('userId,movieId,rating,timestamp\r\n1,31,2.5,1260759144\r\n1,1029,3.0,1260759179\r\n', 5);
    expect(result.ok && result.ratings.map((r) => [r.key, r.rating, r.ratedAt])).toEqual([
      ['ml:31', 2.5, 1_260_759_144_000],
      ['ml:1029', 3, 1_260_759_179_000],
    ]);
  });
  it('keeps the last rating when a film appears twice', () => {
    const result = ratingsFromCsv('movieId,rating\n1,2\n1,4\n');
    expect(result.ok && result.ratings).toHaveLength(1);
    expect(result.ok && result.ratings[0]!.rating).toBe(4);
  });
  it('names the line of a rating off the half-star scale', () => {
    expect(ratingsFromCsv('movieId,rating\n1,4\n2,4.3\n')).toEqual({ ok: false, line: 3, reason: 'rating "4.3" is not between 0.5 and 5 in half stars' });
    expect(ratingsFromCsv('movieId,rating\n1,6\n')).toMatchObject({ ok: false, line: 2 });
  });
  it('names the line of a missing or malformed id', () => {
    expect(ratingsFromCsv('movieId,rating\nabc,4\n')).toMatchObject({ ok: false, line: 2 });
    expect(ratingsFromCsv('key,rating\nimdb:tt1,4\n')).toMatchObject({ ok: false, line: 2 });
  });
  it('counts lines inside quoted titles when naming a later line', () => {
    const csv = 'movieId,rating,title\n1,4,"two\nlines"\n2,x,ok\n';
    expect(ratingsFromCsv(csv)).toMatchObject({ ok: false, line: 4 });
  });
  it('rejects a header without rating or id columns, and an empty file', () => {
    expect(ratingsFromCsv('a,b\n1,2\n')).toMatchObject({ ok: false, line: 1 });
    expect(ratingsFromCsv('')).toMatchObject({ ok: false, line: 1 });
  });
  it('rejects a row with too few fields and an unclosed quote', () => {
    expect(ratingsFromCsv('movieId,rating,title\n1,4\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a,"b\n')).toEqual({ line: 1, reason: 'a quoted field is never closed' });
  });
});
