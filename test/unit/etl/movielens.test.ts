// MovieLens readers on hand-written fixtures: latest (CSV, CRLF, quoted titles), 100K
// (u.data/u.item Latin-1/u.genre) and 1M ('::', Latin-1); ratings-only input.
import { describe, expect, it } from 'vitest';
import { counts, fileReport, fixture, loadDataset, sourceFromText } from './helpers';

describe('MovieLens latest (movies.csv, links.csv, ratings.csv)', () => {
  const load = () => loadDataset([fixture('ml-movies.csv'), fixture('ml-links.csv'), fixture('ml-ratings.csv')]);
  it('recognises the files by header', async () => {
    const { report } = await load();
    expect(report.files.map((f) => f.format)).toEqual(['links', 'ml-movies-csv', 'ratings-csv']);
  });
  it('keeps quoted titles with commas and strips the year', async () => {
    const { dataset } = await load();
    expect(dataset.catalog.titles).toEqual(['Toy Story', 'American President, The', 'Black Mirror']);
    expect(Array.from(dataset.catalog.years)).toEqual([1995, 1995, 0]);
  });
  it('drops bad and duplicate movie ids, counts "(no genres listed)"', async () => {
    const f = fileReport((await load()).report.files, 'ml-movies.csv');
    expect(counts(f.dropReasons)).toEqual({ 'movie id is not a positive integer': 1, 'duplicate movie id': 1 });
    expect(f.repairs['no genres listed']?.count).toBe(1);
  });
  it('fills tmdbIds from links and reports the match rate', async () => {
    const { dataset, report } = await load();
    expect(Array.from(dataset.catalog.tmdbIds)).toEqual([862, 9087, -1]);
    expect(report.joins.find((j) => j.name.startsWith('movies → links'))).toMatchObject({ total: 3, matched: 2 });
  });
  it('drops malformed ratings rows and ratings of unknown items with reasons', async () => {
    const { dataset, report } = await load();
    expect(counts(fileReport(report.files, 'ml-ratings.csv').dropReasons)).toEqual({ 'user id not an integer': 1, 'rating not a number': 1 });
    expect(counts(report.datasetDrops)).toEqual({ 'item not in catalogue': 1 });
    expect(dataset.ratings.length).toBe(4);
  });
  it('takes the scale from the data', async () => {
    expect((await load()).dataset.scale).toEqual([0.5, 5]);
  });
  it('maps raw user ids to sorted inner indices', async () => {
    const { dataset } = await load();
    expect(Array.from(dataset.userRawIds)).toEqual([1, 2]);
    expect(Array.from(dataset.ratings.users)).toEqual([0, 0, 1, 1]);
    expect(Array.from(dataset.ratings.items)).toEqual([0, 1, 0, 2]);
  });
});

describe('MovieLens 100K', () => {
  const load = () => loadDataset([fixture('u.data'), fixture('u.item'), fixture('u.genre')]);
  it('decodes u.item as Latin-1', async () => {
    expect((await load()).dataset.catalog.titles[1]).toBe('Misérables, Les');
  });
  it('reads the 19 genre flags with u.genre names', async () => {
    const { dataset } = await load();
    const c = dataset.catalog;
    expect(c.genreNames.filter((_, g) => c.genreBits[1]! & (1 << g))).toEqual(['Drama', 'War']);
  });
  it('keeps item 267 "unknown" with year 0 so its ratings resolve', async () => {
    const { dataset } = await load();
    expect(dataset.catalog.titles[2]).toBe('unknown');
    expect(dataset.ratings.length).toBe(4);
    expect(dataset.scale).toEqual([1, 5]);
  });
  it('accepts u1.base as u.data format', async () => {
    const { report, dataset } = await loadDataset([fixture('u.data', 'u1.base'), fixture('u.item')]);
    expect(fileReport(report.files, 'u1.base').format).toBe('ml100k-data');
    expect(dataset.ratings.length).toBe(4);
  });
  it('ignores uN.base/test when u.data is loaded, to avoid duplicate ratings', async () => {
    const { report, dataset } = await loadDataset([fixture('u.data'), fixture('u.data', 'u1.base'), fixture('u.item')]);
    expect(fileReport(report.files, 'u1.base').used).toBe(false);
    expect(dataset.ratings.length).toBe(4);
  });
});

describe('MovieLens 1M', () => {
  it('reads movies.dat (Latin-1) and ratings.dat', async () => {
    const { dataset, report } = await loadDataset([fixture('movies.dat'), fixture('ratings.dat')]);
    expect(report.files.map((f) => f.format)).toEqual(['ml1m-movies', 'ml1m-ratings']);
    expect(dataset.catalog.titles[2]).toBe('Cité des enfants perdus, La');
    expect(dataset.ratings.length).toBe(3);
    expect(counts(report.datasetDrops)).toEqual({ 'item not in catalogue': 1 });
  });
});

describe('ratings only', () => {
  it('creates "Movie <id>" entries for every rated item', async () => {
    const { dataset, report } = await loadDataset([sourceFromText('ratings.csv', 'userId,movieId,rating,timestamp\n7,30,4,1\n8,10,2,2\n')]);
    expect(dataset.catalog.titles).toEqual(['Movie 10', 'Movie 30']);
    expect(Array.from(dataset.catalog.rawIds)).toEqual([10, 30]);
    expect(report.catalogSource).toContain('ratings');
  });
});
