// Exact counts on the real datasets in ../shared/data. Expected numbers were worked out
// independently with a python3 one-off using the csv module (quoted newlines handled):
//   rows = list(csv.reader(open(path, newline='', encoding='utf-8')))[1:]
//   empty rows: all(c.strip() == '' for c in row); duplicate ids: Counter(row[id]) > 1;
//   links: rows with row[2].strip() == ''; ratings: len(rows), len({userId}), len({movieId});
//   ratings_small ↔ sample: movieId → tmdbId via links.csv, kept if tmdbId ∈ sample ids.
// ml-100k: wc -l u.data / u.item / u.user (943/1682/100000, as in u.info).
import { describe, expect, it } from 'vitest';
import { counts, dataDir, fileReport, hasRealData, loadDataset, realFile } from './helpers';
import { describeIf } from '../../support/skip';

const TMD = 'the-movies-dataset/';
const SAMPLE = TMD + 'excel-resaved-sample/';

describeIf(hasRealData, `the real data in ${dataDir} (../shared/data, or STREAMREC_DATA_DIR) is absent`)('real data', () => {
  describe('The Movies Dataset, spreadsheet-resaved sample', () => {
    const load = () =>
      loadDataset([realFile(SAMPLE + 'movies_metadata.csv'), realFile(SAMPLE + 'credits.csv'), realFile(SAMPLE + 'keywords.csv')]);
    it('movies_metadata.csv: 45,466 rows read, 1,651 kept; 43,814 empty rows and 1 duplicate id dropped', async () => {
      const f = fileReport((await load()).report.files, 'movies_metadata.csv');
      expect([f.rowsRead, f.kept, f.dropped]).toEqual([45466, 1651, 43815]);
      expect(counts(f.dropReasons)).toEqual({ 'empty row': 43814, 'duplicate id': 1 });
    });
    it('movies_metadata.csv: 2 titles with doubled spaces, 2 missing dates', async () => {
      expect(counts(fileReport((await load()).report.files, 'movies_metadata.csv').repairs)).toEqual({
        'whitespace trimmed/collapsed in title': 2,
        'missing release date (year 0)': 2,
      });
    });
    it('credits.csv: 35 rows, all kept, all join to movies', async () => {
      const { report } = await load();
      const f = fileReport(report.files, 'credits.csv');
      expect([f.rowsRead, f.kept, f.dropped]).toEqual([35, 35, 0]);
      expect(report.joins.find((j) => j.name.startsWith('credits → movies'))).toMatchObject({ total: 35, matched: 35, rate: 1 });
    });
    it('keywords.csv (sample): 57 rows, all kept, all join to movies', async () => {
      const { report } = await load();
      const f = fileReport(report.files, 'keywords.csv');
      expect([f.rowsRead, f.kept, f.dropped]).toEqual([57, 57, 0]);
      expect(report.joins.find((j) => j.name.startsWith('keywords → movies'))).toMatchObject({ total: 57, matched: 57 });
    });
    it('Toy Story has Tom Hanks first and John Lasseter as director', async () => {
      const c = (await load()).dataset.catalog;
      const i = Array.from(c.tmdbIds).indexOf(862);
      expect(c.people[c.castIds[c.castOffsets[i]!]!]).toBe('Tom Hanks');
      expect(c.people[c.director[i]!]).toBe('John Lasseter');
      expect(c.years[i]).toBe(1995);
    });
  });

  describe('The Movies Dataset: full keywords.csv, links.csv and ratings_small.csv with the sample', () => {
    const load = () =>
      loadDataset([realFile(SAMPLE + 'movies_metadata.csv'), realFile(TMD + 'keywords.csv'), realFile(TMD + 'links.csv'), realFile(TMD + 'ratings_small.csv')]);
    it('keywords.csv: 46,419 rows, 987 duplicate-id rows dropped', async () => {
      const f = fileReport((await load()).report.files, 'keywords.csv');
      expect([f.rowsRead, f.kept]).toEqual([46419, 45432]);
      expect(counts(f.dropReasons)).toEqual({ 'duplicate id': 987 });
    });
    it('links.csv: 45,843 rows, 219 without tmdbId kept for their imdbId', async () => {
      const f = fileReport((await load()).report.files, 'links.csv');
      expect([f.rowsRead, f.kept]).toEqual([45843, 45843]);
      expect(counts(f.dropReasons)).toEqual({});
      expect(counts(f.repairs)).toEqual({ 'missing tmdbId (linked by imdbId only)': 219 });
    });
    it('ratings_small.csv reaches 1,365 of its 9,066 items through links; 40,660 ratings kept', async () => {
      const { report, dataset } = await load();
      expect(report.joins.find((j) => j.name.startsWith('ratings items → movies through links'))).toMatchObject({ total: 9066, matched: 1365 });
      expect(dataset.ratings.length).toBe(40660);
      expect(dataset.userRawIds.length).toBe(669);
      expect(counts(report.datasetDrops)['movieId has no tmdbId in links']).toBe(106);
    });
  });

  describe('ml-latest-small (2018)', () => {
    const dir = 'ml-latest-small/';
    const load = () => loadDataset(['movies.csv', 'links.csv', 'ratings.csv', 'tags.csv', 'README.txt'].map((f) => realFile(dir + f)));
    it('has 610 users, 9,742 items, 100,836 ratings on 9,724 distinct items', async () => {
      const { dataset, report } = await load();
      expect(dataset.userRawIds.length).toBe(610);
      expect(dataset.catalog.size).toBe(9742);
      expect(dataset.ratings.length).toBe(100836);
      expect(report.joins.find((j) => j.name.startsWith('ratings items → catalogue'))).toMatchObject({ total: 9724, matched: 9724 });
      expect(dataset.scale).toEqual([0.5, 5]);
    });
    it('links.csv matches 9,734 of 9,742 movies (8 without tmdbId)', async () => {
      const { report } = await load();
      expect(report.joins.find((j) => j.name.startsWith('movies → links'))).toMatchObject({ total: 9742, matched: 9734 });
    });
    it('counts 34 movies without genres and 12 titles without a year', async () => {
      const f = fileReport((await load()).report.files, 'movies.csv');
      expect(counts(f.repairs)).toEqual({ 'no genres listed': 34, 'no year in title (year 0)': 12 });
    });
    it('uses tags.csv (3,683 rows) as keywords, recognises README.txt without using it', async () => {
      const { report } = await load();
      expect(fileReport(report.files, 'tags.csv')).toMatchObject({ format: 'ml-tags-csv', used: true, rowsRead: 3683 });
      expect(fileReport(report.files, 'README.txt')).toMatchObject({ format: 'documentation', used: false });
    });
  });

  describe('ml-100k', () => {
    const load = () => loadDataset(['u.data', 'u.item', 'u.genre', 'u.user', 'u.info', 'u1.base', 'u1.test'].map((f) => realFile('ml-100k/' + f)));
    it('has 943 users, 1,682 items, 100,000 ratings on a 1–5 scale', async () => {
      const { dataset } = await load();
      expect([dataset.userRawIds.length, dataset.catalog.size, dataset.ratings.length]).toEqual([943, 1682, 100000]);
      expect(dataset.scale).toEqual([1, 5]);
    });
    it('decodes the Latin-1 titles', async () => {
      const { dataset } = await load();
      expect(dataset.catalog.titles.filter((t) => /[^\x00-\x7f]/.test(t))).toHaveLength(9);
    });
    it('skips the u1 split because u.data is loaded', async () => {
      const { report } = await load();
      expect(fileReport(report.files, 'u1.base').used).toBe(false);
    });
  });
});
