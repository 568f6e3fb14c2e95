// MovieLens tags.csv as keywords: normalised, distinct per movie, most used first, capped;
// TMDB keywords win for movies that have them.
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/dataset/dataset';
import { MAX_TAG_KEYWORDS } from '../../../src/etl/tags-reader';
import { counts, fileReport, hasRealData, loadDataset, realFile, sourceFromText } from './helpers';
import { NO_DATA_REASON } from '../../support/data-dir';
import { describeIf } from '../../support/skip';

const keywordsOf = (c: Catalog, rawId: number) => {
  const i = Array.from(c.rawIds).indexOf(rawId);
  return Array.from(c.keywordIds.subarray(c.keywordOffsets[i], c.keywordOffsets[i + 1]), (k) => c.keywordNames[k]);
};

const movies = 'movieId,title,genres\n1,Toy Story (1995),Animation\n2,Jumanji (1995),Adventure\n3,Heat (1995),Crime\n';
const ratings = 'userId,movieId,rating,timestamp\n1,1,4,964982703\n1,2,3,964982703\n';

describe('tags.csv as keywords', () => {
  const tags = [
    'userId,movieId,tag,timestamp',
    '1,1,pixar,1',
    '2,1,  Funny   Toys ,2',
    '3,1,funny toys,3',
    '4,1,PIXAR,4',
    '5,1,friendship,5',
    '6,1,Funny toys,6',
    '1,2,board game,7',
    '1,99,not in the catalogue,8',
    '1,x,bad id,9',
    '1,2, ,10',
  ].join('\n');
  const load = (extra: ReturnType<typeof sourceFromText>[] = []) =>
    loadDataset([sourceFromText('movies.csv', movies), sourceFromText('ratings.csv', ratings), sourceFromText('tags.csv', tags), ...extra]);

  it('lower-cases, trims and collapses tags, keeps each once per movie, most used first', async () => {
    const { dataset } = await load();
    expect(keywordsOf(dataset.catalog, 1)).toEqual(['funny toys', 'pixar', 'friendship']);
    expect(keywordsOf(dataset.catalog, 2)).toEqual(['board game']);
    expect(keywordsOf(dataset.catalog, 3)).toEqual([]);
    expect(dataset.catalog.keywordNames).toEqual(['funny toys', 'pixar', 'friendship', 'board game']);
  });
  it('reports the file as used, its drops and the join', async () => {
    const { report } = await load();
    const f = fileReport(report.files, 'tags.csv');
    expect([f.used, f.rowsRead, f.kept]).toEqual([true, 10, 8]);
    expect(counts(f.dropReasons)).toEqual({ 'movieId is not a positive integer': 1, 'empty tag': 1 });
    expect(report.joins.find((j) => j.name.startsWith('tags → movies'))).toMatchObject({ total: 3, matched: 2 });
    expect(report.joins.find((j) => j.name.startsWith('movies with tags'))).toMatchObject({ total: 3, matched: 2 });
  });
  it('keeps the most used tags up to the cap, ties in order of first use', async () => {
    const rows = Array.from({ length: MAX_TAG_KEYWORDS + 5 }, (_, k) => `1,3,tag ${k},${k}`);
    rows.push('2,3,tag 24,99', '2,3,tag 23,99');
    const { dataset } = await loadDataset([sourceFromText('movies.csv', movies), sourceFromText('tags.csv', `userId,movieId,tag,timestamp\n${rows.join('\n')}\n`)]);
    const kw = keywordsOf(dataset.catalog, 3);
    expect(kw).toHaveLength(MAX_TAG_KEYWORDS);
    expect(kw.slice(0, 4)).toEqual(['tag 23', 'tag 24', 'tag 0', 'tag 1']);
  });
  it('gives way to TMDB keywords joined through links; equal names share one entry', async () => {
    const links = sourceFromText('links.csv', 'movieId,imdbId,tmdbId\n1,114709,862\n2,113497,8844\n');
    const keywords = sourceFromText('keywords.csv', `id,keywords\n862,"[{'id': 1, 'name': 'toy'}, {'id': 2, 'name': 'friendship'}]"\n`);
    const { dataset } = await load([links, keywords]);
    expect(keywordsOf(dataset.catalog, 1)).toEqual(['toy', 'friendship']);
    expect(keywordsOf(dataset.catalog, 2)).toEqual(['board game']);
    expect(dataset.catalog.keywordNames).toEqual(['toy', 'friendship', 'board game']);
  });
});

describeIf(hasRealData, NO_DATA_REASON)('ml-latest-small tags.csv', () => {
  it('3,683 tags give keywords to 1,572 movies; Step Brothers: funny, will ferrell, highly quotable, comedy', async () => {
    const { dataset, report } = await loadDataset(['movies.csv', 'links.csv', 'ratings.csv', 'tags.csv'].map((f) => realFile('ml-latest-small/' + f)));
    expect(fileReport(report.files, 'tags.csv')).toMatchObject({ used: true, rowsRead: 3683, kept: 3683, dropped: 0 });
    expect(report.joins.find((j) => j.name.startsWith('movies with tags'))).toMatchObject({ matched: 1572 });
    expect(keywordsOf(dataset.catalog, 60756)).toEqual(['funny', 'will ferrell', 'highly quotable', 'comedy']);
    expect(keywordsOf(dataset.catalog, 296)).toHaveLength(MAX_TAG_KEYWORDS);
    expect(dataset.catalog.keywordIds).toHaveLength(3339);
  });
});
