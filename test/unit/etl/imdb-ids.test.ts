// IMDb ids survive the ETL: a visitor's IMDb export and the streaming catalogues match by them.
import { describe, expect, it } from 'vitest';
import { parseImdbId } from '../../../src/etl/clean';
import { exportCatalogCsv } from '../../../src/etl/export-catalog';
import { loadDataset, sourceFromText } from './helpers';

describe('IMDb ids', () => {
  it('parses tt-prefixed and zero-padded ids, and refuses anything else', () => {
    expect([parseImdbId('tt0114709'), parseImdbId('0114709'), parseImdbId(' TT5580390 '), parseImdbId('114709')]).toEqual([114709, 114709, 5580390, 114709]);
    expect([parseImdbId(''), parseImdbId('tt'), parseImdbId('nm0000123'), parseImdbId('tt0'), parseImdbId('12a')]).toEqual([-1, -1, -1, -1, -1]);
  });

  it('come from links.csv into the catalogue, also for a movie that has no tmdbId', async () => {
    const { dataset, report } = await loadDataset([
      sourceFromText('movies.csv', 'movieId,title,genres\n1,Toy Story (1995),Animation\n3,Unlinked (2016),Drama\n4,No Link (2000),Drama\n'),
      sourceFromText('links.csv', 'movieId,imdbId,tmdbId\n1,0114709,862\n3,5580390,\n4,,\n'),
      sourceFromText('ratings.csv', 'userId,movieId,rating,timestamp\n1,1,4,1\n1,3,3,1\n'),
    ]);
    const c = dataset.catalog;
    expect(Array.from(c.imdbIds)).toEqual([114709, 5580390, -1]);
    expect(Array.from(c.tmdbIds)).toEqual([862, -1, -1]);
    const links = report.files.find((f) => f.file === 'links.csv')!;
    expect(Object.keys(links.dropReasons)).toEqual(['missing tmdbId and imdbId']);
    expect(exportCatalogCsv(dataset).split('\n')[1]).toMatch(/^1,862,tt0114709,1,Toy Story,/);
  });

  it('come from movies_metadata.imdb_id', async () => {
    const { dataset } = await loadDataset([
      sourceFromText('movies_metadata.csv', 'adult,genres,id,imdb_id,title,release_date,vote_average,vote_count,popularity\nFalse,[],862,tt0114709,Toy Story,1995-10-30,7.7,5415,21.9\nFalse,[],8844,,Jumanji,1995-12-15,6.9,2413,17\n'),
    ]);
    expect(Array.from(dataset.catalog.imdbIds)).toEqual([114709, -1]);
  });
});
