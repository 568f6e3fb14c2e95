// The URL hash ⇄ view and filters: shareable links round-trip.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER_QUERY, datasetUserFromQuery, filterFromQuery, formatHash, parseHash, queryForDatasetUser, queryFromFilter } from '../../../src/ui/lib/route';
import { coverStyle } from '../../../src/ui/lib/cover';

describe('routes', () => {
  it('opens For you on an empty or unknown hash', () => {
    expect(parseHash('')).toEqual({ view: 'for-you', arg: '', query: {} });
    expect(parseHash('#/nowhere')).toMatchObject({ view: 'for-you' });
  });
  it('round-trips a movie key with a colon', () => {
    const hash = formatHash({ view: 'movie', arg: 'tmdb:603', query: {} });
    expect(hash).toBe('#/movie/tmdb%3A603');
    expect(parseHash(hash)).toEqual({ view: 'movie', arg: 'tmdb:603', query: {} });
  });
  it('round-trips filters through the query', () => {
    const filter = { genres: ['Drama', 'Science Fiction'], genreMode: 'all' as const, yearMin: 1990, yearMax: 2005, minVotes: 50, n: 48 };
    const route = parseHash(formatHash({ view: 'for-you', arg: '', query: queryFromFilter(filter) }));
    expect(filterFromQuery(route.query)).toEqual(filter);
  });
  it('leaves defaults out of the URL and ignores junk', () => {
    expect(queryFromFilter(DEFAULT_FILTER_QUERY)).toEqual({});
    expect(filterFromQuery({ from: 'x', n: '-4', votes: '1.5' })).toEqual({ ...DEFAULT_FILTER_QUERY, n: 1 });
  });
});

describe('generated covers', () => {
  it('are the same for the same movie and differ between movies', () => {
    expect(coverStyle('Alien', 1979, ['Horror'])).toEqual(coverStyle('Alien', 1979, ['Horror']));
    expect(coverStyle('Alien', 1979, ['Horror']).background).not.toBe(coverStyle('Aliens', 1986, ['Horror']).background);
  });
});

describe('a dataset user link', () => {
  it('reads the user, the dataset and the filters of "?dataset=ml-100k&user=7&genres=Drama,Comedy&n=10"', () => {
    const route = parseHash('#/for-you?dataset=ml-100k&user=7&genres=Drama,Comedy&n=10');
    expect(datasetUserFromQuery(route.query)).toEqual({ userId: 7, datasetId: 'ml-100k' });
    expect(filterFromQuery(route.query)).toEqual({ ...DEFAULT_FILTER_QUERY, genres: ['Drama', 'Comedy'], n: 10 });
  });
  it('round-trips through the hash', () => {
    const filter = { ...DEFAULT_FILTER_QUERY, genres: ['Drama', 'Comedy'], n: 10 };
    const hash = formatHash({ view: 'for-you', arg: '', query: queryForDatasetUser({ userId: 7, datasetId: 'ml-100k' }, filter) });
    expect(hash).toBe('#/for-you?dataset=ml-100k&user=7&genres=Drama%2CComedy&n=10');
    const route = parseHash(hash);
    expect(datasetUserFromQuery(route.query)).toEqual({ userId: 7, datasetId: 'ml-100k' });
    expect(filterFromQuery(route.query)).toEqual(filter);
  });
  it('is absent without a whole, non-negative user id', () => {
    expect(datasetUserFromQuery({})).toBeUndefined();
    expect(datasetUserFromQuery({ user: '' })).toBeUndefined();
    expect(datasetUserFromQuery({ user: '-3' })).toBeUndefined();
    expect(datasetUserFromQuery({ user: '7.5' })).toBeUndefined();
    expect(datasetUserFromQuery({ user: 'seven' })).toBeUndefined();
    expect(datasetUserFromQuery({ user: '7' })).toEqual({ userId: 7 });
  });
});
