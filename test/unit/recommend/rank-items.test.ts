import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, rankItems, type RankFilter } from '../../../src/recommend/rank-items';
import { tinyCatalog } from './tiny-catalog';

const catalog = tinyCatalog([
  { title: 'Heat', year: 1995, genres: ['Action', 'Crime', 'Thriller'], votes: 1800 },
  { title: 'Toy Story', year: 1995, genres: ['Animation', 'Comedy', 'Family'], votes: 5400 },
  { title: 'Se7en', year: 1995, genres: ['Crime', 'Mystery', 'Thriller'], votes: 5900 },
  { title: 'Adult film', year: 2001, genres: ['Drama'], votes: 50, adult: true },
  { title: 'Unknown year', genres: ['Crime'], votes: 10 },
  { title: 'Zodiac', year: 2007, genres: ['Crime', 'Drama', 'Mystery', 'Thriller'], votes: 2000 },
]);
const scores = Float32Array.from([4.1, 3.9, 4.5, 5, 4.8, 4.1]);
const filter = (f: Partial<RankFilter>): RankFilter => ({ ...DEFAULT_FILTER, ...f });
const bits = (...names: string[]) => names.reduce((b, n) => b | (1 << catalog.genreNames.indexOf(n)), 0);
const titles = (r: { item: number }[]) => r.map((x) => catalog.titles[x.item]);

describe('rankItems', () => {
  it('returns the best N by score, excluding adult titles by default', () => {
    expect(titles(rankItems(catalog, scores, 3, DEFAULT_FILTER))).toEqual(['Unknown year', 'Se7en', 'Heat']);
  });

  it('breaks ties by the lower item index, deterministically', () => {
    const r = rankItems(catalog, scores, 6, DEFAULT_FILTER);
    expect(titles(r).indexOf('Heat')).toBeLessThan(titles(r).indexOf('Zodiac'));
  });

  it('excludes rated items unless asked to include them', () => {
    const rated = new Set([2, 4]);
    expect(titles(rankItems(catalog, scores, 2, DEFAULT_FILTER, rated))).toEqual(['Heat', 'Zodiac']);
    expect(titles(rankItems(catalog, scores, 2, filter({ includeRated: true }), rated))).toEqual(['Unknown year', 'Se7en']);
  });

  it('filters genres by any-of and all-of', () => {
    const anyOf = rankItems(catalog, scores, 10, filter({ genres: bits('Animation', 'Mystery') }));
    expect(titles(anyOf)).toEqual(['Se7en', 'Zodiac', 'Toy Story']);
    const allOf = rankItems(catalog, scores, 10, filter({ genres: bits('Crime', 'Drama'), genreMode: 'all' }));
    expect(titles(allOf)).toEqual(['Zodiac']);
  });

  it('honours the year range, treating an unknown year as outside any range', () => {
    expect(titles(rankItems(catalog, scores, 10, filter({ yearMin: 2000 })))).toEqual(['Zodiac']);
    expect(titles(rankItems(catalog, scores, 10, filter({ yearMax: 1999 })))).toEqual(['Se7en', 'Heat', 'Toy Story']);
  });

  it('honours the minimum vote count and the adult switch', () => {
    expect(titles(rankItems(catalog, scores, 10, filter({ minVotes: 2000 })))).toEqual(['Se7en', 'Zodiac', 'Toy Story']);
    expect(titles(rankItems(catalog, scores, 1, filter({ includeAdult: true })))).toEqual(['Adult film']);
  });

  it('returns nothing for N = 0 and skips NaN scores', () => {
    expect(rankItems(catalog, scores, 0, DEFAULT_FILTER)).toEqual([]);
    const withNaN = Float32Array.from([Number.NaN, 1, 2, 3, Number.NaN, 0]);
    expect(titles(rankItems(catalog, withNaN, 10, DEFAULT_FILTER))).toEqual(['Se7en', 'Toy Story', 'Zodiac']);
  });
});
