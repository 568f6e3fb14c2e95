// The values the ETL reads from the real datasets, beyond the counts in real-data.test.ts: every
// rating (their sum and histogram), who rated most, which film was rated most, and whole catalogue
// records. These specify what output-pin.test.ts only pins. Expected numbers were worked out
// independently with a python3 one-off over the raw files (csv module; u.data split on tabs,
// u.item decoded as Latin-1), e.g. for ml-latest-small:
//   r = list(csv.reader(open('ratings.csv', newline='')))[1:]
//   sum(round(float(x[2]) * 2) for x in r); Counter(x[2] for x in r); Counter(x[0] for x in r).most_common(1)
// and for ratings_small, the rows whose movieId → tmdbId (links.csv) is an id of the sample's metadata.
import { describe, expect, it } from 'vitest';
import { ratingAt, type Dataset } from '../../../src/dataset/dataset';
import { hasRealData, loadDataset, realFile } from './helpers';
import { NO_DATA_REASON } from '../../support/data-dir';
import { describeIf } from '../../support/skip';

/** Twice the sum of every rating (an integer on a half-star scale) and the count of each value. */
function ratingTotals(d: Dataset): { twiceSum: number; histogram: Record<string, number> } {
  let twiceSum = 0;
  const histogram: Record<string, number> = {};
  for (let j = 0; j < d.ratings.length; j++) {
    const r = ratingAt(d.ratings, j);
    twiceSum += Math.round(r * 2);
    histogram[r.toFixed(1)] = (histogram[r.toFixed(1)] ?? 0) + 1;
  }
  return { twiceSum, histogram };
}

/** The most frequent value of a key over the ratings, with its count. */
function mostCommon(d: Dataset, keyOf: (j: number) => number): [number, number] {
  const n = new Map<number, number>();
  for (let j = 0; j < d.ratings.length; j++) n.set(keyOf(j), (n.get(keyOf(j)) ?? 0) + 1);
  return [...n].reduce((best, e) => (e[1] > best[1] ? e : best));
}

/** A catalogue record by its MovieLens id: title, year, genres, TMDB id. */
function movie(d: Dataset, movieLensId: number) {
  const c = d.catalog;
  const i = c.movieLensIds.indexOf(movieLensId);
  expect(i, `movieId ${movieLensId} in the catalogue`).toBeGreaterThanOrEqual(0);
  // Sorted: the genres as a set (the catalogue orders them by bit, the file by its own order).
  const genres = c.genreNames.filter((_, b) => (c.genreBits[i]! >>> b) & 1).sort();
  return { title: c.titles[i], year: c.years[i], genres, tmdbId: c.tmdbIds[i] };
}

describeIf(hasRealData, NO_DATA_REASON)('values read from the real data', () => {
  describe('ml-latest-small', () => {
    const load = async () => (await loadDataset(['movies.csv', 'links.csv', 'ratings.csv'].map((f) => realFile('ml-latest-small/' + f)))).dataset;
    it('reads every rating value: sum 353,083 (706,166 half stars) and the histogram from 0.5 to 5', async () => {
      expect(ratingTotals(await load())).toEqual({
        twiceSum: 706_166,
        histogram: { '0.5': 1370, '1.0': 2811, '1.5': 1791, '2.0': 7551, '2.5': 5550, '3.0': 20047, '3.5': 13136, '4.0': 26818, '4.5': 8551, '5.0': 13211 },
      });
    });
    it('keeps users and films apart: user 414 rated most (2,698), Forrest Gump (movieId 356) was rated most (329)', async () => {
      const d = await load();
      expect(mostCommon(d, (j) => d.userRawIds[d.ratings.users[j]!]!)).toEqual([414, 2698]);
      expect(mostCommon(d, (j) => d.catalog.movieLensIds[d.ratings.items[j]!]!)).toEqual([356, 329]);
    });
    it('reads whole records: the first and last rows of movies.csv with their TMDB ids from links.csv', async () => {
      const d = await load();
      expect(movie(d, 1)).toEqual({ title: 'Toy Story', year: 1995, genres: ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'], tmdbId: 862 });
      expect(movie(d, 193609)).toEqual({ title: 'Andrew Dice Clay: Dice Rules', year: 1991, genres: ['Comedy'], tmdbId: 37891 });
    });
  });

  describe('ml-100k', () => {
    const load = async () => (await loadDataset(['u.data', 'u.item', 'u.genre'].map((f) => realFile('ml-100k/' + f)))).dataset;
    it('reads every rating value: sum 352,986 and the histogram from 1 to 5', async () => {
      expect(ratingTotals(await load())).toEqual({ twiceSum: 2 * 352_986, histogram: { '1.0': 6110, '2.0': 11370, '3.0': 27145, '4.0': 34174, '5.0': 21201 } });
    });
    it('keeps users and films apart: user 405 rated most (737), item 50 was rated most (583)', async () => {
      const d = await load();
      expect(mostCommon(d, (j) => d.userRawIds[d.ratings.users[j]!]!)).toEqual([405, 737]);
      expect(mostCommon(d, (j) => d.catalog.movieLensIds[d.ratings.items[j]!]!)).toEqual([50, 583]);
    });
    it('reads whole records: items 1, 50 and 1682 with their u.genre flags', async () => {
      const d = await load();
      expect(movie(d, 1)).toMatchObject({ title: 'Toy Story', year: 1995, genres: ['Animation', "Children's", 'Comedy'] });
      expect(movie(d, 50)).toMatchObject({ title: 'Star Wars', year: 1977, genres: ['Action', 'Adventure', 'Romance', 'Sci-Fi', 'War'] });
      expect(movie(d, 1682)).toMatchObject({ title: 'Scream of Stone (Schrei aus Stein)', year: 1991, genres: ['Drama'] });
    });
  });

  describe("The Movies Dataset's ratings_small.csv joined to the spreadsheet sample", () => {
    const TMD = 'the-movies-dataset/';
    const load = async () =>
      (await loadDataset([TMD + 'excel-resaved-sample/movies_metadata.csv', TMD + 'links.csv', TMD + 'ratings_small.csv'].map((f) => realFile(f)))).dataset;
    it('keeps the 40,660 ratings of 669 users whose film is in the sample, summing to 147,945.5', async () => {
      const d = await load();
      expect(d.ratings.length).toBe(40_660);
      expect(new Set(d.ratings.users).size).toBe(669);
      expect(ratingTotals(d).twiceSum).toBe(295_891);
    });
    it('maps ratings to films by TMDB id: Forrest Gump (TMDB 13) has the most, 341', async () => {
      const d = await load();
      expect(mostCommon(d, (j) => d.catalog.tmdbIds[d.ratings.items[j]!]!)).toEqual([13, 341]);
    });
  });
});
