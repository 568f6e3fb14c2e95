// The visitor's ratings across datasets: found by movie key, else by normalised title
// + year; a raw id (per dataset) is trusted only with the same title.
import { describe, expect, it } from 'vitest';
import type { VisitorRating } from '../../../src/engine/api';
import { Session } from '../../../src/engine/session';
import { hasRealData, loadDataset, realFile } from '../etl/helpers';
import { NO_DATA_REASON } from '../../support/data-dir';
import { keyIndex } from '../../../src/engine/movie-keys';
import { normalizedTitle, VisitorMatcher } from '../../../src/engine/visitor-match';
import { tinyCatalog } from '../recommend/tiny-catalog';
import { describeIf } from '../../support/skip';

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

describeIf(hasRealData, NO_DATA_REASON)('a dataset switch keeps the visitor', () => {
  it('finds 11 of the 16 most-rated ml-latest-small films in MovieLens 100K by title and year', async () => {
    const small = new Session((await loadDataset([realFile('ml-latest-small/movies.csv'), realFile('ml-latest-small/links.csv'), realFile('ml-latest-small/ratings.csv')])).dataset, false);
    const ml100k = new Session((await loadDataset([realFile('ml-100k/u.data'), realFile('ml-100k/u.item')])).dataset, false);
    const top = [...small.ratingCounts.keys()].sort((a, b) => small.ratingCounts[b] - small.ratingCounts[a] || a - b).slice(0, 16);
    const ratings = top.map((i, j) => rating(small.card(i).key, small.card(i).title, small.card(i).year, 4, j));
    // Checked by hand against u.item: The Matrix, Fight Club and American Beauty (1999) are newer
    // than MovieLens 100K (1998); the two Star Wars films are titled "Star Wars (1977)" and
    // "Empire Strikes Back, The (1980)" there. The other 11 are present under the same title and year.
    expect(ml100k.setVisitorRatings(ratings)).toEqual({ matched: 11, unmatched: 5 });
    expect(ml100k.visitorRatings()).toHaveLength(11);
  });
});
