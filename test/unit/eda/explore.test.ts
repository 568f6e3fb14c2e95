// EDA on a tiny hand-built dataset whose numbers can be checked by hand.
import { describe, expect, it } from 'vitest';
import { explore, longTail } from '../../../src/eda/explore';
import { quantile, weightedScoreDetail, weightedScores } from '../../../src/eda/weighted-score';
import { loadDataset, sourceFromText } from '../etl/helpers';

// 3 movies, 3 users. Movie 10 (Drama): 5,4,3 → mean 4; movie 20 (Comedy|Drama): 1; movie 30: none.
const MOVIES = 'movieId,title,genres\n10,Ten (2000),Drama\n20,Twenty (2001),Comedy|Drama\n30,Thirty (2001),(no genres listed)\n';
const RATINGS = 'userId,movieId,rating,timestamp\n1,10,5,1\n2,10,4,1\n3,10,3,1\n1,20,1,1\n';
const load = async () => (await loadDataset([sourceFromText('movies.csv', MOVIES), sourceFromText('ratings.csv', RATINGS)])).dataset;

describe('explore', () => {
  it('counts movies per genre and their mean rating', async () => {
    const e = explore(await load());
    expect(e.genres.names).toEqual(['Drama', 'Comedy']);
    expect(e.genres.movieCounts).toEqual([2, 1]);
    expect(e.genres.ratingCounts).toEqual([4, 1]);
    expect(e.genres.meanRating).toEqual([3.25, 1]);
    expect(e.topGenres).toEqual(['Drama', 'Comedy']);
  });
  it('builds a half-star histogram over the scale', async () => {
    const e = explore(await load());
    expect(e.ratingHistogram.binStart).toEqual([1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    expect(e.ratingHistogram.counts).toEqual([1, 0, 0, 0, 1, 0, 1, 0, 1]);
  });
  it('gives long-tail curves of ratings per user and item', async () => {
    const e = explore(await load());
    expect(e.ratingsPerItem).toMatchObject({ entities: 2, max: 3, count: [3, 1], rank: [0, 1] });
    expect(e.ratingsPerUser).toMatchObject({ entities: 3, max: 2, median: 1 });
  });
  it('downsamples long tails to at most 200 points, keeping first and last', () => {
    const t = longTail(Int32Array.from({ length: 5000 }, (_, i) => i + 1));
    expect(t.count).toHaveLength(200);
    expect([t.count[0], t.count[199]]).toEqual([5000, 1]);
  });
  it('counts movies per year', async () => {
    expect(explore(await load()).moviesPerYear).toEqual({ years: [2000, 2001], counts: [1, 2] });
  });
  it('summarises sizes and mean rating', async () => {
    expect(explore(await load()).summary).toMatchObject({ movies: 3, users: 3, ratings: 4, meanRating: 3.25, scale: [1, 5] });
  });
});

describe('weighted score', () => {
  it('uses the ratings own mean and count when there are no TMDB votes', async () => {
    const d = weightedScoreDetail((await load()).catalog, { popularityWeight: 0 }, (await load()).ratings);
    expect(d.source).toBe('ratings');
    // counts [3,1] → m = quantile 0.9 = 1 + 0.9·2 = 2.8; C = mean of item means (4+1)/2 = 2.5
    expect(d.m).toBeCloseTo(2.8);
    expect(d.C).toBeCloseTo(2.5);
    expect(d.scores[0]).toBeCloseTo((3 / 5.8) * 4 + (2.8 / 5.8) * 2.5, 5);
    expect(d.scores[2]).toBeCloseTo(2.5, 5); // no ratings → C
  });
  it('blends log-normalised popularity with the popularity weight', async () => {
    const ds = await load();
    const s0 = weightedScores(ds.catalog, { popularityWeight: 0 }, ds.ratings);
    const s1 = weightedScores(ds.catalog, { popularityWeight: 1 }, ds.ratings);
    expect(s1[0]).toBeCloseTo(5, 5); // most-rated item → top of the scale
    expect(s1[0]! - s1[1]!).toBeGreaterThan(s0[0]! - s0[1]!);
  });
  it('uses TMDB vote_count/vote_average when present', async () => {
    const { dataset } = await loadDataset([sourceFromText('movies_metadata.csv',
      'id,title,release_date,vote_average,vote_count,popularity,adult\n1,A,2000-01-01,8,1000,10,False\n2,B,2000-01-01,10,1,1,False\n3,C,2000-01-01,5,100,5,False\n')]);
    const d = weightedScoreDetail(dataset.catalog, { popularityWeight: 0 });
    expect(d.source).toBe('tmdb');
    expect(d.m).toBeCloseTo(quantile([1000, 1, 100], 0.9));
    // B has a perfect 10 from a single vote: the weighted rating pulls it below A.
    expect(d.scores[0]).toBeGreaterThan(d.scores[1]!);
  });
  it('changes with the quantile parameter', async () => {
    const ds = await load();
    const a = weightedScores(ds.catalog, { quantile: 0.1, popularityWeight: 0 }, ds.ratings);
    const b = weightedScores(ds.catalog, { quantile: 0.9, popularityWeight: 0 }, ds.ratings);
    expect(a[0]).not.toBeCloseTo(b[0]!, 3);
  });
});
