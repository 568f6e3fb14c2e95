// The visitor's ratings across datasets: found by movie key, else by normalised title
// + year; a raw id (per dataset) is trusted only with the same title.
import { describe, expect, it } from 'vitest';
import type { VisitorRating } from '../../../src/engine/api';
import { keyIndex } from '../../../src/engine/movie-keys';
import { normalizedTitle, VisitorMatcher } from '../../../src/engine/visitor-match';
import { tinyCatalog } from '../recommend/tiny-catalog';

const rating = (key: string, title: string, year: number, value = 4, ratedAt = 0): VisitorRating => ({ key, rating: value, title, year, ratedAt });

describe('visitor ratings across datasets', () => {
  it('normalises titles as MovieLens and TMDB spell them', () => {
    expect(normalizedTitle('Matrix, The (1999)')).toBe(normalizedTitle('The Matrix'));
    expect(normalizedTitle('Amélie (Fabuleux destin d\'Amélie Poulain, Le) (2001)')).toBe(normalizedTitle('Amelie'));
    expect(normalizedTitle('Se7en')).not.toBe(normalizedTitle('Seven'));
  });

  it('matches by key, else title + year, and counts what it could not find', () => {
    // tinyCatalog ids: TMDB = MovieLens = raw = index + 1.
    const catalog = tinyCatalog([{ title: 'The Matrix', year: 1999 }, { title: 'Heat', year: 1995 }, { title: 'Up', year: 2009 }]);
    const matcher = new VisitorMatcher(catalog, keyIndex(catalog));
    const result = matcher.match([
      rating('tmdb:2', 'Heat', 1995, 5),
      rating('ml:99999', 'Matrix, The (1999)', 1999, 4.5),
      rating('tmdb:777', 'Up', 2010),
      rating('tmdb:778', 'Not Here', 2001),
      rating('raw:3', 'Another film', 2009),
    ]);
    expect(result).toEqual({ rated: [{ item: 1, rating: 5 }, { item: 0, rating: 4.5 }], matched: 2, unmatched: 3 });
  });

  it('keeps the latest rating when two stored ratings name one film', () => {
    const catalog = tinyCatalog([{ title: 'Heat', year: 1995 }]);
    const matcher = new VisitorMatcher(catalog, keyIndex(catalog));
    expect(matcher.match([rating('tmdb:1', 'Heat', 1995, 2, 5), rating('ml:555', 'Heat', 1995, 5, 9)]).rated).toEqual([{ item: 0, rating: 5 }]);
  });
});
